"""The one record model that every format parses into.

Checks read these classes and nothing else, so they never know which format a record came from.
Values keep the text of the source (a criteria block keeps its line breaks and indentation) so
that a character span inside a value maps back to the exact place in the file. Enumerations are
normalised to the ClinicalTrials.gov API v2 spelling (``NOT_YET_RECRUITING``, ``PHASE2``), and
dates to ISO form (``2025-09`` or ``2025-09-25``).

A field is named by its *field path*, the attribute path from the record down:
``locations[3].facility``, ``eligibility.maximum_age``, ``central_contacts[0].phone``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lintrials.model_governance import (
    CertainAgreement,
    IpdSharing,
    MoreInfo,
    Official,
    Oversight,
    PointOfContact,
    ResponsibleParty,
    SecondaryId,
    Sponsor,
)

# Types of the record kept in a module of their own, taken from here like every other.
__all__ = [
    "CertainAgreement",
    "IpdSharing",
    "MoreInfo",
    "Official",
    "Oversight",
    "PointOfContact",
    "ResponsibleParty",
    "SecondaryId",
    "Sponsor",
]

# The API v2 modules of ``protocolSection``; `Record.sections` holds those a source carries.
ALL_SECTIONS = frozenset(
    {
        "identificationModule",
        "statusModule",
        "sponsorCollaboratorsModule",
        "oversightModule",
        "descriptionModule",
        "conditionsModule",
        "designModule",
        "armsInterventionsModule",
        "outcomesModule",
        "eligibilityModule",
        "contactsLocationsModule",
        "referencesModule",
        "ipdSharingStatementModule",
    }
)


# The record's outcome lists, in the order the registry shows them.
OUTCOME_LISTS = ("primary_outcomes", "secondary_outcomes", "other_outcomes")


@dataclass
class DateField:
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    type: str | None = None  # ACTUAL or ESTIMATED (anticipated), when the source says


@dataclass
class Contact:
    name: str | None = None
    role: str | None = None
    phone: str | None = None
    phone_ext: str | None = None
    email: str | None = None


@dataclass
class Location:
    facility: str | None = None
    status: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    contacts: list[Contact] = field(default_factory=list)


@dataclass
class Arm:
    label: str | None = None
    type: str | None = None
    description: str | None = None
    intervention_names: list[str] = field(default_factory=list)


@dataclass
class Intervention:
    type: str | None = None
    name: str | None = None
    description: str | None = None
    arm_group_labels: list[str] = field(default_factory=list)
    other_names: list[str] = field(default_factory=list)  # synonyms: a brand, a code name


@dataclass
class Outcome:
    kind: str | None = None  # PRIMARY, SECONDARY or OTHER (the list it sits in says so too)
    measure: str | None = None  # the outcome's title
    description: str | None = None
    time_frame: str | None = None


@dataclass
class Eligibility:
    criteria: str | None = None
    sex: str | None = None  # ALL, FEMALE, MALE
    minimum_age: str | None = None  # as written: "18 Years", "N/A"
    maximum_age: str | None = None
    std_ages: list[str] = field(default_factory=list)  # CHILD, ADULT, OLDER_ADULT
    healthy_volunteers: bool | None = None


# The results section. Numbers keep the text of the source ("54", "NA", "12.5"): a value that
# is not a number is itself worth reporting, and a span inside it maps back to the file.


@dataclass
class GroupCount:
    """A number given for one group: participants at a milestone, a denominator, a reason."""

    group_id: str | None = None
    value: str | None = None
    comment: str | None = None


@dataclass
class ResultGroup:
    id: str | None = None
    title: str | None = None
    description: str | None = None


@dataclass
class Milestone:
    type: str | None = None  # STARTED, COMPLETED, NOT COMPLETED, or the registrant's own title
    comment: str | None = None
    achievements: list[GroupCount] = field(default_factory=list)


@dataclass
class DropReason:
    type: str | None = None  # why participants left: "Adverse Event", "Withdrawal by Subject"
    reasons: list[GroupCount] = field(default_factory=list)


@dataclass
class FlowPeriod:
    title: str | None = None
    milestones: list[Milestone] = field(default_factory=list)
    drop_withdraws: list[DropReason] = field(default_factory=list)


@dataclass
class ParticipantFlow:
    pre_assignment_details: str | None = None
    recruitment_details: str | None = None
    groups: list[ResultGroup] = field(default_factory=list)
    periods: list[FlowPeriod] = field(default_factory=list)


@dataclass
class Denom:
    """The number analysed per group, in its units ("Participants", "Eyes")."""

    units: str | None = None
    counts: list[GroupCount] = field(default_factory=list)


@dataclass
class Measurement:
    group_id: str | None = None
    value: str | None = None
    spread: str | None = None
    lower_limit: str | None = None
    upper_limit: str | None = None
    comment: str | None = None


@dataclass
class Category:
    title: str | None = None
    measurements: list[Measurement] = field(default_factory=list)


@dataclass
class MeasureClass:
    title: str | None = None
    denoms: list[Denom] = field(default_factory=list)  # a class's own numbers analysed
    categories: list[Category] = field(default_factory=list)


@dataclass
class Analysis:
    group_ids: list[str] = field(default_factory=list)
    p_value: str | None = None  # as written: "0.032", "<0.001"
    statistical_method: str | None = None
    param_type: str | None = None
    param_value: str | None = None
    ci_pct_value: str | None = None
    ci_num_sides: str | None = None  # ONE_SIDED or TWO_SIDED
    ci_lower_limit: str | None = None
    ci_upper_limit: str | None = None
    non_inferiority_type: str | None = None


@dataclass
class ResultMeasure:
    """A baseline characteristic or an outcome measure's results."""

    type: str | None = None  # outcomes: PRIMARY, SECONDARY, OTHER_PRE_SPECIFIED, POST_HOC
    title: str | None = None
    description: str | None = None
    population_description: str | None = None
    param_type: str | None = None  # COUNT_OF_PARTICIPANTS, MEAN, MEDIAN, NUMBER, ...
    dispersion_type: str | None = None
    unit_of_measure: str | None = None
    time_frame: str | None = None
    groups: list[ResultGroup] = field(default_factory=list)
    denoms: list[Denom] = field(default_factory=list)
    classes: list[MeasureClass] = field(default_factory=list)
    analyses: list[Analysis] = field(default_factory=list)


