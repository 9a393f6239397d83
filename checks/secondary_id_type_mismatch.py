"""A secondary ID filed under a type its value proves wrong: a CTIS number as EudraCT, and back.

What it finds: a secondary ID of type EUDRACT_NUMBER whose value is a CTIS (EU CT) number, and
one of type CTIS whose value is a EudraCT number. The two are told apart by their serial, the
six digits after the year: CTIS numbering starts at 500000 (`2023-509120-17-00`), and EudraCT's
never reached it (`2020-003288-24`). A number cut short (`2022-501007-28`, its last part gone)
is told by its serial too (I101 reports the missing part); label text around it does not
matter. With `registry_ids_as_grants`, also a registry's ID (an NCT number, an EU number, an
ISRCTN, a WHO UTN, a CTRP number: a value whose form is that registry's alone, see
`lintrials/knowledge/registries.tsv`) filed under a type of funding (NIH, FDA, VA, CDC, AHRQ,
SAMHSA, OTHER_GRANT).

Not reported: a CTIS or EudraCT number filed as REGISTRY or OTHER with a domain that says which
(common, and right before the API had a CTIS type); an EU number whose serial is under 500000
with a CTIS-style last part (`2020-003288-24-00`: no known form, for I101); legacy XML, which
gives no type.

Why it matters: the type decides where the registry and its users look the number up. A CTIS
number filed as EudraCT sends them to the EU Clinical Trials Register, which does not hold it,
and it is missing from searches of CTIS trials; a trial registry's ID filed as a grant is
counted as funding.

Fails: type EUDRACT_NUMBER, `"2022-501007-28"`; type CTIS, `"2020-003288-24"`; type OTHER_GRANT,
domain "CTRP (Clinical Trials Reporting Program)", `"NCI-2024-00502"`.

Passes: type EUDRACT_NUMBER, `"2020-003288-24"`; type CTIS, `"2023-509120-17-00"`; type NIH,
`"R01DK132302"`.

Options:
  registry_ids_as_grants (default true): report a registry's ID filed under a type of
    funding.

Fix safety: the EU type is set to the one the serial proves (EUDRACT_NUMBER <-> CTIS), a safe
fix: the serial ranges of the two do not overlap, and the value is left as it is. A registry's
ID filed as a grant has an unsafe fix, the type REGISTRY (EUDRACT_NUMBER or CTIS for an EU
number): the ID may have been pasted where a grant number belonged, so which field is wrong
is for a person to say.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Fix, Problem
from lintrials.knowledge.registries import (
    CTIS_TYPE,
    EUDRACT_TYPE,
    GRANT_TYPES,
    eu_number_kind,
    identify,
)
from lintrials.model import Record

CODE, NAME, SEVERITY = "I102", "secondary-id-type-mismatch", "warning"
FIXABLE = True

_EU_TYPES = {"eudract": EUDRACT_TYPE, "ctis": CTIS_TYPE}
_WHAT = {"eudract": "a EudraCT number (its serial is under 500000)",
         "ctis": "a CTIS (EU CT) number (its serial, 500000 or over, is CTIS's)"}


@dataclass(frozen=True)
class Options:
    registry_ids_as_grants: bool = True


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    for i, secondary in enumerate(record.secondary_ids):
        value, written = secondary.id, secondary.type
        if not value or not written:
            continue
        kind = written.strip().upper()
        field = f"secondary_ids[{i}].type"
        if kind in (EUDRACT_TYPE, CTIS_TYPE):
            proven = eu_number_kind(value)
            if proven is not None and _EU_TYPES[proven] != kind:
                right = _EU_TYPES[proven]
                yield Problem(field, f"the secondary ID {value!r} is {_WHAT[proven]}, filed "
                              f"as type {written}", related=(f"secondary_ids[{i}].id",),
                              fix=Fix(f"set the type to {right}", right))
        elif kind in GRANT_TYPES and ctx.options.registry_ids_as_grants:
            registry = identify(value)
            if registry is None:
                continue
            proven = eu_number_kind(value) if registry.key in _EU_TYPES else None
            right = _EU_TYPES[proven] if proven else "REGISTRY"
            yield Problem(field, f"the secondary ID {value!r} is an ID of {registry.name}, "
                          f"filed as a grant (type {written})",
                          related=(f"secondary_ids[{i}].id",),
                          fix=Fix(f"set the type to {right}", right, safe=False))
