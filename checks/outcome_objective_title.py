"""An outcome measure whose title is written as an objective, not as a measure.

What it finds: a primary, secondary or other outcome whose title opens as an objective: an
infinitive ("To evaluate whether X reduces Y", "To further assess ..."), an imperative
("Assess the efficacy of ...", "Determine the maximum tolerated dose"), a gerund ("Evaluating
disease-free survival"), or an action noun put on an objective ("Evaluation of the efficacy of
X", "Assessment of whether ..."). Bullets, list numbers and an "Objective:" label before the
opening are read past. An action noun on a measure names what is measured and is not reported
("Determination of plasma concentration", "Assessment of quality of life", "Evaluation of
progression-free survival"); nor is a word that is a noun as well as a verb, unless an object
follows it ("Study drug exposure" and "Measure of Current Status" pass, "Study the 3-year
disease-free survival" does not), nor a word in capitals in a title that is not (an acronym:
"ASSESS score"). "Time to progression" is a measure: only a title that opens with the word
"To" is an infinitive. Records without the outcomes module (a partial download) are not judged.

Why it matters: the registry asks for the specific measure used to determine the effect of the
intervention, named by what is measured; an objective says why it is measured. ClinicalTrials.gov
reviewers return such titles ("Avoid phrases like 'To assess...'"), and an objective cannot be
matched with a reported result or a publication's outcome.

Fails: primary outcome "To evaluate whether drug X reduces HbA1c".

Passes: primary outcome "Change from baseline in HbA1c at week 24".

Options: none. The check does not depend on the run date.

Fix safety: no fix: the measure is for the sponsor to name.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.outcome_titles import objective_opening
from lintrials.model import Record

CODE, NAME, SEVERITY = "O104", "outcome-objective-title", "warning"

_SHOWN = 70  # characters of a long title quoted in the message


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    for path, outcome in record.outcomes():
        title = " ".join((outcome.measure or "").split())
        opening = objective_opening(title) if title else None
        if opening is None:
            continue
        shown = title if len(title) <= _SHOWN else title[: _SHOWN - 3].rstrip() + "..."
        yield Problem(
            f"{path}.measure",
            f'outcome title "{shown}" is written as an objective ("{opening}"), not as a '
            'measure: name what is measured ("Objective response rate", "Change from baseline '
            'in HbA1c at week 24")',
        )
