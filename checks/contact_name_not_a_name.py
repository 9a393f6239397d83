"""A contact's name is an instruction, an e-mail address, an officer's title or a field label.

What it finds:

- an e-mail address as the name, or in it: move it to the e-mail field;
- an instruction or a sentence: "There may be multiple sites in this clinical trial...", "First
  line of the email MUST contain the NCT# and Site #.", "For more information ... contact ...",
  Roche's "Reference Study ID Number: ML12345 https://forpatients.roche.com/", a name holding a
  telephone number;
- a company officer's title on its own: "CEO", "President", "Chief Scientific Officer",
  "Founder", "Managing Director" (with a person's name, "Scott Mathis, Co-Founder & COO", it is
  fine);
- a field label or placeholder: "Contact", "Contact Person", "Name", "Phone", "Toll Free
  Number", "E-mail", "N/A", "TBD", "Unknown".

Not reported: people, with or without titles and degrees ("Hang Li, Doctor"); the titles of
study roles and offices, which the registry accepts instead of a person ("Study Coordinator",
"Trial Manager", "Clinical Trials Office", "PI", "Investigator"); call centres and companies
that answer for a sponsor ("US GSK Clinical Trials Call Center", "Boehringer Ingelheim");
sponsors' anonymised contacts ("Site Public Contact", Bristol-Myers Squibb's "Site 0221").

Why it matters: the registry shows a contact's name to people who want to join and to site
staff. A sentence, an address or the word "Contact" tells a reader nothing about whom they will
reach, and an address in the name field is missing from the e-mail field the registry links. A
company's chief executive is not a study contact: the title alone says neither who answers nor
where. Severity is warning: nobody can be asked for by name.

Fails: central contact "CEO" (NCT07177911): ``contact name 'CEO' is a company officer's title,
not a study contact: name the person, or the office, that answers participants' questions``.

Passes: "Qianjin Lu"; "Study Coordinator"; "US GSK Clinical Trials Call Center".

Options:
  officer_titles ([]): more titles (case ignored) to report when they stand alone as a name.
  allowed_names ([]): names (case ignored) never to report, for a sponsor's own convention.

Fix safety: no fix: the right contact is for the sponsor to name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.words import CONTACT_NAME_LABELS
from lintrials.model import Record

CODE, NAME, SEVERITY = "C303", "contact-name-not-a-name", "warning"


@dataclass(frozen=True)
class Options:
    officer_titles: tuple[str, ...] = ()
    allowed_names: tuple[str, ...] = ()


_EMAIL = re.compile(  # from the start of a run only: a long run without "@" is read once
    r"(?<![^\s@<>()\[\],;:\"])[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+\.[^\W\d_]{2,}")
# Sentences and instructions: how they start, and words a name never has.
_INSTRUCTION = re.compile(
    r"^(?:there (?:may|are|is)\b|please\b|call (?:for|us|the|\+?\d)|contact (?:us|the|our)\b"
    r"|for (?:more )?information\b|for (?:further )?(?:details|enquiries|inquiries)\b"
    r"|first line of\b|see (?:the|below|above|www|http)|visit (?:the|our|www|http)"
    r"|e-?mail (?:us|the)\b|refer to\b|reference study id\b|if you\b|to learn\b"
    r"|use the\b|ask (?:for|the)\b)"
    r"|\b(?:must contain|recommended|please|click here|call us)\b",
    re.IGNORECASE)
_PHONE_DIGITS = re.compile(r"\d")
_PHONE_RUN = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
_OFFICER = (
    r"ceo|cfo|coo|cto|cso|cmo|president|vice[ -]president|chairman|chairwoman|chairperson"
    r"|founder|co-?founder|owner|managing director|general manager"
    r"|chief (?:executive|operating|financial|scientific|medical|technology|technical|business"
    r"|commercial|development) officer"
)
_OFFICER_TITLE = re.compile(rf"^(?:the )?(?:{_OFFICER})(?: ?(?:and|&|/|,) ?(?:{_OFFICER}))*$")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    extra_titles = {_folded(t) for t in ctx.options.officer_titles}
    allowed = {_folded(n) for n in ctx.options.allowed_names}
    for path, contact, _country in record.contacts_with_country():
        name = contact.name
        if not name or not name.strip():
            continue
        folded = _folded(name)
        if folded in allowed:
            continue
        found = _not_a_name(name, folded, contact.email, extra_titles)
        if found is not None:
            span, message = found
            yield Problem(field=f"{path}.name", message=message, span=span)


def _not_a_name(name: str, folded: str, email: str | None,
                extra_titles: set[str]) -> tuple[tuple[int, int] | None, str] | None:
    address = _EMAIL.search(name)
    if address is not None:
        whole = address.group().strip(".") == name.strip().strip(".")
        where = "is an e-mail address" if whole else "holds an e-mail address"
        advice = ("put it in the e-mail field" if not (email or "").strip()
                  else "the e-mail field has one already")
        return (address.start(), address.end()), (
            f"contact name {name!r} {where}, not a name: {advice}, and name the person or "
            "office it reaches")
    if _INSTRUCTION.search(name) or _phone_in(name):
        return None, (f"contact name {name!r} is an instruction, not a name or title: name "
                      "the person or office to contact, and put telephone numbers and "
                      "addresses in their own fields")
    if _OFFICER_TITLE.match(folded) or folded in extra_titles:
        return None, (f"contact name {name!r} is a company officer's title, not a study "
                      "contact: name the person, or the office, that answers participants' "
                      "questions")
    if folded in CONTACT_NAME_LABELS:
        return None, (f"contact name {name!r} is a field label or placeholder, not a name: "
                      "name the person or office to contact")
    return None


def _phone_in(name: str) -> bool:
    """A telephone number written into the name: a run of nine digits or more."""
    return any(len(_PHONE_DIGITS.findall(m.group())) >= 9 for m in _PHONE_RUN.finditer(name))


def _folded(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split()).strip(" :")
