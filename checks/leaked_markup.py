r"""Markup leaked into the text a reader sees: a markdown escape, an HTML entity or an HTML tag.

What it finds: by how the source writes text (`Record.text_format`):

- plain text (legacy XML, study pages): a backslash before ASCII punctuation (`\>`, `\<`,
  `\*`, `\[`), an HTML entity (`&gt;`, `&amp;`, `&#39;`, `&Apos;`), an HTML tag (`<br>`,
  `</p>`, `<sup>`);
- markdown (API v2 JSON publishes text fields as markdown): escapes such as `\>` are correct
  markdown and are not reported; an entity whose `&` was escaped (`\&gt;`) or escaped twice
  (`&amp;lt;`) is, since markdown shows it as the entity's letters, not as `>`;
- a record whose format does not say how it writes text is not checked.

Every occurrence is a finding, its span the escape, entity or tag itself. Fields: titles,
acronym, brief summary, detailed description, conditions, eligibility criteria, why stopped,
intervention model description, and the labels and descriptions of arms and interventions.

Why it matters: the registry shows these characters as they are, so a reader sees `urinary
protein \>6 g` or `HbA1c &gt; 6.5%` instead of `>6 g` and `> 6.5%`. They come from text copied
out of a markdown or HTML view, or escaped twice on its way into the registry.

Fails: on a study page, `* IgA deficiency (serum IgA level \<10 mg/dL).`; in API v2 JSON,
`"HbA1c \\&gt; 6.5%"`.

Passes: `* IgA deficiency (serum IgA level <10 mg/dL).`, or `\<10` in API v2 JSON;
`"HbA1c \\> 6.5%"`.

Options: none.

Fix safety: a markdown escape in plain text loses its backslash with `--fix` (`\>6 g/24 h`
becomes `>6 g/24 h`), a safe fix, since plain text never means the backslash. Entities and tags
are left to a person.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.entities import html5

from lintrials.context import Context
from lintrials.findings import Fix, Problem
from lintrials.model import Record

CODE, NAME, SEVERITY = "T102", "leaked-markup", "warning"
FIXABLE = True

_ENTITY_NAMES = frozenset(name.rstrip(";").lower() for name in html5)
# An entity, its "&" perhaps escaped again ("&amp;lt;").
_ENTITY = r"(?:amp;)*(?P<entity>[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
_TAGS = "br|p|b|i|u|s|em|strong|sup|sub|li|ul|ol|div|span|font|table|tr|td|th|h[1-6]"
_PLAIN = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    rf"|&{_ENTITY}"
    rf"|(?P<tag></?(?:{_TAGS})(?:\s[^<>\n]{{0,80}})?/?>)",
    re.IGNORECASE,
)
# In markdown, "\&gt;" and "&amp;gt;" both show the letters "&gt;".
_MARKDOWN = re.compile(rf"(?:\\&|&amp;){_ENTITY}")


def _text_fields(record: Record) -> Iterator[tuple[str, str | None]]:
    yield "brief_title", record.brief_title
    yield "official_title", record.official_title
    yield "acronym", record.acronym
    yield "brief_summary", record.brief_summary
    yield "detailed_description", record.detailed_description
    for i, condition in enumerate(record.conditions):
        yield f"conditions[{i}]", condition
    yield "eligibility.criteria", record.eligibility.criteria
    yield "why_stopped", record.why_stopped
    yield "intervention_model_description", record.intervention_model_description
    for i, arm in enumerate(record.arms):
        yield f"arms[{i}].label", arm.label
        yield f"arms[{i}].description", arm.description
    for i, intervention in enumerate(record.interventions):
        yield f"interventions[{i}].name", intervention.name
        yield f"interventions[{i}].description", intervention.description


def _is_entity(name: str) -> bool:
    if name.startswith("#"):
        return True
    return name.lower() in _ENTITY_NAMES


def _shown_as(entity: str) -> str:
    """What an entity stands for, as a reader should see it."""
    shown = html.unescape(f"&{entity};")
    return shown if shown != f"&{entity};" else html.unescape(f"&{entity.lower()};")


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    if record.text_format == "plain":
        pattern = _PLAIN
    elif record.text_format == "markdown":
        pattern = _MARKDOWN
    else:
        return
    for field, value in _text_fields(record):
        if not value or ("\\" not in value and "&" not in value and "<" not in value):
            continue
        for match in pattern.finditer(value):
            found = match.group()
            entity = match.group("entity")
            fix = None
            if entity is not None:
                if not _is_entity(entity):
                    continue
                message = (
                    f"`{found}` shows as the letters of an HTML entity, not as "
                    f"`{_shown_as(entity)}`: the text was escaped twice"
                )
            elif match.groupdict().get("escape"):
                message = (
                    f"markdown escape `{found}` in plain text shows its backslash: "
                    f"write `{found[1]}`"
                )
                # In plain text the backslash is never meant: dropping it is safe.
                fix = Fix(f"write `{found[1]}`", found[1], span=(match.start(), match.end()))
            else:
                message = f"HTML tag `{found}` shows as text"
            yield Problem(field, message, span=(match.start(), match.end()), fix=fix)
