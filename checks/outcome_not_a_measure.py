"""An outcome measure whose title names only a domain, not a measure.

What it finds: a primary, secondary or other outcome whose whole title is made of domain words
("Safety", "Efficacy", "Tolerability", "Survival", "Pharmacokinetics") and words that only say
it is an outcome ("Primary Outcome", "Outcome 1", "Safety and efficacy") or that it is assessed
("Safety assessment", "Safety profile"), once the names of the study's own interventions are
taken out ("Pharmacokinetics of XY-101", "Immunogenicity of the vaccine" when the vaccine is an
intervention of the record: which drug's domain it is names no measure either). A title that names
what is counted or measured ("Overall survival", "Number of participants with adverse
events") is fine. Records without the outcomes module (a partial download) are not judged.

Why it matters: the registry asks for "the specific measure that will be used to determine
the effect of the intervention"; a domain does not say what will be measured, so the outcome
cannot be checked against the results or the publication (outcome switching goes unseen).

Fails: primary outcome "Safety and efficacy".

Passes: primary outcome "Number of participants with treatment-related adverse events".

Options: none. The check does not depend on the run date.

Fix safety: no fix: the measure is for the sponsor to name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "O101", "outcome-not-a-measure", "warning"

# Words that name a domain of outcomes, not one measure of it.
_DOMAINS = frozenset(
    {
        "safety", "efficacy", "tolerability", "survival", "pharmacokinetics",
        "pharmacokinetic", "pk", "effectiveness", "immunogenicity",
    }
)
# Words that only say the item is an outcome, and connectives.
_FILLER = frozenset(
    {
        "primary", "secondary", "other", "outcome", "outcomes", "measure", "measures",
        "endpoint", "endpoints", "end", "point", "and", "or", "of", "the", "&",
        # that a domain is assessed says no more than the domain: "Safety assessment"
        "assessment", "assessments", "evaluation", "evaluations", "profile",
    }
)
_WORD = re.compile(r"[A-Za-z]+|&|\d+")


def domain_only(title: str, names: tuple[str, ...] = ()) -> bool:
    """True when every word of the title is a domain word or an outcome filler word, once the
    names of the study's own interventions are taken out ("Pharmacokinetics of XY-101": which
    drug's pharmacokinetics is no measure either)."""
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 3:
            title = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", title, flags=re.IGNORECASE)
    words = [w.lower() for w in _WORD.findall(title)]
    letters = [w for w in words if not w.isdigit()]
    if not letters or len(words) > 6:
        return False
    if re.search(r"[^\w\s&/,.:;()-]", title):
        return False
    return all(w.isdigit() or w in _DOMAINS or w in _FILLER for w in words)


# An example of a measure for each domain, for the message.
_EXAMPLES = (
    (frozenset({"pharmacokinetics", "pharmacokinetic", "pk"}),
     "Maximum plasma concentration (Cmax) of the drug"),
    (frozenset({"immunogenicity"}), "Geometric mean titre of neutralising antibodies"),
    (frozenset({"survival"}), "Overall survival"),
    (frozenset({"efficacy", "effectiveness"}), "Change from baseline in the disease score"),
)
_SAFETY_EXAMPLE = "Number of participants with adverse events"


def _example(title: str) -> str:
    words = {w.lower() for w in _WORD.findall(title)}
    if words & {"safety", "tolerability"}:
        return _SAFETY_EXAMPLE
    return next((example for domain, example in _EXAMPLES if words & domain), _SAFETY_EXAMPLE)


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    names = tuple(name.strip() for item in record.interventions
                  for name in (item.name, *item.other_names) if name and name.strip())
    for path, outcome in record.outcomes():
        title = outcome.measure
        if title and domain_only(title, names):
            yield Problem(
                f"{path}.measure",
                f'outcome title "{title.strip()}" names a domain, not a measure: say what is '
                f'counted or measured ("{_example(title)}")',
            )
