"""Amounts of money in registry text, and whether one is a payment to participants.

`amounts` finds sums of money as registries write them: a symbol before the number ("$50",
"US$ 1,200", "€100", "£25.50", "R$ 80"), a code or word before or after it ("500 SEK", "EUR
100", "200 euros", "Rs. 500", "300 kr"). Codes that are also abbreviations of medicine are
not read as money: INR (the clotting ratio), CAD, CHF and AUD only directly before or after a
number, and then only with a word of payment beside them (see below); "pounds" alone is a
weight, "rand" and "won" are words. Sums in millions or billions are never a participant's.

`participant_payments` finds, in one text, the amounts stated as what participants are paid:
an amount in a sentence with a word of compensation ("compensated", "reimbursed",
"remuneration", "stipend", "honorarium", "for their time", "for participating"), or next to
a word of payment ("paid $50", "receive up to $200", "a $25 gift card", "$50 per visit", "$100
upon completion", "€30 as compensation"). Not payments: a sentence about costs, prices,
grants, funding, budgets, insurance or injury cover ("the device costs $300", "funded by a
$2 million grant", "insured up to €5,000,000"), or saying there is no payment; a sentence in
which sites, investigators or physicians are paid. When the money is itself the study's
treatment (`money_treatment`: cash transfers, guaranteed income, financial incentives,
contingency management vouchers, lotteries), only the words of compensation count, since
amounts of the treatment are part of its description.
"""

from __future__ import annotations

import re

__all__ = ["amounts", "money_treatment", "participant_payments"]

_NUMBER = r"\d{1,3}(?:[,. ]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?(?!\d)"
_SYMBOL = (r"(?:US ?\$|U\.S\. ?\$|HK\$|NZ\$|AU?\$|CA?\$|S\$|R\$|MX\$|(?<![A-Za-z])\$|[€£¥₹₩₺₽₱₦₪]"
           r"|\bRs\.?|\bkr\.?)")
# Codes and words that are only money.
_CODE = (r"USD|EUR|GBP|SEK|NOK|DKK|ISK|NZD|JPY|CNY|RMB|HKD|SGD|ZAR|BRL|MXN|PLN|CZK|HUF|TRY"
         r"|KRW|ILS|RON|BGN|RUB|THB|MYR|IDR|PHP|NGN|KES|EGP|TWD|ARS|CLP|COP|PEN")
# Codes that are also abbreviations of medicine (coronary artery disease, congestive heart
# failure, alcohol use disorder): money only right beside a number.
_AMBIGUOUS_CODE = r"CAD|CHF|AUD"
_WORD = (r"dollars?|euros?|pounds?[ \t]+sterling|kronor|kroner|krona|krone|francs?|rupees?|yen"
         r"|yuan|renminbi|reais|pesos?|lira|liras|zlotys?|z[łl]otych|forints?|shekels?|baht"
         r"|ringgit|naira|shillings?|kr|kn|lei")
_LARGE = r"(?:[ \t]*(?:million|billion|trillion|bn|mn|m\b|M\b))"
# A second number of a range: "$30-70", "$50 to $100".
_RANGE = rf"(?:[ \t]*(?:-|–|to)[ \t]*(?:{_SYMBOL})?[ \t]?(?:{_NUMBER}))?"
# A unit after the number: "£ 125 µmol/L" is a mis-encoded "≤", not money.
_NO_UNIT = (r"(?![ \t]*(?:[µμ%/]|g/|U/|(?:mg|mmol|mol|ml|mL|kg|mm|cm|IU|years?|yrs?|months?"
            r"|days?)(?![A-Za-z])))")
_AMOUNT = re.compile(
    rf"""(?:{_SYMBOL})[ \t]?(?P<n1>{_NUMBER}){_RANGE}{_LARGE}?{_NO_UNIT}
    | (?<![\w.,])(?P<n2>{_NUMBER}){_RANGE}{_LARGE}?[ \t]?(?:[€£¥₹₩₺₽₱₦₪]|(?:{_CODE}|{_WORD})\b
        |(?:{_AMBIGUOUS_CODE})\b(?![ \t]*\d))
    | \b(?:{_CODE})[ \t]?(?P<n3>{_NUMBER}){_RANGE}{_LARGE}?{_NO_UNIT}
    | \b(?:{_AMBIGUOUS_CODE})[ \t](?P<n4>{_NUMBER})(?![\w.,]){_NO_UNIT}""",
    re.VERBOSE,
)
_IS_LARGE = re.compile(r"\d[ \t]*(?:million|billion|trillion|bn|mn|m|M)\b")
_AMBIGUOUS = re.compile(rf"\b(?:{_AMBIGUOUS_CODE})\b")


