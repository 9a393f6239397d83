"""The parts of a record that say who identifies, runs and oversees a study and what it
promises: other identifiers, sponsors, the responsible party, officials, oversight, the plan to
share participant data, and the results section's agreements and point of contact.

`lintrials.model` re-exports each of these: checks import them from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SecondaryId:
    """An identifier of the study other than its NCT ID and the sponsor's own (org study) ID."""

    id: str | None = None
    # EUDRACT_NUMBER, CTIS, REGISTRY (another registry's ID), NIH, FDA, VA, CDC, AHRQ, SAMHSA
    # (U.S. grants), OTHER_GRANT, OTHER; None where the source does not say (legacy XML).
    type: str | None = None
    domain: str | None = None  # who issued it: a registry's or a funder's name, as written
    link: str | None = None


@dataclass
class Sponsor:
    name: str | None = None
    # NIH, FED, OTHER_GOV, INDIV, INDUSTRY, NETWORK, AMBIG, OTHER, UNKNOWN
    agency_class: str | None = None


@dataclass
class ResponsibleParty:
    type: str | None = None  # SPONSOR, PRINCIPAL_INVESTIGATOR, SPONSOR_INVESTIGATOR
    investigator_full_name: str | None = None
    investigator_title: str | None = None
    investigator_affiliation: str | None = None
    # Records registered before the responsible party had a type name a person and an
    # organisation instead.
    old_name_title: str | None = None
    old_organization: str | None = None


@dataclass
class Oversight:
    """What the record says of oversight: each None where it says nothing."""

    has_dmc: bool | None = None  # a data monitoring committee
    is_fda_regulated_drug: bool | None = None
    is_fda_regulated_device: bool | None = None
    is_unapproved_device: bool | None = None
    is_ppsd: bool | None = None  # a pediatric postmarket surveillance of a device
    is_us_export: bool | None = None


@dataclass
class IpdSharing:
    """The plan to share individual participant data."""

    sharing: str | None = None  # YES, NO, UNDECIDED
    description: str | None = None
    info_types: list[str] = field(default_factory=list)  # STUDY_PROTOCOL, SAP, ICF, CSR, ...
    time_frame: str | None = None
    access_criteria: str | None = None
    url: str | None = None


@dataclass
class Official:
    """An overall official of the study: the investigator or officer responsible for it."""

    name: str | None = None
    affiliation: str | None = None
    role: str | None = None  # PRINCIPAL_INVESTIGATOR, STUDY_CHAIR, STUDY_DIRECTOR, ...


@dataclass
class CertainAgreement:
    """Whether an agreement restricts the investigators' right to publish the results."""

    pi_sponsor_employee: bool | None = None  # all principal investigators work for the sponsor
    restriction_type: str | None = None  # LTE60, GT60 (days of embargo), OTHER
    restrictive_agreement: bool | None = None
    other_details: str | None = None  # the restriction in words, for OTHER


@dataclass
class PointOfContact:
    """Whom to ask about the posted results."""

    title: str | None = None  # a name or an official title
    organization: str | None = None
    email: str | None = None
    phone: str | None = None
    phone_ext: str | None = None


@dataclass
class MoreInfo:
    """What the results section says beside the results; a part the source lacks is None."""

    limitations: str | None = None  # limitations and caveats of the results
    certain_agreement: CertainAgreement | None = None
    point_of_contact: PointOfContact | None = None
