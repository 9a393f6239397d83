"""Trial registries and the form of their IDs: which registry a secondary ID claims to be, and
whether it fits that registry's form.

The table is `registries.tsv`, one registry a line. Its columns:

- ``registry``: a key (``eudract``); ``name``: the registry's name as messages write it;
  ``form``: its ID's form in words (``YYYY-NNNNNN-CC``).
- ``prefix``: the letters its IDs open with (``ISRCTN``), empty when they have none: with it an
  ID written with a separator after it (``ISRCTN: 10678756``) is rebuilt as ``ISRCTN10678756``.
- ``claim``: a pattern that, at the start of a value, says the value claims to be the
  registry's ID (``isrctn(?![a-z])``); empty when no prefix is unmistakable (``NCI-`` opens
  other NCI numbers than CTRP's).
- ``pattern``: the whole ID, with the variants the registry or the WHO's ICTRP write
  (``JPRN-jRCT...``, a EudraCT number with the EU CTR's country after it).
- ``bare``: the ID without its prefix, accepted where the type or the domain names the
  registry (``10678756`` with domain ``ISRCTN``).
- ``domain``: a pattern that, found in a secondary ID's domain, names the registry (case matters
  outside ``(?i:...)``: ``CRIS`` is the Korean registry, ``Cris`` may be anything).
- ``labels``: words that name the registry and may be written before or after its ID in the
  value ("EudraCT No: ..."), beside the generic ones (``number``, ``no``, ``ID``, ...).
- ``distinct``: ``yes`` where a value of the pattern is that registry's ID whatever the field
  around it says (``identify``).
- ``examples``, ``notes``: for people, and for the tests (every example fits its pattern).

All patterns are matched ignoring case. EudraCT and CTIS are one family (``EU``): a claim of
either is met by a number of either, since the domain words people write for them ("EU CTR",
"EMA", "EU Clinical Trials") do not tell them apart; which of the two the type field says is
for `eu_number_kind`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "CTIS_TYPE",
    "CUT_SHORT",
    "EUDRACT_TYPE",
    "EXTRA",
    "FITS",
    "GRANT_TYPES",
    "LABEL",
    "MALFORMED",
    "OTHER_REGISTRY",
    "SEPARATOR",
    "SPACE",
    "Claim",
    "Registry",
    "Verdict",
    "claimed",
    "eu_number_kind",
    "identify",
    "registries",
    "registry",
    "verdict",
]

# The API v2 values of a secondary ID's type.
EUDRACT_TYPE, CTIS_TYPE = "EUDRACT_NUMBER", "CTIS"
# Types of funding: their IDs are grant or contract numbers, of no registry.
GRANT_TYPES = frozenset({"NIH", "FDA", "VA", "CDC", "AHRQ", "SAMHSA", "OTHER_GRANT"})
# Types that name a registry by themselves.
_TYPED = {EUDRACT_TYPE: "eudract", CTIS_TYPE: "ctis"}
_EU = frozenset({"eudract", "ctis"})

# Words of a label that name no registry: "EudraCT Number:", "N° ID-RCB", "EU CT no.".
_GENERIC_LABEL = (r"numbers?|num|nos?|nr|n[°ºo]|id|identifier|code|reg|registration|registry|"
                  r"register|trial|clinical|study")
# A label around an ID: label words, blanks and punctuation, nothing else.
_SEPARATORS = r"[\s:#.,;()\[\]/-]"

# Verdict kinds.
FITS = "fits"
SPACE = "space"  # white space around an ID that fits
LABEL = "label"  # label text around an ID that fits
SEPARATOR = "separator"  # a separator between the prefix and the number: ISRCTN: 10678756
EXTRA = "extra"  # an ID that fits, with other text than a label beside it
CUT_SHORT = "cut-short"  # an EU number with a part missing
OTHER_REGISTRY = "other-registry"  # claimed for one registry, the ID of another
MALFORMED = "malformed"  # none of the above


@dataclass(frozen=True)
class Registry:
    key: str
    name: str
    form: str
    prefix: str
    claim: re.Pattern[str] | None
    pattern: re.Pattern[str]
    bare: re.Pattern[str] | None
    domain: re.Pattern[str] | None
    labels: str
    distinct: bool
    examples: tuple[str, ...]
    notes: str

    @property
    def family(self) -> frozenset[str]:
        return _EU if self.key in _EU else frozenset({self.key})


@dataclass(frozen=True)
class Claim:
    """The registries a secondary ID claims to be of, and what says so."""

    registries: tuple[Registry, ...]
    by: str  # "type", "domain" or "prefix"
    said: str  # the type, the domain or the value's opening, as written

    @property
    def names(self) -> str:
        return " or ".join(r.name for r in self.registries)


@dataclass(frozen=True)
class Verdict:
    """Whether a value fits the registries claimed, and if not, how.

    ``kind`` is one of the kinds above; ``message`` says what is wrong (None when it fits),
    as a predicate of the value ("is a CTIS (EU CT) number cut short: ..."); ``repaired`` is
    the value with only white space, a label or a separator taken away, when that fits (the
    fix); ``registry`` is the registry whose ID it is or was meant to be, when known.
    """

    kind: str
    message: str | None = None
    repaired: str | None = None
    registry: Registry | None = None


def _compile(text: str, *, ignore_case: bool = True) -> re.Pattern[str] | None:
    if not text:
        return None
    return re.compile(text, re.IGNORECASE if ignore_case else 0)


@cache
def registries() -> tuple[Registry, ...]:
    """The registries of `registries.tsv`, in its order."""
    text = resources.files("lintrials.knowledge").joinpath("registries.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    found = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        pattern = _compile(row["pattern"])
        assert pattern is not None, row["registry"]
        found.append(Registry(
            key=row["registry"],
            name=row["name"],
            form=row["form"],
            prefix=row["prefix"],
            claim=_compile(row["claim"]),
            pattern=pattern,
            bare=_compile(row["bare"]),
            domain=_compile(row["domain"], ignore_case=False),
            labels=row["labels"],
            distinct=row["distinct"] == "yes",
            examples=tuple(e.strip() for e in row["examples"].split(",") if e.strip()),
            notes=row["notes"],
        ))
    return tuple(found)


def registry(key: str) -> Registry:
    return next(r for r in registries() if r.key == key)


def _family(keys: set[str]) -> tuple[Registry, ...]:
    """The registries of ``keys``, with the other of EudraCT and CTIS beside either."""
    if keys & _EU:
        keys = keys | _EU
    return tuple(r for r in registries() if r.key in keys)


def claimed(id_type: str | None, domain: str | None, value: str | None) -> Claim | None:
    """Which registry a secondary ID claims to be of: by its type (EudraCT, CTIS), else by its
    domain, else by the prefix its value opens with; None when nothing names one, and for the
    types of funding (NIH, OTHER_GRANT, ...), whose IDs are grant numbers."""
    kind = (id_type or "").strip().upper()
    if kind in GRANT_TYPES:
        return None
    if kind in _TYPED:
        return Claim(_family({_TYPED[kind]}), "type", id_type or "")
    if domain and domain.strip():
        named = {r.key for r in registries() if r.domain is not None and r.domain.search(domain)}
        if named:
            return Claim(_family(named), "domain", domain.strip())
    text = (value or "").strip()
    for r in registries():
        if r.claim is not None and (m := r.claim.match(text)):
            return Claim(_family({r.key}), "prefix", m.group())
    return None


def _fits(text: str, r: Registry, bare_ok: bool) -> bool:
    return bool(r.pattern.fullmatch(text) or (bare_ok and r.bare and r.bare.fullmatch(text)))


def identify(value: str | None) -> Registry | None:
    """The registry whose ID the value is, by its form alone: a value that fits the pattern of
    a registry marked distinct (white space around it aside); None for any other."""
    text = (value or "").strip()
    for r in registries():
        if r.distinct and r.pattern.fullmatch(text):
            return r
    return None


def _label_pattern(claim: Claim) -> re.Pattern[str]:
    words = "|".join(f"(?:{r.labels})" for r in claim.registries if r.labels)
    word = f"(?:{words}|{_GENERIC_LABEL})" if words else f"(?:{_GENERIC_LABEL})"
    return re.compile(rf"(?:{_SEPARATORS}|{word}(?![a-z]))*", re.IGNORECASE)


def _core(text: str, claim: Claim) -> str:
    """The value without a label at its start or end ("EudraCT No: 2015-00123-45" ->
    "2015-00123-45"): what was meant as the ID."""
    label = _label_pattern(claim)
    start = label.match(text)
    core = text[start.end():] if start else text
    # A label after the ID: the longest tail that is only label.
    for i, char in enumerate(core):
        if not char.isalnum() and label.fullmatch(core, i):
            return core[:i].strip()
    return core.strip()


def _embedded(text: str, claim: Claim) -> tuple[Registry, re.Match[str]] | None:
    """An ID of a claimed registry inside the value, not part of a longer word or number
    (``NL20491`` in the CCMO number ``NL20491.042.08`` is none)."""
    for r in claim.registries:
        m = re.search(rf"(?<![0-9A-Za-z])(?:{r.pattern.pattern})(?![0-9A-Za-z]|[.,/-][0-9])",
                      text, re.IGNORECASE)
        if m:
            return r, m
    return None


def _separated(text: str, claim: Claim) -> tuple[Registry, str] | None:
    """A prefixed ID written with a separator after its prefix: ``ISRCTN: 10678756``,
    ``ChiCTR-2000029308``; the ID rebuilt without it."""
    for r in claim.registries:
        if not (r.prefix and r.bare):
            continue
        prefix = re.escape(r.prefix.rstrip("/-"))
        m = re.fullmatch(rf"{prefix}[\s:#.\-/]+({r.bare.pattern})", text, re.IGNORECASE)
        if m and r.pattern.fullmatch(r.prefix + m.group(1)):
            return r, r.prefix + m.group(1)
    return None


_EU_NUMBER = re.compile(r"(20\d\d)-(\d{6})(?:-(\d\d))?(?:-(\d\d))?")


def eu_number_kind(value: str | None) -> str | None:
    """Which EU number the value is, by its serial: ``"ctis"`` for a serial of 500000 or more
    (CTIS numbering starts there; EudraCT's never reached it), ``"eudract"`` below; cut short
    or whole, after white space and a label are taken away. None when the value is not (a
    label and) one EU number, or a EudraCT serial has two parts after it (no known form)."""
    text = (value or "").strip()
    if len(text) > _LONGEST:
        return None
    core = _core(text, Claim(_family(set(_EU)), "type", ""))
    if registry("eudract").pattern.fullmatch(core):
        return "eudract"
    m = _EU_NUMBER.fullmatch(core)
    if m is None:
        return None
    if int(m.group(2)) >= 500_000:
        return "ctis"
    return "eudract" if m.group(4) is None else None


def _eu_diagnosis(core: str) -> tuple[str, str] | None:
    """What is wrong with an EU number that fits neither form, when that can be said."""
    m = _EU_NUMBER.fullmatch(core)
    if m is not None:
        serial, check, part = m.group(2), m.group(3), m.group(4)
        if int(serial) >= 500_000:
            if check is None:
                return CUT_SHORT, ("is a CTIS (EU CT) number cut short: its check digits and "
                                   "last part are missing (YYYY-5NNNNN-CC-NN)")
            return CUT_SHORT, ("is a CTIS (EU CT) number cut short: its last part (-NN, 00 "
                               "for the trial as first authorised) is missing")
        if check is None:
            return CUT_SHORT, "is a EudraCT number without its check digits (YYYY-NNNNNN-CC)"
        if part is not None:
            return MALFORMED, ("is a EudraCT serial with a CTIS number's last part: neither "
                               "a EudraCT (YYYY-NNNNNN-CC) nor an EU CT number "
                               "(YYYY-5NNNNN-CC-NN)")
    m = re.fullmatch(r"(\d{4})-(\d+)-(\d+)(?:-(\d+))?", core)
    if m is not None:
        serial, check = m.group(2), m.group(3)
        if len(serial) != 6:
            return MALFORMED, (f"has a serial of {len(serial)} digits, not 6 (EudraCT: "
                               "YYYY-NNNNNN-CC; EU CT: YYYY-5NNNNN-CC-NN)")
        if len(check) != 2:
            return MALFORMED, (f"has a check part of {len(check)} digit"
                               f"{'s' if len(check) != 1 else ''}, not 2 (EudraCT: "
                               "YYYY-NNNNNN-CC; EU CT: YYYY-5NNNNN-CC-NN)")
    return None


# Values longer than this are judged whole only (a label is not looked for in them).
_LONGEST = 200


def _expected(claim: Claim) -> str:
    return "; ".join(f"{r.name}: {r.form}, such as {r.examples[0]}" for r in claim.registries)


def verdict(value: str, claim: Claim) -> Verdict:
    """Whether ``value`` fits a registry of ``claim``, and if not, what is wrong and what
    repair (white space, a label or a separator taken away) makes it fit."""
    bare_ok = claim.by != "prefix"
    text = value.strip()
    for r in claim.registries:
        if _fits(text, r, bare_ok):
            if text != value:
                return Verdict(SPACE, "has white space around it", text, r)
            return Verdict(FITS, registry=r)
    not_one = f"is not an ID of {claim.names} ({_expected(claim)})"
    if len(text) > _LONGEST:
        return Verdict(MALFORMED, not_one)
    if (separated := _separated(text, claim)) is not None:
        r, rebuilt = separated
        return Verdict(SEPARATOR, f"has a separator after {r.prefix.rstrip('/-')}: {r.name} "
                       f"IDs are {r.form}", rebuilt, r)
    core = _core(text, claim)
    if core and core != text:
        for r in claim.registries:
            if r.pattern.fullmatch(core):
                return Verdict(LABEL, f"holds label text beside the {r.name} ID {core!r}",
                               core, r)
            if r.bare and r.bare.fullmatch(core) and (r.prefix or bare_ok):
                # "ISRCTN number: 10678756": the ID in the registry's own form.
                rebuilt = r.prefix + core
                return Verdict(LABEL, f"holds label text beside the {r.name} ID {rebuilt!r}",
                               rebuilt, r)
    if any(r.key in _EU for r in claim.registries) and (said := _eu_diagnosis(core)):
        kind, message = said
        return Verdict(kind, message)
    if (found := _embedded(text, claim)) is not None:
        r, inside = found
        return Verdict(EXTRA, f"holds other text beside the {r.name} ID {inside.group()!r}",
                       registry=r)
    other = identify(core)
    if other is not None and other.key not in {r.key for r in claim.registries}:
        return Verdict(OTHER_REGISTRY, f"is an ID of {other.name}, not of {claim.names}",
                       registry=other)
    for r in claim.registries:
        prefix = r.prefix.rstrip("/-")
        digits = re.search(rf"{re.escape(prefix)}\W*(\d+)\s*$", text, re.IGNORECASE) \
            if prefix else None
        if digits is not None:
            return Verdict(MALFORMED, f"has {len(digits.group(1))} digits after {prefix}, which "
                           f"{r.name} IDs are not ({_expected(claim)})", registry=r)
    return Verdict(MALFORMED, not_one)
