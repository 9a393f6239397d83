"""A finding keeps its identity across re-exports: list items are named by what identifies them
(a site by facility, city and country, a contact by name and role, an arm by its label), so a
registry that lists them in another order, re-indents the file and moves its dates changes
no fingerprint, baseline match or suppression match."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from conftest import DATA, SEEDS
from lintrials.cli import main
from lintrials.findings import Finding
from lintrials.identity import Identities, labels
from lintrials.model import (
    AdverseEvent,
    AdverseEvents,
    Contact,
    EventStat,
    FlowPeriod,
    GroupCount,
    Intervention,
    IpdSharing,
    Location,
    Milestone,
    Official,
    ParticipantFlow,
    Record,
    Results,
    SecondaryId,
    Sponsor,
)
from lintrials.suppressions import load

V2 = DATA / "corpus" / "ctgov_v2_json"
XML = DATA / "corpus" / "ctgov_legacy_xml"
SITES_AND_ARMS = V2 / "NCT06993792.json"  # 47 of its 89 sites with phone findings, 10 arms
CONTACTS = V2 / "NCT06620835.json"  # two central contacts with findings, criteria findings
LEGACY = XML / "NCT00493194.xml"  # sites with two contacts each, every phone with a finding
PAGE = SEEDS / "000_c17df8f03dc45045.txt"  # a study page: sites and their contacts apart


def lintrials(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--today", "2026-11-22", "--no-cache",
                                       "--jobs", "1", "--select", "ALL", *args])
    return result.exit_code, result.output


def with_arm_defects(study: dict[str, Any]) -> dict[str, Any]:
    """The study with two broken links between arms and interventions, so arms have findings."""
    study = copy.deepcopy(study)
    arms = study["protocolSection"]["armsInterventionsModule"]
    assert len(arms["armGroups"]) > 5
    arms["armGroups"][5]["interventionNames"] = ["Drug: Metformin"]  # no such intervention
    arms["interventions"][0]["armGroupLabels"].append("Extension period")  # no such arm
    return study


def reexported_json(study: dict[str, Any]) -> str:
    """The study exported again: sites, their contacts, central contacts, arms and
    interventions in reverse order, the update and posting dates moved, another indentation."""
    study = copy.deepcopy(study)
    protocol = study["protocolSection"]
    places = protocol.get("contactsLocationsModule", {})
    for site in places.get("locations", []):
        site.get("contacts", []).reverse()
    places.get("locations", []).reverse()
    places.get("centralContacts", []).reverse()
    arms = protocol.get("armsInterventionsModule", {})
    arms.get("armGroups", []).reverse()
    arms.get("interventions", []).reverse()
    status = protocol["statusModule"]
    status["lastUpdateSubmitDate"] = "2026-01-05"
    status["lastUpdatePostDateStruct"]["date"] = "2026-01-08"
    if "studyFirstPostDateStruct" in status:
        status["studyFirstPostDateStruct"]["date"] = "2023-04-20"
    if "studyFirstSubmitQcDate" in status:
        status["studyFirstSubmitQcDate"] = "2023-04-07"
    return json.dumps(study, indent=4, ensure_ascii=True)


def reexported_xml(text: str) -> str:
    """The legacy XML of the study again: its sites in reverse order, the dates of the download
    and the last update moved."""
    sites = list(re.finditer(r"  <location>.*?</location>\n", text, re.DOTALL))
    assert len(sites) > 1
    start, end = sites[0].start(), sites[-1].end()
    assert "".join(m.group() for m in sites) == text[start:end]  # one run of sites
    text = text[:start] + "".join(m.group() for m in reversed(sites)) + text[end:]
    text = re.sub(r"<download_date>[^<]*", "<download_date>ClinicalTrials.gov processed this "
                  "data on January 08, 2026", text)
    text = re.sub(r"(<last_update_submitted>)[^<]*", r"\1January 5, 2026", text)
    return re.sub(r"(<last_update_posted[^>]*>)[^<]*", r"\1January 8, 2026", text)


def _reverse_blocks(lines: list[str], starts: list[int], end: int) -> list[str]:
    """The lines with the blocks starting at ``starts`` (the last ending at ``end``) reversed."""
    blocks = [lines[a:b] for a, b in zip(starts, [*starts[1:], end], strict=True)]
    return lines[:starts[0]] + [x for block in reversed(blocks) for x in block] + lines[end:]


def reexported_page(text: str) -> str:
    """The study page again: its sites and, in the same order, their contacts reversed."""
    lines = text.split("\n")
    sites = [i - 4 for i, line in enumerate(lines) if line == "Site Status"]
    lines = _reverse_blocks(lines, sites, sites[-1] + 6)
    begin = lines.index("Facility Contacts")
    contacts = [i - 2 for i, line in enumerate(lines) if line.startswith("Role: ") and i > begin]
    return "\n".join(_reverse_blocks(lines, contacts, lines.index("Other Identifiers")))


def two_folders(tmp_path: Path) -> tuple[Path, Path]:
    """The same records as they were (before) and exported again (after)."""
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    study = with_arm_defects(json.loads(SITES_AND_ARMS.read_text(encoding="utf-8")))
    (before / SITES_AND_ARMS.name).write_text(json.dumps(study, indent=2), encoding="utf-8")
    (after / SITES_AND_ARMS.name).write_text(reexported_json(study), encoding="utf-8")
    shutil.copy(CONTACTS, before / CONTACTS.name)
    (after / CONTACTS.name).write_text(
        reexported_json(json.loads(CONTACTS.read_text(encoding="utf-8"))), encoding="utf-8")
    shutil.copy(LEGACY, before / LEGACY.name)
    (after / LEGACY.name).write_text(reexported_xml(LEGACY.read_text(encoding="utf-8")),
                                     encoding="utf-8")
    shutil.copy(PAGE, before / PAGE.name)
    (after / PAGE.name).write_text(reexported_page(PAGE.read_text(encoding="utf-8")),
                                   encoding="utf-8")
    return before, after


def report(folder: Path, fmt: str, *args: str) -> Any:
    out = folder.parent / f"{folder.name}.{fmt}"
    code, output = lintrials("--format", fmt, "--output-file", str(out), *args, str(folder))
    assert code in (0, 1), output
    return json.loads(out.read_text(encoding="utf-8"))


def findings_of(folder: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = report(folder, "json")
    return found


def test_the_reexport_moves_the_findings_of_list_items(tmp_path: Path) -> None:
    """What the other tests rely on: the re-export really moves findings to other places."""
    before, after = two_folders(tmp_path)
    old, new = findings_of(before), findings_of(after)
    assert len(old) == len(new)
    for kind in ("locations[", "central_contacts[", "arms[", "interventions[", ".contacts["):
        moved = {(f["identity"], f["field"]) for f in old if kind in (f["field"] or "")} ^ {
            (f["identity"], f["field"]) for f in new if kind in (f["field"] or "")}
        assert moved, f"no finding on {kind} moved to another place"
    for name in (SITES_AND_ARMS.name, CONTACTS.name, LEGACY.name, PAGE.name):
        on_lists = [f for f in old if f["path"].endswith(name) and "[" in (f["field"] or "")]
        assert on_lists and all(f["identity"] for f in on_lists), name
    assert ({f["identity"] for f in old if f["identity"]}
            == {f["identity"] for f in new if f["identity"]})


def test_sarif_and_gitlab_fingerprints_survive_the_reexport(tmp_path: Path) -> None:
    before, after = two_folders(tmp_path)

    def sarif(folder: Path) -> list[tuple[str, str, str]]:
        [run] = report(folder, "sarif")["runs"]
        return sorted(
            (r["ruleId"], Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
             .name, r["partialFingerprints"]["lintrialsFinding/v1"]) for r in run["results"])

    def gitlab(folder: Path) -> list[tuple[str, str, str]]:
        return sorted((i["check_name"], Path(i["location"]["path"]).name, i["fingerprint"])
                      for i in report(folder, "gitlab"))

    for fingerprints in (sarif, gitlab):
        old, new = fingerprints(before), fingerprints(after)
        assert len(old) > 80 and old == new
        assert len({f for _, _, f in old}) == len(old)  # each finding its own


def test_baseline_of_before_covers_every_finding_after(tmp_path: Path) -> None:
    before, after = two_folders(tmp_path)
    baseline = tmp_path / "baseline.json"
    code, _ = lintrials("--write-baseline", str(baseline), str(before))
    assert code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["lintrials_baseline"] == 2
    code, out = lintrials("--baseline", str(baseline), str(after))
    assert code == 0, out
    assert "X003" not in out and "Found 0 findings" in out, out


def test_suppressions_of_before_cover_every_finding_after(tmp_path: Path) -> None:
    before, after = two_folders(tmp_path)
    supp = tmp_path / "supp.yaml"
    code, _ = lintrials("--suppressions", str(supp), "--add-suppressions", "accepted",
                        str(before))
    assert code == 0
    assert 'field: locations[facility="' in supp.read_text(encoding="utf-8")
    for folder in (before, after):
        code, out = lintrials("--suppressions", str(supp), str(folder))
        assert code == 0 and "X002" not in out, out
        suppressed = report(folder, "sarif", "--suppressions", str(supp))["runs"][0]["results"]
        assert suppressed and all(r.get("suppressions") for r in suppressed)


def test_a_renamed_site_is_a_new_finding_and_its_old_entry_is_noted(tmp_path: Path) -> None:
    before, after = two_folders(tmp_path)
    baseline = tmp_path / "baseline.json"
    lintrials("--write-baseline", str(baseline), str(before))
    study = json.loads((after / SITES_AND_ARMS.name).read_text(encoding="utf-8"))
    sites = study["protocolSection"]["contactsLocationsModule"]["locations"]
    old_name = "Diseno y Planeacion en Investigacion Medica - Guadalajara - Calle Amado Nervo"
    (site,) = [s for s in sites if s["facility"] == old_name]  # one finding: its phone's C301
    site["facility"] = "Diseno y Planeacion en Investigacion Medica - Guadalajara Centro"
    (after / SITES_AND_ARMS.name).write_text(json.dumps(study, indent=2), encoding="utf-8")
    new = report(after, "json", "--baseline", str(baseline))
    assert [f["code"] for f in new if f["code"] != "X003"] == ["C301"]
    assert "Guadalajara Centro" in next(f["identity"] for f in new if f["code"] == "C301")
    (stale,) = [f for f in new if f["code"] == "X003"]
    assert stale["severity"] == "info" and stale["path"] == str(baseline)
    assert f'facility=\\"{old_name}\\"' in json.dumps(stale["message"])
    assert stale["line"] > 1  # the line of the entry in the baseline file
    code, _ = lintrials("--baseline", str(baseline), str(after))
    assert code == 1  # the new finding fails the run, the note alone would not


def test_a_fixed_finding_is_a_note_and_the_run_passes(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(CONTACTS, folder / CONTACTS.name)
    baseline = tmp_path / "baseline.json"
    lintrials("--write-baseline", str(baseline), str(folder))
    study = json.loads(CONTACTS.read_text(encoding="utf-8"))
    del study["protocolSection"]["contactsLocationsModule"]["centralContacts"][1]
    (folder / CONTACTS.name).write_text(json.dumps(study, indent=2), encoding="utf-8")
    code, out = lintrials("--baseline", str(baseline), str(folder))
    assert code == 0 and out.count("X003 unused-baseline-entry") == 1, out
    # Not said of a record the run did not check, nor of a check it did not run.
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(LEGACY, other / LEGACY.name)
    code, out = lintrials("--baseline", str(baseline), str(other))
    assert "X003" not in out
    code, out = lintrials("--baseline", str(baseline), "--ignore", "C301", str(folder))
    assert code == 0 and "X003" not in out, out


def test_two_identical_sites_keep_apart(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    study = json.loads(SITES_AND_ARMS.read_text(encoding="utf-8"))
    sites = study["protocolSection"]["contactsLocationsModule"]["locations"]
    sites.insert(3, copy.deepcopy(sites[30]))  # CARE, Buenos Aires, twice
    (folder / "study.json").write_text(json.dumps(study, indent=2), encoding="utf-8")
    found = findings_of(folder)
    care = [f for f in found if f["identity"]
            and "Centro de Alergia y Enfermedades Respiratorias" in f["identity"]]
    assert {f["code"] for f in care} >= {"C302", "L201"}
    phones = [f for f in care if f["code"] == "C302"]
    assert len(phones) == 2 and len({f["identity"] for f in phones}) == 2
    assert len({f["fingerprint"] for f in phones}) == 2
    assert sum("#2" in f["identity"] for f in phones) == 1
    baseline = tmp_path / "baseline.json"
    lintrials("--write-baseline", str(baseline), str(folder))
    (folder / "study.json").write_text(reexported_json(study), encoding="utf-8")
    code, out = lintrials("--baseline", str(baseline), str(folder))
    assert code == 0 and "X003" not in out, out
    assert {f["fingerprint"] for f in findings_of(folder)} == {f["fingerprint"] for f in found}


def test_index_based_baseline_and_suppressions_still_match(tmp_path: Path) -> None:
    """Files written before identities (list items by place) keep accepting what they did."""
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(CONTACTS, folder / CONTACTS.name)
    found = findings_of(folder)
    old_keys: dict[str, int] = {}
    for f in found:
        key = f"{f['code']}|{f['record'] or f['path']}|{f['field'] or f['pointer'] or ''}"
        old_keys[key] = old_keys.get(key, 0) + 1
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"lintrials_baseline": 1, "findings": old_keys}, indent=1))
    code, out = lintrials("--baseline", str(baseline), str(folder))
    assert code == 0 and "X003" not in out, out
    supp = tmp_path / "supp.yaml"
    supp.write_text(
        "suppressions:\n"
        "  - check: malformed-phone\n    record: NCT06620835\n"
        "    field: central_contacts[1].phone\n    reason: written before identities\n"
    )
    code, out = lintrials("--suppressions", str(supp), str(folder))
    assert "X002" not in out, out
    results = report(folder, "sarif", "--suppressions", str(supp))["runs"][0]["results"]
    (accepted,) = [r for r in results if r.get("suppressions")]
    assert accepted["ruleId"] == "C301" and accepted["suppressions"][0]["justification"] == (
        "written before identities")
    # --add-suppressions does not add a second entry for what an old one accepts.
    lintrials("--suppressions", str(supp), "--add-suppressions", "later", str(folder))
    on_central = [e.field for e in load(supp) if e.check in ("C301", "malformed-phone")
                  and (e.field or "").startswith("central_contacts[")]
    assert on_central == ["central_contacts[1].phone",
                          'central_contacts[name="Hubert CURCIO", role="CONTACT"].phone']


def test_a_baseline_of_an_unknown_layout_is_refused(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"lintrials_baseline": 9, "findings": {}}')
    code, out = lintrials("--baseline", str(baseline), str(CONTACTS))
    assert code == 2 and "layout 9" in out


def test_identities_name_items_by_what_identifies_them() -> None:
    mayo = {"facility": "Mayo Clinic", "city": "Rochester", "country": "United States"}
    sites = [Location(**mayo, zip="55905"), Location(**mayo, zip="55902"), Location(),
             Location(city="Lyon"), Location(), Location(**mayo, zip="55905")]
    named = 'facility="Mayo Clinic", city="Rochester", country="United States"'
    by_content = labels(sites)
    assert by_content[0].startswith(named + ", content=")
    assert by_content[5] == by_content[0] + ", #2"  # alike in everything
    assert by_content[1].startswith(named + ", content=") and by_content[1] != by_content[0]
    assert by_content[2:5] == ["", 'city="Lyon"', "#2"]  # nothing to name two alike sites
    assert labels(sites, tie_break=False) == [named, named, "", 'city="Lyon"', "", named]
    assert labels([Location(facility=" Mayo\n Clinic ")]) == ['facility="Mayo Clinic"']
    # The digest takes a site's contacts in any order.
    one, two = Contact(name="A", phone="1"), Contact(name="B", phone="2")
    assert labels([Location(**mayo, contacts=[one, two]), Location(**mayo)])[0] == labels(
        [Location(**mayo, contacts=[two, one]), Location(**mayo)])[0]
    record = Record(locations=sites, central_contacts=[Contact(name="Jane Doe", role="CONTACT")],
                    conditions=["Asthma", "Asthma"])
    record.eligibility.criteria = "Inclusion:\n\n* Adults\n* Asthma\n\nExclusion:\n* Adults"
    ids = Identities()
    assert ids.of(record, "locations[3].city") == 'locations[city="Lyon"].city'
    assert ids.of(record, "locations[1].zip") == f"locations[{by_content[1]}].zip"
    # On what identifies tied sites, what they share (a duplicate is whichever comes second).
    assert ids.of(record, "locations[1].facility") == f"locations[{named}].facility"
    assert ids.of(record, "locations[5]") == f"locations[{named}]"
    assert ids.of(record, "central_contacts[0].phone") == (
        'central_contacts[name="Jane Doe", role="CONTACT"].phone')
    assert ids.of(record, "conditions[1]") == 'conditions["Asthma"]'
    text = record.eligibility.criteria
    at = text.rindex("Adults")
    assert ids.of(record, "eligibility.criteria", (at, at + 6)) == (
        'eligibility.criteria[criterion="Adults"]')
    assert ids.of(record, "eligibility.criteria") is None  # the whole text: the field itself
    assert ids.of(record, "start_date") is None
    for unknown in ("locations[9].city", "nothing[0]", "locations[0].__class__", "locations[x]"):
        assert ids.of(record, unknown) is None


def test_a_finding_key_uses_the_identity_and_falls_back_to_the_field() -> None:
    finding = Finding("L201", "duplicate-site", "warning", "twice", "a.json", record="NCT1",
                      field="locations[2].facility", identity='locations["A"].facility')
    assert finding.key == 'L201|NCT1|locations["A"].facility'
    assert finding.index_key == "L201|NCT1|locations[2].facility"
    finding.identity = None
    assert finding.key == finding.index_key


def test_a_cached_run_keeps_identities_and_fingerprints(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    shutil.copy(CONTACTS, folder / CONTACTS.name)
    runs = []
    for _ in range(2):  # the second run reads every file's findings from the cache
        result = CliRunner().invoke(main, [
            "check", "--today", "2026-11-22", "--jobs", "1", "--select", "ALL", "--format",
            "json", "--cache-dir", str(tmp_path / "cache"), str(folder)])
        runs.append([(f["identity"], f["fingerprint"]) for f in json.loads(result.output)])
    assert any(identity for identity, _ in runs[0]) and runs[0] == runs[1]
    assert any((tmp_path / "cache").iterdir())



def test_results_values_are_named_by_their_group_and_rows() -> None:
    flow = ParticipantFlow(periods=[FlowPeriod("Overall Study", [
        Milestone("STARTED", None, [GroupCount("FG000", "54"), GroupCount("FG001", "62")]),
    ])])
    events = AdverseEvents(serious_events=[
        AdverseEvent("Nausea", "Gastrointestinal disorders", [EventStat("EG001", "2", "2", "50")]),
    ])
    r = Record(results=Results(participant_flow=flow, adverse_events=events))
    ids = Identities()
    assert ids.of(r, "results.participant_flow.periods[0].milestones[0].achievements[1].value") == (
        'results.participant_flow.periods[title="Overall Study"].milestones[type="STARTED"]'
        '.achievements[group_id="FG001"].value'
    )
    assert ids.of(r, "results.adverse_events.serious_events[0].stats[0].num_affected") == (
        'results.adverse_events.serious_events[organ_system="Gastrointestinal disorders", '
        'term="Nausea"].stats[group_id="EG001"].num_affected'
    )


def test_identifiers_sponsors_and_officials_are_named_by_what_they_are() -> None:
    r = Record(
        secondary_ids=[SecondaryId("R01 CA123456", "NIH"), SecondaryId("2022-503007-22",
                                                                        "EUDRACT_NUMBER")],
        collaborators=[Sponsor("Amgen", "INDUSTRY"), Sponsor("National Cancer Institute (NCI)",
                                                             "NIH")],
        overall_officials=[Official("Jane Roe, MD", "Mayo Clinic", "PRINCIPAL_INVESTIGATOR"),
                           Official("Jane Roe, MD", None, "STUDY_CHAIR")],
        keywords=["lupus", "CD19"],
        interventions=[Intervention("DRUG", "Nivolumab", other_names=["Opdivo", "BMS-936558"])],
        ipd_sharing=IpdSharing("YES", info_types=["STUDY_PROTOCOL", "SAP"]),
    )
    ids = Identities()
    assert ids.of(r, "secondary_ids[1].id") == 'secondary_ids[id="2022-503007-22"].id'
    assert ids.of(r, "secondary_ids[1].type") == 'secondary_ids[id="2022-503007-22"].type'
    assert ids.of(r, "collaborators[1].agency_class") == (
        'collaborators[name="National Cancer Institute (NCI)"].agency_class')
    assert ids.of(r, "overall_officials[1].affiliation") == (
        'overall_officials[name="Jane Roe, MD", role="STUDY_CHAIR"].affiliation')
    assert ids.of(r, "keywords[1]") == 'keywords["CD19"]'
    assert ids.of(r, "interventions[0].other_names[1]") == (
        'interventions[type="DRUG", name="Nivolumab"].other_names["BMS-936558"]')
    assert ids.of(r, "ipd_sharing.info_types[1]") == 'ipd_sharing.info_types["SAP"]'
    assert ids.of(r, "oversight.has_dmc") is None  # no list item: the field path itself
    # A re-export that lists them in another order names them alike.
    r.secondary_ids.reverse()
    r.overall_officials.reverse()
    ids = Identities()
    assert ids.of(r, "secondary_ids[0].type") == 'secondary_ids[id="2022-503007-22"].type'
    assert ids.of(r, "overall_officials[0].affiliation") == (
        'overall_officials[name="Jane Roe, MD", role="STUDY_CHAIR"].affiliation')


def test_an_intervention_digest_leaves_out_other_names_while_there_are_none() -> None:
    """Interventions tied on type and name are told apart by a digest of their content; the
    digest is the one written before other names were read, until an intervention has some."""
    tied = [Intervention("DRUG", "Placebo", "saline"), Intervention("DRUG", "Placebo", "sugar")]
    before = labels(tied)
    assert before[0].startswith('type="DRUG", name="Placebo", content=')
    assert before[0].endswith(", content=b40ba80a")  # as earlier releases wrote it
    tied[0].other_names = ["Normal saline"]
    assert labels(tied)[0] != before[0] and labels(tied)[1] == before[1]