@dataclass
class Baseline:
    population_description: str | None = None
    groups: list[ResultGroup] = field(default_factory=list)
    denoms: list[Denom] = field(default_factory=list)
    measures: list[ResultMeasure] = field(default_factory=list)


@dataclass
class EventStat:
    group_id: str | None = None
    num_events: str | None = None
    num_affected: str | None = None
    num_at_risk: str | None = None


@dataclass
class AdverseEvent:
    term: str | None = None
    organ_system: str | None = None
    stats: list[EventStat] = field(default_factory=list)
    # Legacy XML gives each group's total as an event of its own ("Total, serious adverse
    # events"); API v2 JSON gives it on the group (`EventGroup.serious_num_affected`).
    total: bool = False


@dataclass
class EventGroup:
    id: str | None = None
    title: str | None = None
    description: str | None = None
    deaths_num_affected: str | None = None
    deaths_num_at_risk: str | None = None
    serious_num_affected: str | None = None
    serious_num_at_risk: str | None = None
    other_num_affected: str | None = None
    other_num_at_risk: str | None = None


@dataclass
class AdverseEvents:
    frequency_threshold: str | None = None  # other events are listed from this percentage up
    time_frame: str | None = None
    description: str | None = None
    groups: list[EventGroup] = field(default_factory=list)
    serious_events: list[AdverseEvent] = field(default_factory=list)
    other_events: list[AdverseEvent] = field(default_factory=list)


@dataclass
class Results:
    """The results section; a part the source does not carry is None (not a defect)."""

    participant_flow: ParticipantFlow | None = None
    baseline: Baseline | None = None
    outcome_measures: list[ResultMeasure] | None = None
    adverse_events: AdverseEvents | None = None


