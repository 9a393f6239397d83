"""The criteria admit only one sex, but the Sex field says otherwise.

What it finds: in the inclusion part of the criteria only (never the exclusion part, never
criteria for partners or other people; the exclusion part starts at its heading however it is
written: "Exclusion Criteria:", "EXCLUSION CRITERIA", "Exclusion criteria -", "Key exclusion
criteria", "Exclusions", also on the Windows line ends of legacy texts):

- a criterion that names one sex as who takes part: "Men aged 40-75", "Postmenopausal women
  with osteoporosis", "Healthy male volunteers", "Sex: male", "Participants must be female";
- with `conditions`, a criterion that requires a condition only one sex has (prostate cancer,
  BPH, erectile dysfunction, testicular cancer; ovarian, cervical, endometrial or uterine
  cancer, endometriosis, polycystic ovaries), unless it names other conditions beside it,
  allows or rules it out, or stands under a heading that names a group ("Cohort 3: ...").

A Sex field of FEMALE or MALE is reported when such a criterion names the other sex; ALL when
the criteria name only one sex. Any criterion naming the other sex ("Male or female", "men age
≥ 55") or a partner taking part (partners who consent, couples) keeps the check silent.

Not read as a restriction: a criterion about some participants ("Women of childbearing
potential must use contraception", "Women over 50 are considered postmenopausal if ..."): one
with "must", "should", "may", "will", "agree", "willing", "if", "considered", "defined",
"childbearing", "contraception", "pregnancy test" or "not pregnant", or ending with ":"; an
exclusion ("Pregnant or lactating women"); a criterion naming both sexes. Records about gender
identity (transgender, assigned sex at birth, gender dysphoria) are not judged.

Why it matters: registries filter searches on the Sex field. "Men aged 40-75" under ALL shows
the study to women who cannot join; FEMALE on an erectile dysfunction trial hides it from
every man it wants.

Fails: Sex FEMALE, inclusion "* IIEF ED domain score 22 and below" (NCT01364701, PDE5
inhibitors for erectile dysfunction).

Passes: Sex ALL, inclusion "* Female subjects of childbearing age should agree that
contraceptive measures must be used" (seed NCT07314060), or exclusion "* Pregnant or lactating
women".

Options:
  conditions (true): also read conditions only one sex has as a restriction.

Fix safety: no fix.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.criteria import CriteriaItem
from lintrials.model import Record

CODE, NAME, SEVERITY = "E106", "sex-criteria-mismatch", "warning"


@dataclass(frozen=True)
class Options:
    conditions: bool = True


Sex = Literal["FEMALE", "MALE"]
_SEXES: tuple[Sex, ...] = ("FEMALE", "MALE")
_OTHER: dict[Sex, Sex] = {"FEMALE": "MALE", "MALE": "FEMALE"}
_WORDS_FOR: dict[Sex, str] = {"FEMALE": "women", "MALE": "men"}

_FEMALE = r"(?:women|woman|females?|girls?|ladies|lady|mothers?)"
_MALE = r"(?:men|man|males?|boys?|gentlemen)"
# Words that may stand before the sex in a description of who takes part.
_ADJECTIVES = (
    r"(?:(?:healthy|adult|ambulatory|non-?pregnant|post-?menopausal|pre-?menopausal|"
    r"peri-?menopausal|pregnant|nulliparous|parous|elderly|older|young|middle-aged|"
    r"sexually\s+active|heterosexual|infertile|obese|overweight|hypogonadal|eligible|"
    r"consenting|caucasian|asian|chinese|japanese|korean|indian|african|american|black|white|"
    r"hispanic|latina|latino|english-speaking|community-dwelling|volunteer|\d{2,3})"
    r"[\s,-]+)*")
_PEOPLE = (r"(?:\s+(?:patients?|subjects?|participants?|volunteers?|adults?|individuals?|"
           r"persons?|people|children|adolescents?|veterans?|smokers?|athletes?|students?|"
           r"workers?|residents?|outpatients?|inpatients?|survivors?))?")
# What may follow the sex for the criterion to describe who takes part.
_DESCRIBES = (
    r"(?=\s*(?:[,:]\s*)?(?:aged?\b|ages\b|between\b|from\s+\d|[≥>=]|at\s+least\b|older\b|over\b|"
    r"above\b|\d|\(|of\s+\d|only\b|$|[.;]\s*$)|\s+(?:with|who|whom|diagnosed|undergoing|"
    r"scheduled|presenting|suffering|having|planned|requiring|treated|receiving|seeking|"
    r"referred|admitted|attending|living|in\s+(?:a|the|stable)|that\s+(?:have|has|are|is)|"
    r"affected|complaining|on|after|post|following)\b)")
_MARKDOWN = r"[*_\s]*"


def _who(sex: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_MARKDOWN}(?:(?:only|exclusively)\s+)?{_ADJECTIVES}(?P<sex>{sex}){_PEOPLE}"
        rf"{_DESCRIBES}")


def _stated(sex: str) -> re.Pattern[str]:
    return re.compile(
        rf"{_MARKDOWN}(?:(?:sex|gender)\s*(?:[:=-]|is){_MARKDOWN}(?P<sex>{sex})\b"
        rf"(?:\s+only)?[\s.;]*$|(?:(?:biological(?:ly)?|genetic(?:ally)?)\s+)?(?P<sex2>{sex})\s+"
        rf"(?:sex|gender)\b(?!\s+(?:hormone|steroid|differenc|characteristic|organ))|"
        rf"(?:participants?|subjects?|patients?|volunteers?|individuals?|they)\s+(?:must|should|"
        rf"shall|will|need\s+to|has\s+to|have\s+to)\s+be\s+(?:a\s+|an\s+)?{_ADJECTIVES}"
        rf"(?P<sex3>{sex})\b)")


_WHO: dict[Sex, re.Pattern[str]] = {"FEMALE": _who(_FEMALE), "MALE": _who(_MALE)}
_STATED: dict[Sex, re.Pattern[str]] = {"FEMALE": _stated(_FEMALE), "MALE": _stated(_MALE)}
_CONDITIONS: dict[Sex, re.Pattern[str]] = {
    "MALE": re.compile(
        r"prostat\w*\s+(?:cancer|carcinoma|adenocarcinoma|neoplasm|tumou?r|hyperplasia|"
        r"enlargement)|(?:adeno)?carcinoma\s+of\s+the\s+prostate|\bbph\b|erectile\s+"
        r"(?:dysfunction|function)|\biief\b|peyronie|premature\s+ejaculation|"
        r"testicular\s+(?:cancer|tumou?r)|germ\s+cell\s+tumou?r\s+of\s+the\s+testis"),
    "FEMALE": re.compile(
        r"\bovarian\s+(?:cancer|carcinoma)|\bcervical\s+(?:cancer|carcinoma|intraepithelial)|"
        r"\bendometri(?:al\s+(?:cancer|carcinoma)|osis)|\buterine\s+(?:cancer|fibroids?)|"
        r"\bpolycystic\s+ovary"),
}
# Words one of which a criterion must hold for _CONDITIONS to be worth a search.
_CONDITION_CUES: dict[Sex, tuple[str, ...]] = {
    "MALE": ("prostat", "bph", "erectile", "iief", "peyronie", "ejaculation", "testi"),
    "FEMALE": ("ovar", "cervical", "endometri", "uterine"),
}
# A criterion about some of the participants, or a condition on them: not who takes part.
_NOT_WHO = re.compile(
    r"\b(?:must|should|shall|may|might|can|could|will|need|needs|agrees?|willing|unwilling|"
    r"consider\w*|defin\w*|deemed|childbearing|child-bearing|reproductive|contracept\w*|"
    r"birth\s+control|pregnancy\s+test|steril\w*|abstinen\w*|if|unless|except|partners?|"
    r"spouses?|wives|wife|husbands?|couples?|donors?|mothers?\s+of|fathers?\s+of|"
    r"caregivers?|parents?|guardians?)\b|\bnot\s+(?:be\s+|currently\s+)?pregnant|"
    r"\bonly\s*:|:\W*$")
_BOTH = re.compile(
    rf"\b(?:{_FEMALE}|{_MALE})\s*(?:,|or|and|/|&)\s*(?:{_FEMALE}|{_MALE})\b|"
    r"\b(?:both|either|any|all)\s+(?:sex|sexes|gender|genders)\b|"
    r"\bregardless\s+of\s+(?:sex|gender)|\bsex\s*:\s*(?:all|both)\b")
# Words that mention the other sex as participants ("female partner" is no participant).
_NOT_PARTNER = r"(?!\s+(?:sexual\s+)?(?:partners?|spouses?))"
_MENTIONS: dict[Sex, re.Pattern[str]] = {
    "FEMALE": re.compile(
        rf"\b(?:{_FEMALE}|pregnan\w*|post-?menopausal|pre-?menopausal|childbearing|"
        rf"child-bearing|breast-?feeding|lactating){_NOT_PARTNER}\b"),
    "MALE": re.compile(rf"\b{_MALE}{_NOT_PARTNER}\b"),
}
# Partners who take part in the study themselves.
_PARTNERS_TAKE_PART = re.compile(
    r"\bpartners?\s+of\s+(?:the\s+|a\s+)?(?:\w+\s+){0,2}(?:survivors?|patients?|"
    r"participants?|subjects?|men|women)\b|"
    r"\bpartners?\b[^.;\n]{0,60}\b(?:consent\w*|signs?|signed|participat\w*|enrol\w*|"
    r"take\s+part|questionnaires?|interviews?)|\b(?:both|each)\s+partners\b|\bcouples?\b|"
    r"\bpartners?\s*(?:inclusion|exclusion|eligibility)?\s*criteria|"
    r"(?:inclusion|exclusion|eligibility)\s+criteria\s*(?:for\s+)?(?:the\s+)?"
    r"(?:\w+\s+)?partners?\b")
_GENDER_IDENTITY = re.compile(
    r"\btrans(?:gender|sexual|\s+(?:wo)?m[ae]n|-?(?:wo)?m[ae]n)\b|gender\s+(?:identity|"
    r"dysphoria|affirm\w*|non-?conform\w*)|non-?binary|(?:assigned|designated)\s+(?:(?:fe)?male\s+)?"
    r"(?:sex\s+)?at\s+birth|sex\s+assigned|phalloplasty|vaginoplasty|metoidioplasty|"
    r"(?:male|female)-to-(?:male|female)|cisgender")
_SPACE = re.compile(r"\s+")
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
# A condition that a criterion allows or rules out rather than requires.
_NOT_REQUIRED = re.compile(
    r"\b(?:allowed|permitted|acceptable|eligible|excluded|ineligible|"
    r"no|not|without|other\s+than|except\w*|unless|free\s+of|absence)\b")
# Another condition named beside a one-sex condition: "prostate, lung or colorectal cancer".
_OTHER_CONDITION = re.compile(
    r"\b(?:cancers?|carcinomas?|adenocarcinomas?|tumou?rs?|neoplasms?|malignan\w*|lymphomas?|"
    r"leuka?emias?|myelomas?|diseases?|syndromes?|cystitis|disorders?|infections?)\b",)
# A heading that all participants stand under ("PATIENT CHARACTERISTICS:", "Patients must
# have:", "You may be eligible for this study if you:"), and words that make a heading name a
# group of them ("Cohort 3:", "Controls:", "Eligible for Part B:").
_GENERAL_HEADING = re.compile(
    r"characteristics|demographic|eligib|inclusion|criteria|\bmust\b|following|requirements|"
    r"\bsex\b|\bgender\b|\bage\b|\bgeneral\b")
_GROUP_HEADING = re.compile(
    r"\b(?:for(?!\s+(?:the|this)\s+(?:study|trial|research)\b)|cohorts?|parts?|groups?|arms?|"
    r"phases?|stages?|partners?|controls?|donors?|"
    r"volunteers?|cases?|one|any|either|at\s+least|some|subjects?\s+for|participants?\s+for|"
    r"sub-?stud\w*)\b")


@dataclass(frozen=True)
class _Restriction:
    sex: Sex
    span: tuple[int, int]  # in the criteria text
    by_condition: bool  # a condition only this sex has, not the sex named


def _restriction(words: str, offset: int, conditions: bool) -> _Restriction | None:
    """The sex a criterion restricts participants to. ``words`` is the criterion lower-cased,
    ``offset`` where it stands in the text."""
    for sex in _SEXES:
        m = _STATED[sex].match(words)
        if m is not None and not _BOTH.search(words):
            group = next(g for g in ("sex", "sex2", "sex3") if m.group(g))
            return _Restriction(sex, (offset + m.start(group), offset + m.end(group)), False)
    for sex in _SEXES:
        m = _WHO[sex].match(words)
        if (m is not None and not _NOT_WHO.search(words) and not _BOTH.search(words)
                and not _MENTIONS[_OTHER[sex]].search(words)):
            return _Restriction(sex, (offset + m.start("sex"), offset + m.end("sex")), False)
    if not conditions:
        return None
    for sex in _SEXES:
        if not any(cue in words for cue in _CONDITION_CUES[sex]):
            continue
        m = _CONDITIONS[sex].search(words)
        if (m is not None and not _NOT_WHO.search(words) and not _NOT_REQUIRED.search(words)
                and not _MENTIONS[_OTHER[sex]].search(words)
                and not _OTHER_CONDITION.search(words[:m.start()] + words[m.end():])):
            return _Restriction(sex, (offset + m.start(), offset + m.end()), True)
    return None


def _for_everyone(text: str, items: tuple[CriteriaItem, ...]) -> list[CriteriaItem]:
    """The items of the inclusion part that are criteria for all participants: not headings,
    not sub-items of another criterion, not under a heading that names a group."""
    found: list[CriteriaItem] = []
    heading: CriteriaItem | None = None
    parents: list[CriteriaItem] = []  # the items above, each less indented than the next
    for item in items:
        if item.header:
            heading, parents = None, []
            continue
        while parents and parents[-1].indent >= item.indent:
            parents.pop()
        words = text[item.text_start:item.end].rstrip(" *_")
        under_item = any(p.marker is not None for p in parents)
        parents.append(item)
        if item.marker is None and words.endswith(":"):
            heading = item
            continue
        if item.section not in ("inclusion", "unknown") or under_item:
            continue
        if heading is not None:
            title = text[heading.text_start:heading.end]
            if not _GENERAL_HEADING.search(title) or _GROUP_HEADING.search(title):
                continue
        found.append(item)
    return found


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    eligibility = record.eligibility
    field_sex, text = eligibility.sex, eligibility.criteria
    if field_sex not in ("ALL", "FEMALE", "MALE") or not text:
        return
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters
        low = text.translate(_ASCII_LOWER)
    conditions = ctx.options.conditions
    items = ctx.analysis.criteria_items
    found = [r for r in (_restriction(low[it.text_start:it.end], it.text_start, conditions)
                         for it in _for_everyone(low, items)) if r is not None]
    if field_sex == "ALL":
        sexes = {r.sex for r in found}
        if len(sexes) != 1:
            return
        other = _MENTIONS[_OTHER[sexes.pop()]]
        if any(other.search(low, it.text_start, it.end) for it in items
               if it.section != "exclusion"):
            return  # the other sex takes part too
    else:
        found = [r for r in found if r.sex != field_sex]
    if not found or _PARTNERS_TAKE_PART.search(low):
        return  # partners take part too, so the criteria name both sexes
    titles = (record.brief_title, record.official_title, *record.conditions)
    if _GENDER_IDENTITY.search(low) or any(_GENDER_IDENTITY.search(t.lower()) for t in titles
                                           if t):
        return
    first = found[0]
    quote = _SPACE.sub(" ", text[first.span[0]:first.span[1]]).strip()
    who = _WORDS_FOR[first.sex]
    if first.by_condition:
        says = f'the criteria ask for "{quote}", which concerns {who} only'
    elif field_sex == "ALL":
        says = f'the criteria admit {who} only ("{quote}")'
    else:
        says = f'the criteria admit {who} ("{quote}")'
    yield Problem("eligibility.criteria", f"{says}, but the Sex field is {field_sex}",
                  span=first.span, related=("eligibility.sex",))
