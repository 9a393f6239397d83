"""The kinds of phone-number issue, and the `PhoneIssue` that carries one (see `phones`)."""

from __future__ import annotations

from dataclasses import dataclass

# Kinds: a number that cannot be right as written ...
NOT_A_NUMBER = "not-a-number"  # text, a placeholder or an email address instead of a number
SEVERAL = "several"  # more than one number in one field
EXTENSION = "extension"  # an extension written inside the number
TRUNK_PREFIX = "trunk-prefix"  # the national trunk prefix kept after the country code
FOREIGN = "foreign"  # a North American number in national form for a site elsewhere
INVALID = "invalid"  # no valid number for the country
BAD_EXTENSION = "bad-extension"  # the extension field holds a country code or another number
# ... and a right number in a form that is hard to use.
NATIONAL_FORM = "national-form"  # no country code
NO_PLUS = "no-plus"  # country code without "+"
IDD_PREFIX = "idd-prefix"  # "00" (a country's own international call prefix) instead of "+"
LETTERS = "letters"  # a vanity number: 1-800-DIAL-NOW
NOTE = "note"  # a label or a remark around the number
BRACKETED_TRUNK = "bracketed-trunk"  # "+44 (0)20 ...": the trunk prefix in brackets, to skip

MALFORMED_KINDS = frozenset({NOT_A_NUMBER, SEVERAL, EXTENSION, TRUNK_PREFIX, FOREIGN, INVALID,
                             BAD_EXTENSION})
FORMAT_KINDS = frozenset({NATIONAL_FORM, NO_PLUS, IDD_PREFIX, LETTERS, NOTE, BRACKETED_TRUNK})


@dataclass(frozen=True)
class PhoneIssue:
    """One thing wrong with a phone number.

    ``in_ext`` is true when the issue is in the extension field rather than the phone field;
    ``span`` is the part of that field's value at fault (None: the whole value).
    ``calling_code`` is the number's country calling code when known (``national-form`` uses it
    to let numbers of the registry's own country be written nationally).
    """

    kind: str
    message: str
    span: tuple[int, int] | None = None
    in_ext: bool = False
    calling_code: int | None = None
    # An unambiguous rewrite: the number's international form, for the part ``rewrite_span``.
    rewrite: str | None = None
    rewrite_span: tuple[int, int] | None = None

