"""A contact's name is an instruction, an e-mail address, an officer's title or a field label.

What it finds:

- an e-mail address as the name, or in it: move it to the e-mail field;
- an instruction or a sentence: "There may be multiple sites in this clinical trial...", "First
  line of the email MUST contain the NCT# and Site #.", "Please contact ...", "Call 1-877-...",
  "Dial ...", Roche's "Reference Study ID Number: ML12345 https://forpatients.roche.com/", a
  name holding a telephone number;
- an officer's title that says neither who nor how to reach: an abbreviation naming nobody
  ("CEO", "CMO", "PI"), or a company officer's title ("President", "Chief Scientific
  Officer", "Founder") with no e-mail or telephone beside it (with a person's name, "Scott
  Mathis, Co-Founder & COO", it is fine);
- a field label or placeholder, alone or after a label: "Contact", "Contact Person", "Name:",
  "Name: -", "Phone", "Toll Free Number", "E-mail", "N/A", "TBD", "Unknown".

Not reported: people, with or without titles and degrees ("Hang Li, Doctor"); the titles of
study roles and offices, which the registry accepts instead of a person ("Study Coordinator",
"Trial Manager", "Clinical Trials Office", "Office of Patient Recruitment", "Investigator");
an officer's title with the e-mail or telephone that reaches it ("Chief Medical Officer" and
an address); a sentence that ends by naming the office to reach ("For more information at the
NIH Clinical Center contact Office of Patient Recruitment (OPR)"); call centres and companies
that answer for a sponsor ("US GSK Clinical Trials Call Center", "Boehringer Ingelheim");
sponsors' anonymised contacts ("Site Public Contact", Bristol-Myers Squibb's "Site 0221").

Why it matters: the registry shows a contact's name to people who want to join and to site
staff. A sentence, an address or the word "Contact" tells a reader nothing about whom they will
reach, and an address in the name field is missing from the e-mail field the registry links. An
abbreviation or a bare company title says neither who answers nor where. Severity is warning:
nobody can be asked for by name.

Fails: central contact "CEO" (NCT07177911): ``contact name 'CEO' abbreviates an officer's title
and names nobody: name the person, or the office, that answers participants' questions``.

Passes: "Qianjin Lu"; "Study Coordinator"; "US GSK Clinical Trials Call Center"; "President"
with the e-mail clinicaltrial@seattlegummy.com.

Options:
  officer_titles ([]): more titles (case ignored) to report when they stand alone as a name,
    with or without an e-mail or telephone beside them.
  allowed_names ([]): names (case ignored) never to report, for a sponsor's own convention.

Fix safety: no fix: the right contact is for the sponsor to name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.contact_names import (
    email_in,
    folded_name,
    instruction,
    label_or_placeholder,
    names_whom,
    phone_in,
    web_address_in,
)
from lintrials.model import Contact, Record

CODE, NAME, SEVERITY = "C303", "contact-name-not-a-name", "warning"


@dataclass(frozen=True)
class Options:
    officer_titles: tuple[str, ...] = ()
    allowed_names: tuple[str, ...] = ()


# Officers by title: with a way to reach them beside it (an e-mail, a telephone), the title
# says who answers; alone, it does not.
_OFFICER = (
    r"president|vice[ -]president|chairman|chairwoman|chairperson"
    r"|founder|co-?founder|owner|managing director|general manager"
    r"|chief (?:executive|operating|financial|scientific|medical|technology|technical|business"
    r"|commercial|development) officer"
)
# ... and by abbreviation: "CMO", "PI" name nobody, and not every reader can expand them.
_ACRONYM = r"ceo|cfo|coo|cto|cso|cmo|cco|cio|co-?pi|pi"
_ANY_OFFICER = rf"{_OFFICER}|{_ACRONYM}"
_OFFICER_TITLE = re.compile(
    rf"^(?:the )?(?:{_ANY_OFFICER})(?: ?(?:and|&|/|,) ?(?:{_ANY_OFFICER}))*$")
_HAS_ACRONYM = re.compile(rf"(?<![\w-])(?:{_ACRONYM})(?![\w-])")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    extra_titles = {folded_name(t) for t in ctx.options.officer_titles}
    allowed = {folded_name(n) for n in ctx.options.allowed_names}
    for path, contact, _country in record.contacts_with_country():
        name = contact.name
        if not name or not name.strip():
            continue
        folded = folded_name(name)
        if folded in allowed:
            continue
        found = _not_a_name(name, folded, contact, extra_titles)
        if found is not None:
            span, message = found
            yield Problem(field=f"{path}.name", message=message, span=span)


def _not_a_name(name: str, folded: str, contact: Contact,
                extra_titles: set[str]) -> tuple[tuple[int, int] | None, str] | None:
    address = email_in(name)
    if address is not None:
        whole = address.group().strip(".") == name.strip().strip(".")
        has_email = bool((contact.email or "").strip())
        if whole:
            advice = ("put it in the e-mail field, and name" if not has_email
                      else "the e-mail field has an address already; name")
            message = (f"contact name {name!r} is an e-mail address, not a name: {advice} the "
                       "person or office it reaches")
        else:
            advice = ("move it to the e-mail field" if not has_email
                      else "the e-mail field has one already")
            message = (f"contact name {name!r} holds an e-mail address: {advice}, and leave "
                       "only the name")
        return (address.start(), address.end()), message
    phone = phone_in(name)
    web = web_address_in(name)
    if phone or (instruction(name) and not names_whom(name)):
        return None, _instruction(name, phone, web)
    if folded in extra_titles:
        return None, (f"contact name {name!r} is an officer's title, not a study contact: "
                      "name the person, or the office, that answers participants' questions")
    if _OFFICER_TITLE.match(folded):
        if _HAS_ACRONYM.search(folded):
            return None, (f"contact name {name!r} abbreviates an officer's title and names "
                          "nobody: name the person, or the office, that answers participants' "
                          "questions")
        if not ((contact.email or "").strip() or (contact.phone or "").strip()):
            return None, (f"contact name {name!r} is an officer's title with no e-mail or "
                          "telephone to reach it: name the person, or give the e-mail or "
                          "telephone that reaches whoever holds the title")
    if label_or_placeholder(folded):
        return None, (f"contact name {name!r} is a field label or placeholder, not a name: "
                      "name the person or office to contact")
    return None


def _instruction(name: str, phone: bool, web: bool) -> str:
    message = (f"contact name {name!r} is an instruction, not a name or title: name the "
               "person or office to contact")
    if phone:
        message += ", and put the telephone number in the phone field"
    if web:
        message += "; a web address reaches nobody by name"
    return message
