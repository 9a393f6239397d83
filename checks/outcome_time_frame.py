"""An outcome measure without a time frame, or with one that is not a time.

What it finds: a primary, secondary or other outcome of a record registered (first submitted)
on or after `required_from` whose time frame is missing or blank, and, whatever the date, a
time frame that names no time: "Throughout the study", "Long-term", a bare year ("2009"),
"N/A", "TBD". Event anchors are times: "at surgery", "at discharge", "up to 30 days",
"baseline and week 12", "through study completion, an average of 1 year". Records without the
outcomes module (a partial download) are not judged, nor records of no known submission date
for a missing time frame.

Why it matters: the time frame says when the outcome is assessed; FDAAA (42 CFR 11.10) made it
a required part of every outcome measure for studies registered from 26 December 2007, when
its registration rules took effect; records registered earlier in 2007 often lack it and were
not required to give it. Without it the outcome cannot be compared
with the results, and a moved assessment time goes unseen.

Fails: registered 2015, primary outcome "Overall survival", time frame "Long-term".

Passes: time frame "up to 5 years after randomisation".

Options:
  required_from (default "2007-12-26"): the first registration date (ISO, or a year) whose
    records must give a time frame (earlier records may lack it; a time frame that is not a
    time is reported always).

Fix safety: no fix: the time frame is for the sponsor to give.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "O102", "outcome-time-frame", "warning"


@dataclass(frozen=True)
class Options:
    required_from: str = "2007-12-26"


# A whole time frame that names no time.
_NOT_A_TIME = re.compile(
    r"(?:throughout|during|for|over)\s+(?:the\s+)?(?:entire\s+|whole\s+)?(?:study|trial)"
    r"(?:\s+(?:period|duration))?"
    r"|long[\s-]?term|short[\s-]?term|ongoing|continuous(?:ly)?"
    r"|\d{4}"
    r"|n/?a|not\s+applicable|tbd|tba|to\s+be\s+(?:determined|decided|defined)|unknown|none"
    r"|-+|\.+|\?+",
    re.IGNORECASE,
)


def not_a_time(value: str) -> bool:
    text = " ".join(value.split()).strip(" ;:")
    return _NOT_A_TIME.fullmatch(text.rstrip(".") or text) is not None


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if "outcomesModule" not in record.sections:
        return
    submitted = record.first_submitted_date or ""
    since = str(ctx.options.required_from)
    required = submitted[:4].isdigit() and submitted >= since[: len(submitted)]
    for path, outcome in record.outcomes():
        frame = outcome.time_frame
        if frame is None or not frame.strip():
            if required:
                yield Problem(
                    f"{path}.time_frame" if frame is not None else f"{path}.measure",
                    f"outcome \"{(outcome.measure or '').strip()}\" has no time frame "
                    f"(required for records registered from {ctx.options.required_from})",
                )
        elif not_a_time(frame):
            yield Problem(
                f"{path}.time_frame",
                f'time frame "{frame.strip()}" names no time of assessment: give when it is '
                'measured ("at week 12", "up to 2 years", "at discharge")',
            )
