r"""A minimum or maximum age field that the registry cannot accept or that cannot be right.

What it finds:

- a value that is not "N/A" and not a whole number, one space and an allowed unit, capitalised
  as the registry writes it ("18 Years", "1 Month"): the API v2 pattern is
  ``^\d+ (Year|Years|Month|Months|Week|Weeks|Day|Days|Hour|Hours|Minute|Minutes)$``, and the
  legacy XML schema also allows "N/A";
- a minimum age above the maximum age (both on one scale: "12 Months" is "1 Year");
- with `unit_slips`, a minimum age in minutes or hours when nothing in the record (titles,
  conditions, summary, criteria) speaks of newborns, infants, babies, birth or preterm
  children ("birth control", "date of birth" and a drug's delivery are not such words): only
  newborn studies count ages in minutes or hours.

An empty value is left to T101 empty-field; "N/A" and no field both mean "no limit".

Why it matters: the age fields drive the registry's age search and age groups. "18 years",
"18 Yrs", "17.5 Years" or "eighteen" are rejected on upload or silently dropped from search; a
minimum above the maximum admits nobody; "18 Minutes" in a study of adults is a unit picked
from the wrong line of a menu.

Fails: minimum age "18 Minutes", no maximum, criteria about adults undergoing vitrectomy
(NCT01809093): "18 Years" was meant.

Passes: minimum age "1 Hour", maximum age "3 Days" in a study of ventilation in neonates
(NCT05706428).

Options:
  unit_slips (true): report a minimum age in minutes or hours in a record that never mentions
    newborns.

Fix safety: no fix: the value meant is for a person to say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.ages import Age, is_no_limit, parse_age_field
from lintrials.model import Record

CODE, NAME, SEVERITY = "E103", "invalid-age-field", "error"


@dataclass(frozen=True)
class Options:
    unit_slips: bool = True


_REGISTRY_FORM = re.compile(
    r"\d+ (?:Year|Years|Month|Months|Week|Weeks|Day|Days|Hour|Hours|Minute|Minutes)")
_NUMBER_AND_WORD = re.compile(r"\s*([\d.,]+)\s*([A-Za-z.]*)\s*")
_UNIT_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "hour",
               "hours", "minute", "minutes"}
# Words of newborn studies; "birth" not in "birth control" or "date of birth", and delivery
# only as a birth ("at delivery", not a drug's delivery).
_NEWBORN = re.compile(
    r"neonat|newborn|new-born|new born|infan|bab(?:y|ies)|(?<!date of )birth(?![\s-]*control|"
    r"days?\b)|preterm|premature|nicu\b|perinat|post-?partum|(?:at|after|before|of)\s+delivery"
    r"|gestation", re.IGNORECASE)
_FIELDS = (("minimum_age", "minimum age"), ("maximum_age", "maximum age"))


def _form_problem(value: str) -> str | None:
    """What is wrong with the form of an age value, or None when the registry accepts it."""
    if _REGISTRY_FORM.fullmatch(value) or value.strip() == "N/A":
        return None
    if value != value.strip() and _REGISTRY_FORM.fullmatch(value.strip()):
        return "has blanks around it"
    if is_no_limit(value):
        return 'says "no limit" in a way the registry does not: it writes "N/A" or no field'
    m = _NUMBER_AND_WORD.fullmatch(value)
    if m is None or not m.group(1)[0].isdigit():
        return "is not an age (a whole number and a unit, like \"18 Years\")"
    number, unit = m.group(1), m.group(2)
    if not number.isdigit():
        return f'has the number "{number}", but the registry takes whole numbers only'
    if not unit:
        return "has no unit"
    if unit.lower() in _UNIT_WORDS:
        if " " not in value.strip():
            return "needs a space between the number and the unit"
        return f'writes the unit "{unit}"; the registry writes "{unit.capitalize()}"'
    return (f'has the unit "{unit}", which the registry does not allow (Years, Months, Weeks, '
            "Days, Hours, Minutes)")


def _speaks_of_newborns(record: Record) -> bool:
    texts = [record.brief_title, record.official_title, record.brief_summary,
             record.detailed_description, record.eligibility.criteria, *record.conditions]
    return any(_NEWBORN.search(text) for text in texts if text)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    eligibility = record.eligibility
    ages: dict[str, Age | None] = {}
    for field, label in _FIELDS:
        raw = getattr(eligibility, field)
        if raw is None or not raw.strip():
            continue
        problem = _form_problem(raw)
        if problem is not None:
            yield Problem(f"eligibility.{field}", f'{label} "{raw}" {problem}')
            continue
        ages[field] = None if is_no_limit(raw) else parse_age_field(raw)
    low, high = ages.get("minimum_age"), ages.get("maximum_age")
    if low is not None and high is not None and low.days > high.days:
        yield Problem(
            "eligibility.minimum_age",
            f"minimum age {low} is above the maximum age {high}: no one can take part",
            related=("eligibility.maximum_age",),
        )
    if (ctx.options.unit_slips and low is not None and low.unit in ("minutes", "hours")
            and not _speaks_of_newborns(record)):
        yield Problem(
            "eligibility.minimum_age",
            f"minimum age {low} is counted in {low.unit}, but nothing in the record speaks of "
            f'newborns: "{low.value} Years" is probably meant',
            severity="warning",
        )
