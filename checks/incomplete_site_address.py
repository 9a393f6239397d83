"""A site has no city or no country.

Why: ClinicalTrials.gov requires a city and a country for every site: they are what the
registry maps, counts ("sites in 12 countries") and searches ("trials near Leeds"). A site
without them is listed, but nobody can find it by place, and the record's list of countries can
miss the country the site is in.

What is not reported: a record downloaded in part. A partial download (the API's `fields=`
filter) can leave out whole modules and the fields inside the modules it keeps, so a missing
city or country there is the download's, not the record's: in a record that lacks any of the
modules every study has (identification, status, sponsor, description, conditions, design,
eligibility), a site is reported only when another site of the same record has the field
(the download included it, and this site lacks it).

The finding is on the site's first field (its facility name, or the city when it has one), and
one finding names everything missing ("no city and no country").

Example (fails): the ninth site of NCT00462956, "GSK Investigational Site", with no address.
Example (passes): "Changsha, Hunan, China"; a partial download whose sites all carry only a
city (NCT00044187, fetched with a `fields=` filter).

Options: none.

Corpus: 1 findings, 1 correct (100%), measured with
lintrials check --select L213 --today 2026-11-22 ../shared/corpus/
(NCT00462956: the last of nine GSK sites has a facility name and nothing else). The 3,940 sites
of the partial downloads that carry only a city (NCT00044187, NCT02750826 with 1,498 sites,
...) are not reported: the download left the country out of every site. The tests add made-up
records for a partial record whose other sites have the country, and a complete record.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
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
        yield Problem(f"locations[{i}].{field}", f"{site} has no {' and no '.join(missing)}")


def _has(loc: Location, field: str) -> bool:
    value = getattr(loc, field)
    return bool(value and value.strip())