def amounts(text: str) -> list[tuple[int, int]]:
    """The spans of the sums of money in a text, in order (sums in millions left out)."""
    return [m.span() for m in _AMOUNT.finditer(text) if not _IS_LARGE.search(m.group())]


# Words of compensation: an amount in their sentence is a payment to participants.
_COMPENSATION = re.compile(
    r"\b(?:compensat(?:e|ed|es|ion|ing)|reimburs\w*|remunerat\w*|stipends?|honorari(?:um|a|ums)"
    r"|for[ \t]+(?:their|your|his|her)[ \t]+(?:time|participation|effort|inconvenience)"
    r"|for[ \t]+(?:taking[ \t]+part|participating|participation)"
    r"|(?:in|as)[ \t]+(?:a[ \t]+)?(?:token[ \t]+of[ \t]+)?(?:appreciation|thanks|gratitude))",
    re.IGNORECASE,
)
_DECOMPENSATED = re.compile(r"(?:de|un|non-?|over|under)compensat|compensated[ \t]+(?:heart|"
                            r"cirrhosis|liver|hepatic|cardiac|chf|shock|metabolic|respiratory"
                            r"|acidosis|alkalosis|hypothyroidism)", re.IGNORECASE)
# Words of payment beside the amount: "paid $50", "receive up to $200", "$25 gift card".
_BEFORE = re.compile(
    r"\b(?:paid|pay|payments?|earn(?:s|ed)?|receive[sd]?|receiving|given|offered|gets?|provided"
    r"|incentives?|gift[ \t-]?cards?|vouchers?|rewards?|payable|amounting[ \t]+to|worth[ \t]+of)"
    r"[ \t:]+(?:(?:up[ \t]+to|a[ \t]+total[ \t]+of|an?|the|total|of|additional|approximately"
    r"|about|around|maximum|max\.?|a[ \t]+maximum[ \t]+of|sum[ \t]+of|amount[ \t]+of|with)"
    r"[ \t]+)*$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"^[ \t]*(?:\(|-|in|as|an?|worth|of)?[ \t]*(?:(?:total|additional|electronic|e-?|amazon"
    r"|visa|retail|store|cash|in[ \t]+cash)[ \t-]*)*(?:gift[ \t-]?cards?|gift[ \t-]?certificates?"
    r"|e-?gift|vouchers?|incentives?|stipends?|honorari(?:um|a)|payments?|thank[ \t-]?you"
    r"|compensation|reimbursement|travel[ \t]+(?:allowance|reimbursement)|allowance)\b"
    r"|^[ \t]*(?:per|for[ \t]+(?:each|every|the|a|one|completing|completion[ \t]+of))[ \t]+"
    r"(?:\w+[ \t]+){0,2}?(?:visits?|sessions?|surveys?|questionnaires?|interviews?|assessments?"
    r"|appointments?|completed|follow-?ups?|time[ \t]?points?|phone[ \t]+calls?|study[ \t]+days?)\b"
    r"|^[ \t]*(?:upon|on|at|after)[ \t]+(?:the[ \t]+)?(?:completion|completing|finishing)\b",
    re.IGNORECASE,
)
# Sentences about other money than a participant's pay.
_OTHER_MONEY = re.compile(
    r"\b(?:(?<!travel )(?<!transport )(?<!transportation )(?<!parking )(?<!their )(?<!your )"
    r"costs?|costing|costed|price[ds]?|pricing|priced|value[ds]?|spent|spend(?:s|ing)?"
    r"|expenditures?|budgets?|grants?|funded|funding|funds?|awarded|sales|revenues?|markets?"
    r"|savings?|insur\w*|injur\w*|damages?|liability|premiums?|co-?pays?|deductibles?"
    r"|out-of-pocket|purchase[ds]?|buy|bought|sells?|sold|charged?|fees?|billed|billing"
    r"|willing(?:ness)?[ \t-]+to[ \t-]+pay|income|salar(?:y|ies)|wages?|economic|per[ \t]+qaly)\b",
    re.IGNORECASE,
)
# Sentences saying there is no payment, and payments to others than participants.
_NO_PAYMENT = re.compile(
    r"\b(?:no|not[ \t]+be|not[ \t]+receive|without|neither|nor)[ \t]+(?:\w+[ \t]+)?"
    r"(?:paid|payments?|compensat\w*|reimburs\w*|remunerat\w*|financial|monetary)"
    r"|\b(?:sites?|investigators?|institutions?|hospitals?|centers?|centres?|physicians?"
    r"|doctors?|clinicians?|clinics?|practices?|pharmac(?:y|ies|ists?)|staff|nurses?"
    r"|recruiters?|referrers?)[ \t]+(?:will[ \t]+)?(?:be[ \t]+|are[ \t]+|is[ \t]+)?"
    r"(?:paid|reimbursed|compensated|remunerated|receive)",
    re.IGNORECASE,
)
# Where a sentence ends: a full stop, "?" or "!" before a capital, ";", a blank line, a bullet.
_SENTENCE_END = re.compile(
    r"(?<!\d)[.!?](?=[ \t\n]+[A-Z(\"'])|;|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t])")
_REACH = 300  # characters each side of an amount that its sentence is looked for in
_NEAR = 60  # characters before or after an amount that a word of payment is looked for in


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - _REACH)
    begin = left
    for m in _SENTENCE_END.finditer(text, left, start):
        begin = m.end()
    stop = _SENTENCE_END.search(text, end, min(len(text), end + _REACH))
    return begin, stop.start() if stop else min(len(text), end + _REACH)


def participant_payments(text: str | None, money_is_treatment: bool = False
                         ) -> list[tuple[int, int]]:
    """The spans of the amounts a text states as payment to participants (see the module)."""
    if not text:
        return []
    spans = amounts(text)
    # Amounts listed together ("$10, $20 and $30 per visit") are paid alike: the list is
    # read as one, paid when any of its amounts is.
    runs: list[list[tuple[int, int]]] = []
    for span in spans:
        if runs and _LISTED.fullmatch(text, runs[-1][-1][1], span[0]):
            runs[-1].append(span)
        else:
            runs.append([span])
    return [span for run in runs
            if any(_paid(text, start, end, money_is_treatment) for start, end in run)
            for span in run]


_LISTED = re.compile(r"[ \t]*[,/]?[ \t]*(?:and|or|to|then)?[ \t]*")


def _paid(text: str, start: int, end: int, money_is_treatment: bool) -> bool:
    """Whether the amount at ``start``-``end`` is stated as a payment to participants."""
    begin, stop = _sentence(text, start, end)
    sentence = text[begin:stop]
    if _OTHER_MONEY.search(sentence) or _NO_PAYMENT.search(sentence):
        return False
    # A word of compensation anywhere in the sentence; for a medical abbreviation that
    # may be a currency code ("CHF 1535" is a drug code), only one close to the amount.
    near = (begin, stop) if not _AMBIGUOUS.search(text, start, end) else (
        max(begin, start - _NEAR), min(stop, end + _NEAR))
    compensated = any(not _DECOMPENSATED.search(text, max(0, m.start() - 6), m.end() + 25)
                      for m in _COMPENSATION.finditer(text, *near))
    beside = (_BEFORE.search(text[max(begin, start - _NEAR):start]) is not None
              or _AFTER.search(text[end:min(stop, end + _NEAR)]) is not None)
    return compensated or (beside and not money_is_treatment)


# Interventions whose treatment is money: then amounts in the text describe the treatment.
_MONEY_TREATMENT = re.compile(
    r"\b(?:cash|income|financial|monetary|money|payments?|incentives?|vouchers?|contingency"
    r"|contingent|lotter(?:y|ies)|prizes?|rewards?|conditional[ \t]+transfers?|transfers?"
    r"|savings|stipends?|subsid(?:y|ies|ised|ized)|wages?|compensation)\b",
    re.IGNORECASE,
)


def money_treatment(*names: str | None) -> bool:
    """Whether an intervention or arm named (or described) so gives money as the treatment."""
    return any(_MONEY_TREATMENT.search(name or "") for name in names)
