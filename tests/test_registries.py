"""lintrials.knowledge.registries: which registry a secondary ID claims, and whether it fits."""

from __future__ import annotations

import pytest

from lintrials.knowledge import registries as reg
from lintrials.knowledge.registries import claimed, eu_number_kind, identify, verdict


def test_every_example_fits_its_registry_and_is_identified_as_it() -> None:
    keys = [r.key for r in reg.registries()]
    assert len(keys) == len(set(keys))
    for r in reg.registries():
        assert r.examples, r.key
        for example in r.examples:
            assert r.pattern.fullmatch(example), (r.key, example)
            found = identify(example)
            assert found is not None and found.family == r.family, example


@pytest.mark.parametrize(
    ("id_type", "domain", "value", "registry", "by"),
    [
        ("EUDRACT_NUMBER", None, "2015-001234-56", "eudract", "type"),
        ("CTIS", "Company Internal", "x", "ctis", "type"),
        ("REGISTRY", "Clinical Trials Registry-India", "CTRI/2023/02/050123", "ctri", "domain"),
        ("OTHER", "EU Clinical Trial Number", "2023-506054-20-00", "ctis", "domain"),
        ("OTHER", "ICTRP", "U1111-1279-2948", "utn", "prefix"),  # CTRP inside ICTRP is no claim
        (None, None, "EudraCT No: 2005-001678-28", "eudract", "prefix"),
        (None, None, "ISRCTN1150", "isrctn", "prefix"),
        ("REGISTRY", "RCB number", "2014-A00486-41", "idrcb", "domain"),
    ],
)
def test_the_claim_comes_from_type_then_domain_then_prefix(
        id_type: str | None, domain: str | None, value: str, registry: str, by: str) -> None:
    claim = claimed(id_type, domain, value)
    assert claim is not None
    assert registry in {r.key for r in claim.registries} and claim.by == by


@pytest.mark.parametrize(
    ("id_type", "domain", "value"),
    [
        ("NIH", None, "ISRCTN12345678"),  # a grant type claims no registry
        ("OTHER_GRANT", "CTRP (Clinical Trials Reporting Program)", "NCI-2024-00502"),
        ("OTHER", "Eli Lilly and Company", "H6D-MC-LVGO"),
        ("OTHER", "Clinical Trials.gov", "CDR0000588655"),  # ClinicalTrials.gov: no claim
        (None, None, "NL20491.042.08"),  # a CCMO number: NL alone is no claim
        (None, None, "NCTU-2019-01"),
        (None, None, "2023-505976-31"),  # an EU number's form alone is no claim
    ],
)
def test_no_claim(id_type: str | None, domain: str | None, value: str) -> None:
    assert claimed(id_type, domain, value) is None


@pytest.mark.parametrize(
    ("id_type", "domain", "value"),
    [
        ("EUDRACT_NUMBER", None, "2015-001234-56-DE"),  # the EU CTR's country page
        ("EUDRACT_NUMBER", None, "2023-503200-91-00"),  # a CTIS number: the type is I102's
        ("REGISTRY", "EU CTIS", "2023-504721-39-02"),
        ("REGISTRY", "ChiCTR", "ChiCTR-TRC-12002345"),
        ("REGISTRY", "ChiCTR", "ChiCTR2000034346"),
        ("OTHER", "ISRCTN", "10678756"),  # the bare number where the domain names it
        ("REGISTRY", "ISRCTN", "ISRCTN 47734678"),
        ("REGISTRY", "CTRI", "CTRI/2008/091/000123"),
        ("REGISTRY", "jRCT", "jRCTs031180001"),
        (None, None, "JPRN-UMIN000045678"),
        ("OTHER", "ID-RCB", "2019-000123-45"),  # a medicine trial's EudraCT number as ID-RCB
    ],
)
def test_legitimate_variants_fit(id_type: str | None, domain: str | None, value: str) -> None:
    claim = claimed(id_type, domain, value)
    assert claim is not None
    assert verdict(value, claim).kind == reg.FITS


