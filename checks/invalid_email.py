"""A contact's e-mail address cannot be an address: its syntax is wrong.

What it finds: an address that breaks the rules of RFC 5321 and 5322 as mail programs apply
them (the rules of the `email-validator` package with deliverability checks off; the check
does not depend on it, and reads the address only: no network, no look-up of the domain): one
"@"; a local part of 1 to 64 characters from letters (any script), digits and
``!#$%&'*+-/=?^_`{|}~``, dots between them but not at either end nor doubled (quoted local
parts are refused, as mail programs do); a domain of two labels or more, each 1 to 63 letters,
digits or hyphens, not starting or ending with a hyphen, the last not all digits and of two
characters or more; 254 characters at most; no spaces. A domain that cannot be on the internet
("localhost", ".local", ".test", ".invalid", ".example") is reported too, and so are leading
and trailing spaces. Stricter than `email-validator` in two points: a local part over 64
characters, a one-letter top-level domain.

Why it matters: the registry turns the field into a link that people who want to join click.
"rschott@strasbourg@unicancer.fr" or "mailto:Rebecca.Wesch@ucsf.edu" fail in every mail
program, so the site never hears from them. The repair is almost always visible in the value:
a second "@", a "mailto:" or web address pasted with it, two addresses, a comma for a dot.

Fails: "rschott@strasbourg@unicancer.fr": ``e-mail address 'rschott@strasbourg@unicancer.fr'
has two "@" signs: one address has one``.

Passes: "Trialsites@merck.com", "o'brien+study@example-hospital.co.uk", "josé@hôpital.fr".

Options: none.

Fix safety: no fix: the address meant is for a person to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "C304", "invalid-email", "error"

_ATEXT = re.compile(r"^[^\W_]|[!#$%&'*+\-/=?^_`{|}~]$")
_LABEL = re.compile(r"^[^\W_](?:[^\W_]|-){0,62}$")
_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+(?:or|and|/)\s+|\s+")
_SCHEME = re.compile(r"^(?:mailto|https?)\s*:", re.IGNORECASE)
_SPECIAL_USE = frozenset({"localhost", "local", "test", "invalid", "example", "arpa", "onion"})
_MAX_LENGTH = 254
_MAX_LOCAL = 64
_MAX_LABEL = 63


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    for path, contact, _country in record.contacts_with_country():
        value = contact.email
        if value is None or not value.strip():
            continue
        problem = email_problem(value)
        if problem is not None:
            span, reason = problem
            yield Problem(field=f"{path}.email", span=span,
                          message=f"e-mail address {value!r} {reason}")


def email_problem(value: str) -> tuple[tuple[int, int] | None, str] | None:
    """Why an e-mail address is not one, with the span of the fault, or None when it is one."""
    stripped = value.strip()
    if stripped != value:
        start = len(value) - len(value.lstrip())
        return (0, start) if start else (len(value.rstrip()), len(value)), (
            "has spaces around it: remove them")
    scheme = _SCHEME.match(value)
    if scheme is not None:
        if scheme.group().casefold().startswith("http"):
            return (0, len(value)), "is a web address, not an e-mail address"
        return (0, scheme.end()), (
            f"starts with {scheme.group()!r}: the field holds the address alone")
    if value.count("@") > 1:
        parts = [p for p in _SEPARATORS.split(value) if p]
        if len(parts) > 1 and all(p.count("@") == 1 for p in parts):
            return None, "holds more than one address: the field holds one"
        second = value.index("@", value.index("@") + 1)
        return (second, second + 1), 'has two "@" signs: one address has one'
    if " " in value or "\t" in value:
        at = min(i for i in (value.find(" "), value.find("\t")) if i >= 0)
        return (at, at + 1), "has a space in it"
    if "@" not in value:
        return None, 'has no "@": it is not an e-mail address'
    if len(value) > _MAX_LENGTH:
        return None, f"is {len(value)} characters long; an address has {_MAX_LENGTH} at most"
    local, domain = value.split("@")
    at = len(local)
    return _local_problem(local) or _domain_problem(domain, at + 1)


def _local_problem(local: str) -> tuple[tuple[int, int] | None, str] | None:
    if not local:
        return None, 'has nothing before the "@"'
    if len(local) > _MAX_LOCAL:
        return (0, len(local)), f"has {len(local)} characters before the \"@\"; at most 64"
    if local.startswith(".") or local.endswith("."):
        at = 0 if local.startswith(".") else len(local) - 1
        return (at, at + 1), 'has a dot at the start or end of the part before the "@"'
    if ".." in local:
        at = local.index("..")
        return (at, at + 2), 'has two dots in a row before the "@"'
    for i, char in enumerate(local):
        if char != "." and not _ATEXT.match(char):
            return (i, i + 1), f'has {char!r} before the "@", which an address cannot have'
    return None


def _domain_problem(domain: str, offset: int) -> tuple[tuple[int, int] | None, str] | None:
    if not domain:
        return None, 'has nothing after the "@"'
    if domain.endswith("."):
        return (offset + len(domain) - 1, offset + len(domain)), "ends with a dot"
    for i, char in enumerate(domain):
        if char not in ".-" and not _LABEL.match(char):
            return (offset + i, offset + i + 1), (
                f'has {char!r} after the "@", which a domain cannot have')
    labels = domain.split(".")
    if len(labels) < 2:
        return (offset, offset + len(domain)), (
            f'has no dot after the "@": {domain!r} is not an internet domain')
    position = offset
    for label in labels:
        span = (position, position + max(len(label), 1))
        if not label:
            return span, 'has two dots in a row after the "@"'
        if len(label) > _MAX_LABEL:
            return span, f"has a domain label of {len(label)} characters; at most 63"
        if label.startswith("-") or label.endswith("-"):
            return span, f"has a domain label {label!r} that starts or ends with a hyphen"
        position += len(label) + 1
    top = labels[-1]
    top_span = (offset + len(domain) - len(top), offset + len(domain))
    if top.isdigit() or len(top) < 2:
        return top_span, f"ends in {top!r}, which is no top-level domain"
    if top.casefold() in _SPECIAL_USE or domain.casefold() == "localhost":
        return top_span, f"ends in {top!r}, a domain reserved for tests and local networks"
    return None
