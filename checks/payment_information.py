"""Amounts paid to participants written into the record.

What it finds: a sum of money stated as what participants are paid, in the brief or detailed
description, the eligibility criteria, or an arm's or intervention's name or description:
"compensated for each study visit (visit 1: $50, visit 2: $100)", "participants receive up to
$1,200", "a $25 gift card per completed survey", "€100 as compensation", "reimbursed 500 SEK
for travel". One finding per text, at its first such amount, naming up to three. Not
reported: sums that are not a participant's pay (the cost or price of the study drug or a
device, a grant or funding, a budget, insurance or injury cover, health-care costs, income
or wages measured in the study, sums in millions), payments to sites, investigators or
physicians, a sentence saying there is no payment, and payment without an amount ("travel
expenses will be reimbursed"). When the money is itself the treatment (an intervention named
for cash, income, incentives, vouchers, lotteries or contingency management), the amounts of
the treatment are its description: only an amount with a word of compensation
("compensated", "reimbursed", "stipend", "for their time") is reported then. What counts as
an amount and as payment is in `lintrials.knowledge.payments`; medical abbreviations that
look like currency codes (INR, CAD, CHF) are not read as money unless written as one.

Why it matters: ClinicalTrials.gov's review of registrations asks that payment amounts not
be given in the record; the sum belongs in the consent documents the ethics committee
reviews. A public listing is read by people deciding whether to take part, and FDA's guidance
on recruiting asks that such material not emphasise payment or its amount, so as not to
unduly influence who enrols. The record may say that participants are compensated or
reimbursed, without the sum.

Fails: detailed description "You will be compensated for each study visit (visit 1: $50,
visit 2: $100, visit 3: $150)."

Passes: "Participants will be compensated for their time and travel."; "The device costs
$300 and is provided free of charge."

Options: none. The check does not depend on the run date.

Fix safety: no fix: the sentence is for the sponsor to reword without the amount.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.payments import money_treatment, participant_payments
from lintrials.model import Record

CODE, NAME, SEVERITY = "T105", "payment-information", "warning"


def _texts(record: Record) -> Iterator[tuple[str, str | None]]:
    yield "brief_summary", record.brief_summary
    yield "detailed_description", record.detailed_description
    yield "eligibility.criteria", record.eligibility.criteria
    for i, arm in enumerate(record.arms):
        yield f"arms[{i}].label", arm.label
        yield f"arms[{i}].description", arm.description
    for i, item in enumerate(record.interventions):
        yield f"interventions[{i}].name", item.name
        yield f"interventions[{i}].description", item.description


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    money = money_treatment(*(item.name for item in record.interventions),
                            *(arm.label for arm in record.arms))
    for field, text in _texts(record):
        spans = participant_payments(text, money) if text else []
        if not spans or text is None:
            continue
        named = ", ".join(f'"{" ".join(text[s:e].split())}"' for s, e in spans[:3])
        more = f" and {len(spans) - 3} more" if len(spans) > 3 else ""
        yield Problem(
            field,
            f"payment to participants stated with its amount ({named}{more}): the registry "
            "asks that payment amounts stay out of the record; say that participants are "
            "compensated, without the sum",
            span=spans[0],
        )
