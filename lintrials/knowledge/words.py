"""Word lists of registry text: connectors, legal forms, abbreviations, placeholders.

The lists differ on purpose where their users ask different questions, and each is named for
its question: `NAME_END_CONNECTORS` cannot end a complete facility name (truncated-site-name),
`JOINING_WORDS` join the words of a name and are dropped when names are compared
(facility-spelling-variants), `LOWER_CASE_NAME_WORDS` may be written in lower case
(facility-name-style). All words are lower case (folded as their readers fold them).
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATED_WORDS",
    "CONTACT_NAME_LABELS",
    "DOTTED_ABBREVIATIONS",
    "JOINING_WORDS",
    "LEGAL_FORMS",
    "LEGAL_FORM_ABBREVIATIONS",
    "LOWER_CASE_END_CONNECTORS",
    "LOWER_CASE_NAME_WORDS",
    "NAME_END_CONNECTORS",
    "PLACEHOLDER_LINES",
    "PLACEHOLDER_VALUES",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    return frozenset(phrase.strip() for phrase in text.split("|"))


# --- connectors -----------------------------------------------------------------------------

# Connectors that cannot end a name, in lower or title case ("Institute Of", "Hospital De").
NAME_END_CONNECTORS = frozenset([
    "of", "and", "for", "the", "at", "with", "from", "to", "by",  # English
    "de", "la", "les", "des", "aux", "pour", "avec", "dans",  # French
    "del", "los", "las", "con", "por", "em",  # Spanish, Portuguese
    "della", "delle", "dei", "degli", "dello", "alla",  # Italian
    "der", "und", "für", "fur", "von", "vom", "zum", "zur", "mit", "voor", "het",  # German, Dutch
])
# Connectors that are also names, places, initials or syllables ("Chang An", "Van", "Para",
# "Zhang Di", "Y."): only in lower case.
LOWER_CASE_END_CONNECTORS = frozenset([
    "le", "et", "en", "el", "y", "e", "i", "da", "do", "das", "dos", "du", "di", "al", "im",
    "am", "an", "zu", "w", "z", "u", "à", "van", "para", "per", "bei",
])
# Words that join the words of a name; dropped inside a name (not at its ends, where "A" or
# "I" may be a name's letter or numeral: "Hospital A", "Policlinico Umberto I").
JOINING_WORDS = _words("""
    of the at and to for in on by de del della delle dei degli di da do dos das du des la le
    les lo el y e i a et en und fur zu zum zur am im an der die den dem von van voor het op te
    och og w we z ze na
""")
# Words a name keeps in lower case, in any language this corpus writes names in.
LOWER_CASE_NAME_WORDS = _words("""
    of and for the at in on to by with from a an or via per
    de del della delle dei degli di da do dos das du des la le les lo el y e i o et en à al
    für fur und zu zum zur am im an der die das den dem von van voor het op te en bij
    och og i på af ved
    w we z ze na im ul
    s dba c o
""")


# --- legal forms and abbreviations ----------------------------------------------------------

# Legal forms at the end of a name, written as one word or as letters ("P.C.", "S.A. de C.V.").
LEGAL_FORMS = _words("""
    inc incorporated llc llp lp ltd limited corp corporation co pc pa pllc plc gmbh ggmbh mbh ag
    kg sa sas sl slu srl sro spa sc ac cv ltda eood ead ad as bv nv ab oy kft pvt pty private
    zoo oo
""")
# Legal forms that end company names: never a cut word, however short.
LEGAL_FORM_ABBREVIATIONS = frozenset([
    "inc", "ltd", "llc", "llp", "pc", "pa", "ag", "sa", "sas", "sl", "spa", "srl", "gmbh", "co",
    "corp", "plc", "bv", "nv", "ab", "as", "oy", "kft", "zrt", "ead", "ood", "eood", "ltda", "sc",
    "cv", "jsc", "pllc",
])
# Standard abbreviations of facility words in site names, with the word each stands for.
ABBREVIATED_WORDS: dict[str, str] = {
    "univ": "university", "uni": "university", "hosp": "hospital", "ctr": "center",
    "cntr": "center", "centre": "center", "med": "medical", "st": "saint", "ste": "sainte",
    "inst": "institute", "dept": "department", "natl": "national", "coll": "college",
    "mem": "memorial", "gen": "general", "hlth": "health", "sci": "science",
}
# A full stop after these ends an abbreviation, not a sentence.
DOTTED_ABBREVIATIONS = _words("""
    inc ltd ltda llc llp lp plc pllc corp co cos bros assoc ass dept dep div hosp univ uni med
    ctr cntr inst fac lab labs tech sci coll sch st ste mt ft jr sr dr prof md phd rn no nr
    sz kft spol sp zoo ag gmbh ggmbh mbh ev eg sa sas sl slu srl spa bv nv ab oy as aps pc pa
    pty pvt ptd cia cie soc etc al ave blvd rd hts ext intl natl gen mem
""")


# --- placeholders ---------------------------------------------------------------------------

# Placeholders as a whole line of the text, or as the whole value.
PLACEHOLDER_LINES = frozenset(
    {
        "to be determined",
        "to be confirmed",
        "to be announced",
        "to be added",
        "to be completed",
        "tbd",
        "tba",
        "placeholder",
    }
)
# Placeholders only as the whole value: as a line of the criteria, "None" under "Exclusion
# Criteria" is an answer.
PLACEHOLDER_VALUES = PLACEHOLDER_LINES | {
    "tbc",
    "n/a",
    "na",
    "none",
    "not applicable",
    "test",
    "-",
    "--",
    ".",
    "...",
    "?",
}
# Labels and placeholders written in a contact's name field instead of a name.
CONTACT_NAME_LABELS = _phrases("""
    contact|contacts|contact person|contact name|central contact|site contact person|name
    |phone|telephone|tel|phone number|telephone number|toll free number|toll-free number
    |toll free|email|e-mail|e mail|email address|e-mail address|mail|fax
    |n/a|na|n.a.|tbd|tba|tbc|unknown|none|not applicable|not available|to be determined
    |to be announced|test|xxx|x|-|--|.|?|information|info
""")
