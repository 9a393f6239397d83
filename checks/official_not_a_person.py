"""An overall official's name that is an instruction or a way to reach someone, not a person.

What it finds: an overall official (principal investigator, study chair, study director) whose
name field holds

- an instruction or a sentence: "Call 1-877-CTLILLY (1-877-285-4559) or 1-317-615-4559 Mon -
  Fri 9 AM - 5 PM Eastern Time", "For more information ...", "Please refer to ...", "There may
  be multiple sites ...";
- a way to reach someone: a telephone number, an e-mail address, a link ("https://...",
  "www.", "example.org/trials"), or a name that opens by saying how to reach ("Contact: ...",
  "Email contact via H. Lundbeck A/S", "Phone - ...");
- a field label or a placeholder, alone or after a label: "Central Contact", "Contact
  Person", "Name:", "N/A", "TBD", "Unknown".

Not reported: people, with or without titles and degrees ("Luca Incrocci, M.D., Ph.D.",
"fouad zanaty, professor"); the titles and offices the registry accepts in place of a person,
with or without the sponsor's name ("Medical Director", "Study Director", "Bayer Study
Director", "Clinical Trials Office", "Clinical Transparency (dept. 2834)", "Global Clinical
Registry (GCR, 1452)", "Pfizer CT.gov Call Center", "CEO"); a company or a department as the
official ("ABBVIE INC.", "Clinical Sciences & Operations"), which names who is responsible
even if not a person. The readers of instructions, telephone numbers, addresses and labels are
those of contact-name-not-a-name (`lintrials.knowledge.contact_names`); unlike that check,
a sentence that ends by naming an office ("For more information ... contact the Office of
Patient Recruitment") is reported here, since an official's name is no place for directions,
and an officer's title alone is not, since an official is often named by title.

Why it matters: the registry shows the overall officials as the people or officers
responsible for the scientific leadership of the study, and has no field for reaching them: a
telephone number, an address or "Call ..." in the name is a contact written into the wrong
field. It names nobody as responsible, and it is missing from the central contacts, where
the registry shows participants how to reach the study. Severity is warning: the record does
not say who leads the study.

Fails: official "Call 1-877-CTLILLY (1-877-285-4559) or 1-317-615-4559 Mon - Fri 9 AM - 5 PM
Eastern Time (UTC/GMT - 5 hours, EST)", role Study Director, affiliation Eli Lilly and
Company (NCT00547508): ``overall official 'Call 1-877-CTLILLY ...' is an instruction, not a
person or a title: name the official (a person, or the title of the officer or office
responsible for the study), and move the way to reach the study to a central contact (the
number in its phone field)``.

Passes: "Luca Incrocci, M.D., Ph.D."; "Medical Director"; "Bayer Study Director"; "Pfizer
CT.gov Call Center".

Options:
  allowed_names ([]): names (case ignored) never to report, for a sponsor's own convention.

Fix safety: no fix: who leads the study is for the sponsor to name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.contact_names import (
    contact_lead,
    email_in,
    folded_name,
    instruction,
    label_or_placeholder,
    link_in,
    phone_in,
)
from lintrials.model import Record

CODE, NAME, SEVERITY = "G101", "official-not-a-person", "warning"


@dataclass(frozen=True)
class Options:
    allowed_names: tuple[str, ...] = ()


_NAME_THE_OFFICIAL = ("name the official (a person, or the title of the officer or office "
                      "responsible for the study)")
_TO_CONTACTS = "move the way to reach the study to a central contact"
_KEEP_THE_NAME = "keep only the official's name or title"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    allowed = {folded_name(n) for n in ctx.options.allowed_names}
    for i, official in enumerate(record.overall_officials):
        name = official.name
        if not name or not name.strip() or folded_name(name) in allowed:
            continue
        found = _not_a_person(name)
        if found is not None:
            span, message = found
            yield Problem(field=f"overall_officials[{i}].name", message=message, span=span)


def _not_a_person(name: str) -> tuple[tuple[int, int] | None, str] | None:
    shown = " ".join(name.split())
    address = email_in(name)
    if address is not None:
        whole = address.group().strip(".") == name.strip().strip(".")
        ask = _NAME_THE_OFFICIAL if whole else _KEEP_THE_NAME
        what = "is an e-mail address" if whole else "holds an e-mail address"
        return (address.start(), address.end()), (
            f"overall official {shown!r} {what}, and the registry has no e-mail field for an "
            f"official: {ask}, and move the address to a central contact's e-mail field")
    if instruction(name):
        then = " (the number in its phone field)" if phone_in(name) else ""
        return None, (f"overall official {shown!r} is an instruction, not a person or a title: "
                      f"{_NAME_THE_OFFICIAL}, and {_TO_CONTACTS}{then}")
    if contact_lead(name):
        return None, (f"overall official {shown!r} says how to reach someone, not who leads "
                      f"the study: {_NAME_THE_OFFICIAL}, and {_TO_CONTACTS}")
    if phone_in(name):
        return None, (f"overall official {shown!r} holds a telephone number, and the registry "
                      f"has no telephone field for an official: {_KEEP_THE_NAME}, and move the "
                      "number to a central contact's phone field")
    if link_in(name) is not None:
        return None, (f"overall official {shown!r} holds a web address, which names nobody: "
                      f"{_KEEP_THE_NAME}, or {_NAME_THE_OFFICIAL} if the address is all there is")
    if label_or_placeholder(name):
        return None, (f"overall official {shown!r} is a field label or placeholder, not a "
                      f"person or a title: {_NAME_THE_OFFICIAL}")
    return None
