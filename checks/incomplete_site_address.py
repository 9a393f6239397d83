"""A site has no city or no country.

What it finds: a location with no city, no country, or neither (a placeholder such as "-",
"N/A" or "TBD" in the field counts as none); one finding names everything missing ("no city
and no country"), on the site's first field (its facility name, or the city
when it has one). In a partial download (a record lacking any module every study has:
identification, status, sponsor, description, conditions, design, eligibility; the API's
`fields=` filter), a site is reported only when another site of the same record has the field:
the download included it, and this site lacks it.

Why it matters: ClinicalTrials.gov requires a city and a country for every site: they are what
the registry maps, counts ("sites in 12 countries") and searches ("trials near Leeds"). A site
without them is listed, but nobody can find it by place, and the record's countries may miss
the site's.

Fails: the ninth site of NCT00462956, "GSK Investigational Site", with no address.

Passes: "Changsha, Hunan, China"; a partial download whose sites all carry only a city
(NCT00044187, fetched with a `fields=` filter).

Options: none.

Fix safety: no fix: the address is for the sponsor to give.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.words import PLACEHOLDER_VALUES
from lintrials.model import Location, Record

CODE, NAME, SEVERITY = "L213", "incomplete-site-address", "warning"

# Every module a registered study has; a record lacking one is a partial download.
_COMPLETE = frozenset(
    {
        "identificationModule",
        "statusModule",
        "sponsorCollaboratorsModule",
        "descriptionModule",
        "conditionsModule",
        "designModule",
        "eligibilityModule",
    }
)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if not record.locations:
        return
    partial = not _COMPLETE.issubset(record.sections)
    required = ["city", "country"]
    if partial:
        # A filtered download: only what it included for some site is expected of all.
        required = [f for f in required if any(_has(loc, f) for loc in record.locations)]
    if not required:
        return
    total = len(record.locations)
    for i, loc in enumerate(record.locations):
        missing = [f for f in required if not _has(loc, f)]
        if not missing:
            continue
        name = (loc.facility or "").strip()
        site = f"site {i + 1} of {total}" + (f" ({name})" if name else "")
        field = "facility" if name else "city" if _has(loc, "city") else "country"
        stand_ins = [f"the {f} says {getattr(loc, f).strip()!r}" for f in missing
                     if (getattr(loc, f) or "").strip()]
        said = f" ({', '.join(stand_ins)})" if stand_ins else ""
        yield Problem(f"locations[{i}].{field}",
                      f"{site} has no {' and no '.join(missing)}{said}")


def _has(loc: Location, field: str) -> bool:
    """Whether the site gives the field: a placeholder ("-", "N/A", "TBD") gives nothing."""
    value = (getattr(loc, field) or "").strip()
    return bool(value) and value.casefold() not in PLACEHOLDER_VALUES
