"""Configuration files: where they are found, what they change, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import REPO, findings
from lintrials.config import ConfigError, load
from lintrials.plugins import discover
from lintrials.rules import ENGINE_RULES


def checks():  # type: ignore[no-untyped-def]
    found, errors = discover()
    assert errors == []
    return found + ENGINE_RULES


def broken_json(folder: Path) -> Path:
    path = folder / "cut.json"
    path.write_text("{")
    return path


def test_default_config_documents_every_check_and_option() -> None:
    data = yaml.safe_load((REPO / "config.yaml").read_text())
    built_in = [c for c in checks() if c in ENGINE_RULES or "(lintrials.checks." in c.origin]
    assert data["checks"].keys() >= {c.name for c in built_in}
    for check in built_in:
        settings = data["checks"][check.name]
        assert settings["severity"] == check.severity, check.name
        documented = {k: v for k, v in settings.items() if k != "severity"}
        assert documented == check.options, check.name
        if check.options:  # one source of defaults: the check's Options dataclass
            assert check.options_class is not None, check.name
            assert check.build_options(documented) == check.options_class(), check.name
    text = (REPO / "config.yaml").read_text()
    for check in built_in:  # documented: each check's block has a comment naming its code
        assert f"# {check.code}" in text, check.code


def test_user_config_is_found_in_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / ".lintrials.yaml").write_text("ignore: [invalid-syntax]\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = load(checks(), search_from=nested)
    assert config.ignore == ["invalid-syntax"]
    assert config.files == [str(tmp_path / ".lintrials.yaml")]


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.lintrials]\n'
                                             'fail-on = "error"\nignore = ["F001"]\n')
    config = load(checks(), search_from=tmp_path)
    assert config.fail_on == "error" and config.ignore == ["F001"]


def test_unknown_key_names_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "lintrials.yaml"
    path.write_text("fail-on: error\nselct: [E]\n")
    with pytest.raises(ConfigError, match=r"lintrials\.yaml:2: selct: unknown key"):
        load(checks(), path)


def test_bad_option_value_names_the_check_and_option(tmp_path: Path) -> None:
    path = tmp_path / "lintrials.yaml"
    path.write_text("checks:\n  invalid-syntax:\n    severity: fatal\n")
    with pytest.raises(ConfigError, match=r":3: checks\.invalid-syntax\.severity: expected one of"):
        load(checks(), path)
    path.write_text("checks:\n  no-such-check: {}\n")
    with pytest.raises(ConfigError, match=r":2: checks\.no-such-check: no such check"):
        load(checks(), path)


def test_options_are_checked_against_their_types(tmp_path: Path) -> None:
    path = tmp_path / "lintrials.yaml"
    bad = {
        "age-limit-mismatch:\n    lenient: 'yes'": r":3: checks\.age-limit-mismatch\.lenient: "
        r"expected bool, got str 'yes'",
        "phase-mismatch:\n    fields: [1]": r":3: checks\.phase-mismatch\.fields: expected a "
        r"list of str, got list \[1\]",
        "illogical-age-statement:\n    max_years: 120.5": r"max_years: expected int, got float",
        "age-limit-mismatch:\n    lenient_: true": r":3: checks\.age-limit-mismatch\.lenient_: "
        r"unknown option for age-limit-mismatch \(expected one of: severity, lenient, "
        r"no_limit_fields, read_description\)",
    }
    for settings, error in bad.items():
        path.write_text(f"checks:\n  {settings}\n")
        with pytest.raises(ConfigError, match=error):
            load(checks(), path)


def test_options_are_built_from_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "lintrials.yaml"
    path.write_text("checks:\n  phase-mismatch:\n    fields: [brief_title]\n"
                    "  enrollment-mismatch:\n    tolerance: 0\n")
    config = load(checks(), path)
    by_name = {c.name: c for c in checks()}
    phase = by_name["phase-mismatch"]
    options = phase.build_options(config.options[phase.code])
    assert options == phase.options_class(fields=("brief_title",))
    enrollment = by_name["enrollment-mismatch"]
    tolerance = enrollment.build_options(config.options[enrollment.code]).tolerance
    assert tolerance == 0 and isinstance(tolerance, float)


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "lintrials.yaml"
    path.write_text("fail-on: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(ConfigError, match=r":1: the tag tag:yaml.org,2002:python/object/apply"):
        load(checks(), path)


def test_per_file_and_per_record_ignores(tmp_path: Path) -> None:
    broken_json(tmp_path)
    (tmp_path / ".lintrials.yaml").write_text("per-file-ignores:\n  '*/cut.json': [F001]\n")
    assert findings(tmp_path, search_from=tmp_path) == []
    (tmp_path / ".lintrials.yaml").write_text("per-file-ignores:\n  'other.json': [F001]\n")
    assert [f.code for f in findings(tmp_path, search_from=tmp_path)] == ["F001"]


def test_a_built_in_that_failed_to_load_does_not_stop_the_run_but_a_users_unknown_check_does(
    tmp_path: Path,
) -> None:
    """Its load error is reported (X001, exit 2); the built-in config.yaml naming it is not a
    second, misleading "no such check" error. A user's file naming a check that is not there
    still is one."""
    checks, _ = discover()
    without = [c for c in checks if c.name != "age-limit-mismatch"]
    config = load(without, search_from=tmp_path)
    assert "E101" not in config.options and "E102" in config.options
    user = tmp_path / "lintrials.yaml"
    user.write_text("checks:\n  age-limit-mismatch:\n    lenient: false\n")
    with pytest.raises(ConfigError, match="no such check"):
        load(without, path=user)
