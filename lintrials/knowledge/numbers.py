"""Numbers as registry text writes them: digits ("1,200") or words ("one hundred and twenty").

`NUMBER` is a regular expression (a string, to be put inside others) for a whole number of
either kind; `number_value` reads what it matched. enrollment-mismatch (D107) reads the numbers
of participants that summaries state with them.
"""

from __future__ import annotations

import re

__all__ = ["NUMBER", "WORD_NUMBER", "number_value"]

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}

_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN = "|".join(sorted(_TENS, key=len, reverse=True))
# 1 to 99: "seven", "forty-five", "forty five"
_BELOW_100 = (
    rf"(?:(?:{_TEN})(?:[ \t]*-[ \t]*|[ \t]+)(?:{_UNIT})(?![\w-])|(?:{_TEN}|{_UNIT})(?![\w-]))"
)
# 1 to 999: "one hundred and twenty", "a hundred", "two hundred fifty"
_BELOW_1000 = (
    rf"(?:(?:(?:{_UNIT}|{_TEN})|an?)[ \t-]+hundred(?:(?:[ \t]+and[ \t]+|[ \t-]+){_BELOW_100})?"
    rf"(?![\w-])|{_BELOW_100})"
)
# Up to 999,999: "two thousand five hundred", "one thousand and fifty", "two-hundred"
WORD_NUMBER = (
    rf"(?:{_BELOW_1000}[ \t-]+thousand(?:,?(?:[ \t]+and[ \t]+|[ \t-]+){_BELOW_1000})?"
    rf"(?![\w-])|{_BELOW_1000}(?![\w-]))"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3}){1,3}(?![\d,])|\d{1,9}(?!\d))"
NUMBER = rf"(?:{_DIGITS}|{WORD_NUMBER})"
_WORD = re.compile(r"[a-z]+")


def number_value(text: str) -> int | None:
    """The value of a number matched by `NUMBER`: "1,200" -> 1200, "Forty-five" -> 45,
    "one hundred and twenty" -> 120, "two thousand five hundred" -> 2500; None for text that
    is not one."""
    digits = text.replace(",", "").strip()
    if digits.isdigit():
        return int(digits)
    total = current = 0
    seen = False
    for word in _WORD.findall(text.casefold()):
        if word in _UNITS or word in _TENS:
            current += _UNITS.get(word, 0) + _TENS.get(word, 0)
        elif word in ("a", "an"):
            current += 1
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "and":
            continue
        else:
            return None
        seen = True
    return total + current if seen else None
