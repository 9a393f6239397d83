"""A measure of a number of participants whose unit of measure is of another kind.

What it finds: a baseline or outcome measure that counts participants, by its type (COUNT_OF_
PARTICIPANTS, legacy "Count of Participants") or by its title ("Number of Participants With
...", "Count of Patients ...", "Number of Subjects ..."), whose unit of measure is plainly no
count of people: a share ("percentage of participants", "%", "proportion of patients"), a rate
("events per 100 patient-years"), a time ("days"), a measurement unit ("mg/dL", "mmHg") or a
score ("units on a scale").

What is left alone: units that name people, in any words ("Participants", "participants",
"patients", "subjects", "number of participants with event", "responders", "cases"), and
units that count something else ("eyes", "events", "lesions"): eyes are the unit of analysis
of many eye studies, where a participant gives one eye, and an event count under a participants
title may be either field's slip, so neither is a certain contradiction. A title that names a
share as well ("Number and Percentage of Participants", "Number of Participants (%)") or what
the people have ("Number of Patient-Days") is not read as a count of participants.

Why it matters: the registry shows each value with its unit: a count of participants in
"percentage of participants" reads as a percentage (12 participants shown as 12%), and a
reader cannot tell which the numbers are. Either the title (or type) or the unit is wrong.

Fails: "Number of Participants With Treatment-Emergent Adverse Events", unit "percentage of
participants"; a Count of Participants in "days".

Passes: the same title in "Participants", "patients" or "participants with event"; "Number of
Participants With Improvement" in "eyes"; "Percentage of Participants ..." in "percentage of
participants".

Options: none.

Fix safety: no fix: whether the title or the unit is wrong is for the sponsor to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.results_numbers import other_unit, participants_title
from lintrials.knowledge.results_tables import measures
from lintrials.model import Record

CODE, NAME, SEVERITY = "P117", "participant-count-unit", "warning"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    results = record.results
    if results is None:
        return
    for prefix, measure, _ in measures(results):
        unit = " ".join((measure.unit_of_measure or "").split())
        if not unit or not other_unit(unit):
            continue
        title = " ".join((measure.title or "").split())
        typed = (measure.param_type or "").strip().upper() == "COUNT_OF_PARTICIPANTS"
        if typed:
            said, related = "is typed Count of Participants", f"{prefix}.param_type"
        elif participants_title(title):
            said, related = "is titled as a number of participants", f"{prefix}.title"
        else:
            continue
        kind = "baseline measure" if prefix.startswith("results.baseline") else "outcome measure"
        yield Problem(
            f"{prefix}.unit_of_measure",
            f'{kind} "{title}" {said}, but its unit of measure is "{unit}": a count of '
            "participants is in participants; give the unit the values are in, or the title "
            "(or type) that says what they are",
            related=(related,),
        )
