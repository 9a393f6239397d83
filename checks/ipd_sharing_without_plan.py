"""A plan to share individual participant data answered Yes, with no description of the plan.

What it finds: "Plan to Share Individual Participant Data (IPD)" is Yes, and the "IPD Sharing
Plan Description" is missing, blank, or only a placeholder ("N/A", "TBD", "-").

The other parts of the statement do not stand in for the description, and the finding is
made whatever they hold. The data element definitions give each part its own question: the
description says "what specific individual participant data sets are to be shared (for
example, all collected IPD, all IPD that underlie results in a publication)"; the supporting
information types are documents beside the data (study protocol, statistical analysis plan,
informed consent form, clinical study report, analytic code), not participant data; the
time frame says when, the access criteria with whom and how, the URL where to read more.
A record with all of these but no description says when and how something is shared, not
what. The message names the parts the record does give.

Not reported: No or Undecided with no description (the definition makes the explanation
optional there: "an explanation may be provided"); a Yes with any description, however
short ("All collected IPD", "Upon request"): how complete a plan is, is for a reader; a
record with no sharing statement at all.

Why it matters: a Yes is a promise to other researchers, and the ICMJE, which asks every
trial for a data-sharing statement, asks it to say which data will be shared, when, and how.
A Yes without the description tells nobody what they can ask for, and a registry reviewer or
a journal cannot tell the promise from a box ticked. Severity is warning.

Fails: NCT02964858: "Plan to Share IPD: Yes", and nothing more.

Passes: Yes with "Individual participant data that underlie the results reported in this
article, after de-identification"; No with no description.

Options: none. The check does not depend on the run date.

Fix safety: no fix: what will be shared is for the responsible party to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.words import PLACEHOLDER_VALUES
from lintrials.model import IpdSharing, Record

CODE, NAME, SEVERITY = "G103", "ipd-sharing-without-plan", "warning"

_ASK = ("say which individual participant data will be shared (for example all collected "
        "IPD, or all IPD that underlie the published results)")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    plan = record.ipd_sharing
    if plan is None or (plan.sharing or "").strip().upper() != "YES":
        return
    description = " ".join((plan.description or "").split())
    if description and description.casefold() not in PLACEHOLDER_VALUES:
        return
    if plan.description is None:
        field, what = "ipd_sharing.sharing", "there is no plan description"
    elif description:
        field, what = "ipd_sharing.description", (
            f"the plan description is only a placeholder ({description!r})")
    else:
        field, what = "ipd_sharing.description", "the plan description is empty"
    given = _given(plan)
    yield Problem(
        field,
        f"the plan to share individual participant data is Yes, but {what}: {_ASK}"
        + (f"; the record says {given}, but not which data" if given else ""),
        related=("ipd_sharing.sharing",) if field != "ipd_sharing.sharing" else ())


def _given(plan: IpdSharing) -> str:
    """What the other parts of the statement the record fills in say, in words."""
    parts = []
    if plan.info_types:
        parts.append("which supporting documents are shared")
    if (plan.time_frame or "").strip():
        parts.append("when")
    if (plan.access_criteria or "").strip():
        parts.append("how to ask")
    if (plan.url or "").strip():
        parts.append("where to read more")
    if len(parts) > 2:
        return ", ".join(parts[:-1]) + ", and " + parts[-1]
    return " and ".join(parts)
