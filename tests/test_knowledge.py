"""lintrials.knowledge: domain knowledge that stands apart from the checks and the engine."""

from __future__ import annotations

import ast
import pkgutil
from importlib import resources
from pathlib import Path

import lintrials.knowledge
from lintrials.knowledge.text import fold, fold_word, strip_accents, words

# What knowledge may import of lintrials besides itself: the record model, nothing else.
ALLOWED = {"lintrials.model"}


def _lintrials_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name == "lintrials" or name.startswith("lintrials.")}


def test_knowledge_imports_only_itself_and_the_model() -> None:
    (folder,) = lintrials.knowledge.__path__
    modules = [info.name for info in pkgutil.iter_modules([folder])]
    assert "ages" in modules and "criteria" in modules
    for name in modules:
        imports = _lintrials_imports(Path(folder) / f"{name}.py")
        outside = {i for i in imports if not i.startswith("lintrials.knowledge")} - ALLOWED
        assert not outside, f"lintrials.knowledge.{name} imports {sorted(outside)}"


def test_the_installed_package_ships_the_facility_word_list() -> None:
    words = resources.files("lintrials.knowledge").joinpath("facility_words.txt")
    assert "[facility]" in words.read_text("utf-8")


def test_fold_drops_case_and_accents() -> None:
    assert fold("Réunion") == fold("REUNION") == "reunion"
    assert fold("Straße") == "strasse"
    assert strip_accents("Hôpital") == "Hopital"


def test_fold_word_folds_case_first_and_reads_the_dotless_i() -> None:
    assert fold_word("Sağlık") == "saglik"
    assert fold_word("Universität") == "universitat"
    assert fold("Sağlık") == "saglık"


def test_words_drop_spacing_and_punctuation_but_keep_numbers() -> None:
    assert words("Tablet, 10mg (p.o.)") == words("tablet 10 mg PO") == ("tablet", "10", "mg", "po")
    assert words("1.0 mg") != words("10 mg")
    assert words("Crohn’s") == words("crohns")
    assert words(None) == words("  -- ") == ()


def test_without_dose_keeps_the_treatment_and_drops_its_dose() -> None:
    from lintrials.knowledge.interventions import without_dose

    assert without_dose("ZD6474 (Zactima) 100mg") == without_dose("ZD6474 (Zactima) 300 mg")
    assert without_dose("Morphine 15") == without_dose("morphine 30") == "morphine"
    assert without_dose("CAR-T 1x10^6 cells/kg") == without_dose("CAR-T 3 x 10^6 cells/kg")
    assert without_dose("Dose level 1 of SSGJ-707") == without_dose("dose level 2 of SSGJ-707")
    assert without_dose("Drug X low dose") == without_dose("Drug X high-dose") == "drug x"
    # Numbers that are part of a name stay.
    assert without_dose("18F-FAPI") != without_dose("68Ga-FAPI")
    assert without_dose("IL-2") != without_dose("IL-7")
    assert without_dose("Placebo matching 50 mg udenafil") != without_dose("Udenafil 50 mg")


def test_numbers_in_digits_and_words() -> None:
    import re

    from lintrials.knowledge.numbers import NUMBER, number_value

    whole = re.compile(rf"(?<![\w-]){NUMBER}", re.IGNORECASE)
    for text, value in (
        ("1,200 people", 1200), ("36 subjects", 36), ("Forty-five patients", 45),
        ("one hundred and twenty patients", 120), ("a hundred women", 100),
        ("two thousand five hundred adults", 2500), ("three hundred fifty", 350),
        ("Two-hundred and forty (240) patients", 240), ("one-hundred-twenty", 120),
    ):
        m = whole.search(text)
        assert m and number_value(m.group()) == value, text
    for text in ("someone", "tenfold", "seventy-two-hour", "fortnight"):
        assert whole.search(text) is None, text
    assert number_value("many") is None