@dataclass
class Record:
    """One registry record, whatever file it came from."""

    nct_id: str | None = None
    org_study_id: str | None = None
    brief_title: str | None = None
    official_title: str | None = None
    acronym: str | None = None
    secondary_ids: list[SecondaryId] = field(default_factory=list)
    brief_summary: str | None = None
    detailed_description: str | None = None
    conditions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    overall_status: str | None = None
    why_stopped: str | None = None
    status_verified_date: str | None = None
    start_date: DateField = field(default_factory=DateField)
    primary_completion_date: DateField = field(default_factory=DateField)
    completion_date: DateField = field(default_factory=DateField)
    first_submitted_date: str | None = None
    last_update_submitted_date: str | None = None
    last_update_posted_date: str | None = None
    # ESTIMATED: the date the registry expects to post the update, not yet confirmed.
    last_update_posted_type: str | None = None

    study_type: str | None = None
    phases: list[str] = field(default_factory=list)
    allocation: str | None = None
    intervention_model: str | None = None
    intervention_model_description: str | None = None  # free text on the design
    primary_purpose: str | None = None
    masking: str | None = None
    who_masked: list[str] = field(default_factory=list)
    enrollment_count: int | None = None
    enrollment_type: str | None = None  # ACTUAL or ESTIMATED

    arms: list[Arm] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    # Outcome measures, one list per kind as the registry keeps them (so a field path such as
    # ``secondary_outcomes[2].time_frame`` names one value in every format); `outcomes` walks all.
    primary_outcomes: list[Outcome] = field(default_factory=list)
    secondary_outcomes: list[Outcome] = field(default_factory=list)
    other_outcomes: list[Outcome] = field(default_factory=list)
    eligibility: Eligibility = field(default_factory=Eligibility)
    # The results section, when the record has one (None: no results posted, or not exported).
    results: Results | None = None
    # More of what the results section says (its limitations, the agreements on publishing,
    # whom to ask): None when the record has no results or the source did not carry it.
    more_info: MoreInfo | None = None
    lead_sponsor: str | None = None
    lead_sponsor_class: str | None = None  # as `Sponsor.agency_class`
    collaborators: list[Sponsor] = field(default_factory=list)
    # None where the source says nothing of it (a part a partial download left out, or an
    # older record that never had it); so too `oversight` and `ipd_sharing`.
    responsible_party: ResponsibleParty | None = None
    oversight: Oversight | None = None
    ipd_sharing: IpdSharing | None = None
    overall_officials: list[Official] = field(default_factory=list)
    central_contacts: list[Contact] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    # Site contacts a page lists without saying which site they belong to.
    unplaced_contacts: list[Contact] = field(default_factory=list)

    # Sections the source holds at all: a partial download (a ``fields=`` filter) lacks some,
    # and a missing section is then not a defect of the record. Names are API v2 module names.
    sections: set[str] = field(default_factory=set)
    # How the source writes long text: "markdown" (API v2 JSON publishes text fields as markdown,
    # so an escape such as ``\>`` is correct there) or "plain" (legacy XML, study pages, where
    # such an escape is markup that leaked into the text). None when a format does not say.
    text_format: str | None = None

    def outcomes(self) -> list[tuple[str, Outcome]]:
        """Every outcome measure with its field path: primary, then secondary, then other."""
        found: list[tuple[str, Outcome]] = []
        for name in OUTCOME_LISTS:
            for i, outcome in enumerate(getattr(self, name)):
                found.append((f"{name}[{i}]", outcome))
        return found

    def contacts_with_country(self) -> list[tuple[str, Contact, str | None]]:
        """Every contact with its field path and the country it should be dialled in.

        Site contacts take their site's country; central and unplaced contacts take the
        country of the sites when all sites are in one country, else none.
        """
        countries = {loc.country for loc in self.locations if loc.country}
        only_country = next(iter(countries)) if len(countries) == 1 else None
        found: list[tuple[str, Contact, str | None]] = []
        for i, contact in enumerate(self.central_contacts):
            found.append((f"central_contacts[{i}]", contact, only_country))
        for i, loc in enumerate(self.locations):
            for j, contact in enumerate(loc.contacts):
                found.append((f"locations[{i}].contacts[{j}]", contact, loc.country))
        for i, contact in enumerate(self.unplaced_contacts):
            found.append((f"unplaced_contacts[{i}]", contact, only_country))
        return found
