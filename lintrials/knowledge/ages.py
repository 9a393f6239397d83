"""Ages as the registry's age fields give them: "18 Years", "6 Months", "N/A".

`parse_age_field` reads a minimum/maximum age field into an `Age`, or None when it sets no
limit (`is_no_limit` tells "N/A" from a value that is no age at all). `Age.days` puts every
unit on one scale. The age limits that criteria state in words are read by `age_limits`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["UNIT_DAYS", "Age", "is_no_limit", "parse_age_field"]

# Days in each unit: a year is 365.25 days and a month a twelfth of it, so "12 Months" and
# "1 Year", or "6 Weeks" and "42 Days", are the same age.
UNIT_DAYS: dict[str, Fraction] = {
    "years": Fraction(1461, 4),
    "months": Fraction(1461, 48),
    "weeks": Fraction(7),
    "days": Fraction(1),
    "hours": Fraction(1, 24),
    "minutes": Fraction(1, 1440),
}


@dataclass(frozen=True)
class Age:
    """An age as a number and a unit ("years", "months", "weeks", "days", "hours", "minutes")."""

    value: Fraction
    unit: str

    @property
    def days(self) -> Fraction:
        """The age in days, the common unit in which ages of different units compare."""
        return self.value * UNIT_DAYS[self.unit]

    def plus(self, units: int) -> Age:
        """The age ``units`` of its own unit later (or earlier, when negative)."""
        return Age(self.value + units, self.unit)

    def __str__(self) -> str:
        number = str(self.value.numerator) if self.value.denominator == 1 else str(
            float(self.value))
        unit = self.unit[:-1] if self.value == 1 else self.unit
        return f"{number} {unit.capitalize()}"


_FIELD = re.compile(
    r"\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*", re.IGNORECASE)
_NO_LIMIT = re.compile(r"\s*(?:N/?A|none|no limit|not applicable)?\s*", re.IGNORECASE)


def parse_age_field(text: str | None) -> Age | None:
    """Read an age field ("18 Years", "1 Month", "N/A") into an `Age`; None means no limit.

    A field that is neither an age nor a "no limit" value (a typo such as "18 Yeras") is also
    None; `is_no_limit` tells the two apart.
    """
    if text is None:
        return None
    m = _FIELD.fullmatch(text)
    if not m:
        return None
    return Age(Fraction(m.group(1)), m.group(2).lower() + "s")


def is_no_limit(text: str | None) -> bool:
    """True when an age field sets no limit: absent, empty or "N/A"."""
    return text is None or bool(_NO_LIMIT.fullmatch(text))

