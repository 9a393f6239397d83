#!/bin/sh
# The HTML report is tested in a real headless browser: Debian's chromium and its driver.
# Installs them when they are missing (apt-get; as root, or through sudo).
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && exit 0
as_root=""
[ "$(id -u)" = 0 ] || as_root="sudo"
$as_root apt-get update -q >/dev/null && $as_root apt-get install -y -q chromium chromium-driver >/dev/null
