#!/bin/sh
# The HTML report is tested in a real headless browser: Debian's chromium and its driver.
# Installs them when they are missing (apt-get; as root, or through sudo). When it cannot, it
# says so and succeeds: the browser tests are then skipped with the reason (but fail in CI).
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && exit 0
as_root=""
[ "$(id -u)" = 0 ] || as_root="sudo -n"
if ! { $as_root apt-get update -q >/dev/null && \
       $as_root apt-get install -y -q chromium chromium-driver >/dev/null; }; then
    echo "install-browser.sh: could not install chromium (needs root or sudo); the HTML report's browser tests will be skipped" >&2
fi
exit 0
