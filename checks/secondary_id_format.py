"""A secondary ID that does not fit the form of the registry its type, domain or prefix names.

What it finds: a secondary ID whose type (EUDRACT_NUMBER, CTIS), domain ("EU CT Number",
"ISRCTN", "Clinical Trials Registry-India") or opening ("EudraCT", "ISRCTN", "ACTRN") names a
registry of `lintrials/knowledge/registries.tsv`, and whose value is not an ID of that
registry's form:

- cut short: a CTIS (EU CT) number without its last part (`2023-508613-17` for
  `2023-508613-17-NN`), which is also how a CTIS number filed as EudraCT usually looks (its
  serial, 500000 and over, is CTIS's); a EudraCT number without its check digits;
- a wrong serial or check part: `2015-00123-45` (five digits), `2015-001234-5`;
- label text inside the value: `"EudraCT: 2015-001234-56"`, `"EudraCT Number 2015-..."`,
  `"IDRCB: 2022-A01261-42"`, `"2006-001228-37 (EudraCT)"`;
- a separator after the prefix: `"ISRCTN: 10678756"`, `"ChiCTR-2000029308"`;
- white space around an ID that fits;
- digits missing or extra after a prefix: `ISRCTN1150`, `ChiCTR00029308`, `ACTRN1261700074732`;
- another text beside the ID (two IDs in one entry) or another registry's ID (an NCT number
  filed as EudraCT).

EudraCT and CTIS count as one here: a EudraCT number filed as CTIS, or the reverse, fits, and is
I102's to report. The check digits of EudraCT and CTIS numbers are not verified (their
algorithm is not published): only their form.

Not reported: IDs of registries not in the table (EU PAS, FDA IND numbers, ethics committee
numbers), IDs whose type or domain names a sponsor or funder, and IDs of the funding types
(NIH, FDA, VA, CDC, AHRQ, SAMHSA, OTHER_GRANT), whose values are grant or contract numbers: NIH
grant numbers are not checked, since the type covers grants, contracts and intramural projects,
written with or without the application type, support year and suffix and with blanks, and no
one form is certain. Legitimate variants are silent: the older ChiCTR form
(`ChiCTR-TRC-12002345`), ISRCTN with or without a space after the prefix, a prefixed registry's
number alone where the type or domain names it (`10678756`, domain ISRCTN), the EU CTR's country
after a EudraCT number (`2014-003865-11-DE`), the ICTRP's forms (`EUCTR2019-001698-10-NL`,
`JPRN-jRCT2031230704`), early CTRI numbers (`CTRI/2008/091/000123`), a medicine trial's EudraCT
number given as its ID-RCB. A domain of ClinicalTrials.gov, WHO or ICTRP names no registry
(they are written beside PDQ numbers and WHO grants); an NCT number is claimed by its prefix.

Why it matters: a secondary ID is how the same trial is found in another registry, and how
registries, the WHO's ICTRP and systematic reviewers link records of one trial. An ID cut short
or wrapped in a label matches no record there: the link is lost without anyone seeing it.

Fails: type EUDRACT_NUMBER, `"2022-501007-28"` (a CTIS number cut short); domain "EU CT Number",
`"2023-508613-17"`; no type, `"EudraCT No: 2005-001678-28"`.

Passes: type CTIS, `"2023-509120-17-00"`; type EUDRACT_NUMBER, `"2014-005098-35"`; domain
ISRCTN, `"10678756"`; domain "Eli Lilly and Company", `"H6D-CR-S024"`.

Options: none.

Fix safety: white space around an ID that fits, and a separator after a prefix
(`"ISRCTN: 10678756"` -> `"ISRCTN10678756"`), are taken away by a safe fix: no digit changes.
Label text is taken away by a safe fix where the type or domain already names the registry, or
the ID left carries its registry's prefix (`"ISRCTN number 12345678"` -> `"ISRCTN12345678"`);
where the label is the only word that says which registry the number is of (no type, a domain
that names none), taking it away loses that, so the fix is unsafe: set the type or domain first.
An ID cut short or with a digit wrong has no fix: the missing part is for a person to look up
(a CTIS number's last part is usually 00, but not always).
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Fix, Problem
from lintrials.knowledge.registries import FITS, LABEL, Claim, Verdict, claimed, verdict
from lintrials.model import Record

CODE, NAME, SEVERITY = "I101", "secondary-id-format", "warning"
FIXABLE = True


def _what_says(claim: Claim) -> str:
    if claim.by == "type":
        return f" (type {claim.said})"
    if claim.by == "domain":
        return f" (domain {claim.said!r})"
    return ""


def _fix(found: Verdict, claim: Claim) -> Fix | None:
    if found.repaired is None:
        return None
    safe = True
    if found.kind == LABEL and claim.by == "prefix":
        # The label was all that said which registry: kept only where the ID's own prefix says it.
        prefix = found.registry.prefix.rstrip("/-") if found.registry else ""
        safe = bool(prefix) and found.repaired.upper().startswith(prefix.upper())
    return Fix(f"write {found.repaired!r}", found.repaired, safe=safe)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    for i, secondary in enumerate(record.secondary_ids):
        value = secondary.id
        if value is None or not value.strip():
            continue
        claim = claimed(secondary.type, secondary.domain, value)
        if claim is None:
            continue
        found = verdict(value, claim)
        if found.kind == FITS:
            continue
        yield Problem(f"secondary_ids[{i}].id",
                      f"the secondary ID {value!r}{_what_says(claim)} {found.message}",
                      fix=_fix(found, claim))
