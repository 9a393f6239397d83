"""The U.S. FDA oversight answers contradict each other or the study's sites.

What it finds: an answer of the oversight module that the ClinicalTrials.gov data element
definitions (and 42 CFR 11.10, which they restate) make impossible beside another answer of
the record. Each rule rests on a definition:

- "Device Product Not Approved or Cleared by U.S. FDA" is Yes while "Studies a U.S.
  FDA-regulated Device Product" is No. The definition: whether "at least one device product
  studied in the clinical study has not been previously approved or cleared by the U.S. FDA",
  where Yes means "at least one studied FDA-regulated device product has not been previously
  approved or cleared".
- "Pediatric Postmarket Surveillance of a Device Product" is Yes while "Studies a U.S.
  FDA-regulated Device Product" is No. The definition: whether "a clinical study that
  includes a U.S. FDA-regulated device product" is a pediatric postmarket surveillance ordered
  under section 522 of the FD&C Act.
- "Product Manufactured in and Exported from the U.S." is Yes while the record says it
  studies neither an FDA-regulated drug nor an FDA-regulated device (both No). The
  definition: whether "any drug product (including a biological product) or device product
  studied in the clinical study is manufactured in the United States or one of its territories
  and exported for study in a clinical study in another country", required only "if U.S.
  FDA-regulated Drug and/or U.S. FDA-regulated Device is Yes"; and a product made in the U.S.
  and exported for study is subject to the FD&C Act, so it is an FDA-regulated product.
- "Product Manufactured in and Exported from the U.S." is Yes while every site of the study is
  in the United States or a U.S. territory: a product "exported for study in a clinical study
  in another country" needs a site in another country, and the question is required only when
  "Facility Information does not include at least one U.S. location".

Not reported, by class, because the definitions leave them possible:

- an exported product in a study with sites both in and outside the United States (a product
  made in the U.S. and shipped to the study's sites abroad is exported for study in another
  country; the answer is only not required);
- an FDA-regulated drug or device with no intervention of the matching type. The registry's
  intervention types do not sort products by regulation: an in-vitro diagnostic (a device) is
  typed Diagnostic Test, a surgical robot Procedure, a radiotherapy system Radiation;
  radiopharmaceuticals and contrast agents (drugs) are typed Radiation or Diagnostic Test, a
  drug given within a procedure Procedure, a placebo Other; and a product "under
  investigation" includes those used with, or compared with, the one studied. On the
  development part every such record was one of these;
- a question left unanswered (no value): only an explicit No contradicts.

Why it matters: these answers decide whether a study is an applicable clinical trial, which
U.S. law requires to be registered and to report results; ClinicalTrials.gov and the FDA read
them to find the trials that owe results. An impossible pair of answers leaves the study's
obligations unknown, and one of the two answers is wrong. Severity is warning, for every
rule: each is a contradiction the definitions make certain, and the contradictions that are
only probable (above) are not reported at any severity.

Fails: NCT05405374, a bone-graft study at nine U.S. sites, answers "Studies a U.S.
FDA-regulated Drug Product: No", "... Device Product: No" and "Product Manufactured in and
Exported from the U.S.: Yes".

Passes: a device study answering device Yes, not approved Yes and, with its only site in
Pakistan, exported from the U.S. Yes; a drug study with sites in the U.S. and Australia
answering exported Yes.

Options: none. The check does not depend on the run date.

Fix safety: no fix: which answer is wrong is for the responsible party to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintrials.context import Context
from lintrials.findings import Problem
from lintrials.knowledge.geo import country_code, in_united_states
from lintrials.model import Record

CODE, NAME, SEVERITY = "G102", "oversight-contradicts-record", "warning"

_DEVICE = "oversight.is_fda_regulated_device"
_DRUG = "oversight.is_fda_regulated_drug"


def check(record: Record, ctx: Context) -> Iterator[Problem]:
    oversight = record.oversight
    if oversight is None:
        return
    if oversight.is_fda_regulated_device is False:
        if oversight.is_unapproved_device:
            yield Problem(
                "oversight.is_unapproved_device",
                "the record says a device product it studies is not approved or cleared by "
                "the U.S. FDA, yet that it studies no U.S. FDA-regulated device product: the "
                "question is about FDA-regulated devices; correct one of the two answers",
                related=(_DEVICE,))
        if oversight.is_ppsd:
            yield Problem(
                "oversight.is_ppsd",
                "the record says it is a pediatric postmarket surveillance of a device "
                "product, yet that it studies no U.S. FDA-regulated device product: such a "
                "surveillance is of an FDA-regulated device; correct one of the two answers",
                related=(_DEVICE,))
    if oversight.is_us_export:
        yield from _export(record)


def _export(record: Record) -> Iterator[Problem]:
    oversight = record.oversight
    assert oversight is not None
    reasons: list[str] = []
    related: list[str] = []
    if oversight.is_fda_regulated_drug is False and oversight.is_fda_regulated_device is False:
        reasons.append("it studies no U.S. FDA-regulated drug or device product (a product "
                       "made in the U.S. and exported for study is one)")
        related += [_DRUG, _DEVICE]
    if record.locations and all(in_united_states(loc.country) for loc in record.locations):
        count = len(record.locations)
        sites = ("its only site is" if count == 1 else "both its sites are" if count == 2
                 else f"all {count} of its sites are")
        where = ("the United States" if all(country_code(loc.country) == "US"
                                             for loc in record.locations)
                 else "the United States or its territories")
        reasons.append(f"{sites} in {where} (the question is about products exported for a "
                       "study in another country)")
        related.append("locations[0].country")
    if reasons:
        yield Problem(
            "oversight.is_us_export",
            "the record says a product it studies is manufactured in and exported from the "
            f"U.S., yet {' and '.join(reasons)}: correct the answer that is wrong",
            related=tuple(related))