@pytest.mark.parametrize(
    ("id_type", "domain", "value", "kind", "repaired", "said"),
    [
        ("EUDRACT_NUMBER", None, "EudraCT: 2015-001234-56", reg.LABEL, "2015-001234-56",
         "label text"),
        ("EUDRACT_NUMBER", None, "2006-001228-37 (EudraCT)", reg.LABEL, "2006-001228-37",
         "label text"),
        (None, None, "EUDRACT 2005-001678-28.", reg.LABEL, "2005-001678-28", "label text"),
        ("CTIS", None, "EU CT number: 2023-503200-91-00", reg.LABEL, "2023-503200-91-00",
         "label text"),
        (None, None, "ISRCTN number 12345678", reg.LABEL, "ISRCTN12345678", "label text"),
        ("REGISTRY", "ISRCTN", "ISRCTN: 12345678", reg.SEPARATOR, "ISRCTN12345678",
         "separator"),
        ("REGISTRY", "ChiCTR", "ChiCTR-2000029308", reg.SEPARATOR, "ChiCTR2000029308",
         "separator"),
        ("EUDRACT_NUMBER", None, "2015-001234-56 ", reg.SPACE, "2015-001234-56", "white space"),
        ("EUDRACT_NUMBER", None, "2022-501007-28", reg.CUT_SHORT, None, "CTIS (EU CT) number"),
        ("REGISTRY", "EU CT Number", "2023-508613-17", reg.CUT_SHORT, None, "last part"),
        ("OTHER", "European Medical Agency (EMA)", "2024-510846-15", reg.CUT_SHORT, None,
         "cut short"),
        ("EUDRACT_NUMBER", None, "2015-001234", reg.CUT_SHORT, None, "check digits"),
        ("EUDRACT_NUMBER", None, "2015-00123-56", reg.MALFORMED, None, "serial of 5 digits"),
        ("EUDRACT_NUMBER", None, "2015-001234-5", reg.MALFORMED, None, "check part of 1 digit"),
        ("EUDRACT_NUMBER", None, "NCT01234567", reg.OTHER_REGISTRY, None, "ClinicalTrials.gov"),
        ("OTHER", "EudraCT", "2015-001234-56; ISRCTN12345678", reg.EXTRA, None, "other text"),
        (None, None, "ISRCTN1150", reg.MALFORMED, None, "4 digits after ISRCTN"),
        ("REGISTRY", "ChiCTR", "ChiCTR00029308", reg.MALFORMED, None, "8 digits after ChiCTR"),
        ("REGISTRY", "UTN", "U1111-1234-567", reg.MALFORMED, None, "U1111-NNNN-NNNN"),
        ("REGISTRY", "Netherlands Trial Register", "NL20491.042.08", reg.MALFORMED, None,
         "not an ID of NL/NTR"),
    ],
)
def test_what_does_not_fit_and_its_repair(id_type: str | None, domain: str | None, value: str,
                                          kind: str, repaired: str | None, said: str) -> None:
    claim = claimed(id_type, domain, value)
    assert claim is not None
    found = verdict(value, claim)
    assert (found.kind, found.repaired) == (kind, repaired)
    assert found.message is not None and said in found.message


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("2023-503200-91-00", "ctis"),
        ("2022-501007-28", "ctis"),  # cut short, but its serial is CTIS's
        ("EU CT: 2023-508613", "ctis"),
        ("2020-003288-24", "eudract"),
        ("EudraCT 2006-001228-37", "eudract"),
        ("2014-003865-11-DE", "eudract"),
        ("2020-003288-24-00", None),  # no known form
        ("2019-A01343-54", None),
        ("NCT01234567", None),
    ],
)
def test_an_eu_number_is_told_by_its_serial(value: str, kind: str | None) -> None:
    assert eu_number_kind(value) == kind


def test_a_long_value_is_judged_whole() -> None:
    value = "EudraCT " + "number " * 200 + "2015-001234-56"
    claim = claimed("EUDRACT_NUMBER", None, value)
    assert claim is not None and verdict(value, claim).kind == reg.MALFORMED
    assert eu_number_kind(value) is None
