"""Build lintrials/knowledge/facility_words.txt, the word list of truncated-site-name (L202).

The check reads the last word of a facility name and asks whether it is the start of a common
facility word cut off ("Peking University First Hospita"). It needs three lists, which this
script writes to ``lintrials/knowledge/facility_words.txt``:

``[facility]``
    Common facility words in the languages of ClinicalTrials.gov site names: English, French,
    Spanish, Catalan, Portuguese, Italian, German, Dutch, the Nordic languages, Polish, Czech,
    Slovak, Hungarian, Turkish and Romanian. They are curated below (``FACILITY_WORDS``), from
    the words that occur most often in the facility names of the shared corpus
    (``../shared/corpus``), and every accented word is written twice, with and without its
    accents, because exports often drop them ("Hopital", "Universitat"). A last word that is
    one of these is complete; a last word that is a proper beginning of one of these is a
    truncation candidate.

``[abbreviation]``
    Beginnings of facility words that are standard abbreviations in site names ("Med", "Univ",
    "Hosp", "Ctr", "Inst"), curated below (``ABBREVIATIONS``). The check never flags them.

``[word]``
    Beginnings of facility words that are ordinary words in one of the languages above ("cent",
    French and German; "medic", English; "gen", Spanish and German) or Chinese pinyin
    syllables ("cen", "can"). They are found by looking every beginning up, with and without
    accents, in the Debian word lists ``wamerican-large``, ``wbritish-large``, ``wfrench``,
    ``wspanish``, ``witalian``, ``wportuguese`` and ``wngerman`` (``/usr/share/dict``), plus the
    pinyin syllables listed below, plus the Romance adjectives one letter short of an English
    "-ical" word ("hematologica", "neurologica"). The check flags such a word only when the
    context says it is cut off: the word before it is a facility word ("Medical Cent"), or
    another site of the run has the full name.
    ``NOT_WORDS`` removes dictionary entries that are only ever a cut in a site name.

Run (needs the Debian word lists: ``apt-get install wamerican-large wbritish-large wfrench
wspanish witalian wportuguese wngerman``)::

    python scripts/build_facility_words.py          # writes lintrials/knowledge/facility_words.txt
    python scripts/build_facility_words.py --check  # exit 1 if the file is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lintrials.knowledge.text import fold_word

OUT = Path(__file__).resolve().parents[1] / "lintrials" / "knowledge" / "facility_words.txt"
DICTS = Path("/usr/share/dict")
DICT_FILES = ("american-english-large", "british-english-large", "french", "spanish", "italian",
              "portuguese", "ngerman")

# A beginning shorter than this is never a truncation candidate on its own: "Ho", "Me".
MIN_PREFIX = 3

FACILITY_WORDS = {
    "en": """
        hospital hospitals university universities medical medicine center centers centre
        centres clinic clinics clinical institute institutes institution institutions
        diseases disease
        foundation research health healthcare sciences science college school faculty
        department division laboratory laboratories associates association specialists
        consultants oncology hematology haematology oncologic hematologic cardiology neurology
        pediatrics paediatrics pediatric paediatric infirmary polyclinic dispensary sanatorium
        academy services service network practice pharmacy pharmaceutical pharmaceuticals
        rehabilitation treatment therapeutics regional general memorial national community
        county provincial municipal district affiliated teaching hospice
        surgery surgical gastroenterology dermatology urology radiology psychiatry psychiatric
        ophthalmology orthopedics orthopaedics orthopedic orthopaedic gynecology gynaecology
        obstetrics cancer diabetes endocrinology rheumatology nephrology pulmonology
        transplantation transplant investigational international corporation incorporated
        company maternity children childrens citizens comprehensive system systems
        physicians physician alliance consortium outpatient emergency hematological
        oncological neurological cardiovascular respiratory infectious diagnostic diagnostics
        innovation education postgraduate veterans presbyterian methodist baptist lutheran
        catholic christian adventist samaritan metropolitan prefectural military specialty
        speciality specialized specialised multiprofile multidisciplinary outpatients
        management administration care group groups region partner partners affiliate
        associate specialist consultant child""",
    "fr": """
        hôpital hôpitaux hospitalier hospitalière hospitaliers hospitalo universitaire
        universitaires université centre centres clinique cliniques institut fondation
        recherche recherches santé médical médicale médicaux groupe groupement cancérologie
        oncologie hématologie département faculté laboratoire polyclinique régional régionale
        général générale intercommunal investigation investigations pédiatrie chirurgie
        médecine spécialisé""",
    "es": """
        hospital hospitalario hospitalaria universitario universitaria universidad centro
        clínica clínico clínicas clínicos médico médica médicos médicas fundación instituto
        investigación investigaciones sanatorio policlínico complejo asistencial nacional
        general regional especialidades oncología hematología servicio salud departamento
        facultad medicina atención integral privado privada pediátrico materno infantil
        oncológico oncológica hospitalares especialidad""",
    "ca": """
        clínic universitari universitària fundació recerca salut sanitari hospitalari""",
    "pt": """
        hospitalar universitário universidade clínica instituto fundação pesquisa pesquisas
        saúde faculdade oncologia hematologia serviços serviço misericórdia
        especializado""",
    "it": """
        ospedale ospedali ospedaliera ospedaliero ospedaliere azienda aziende università
        universitaria universitario policlinico istituto clinica centro fondazione ricerca
        sanitaria sanitario medicina oncologia ematologia oncoematologia dipartimento
        nazionale tumori scienze studi oncologico oncologica scientifico degli della delle
        dello""",
    "de": """
        krankenhaus krankenhäuser klinikum klinik kliniken universität universitäts
        universitätsklinikum universitätsklinik universitätsmedizin universitaet
        universitaetsklinikum universitatsklinikum zentrum medizinische medizinisches medizin
        praxis gemeinschaftspraxis onkologie hämatologie forschung abteilung poliklinik
        kinderklinik frauenklinik stiftung kantonsspital spital studienzentrum studien frauen
        kinder""",
    "nl": """
        ziekenhuis ziekenhuizen universitair medisch centrum academisch""",
    "nordic": """
        sjukhus sjukhuset universitetssjukhus universitetssjukhuset sygehus hospitalet
        rigshospitalet universitetshospital universitetssykehus sykehus sykehuset""",
    "pl": """
        szpital szpitala uniwersytecki uniwersytet kliniczny kliniczne klinika centrum
        medyczne medyczny instytut onkologii hematologii wojewódzki specjalistyczny""",
    "cs/sk": """
        nemocnice nemocnica fakultní fakultná univerzita klinika ústav""",
    "hu": """
        kórház egyetem egyetemi klinikai központ intézet országos oktató oktatókórház""",
    "tr": """
        hastane hastanesi hastaneleri üniversitesi üniversite fakültesi eğitim araştırma
        merkezi""",
    "ro": """
        spitalul spital institutul centrul județean universitar""",
    "ms/id": """
        universiti universitas perubatan""",
}

ABBREVIATIONS = """
    med meds medic? univ univs uni hosp hosps hos? inst instit ctr ctrs cntr cent? clin res
    sci scis assoc assn dept depts div gen natl nat intl int reg regl fdn found lab labs corp
    inc co comm comp compr prov mun onc onco hem hemat hemato ped peds paed surg gyn obs obst
    psych psychiat rehab pharm pharma serv servs svcs sys syst mem meth bapt cath presb
    presby adv diag diagn educ grad infect resp transpl trans diab metab endo endocr gastro
    neuro cardio derm dermatol ortho orthop uro urol rheum nephro pulm ophth ophthal oncol
    hematol radiol vet vets ass asoc fac facul acad assist admin mgmt med-surg sanat poli
    polikl klin krankenh zent ziek sjukh hast fak tip ist osp az fond centr ctro univer
    spec specs int'l pro
