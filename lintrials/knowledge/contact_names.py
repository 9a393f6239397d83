"""What a name field holds when it is not a name: an e-mail address, a telephone number, a web
address, or an instruction to the reader.

Registry records put many things in the fields meant for a person's name (a contact's, an
overall official's): "Call 1-877-CTLILLY (1-877-285-4559) ...", "There may be multiple sites in
this clinical trial", "Please contact ...", an e-mail address, Roche's "Reference Study ID
Number: ML12345 https://forpatients.roche.com/". The readers here find them. They judge the
text only; which field may hold what (an office's name, an officer's title) is for the check.

    >>> bool(instruction("Call 1-877-CTLILLY (1-877-285-4559) or 1-317-615-4559"))
    True
    >>> phone_in("Call 1-877-CTLILLY (1-877-285-4559)")
    True
    >>> phone_in("Clinical Transparency (dept. 2834)")
    False
    >>> email_in("Ann Lee (ann.lee@example.org)").group()
    'ann.lee@example.org'
"""

from __future__ import annotations

import re

from lintrials.knowledge.words import CONTACT_NAME_LABELS

# An e-mail address; from the start of a run only, so that a long run without "@" is read once.
EMAIL = re.compile(
    r"(?<![^\s@<>()\[\],;:\"])[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+\.[^\W\d_]{2,}")
# Sentences and instructions: how they start, and words a name never has.
INSTRUCTION = re.compile(
    r"^(?:there (?:may|are|is)\b|please\b|call (?:for|us|the|\+?\d)|contact (?:us|the|our)\b"
    r"|for (?:more )?information\b|for (?:further )?(?:details|enquiries|inquiries)\b"
    r"|first line of\b|see (?:the|below|above|www|http)|visit (?:the|our|www|http)"
    r"|e-?mail (?:us|the)\b|refer to\b|reference study id\b|if you\b|to learn\b"
    r"|use the\b|ask (?:for|the)\b|(?:dial|write to|send (?:an?|your)|apply|enquire"
    r"|inquire|leave a message)\b)"
    r"|\b(?:must contain|recommended|please|click here|call us)\b",
    re.IGNORECASE)
_PHONE_DIGITS = re.compile(r"\d")
_PHONE_RUN = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
# A web address, or a word that looks like a domain ("CT.gov" in "Pfizer CT.gov Call Center"
# is one too: use `LINK` where only a real address will do).
WEB_ADDRESS = re.compile(r"\bhttps?://|\bwww\.|\b[\w-]+\.(?:com|org|net|gov|edu)\b",
                         re.IGNORECASE)
# A link a reader could follow: a scheme, "www.", or a domain with a path after it.
LINK = re.compile(r"\bhttps?://|\bwww\.[\w-]|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/[\w/?#=&%-]",
                  re.IGNORECASE)
# A name field that opens by saying how to reach someone: "Contact: ...", "Email contact via H.
# Lundbeck A/S", "Phone - ...", "Contact person: ...". "Tel Aviv University" and "Tel-Aviv
# Sourasky Medical Center" are not.
CONTACT_LEAD = re.compile(
    r"^(?:e-?mail|phone|telephone|tel|fax|call|contact|reach)"
    r"(?: (?:contact|person|us|information|details|number|address))?"
    r"(?:\s*:|\s+[\u2013\u2014-](?:\s|$)|\s+(?:via|through|at|on)\b)",
    re.IGNORECASE)
# Words no office's name holds: a sentence that has one tells the reader what to do.
_COMMAND = re.compile(r"\b(?:must|recommended|please|click|should)\b", re.IGNORECASE)
# A sentence that ends by naming whom to reach: "For more information at the NIH Clinical
# Center contact Office of Patient Recruitment (OPR)": the reader knows who answers.
_NAMES_WHOM = re.compile(
    r"\b(?:contact|call|ask for|reach|write to)\s+(?:the\s+|our\s+)?(?P<whom>[^\d@]+)$",
    re.IGNORECASE)
_OFFICE_WORD = re.compile(
    r"\b(?:office|cent(?:er|re)|department|dept|unit|desk|services?|team|line|program(?:me)?"
    r"|clinic|coordinator|nurse|investigator|recruitment|registry|secretariat|helpline)\b",
    re.IGNORECASE)


def email_in(text: str) -> re.Match[str] | None:
    """The first e-mail address written in ``text``, or None."""
    return EMAIL.search(text)


def phone_in(text: str) -> bool:
    """Whether ``text`` holds a telephone number: a run of nine digits or more (spaces,
    brackets, dots and hyphens between them), so that a department's or a site's number
    ("dept. 2834", "Site 0221") is not one."""
    return any(len(_PHONE_DIGITS.findall(m.group())) >= 9 for m in _PHONE_RUN.finditer(text))


def web_address_in(text: str) -> bool:
    """Whether ``text`` holds a web address or a word shaped like a domain ("CT.gov")."""
    return WEB_ADDRESS.search(text) is not None


def link_in(text: str) -> re.Match[str] | None:
    """The start of a link a reader could follow (``https://``, ``www.``, ``example.org/x``),
    or None: a bare domain-like word such as "CT.gov" in a call centre's name is not one."""
    return LINK.search(text)


def instruction(text: str) -> re.Match[str] | None:
    """Where ``text`` reads as a sentence or an instruction ("Please contact ...", "Call
    1-877-...", "For more information ...", "Refer to ..."), or None."""
    return INSTRUCTION.search(text)


def contact_lead(text: str) -> re.Match[str] | None:
    """Where ``text`` opens by saying how to reach someone ("Contact: ...", "Email contact
    via ...", "Phone - ..."), or None."""
    return CONTACT_LEAD.search(text.strip())


def names_whom(text: str) -> bool:
    """Whether a sentence ends by naming the office or role to reach, and gives no order: "For
    more information at the NIH Clinical Center contact Office of Patient Recruitment (OPR)"."""
    if _COMMAND.search(text) or WEB_ADDRESS.search(text):
        return False
    whom = _NAMES_WHOM.search(text)
    return whom is not None and _OFFICE_WORD.search(whom.group("whom")) is not None


def folded_name(text: str) -> str:
    """A name field as it is compared with word lists: case folded, curly apostrophes
    straightened, spacing collapsed, and a colon or space at either end dropped."""
    return " ".join(text.casefold().replace("’", "'").split()).strip(" :")


def label_or_placeholder(text: str) -> bool:
    """Whether a name field holds only a field label or a placeholder ("Contact", "Contact
    Person", "Phone", "N/A", "TBD"), or a label with nothing, or a placeholder, after its colon
    ("Name: -", "Contact: N/A")."""
    folded = folded_name(text)
    if folded in CONTACT_NAME_LABELS:
        return True
    label, colon, rest = folded.partition(":")
    return bool(colon) and label.strip() in CONTACT_NAME_LABELS and (
        not rest.strip(" .-") or rest.strip() in CONTACT_NAME_LABELS)
