"""The brief summary or detailed description of a finished study states its own results.

What it finds: in the brief summary or the detailed description of a study that has finished
(status COMPLETED or TERMINATED) or has posted results, a sentence that states this study's
results or conclusions: a first-person finding ("We found that ..."), the study's results
showing ("The results showed ...", "Our data revealed ..."), a significance reached or missed
between this study's groups ("HbA1c was significantly reduced in the berberine group compared
with the placebo group", "There was no significant difference between the groups"), an
observed p-value ("p = 0.032", "P: 0.005", "p<0.0001") in a finding of the past or of this
study's own groups, a judging conclusion ("In conclusion,
testosterone gel did not improve ..."), or a judging sentence under a "Results:" or
"Conclusion:" heading of an abstract-like text. The first such sentence of each field is
reported, with how many more there are. Left alone, as background: sentences about other
studies and earlier work ("Previous studies showed that X reduced Y (p<0.01)", a citation,
"et al.", "in a pilot study", "a randomized trial in 67 responders showed ...", "in our
retrospective cohort", "in mice"), sentences that go on from such a sentence ("These findings
suggest ...", "In conclusion, ..."), the rest of a paragraph about other work unless the
sentence names this study ("this study" right after a sentence about other work is the study
just cited), a p-value in a statement of fact ("heavy lifting is associated with back pain, p
< 0.001"), and text under a "Background:", "Introduction:", "Preliminary studies" or
"Literature review" heading. Left
alone, as plans: planned analyses and thresholds ("will be considered significant at
p < 0.05", "a p-value of 0.05", "powered to detect a significant difference", "to check whether
there was a significant difference"), hypotheses and aims, and progress reports under a
heading ("135 subjects were enrolled; results are pending"). Studies still running are not
judged: what their summaries report is someone else's work.

Why it matters: the summary and description describe the protocol; a study's results belong
in the results section, whose tables give every pre-specified outcome with its numbers and
analysis (the results database was built to keep subjective narrative out). Results written
into the summary are a selection (often the significant ones), not checked against the
registered outcomes, and read as the registry's own statement of the findings.

Fails: completed study whose description says "HbA1c was significantly reduced in the
berberine group compared with the placebo group (p<0.0001)".

Passes: "Previous studies showed that berberine reduced HbA1c (p<0.01)"; "A p-value below
0.05 will be considered significant".

Options: none. The check does not depend on the run date.

Fix safety: no fix: the text is for the sponsor to rewrite (and the results to post).
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.reported_results import result_statements
from lintrials.model import Record

CODE, NAME, SEVERITY = "T106", "results-in-summary", "info"

_FINISHED = frozenset({"COMPLETED", "TERMINATED"})
_FIELDS = (("brief_summary", "the brief summary"), ("detailed_description", "the description"))
_SHOWN = 90  # characters of the sentence quoted in the message


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.overall_status not in _FINISHED and record.results is None:
        return
    for field, name in _FIELDS:
        text = getattr(record, field) or ""
        statements = list(result_statements(text))
        if not statements:
            continue
        first = statements[0]
        sentence = " ".join(text[first.sentence[0]:first.sentence[1]].split())
        if len(sentence) > _SHOWN:
            sentence = sentence[: _SHOWN - 3].rstrip() + "..."
        more = len(statements) - 1
        also = f" ({more} more sentence{'s' if more != 1 else ''} like it)" if more else ""
        yield Problem(
            field,
            f'{name} states the study\'s own results: "{sentence}"{also}; describe the study '
            "there and post its results in the results section",
            span=first.span,
        )