"""
# "medic?", "hos?", "cent?": a trailing "?" marks entries that are not abbreviations but
# ordinary words: they are left out here and fall to the [word] list from the dictionaries.

# Pinyin syllables that begin a facility word: Chinese names and places ("Cen", "Gen") must
# not read as cut-off words.
PINYIN = """
    can cen gen hen men pen sen zen ren chen shen zhen shan zhan chan pan
    dian tian lian nian mian bian jian qian xian
"""

# Dictionary entries that are, at the end of a facility name, only ever a cut.
NOT_WORDS = """
    hospita hospit universit institu fundaci clinico? oncolog hematolog
"""


def words_of(block: str) -> list[str]:
    return [w for w in block.split() if not w.endswith("?")]


def facility_words() -> dict[str, list[str]]:
    """Each facility word, with and without accents, and the languages it is a word of."""
    found: dict[str, list[str]] = {}
    for language, block in FACILITY_WORDS.items():
        for word in block.split():
            for form in (word.casefold(), fold_word(word)):
                languages = found.setdefault(form, [])
                if language not in languages:
                    languages.append(language)
    return found


def dictionary_words() -> set[str]:
    """Every word of the Debian word lists, casefolded, with and without accents."""
    found: set[str] = set()
    for name in DICT_FILES:
        path = DICTS / name
        if not path.exists():
            sys.exit(f"missing word list {path}: apt-get install the packages named in the "
                     "docstring")
        with path.open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                word = line.strip().split("/")[0].casefold()
                if word:
                    found.add(word)
                    found.add(fold_word(word))
    return found


def build() -> str:
    facility = facility_words()
    abbreviations = set(words_of(ABBREVIATIONS)) - set(facility)
    not_words = set(words_of(NOT_WORDS))
    pinyin = set(PINYIN.split())
    dictionary = dictionary_words()
    word: set[str] = set()
    for full in facility:
        for end in range(MIN_PREFIX, len(full)):
            prefix = full[:end]
            if prefix in facility or prefix in abbreviations or prefix in not_words:
                continue
            if prefix in dictionary or prefix in pinyin:
                word.add(prefix)
        # "hematológica", "neurologica": Spanish, Portuguese and Italian adjectives, often
        # written without accents, that are one letter short of an English word.
        if full.endswith("ical") and full[:-1] not in facility:
            word.add(full[:-1])
    # In the order of FACILITY_WORDS (English first, the commonest words first), so that a
    # message names "Hospital" before "Hospice", and "University" before "Universität".
    ranked = list(facility)
    lines = [
        "# Word list of the truncated-site-name check (L202). Do not edit: generated by",
        "# scripts/build_facility_words.py, which says where each list comes from.",
        "# [facility]: common facility words, complete (English first, commonest first), each",
        "# with the languages it is a word of; [abbreviation]: beginnings of them that are",
        "# standard abbreviations or stand alone; [word]: beginnings of them that are ordinary",
        "# words or pinyin syllables, flagged only in context.",
        "[facility]", *(f"{w} {','.join(facility[w])}" for w in ranked),
        "[abbreviation]", *sorted(abbreviations),
        "[word]", *sorted(word),
    ]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    args = parser.parse_args()
    text = build()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is out of date: run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
