"""payment-information (T105): amounts paid to participants written into the record."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CORPUS, findings, record, run_check
from lintrials.checks import payment_information
from lintrials.findings import Finding
from lintrials.knowledge.payments import amounts, money_treatment, participant_payments

V2 = CORPUS / "ctgov_v2_json"
LEGACY = CORPUS / "ctgov_legacy_xml"


def t105(*paths: Path) -> list[Finding]:
    return [f for f in findings(*paths, select=["T105"]) if f.code == "T105"]


# --- real records -----------------------------------------------------------------------------


def test_compensation_per_visit_in_the_description() -> None:
    [finding] = t105(V2 / "NCT03569618.json")
    assert finding.field == "detailed_description"
    assert finding.message.startswith(
        'payment to participants stated with its amount ("$50", "$100", "$150")')


def test_a_total_and_its_instalments() -> None:
    # NCT04853849: "compensated a total sum of $175; $50 at completion of ..., $50 ..., and
    # $75 at completion of 8 week follow-up": one finding for the text, at "$175".
    [finding] = t105(V2 / "NCT04853849.json")
    assert '("$175", "$50", "$50" and 1 more)' in finding.message


def test_money_as_treatment_prices_and_drug_codes_are_silent() -> None:
    # NCT05698498 tests guaranteed income of $1,000 a month (the treatment's own amounts);
    # NCT03681392 asks participants to buy the product for $30 with a rebate; NCT01738087
    # names the drug "CHF 1535"; NCT00000410 gives the costs of back pain ("$30-70 billion").
    assert t105(LEGACY / "NCT05698498.xml", V2 / "NCT03681392.json", V2 / "NCT01738087.json",
                V2 / "NCT00000410.json") == []


# --- own words --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "amount"), [
    ("Participants will be compensated up to $1,200 for completing the study.", "$1,200"),
    ("Subjects receive €100 after the final visit.", "€100"),
    ("Participants will be reimbursed 500 SEK for travel.", "500 SEK"),
    ("Travel costs will be reimbursed with 500 SEK per visit.", "500 SEK"),
    ("Each participant will receive a $25 Amazon gift card per completed survey.", "$25"),
    ("Participants are paid $20 per session.", "$20"),
    ("You will get £30 in vouchers upon completion of the study.", "£30"),
    ("A stipend of USD 200 is provided.", "USD 200"),
    ("Volunteers will be paid EUR 450 for their participation.", "EUR 450"),
    ("Participants will be given 300 kr for their time.", "300 kr"),
    ("An honorarium of Rs. 500 will be given.", "Rs. 500"),
    ("Remuneration: 1000 CHF.", "1000 CHF"),
])
def test_payments(text: str, amount: str) -> None:
    assert [text[s:e] for s, e in participant_payments(text)] == [amount]


@pytest.mark.parametrize("text", [
    "The study drug costs $30 per dose.",
    "Funded by a $2 million grant from NIH.",
    "Participants will not be paid for their participation ($0).",
    "Travel expenses will be reimbursed.",
    "The device is priced at $3,000.",
    "Subjects are insured up to €5,000,000 for damages.",
    "Participants are compensated for injury up to €100,000 by the insurance.",
    "Sites will be paid $500 per patient enrolled.",
    "Patients with compensated CHF 2 and an INR of 1.5",
    "Serum creatinine at the initiation of CsAm £ 125 µmol/L",
    "Involuntary weight loss in excess of 10 pounds",
    "Monthly household income (HK$5,999 and below)",
    "Willingness to pay threshold of $50,000 per QALY",
    "Estimated costs range from $30-70 billion annually.",
])
def test_not_payments(text: str) -> None:
    assert participant_payments(text) == []


def test_amount_forms() -> None:
    text = "US$ 50, 20 euros, R$ 80, NOK 300 and 1.500 kr; not CAD258 nor INR 2.5"
    assert [text[s:e] for s, e in amounts(text)] == [
        "US$ 50", "20 euros", "R$ 80", "NOK 300", "1.500 kr"]


def test_money_as_the_treatment_needs_a_word_of_compensation() -> None:
    assert money_treatment("Guaranteed Income") and money_treatment("Contingency management")
    assert not money_treatment("Sildenafil", None)
    treatment = "Participants receive $500 per visit in vouchers."
    assert participant_payments(treatment, money_is_treatment=True) == []
    assert participant_payments("They are compensated $30 for their time.",
                                money_is_treatment=True)


def test_one_finding_per_text_at_its_first_amount() -> None:
    text = "Brief text. Participants are paid $10, $20, $30 and $40 per visit."
    rec = record(brief_summary=text, arms=[{"label": "A", "description": "no payment"}])
    [problem] = run_check(payment_information, rec)
    assert problem.field == "brief_summary"
    assert problem.span is not None and text[slice(*problem.span)] == "$10"
    assert '"$30" and 1 more' in problem.message
    rec = record(interventions=[{"name": "Lottery incentive", "description": "paid $50"}])
    assert run_check(payment_information, rec) == []
