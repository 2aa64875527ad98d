"""Reading the public register's CSV export (Get Information About Schools, "edubasealldata"):
each row checked, bad rows kept with their line numbers and what is wrong. Pure: no Flask, no
database. The export has about 140 columns; only these are read, the rest ignored."""

import re

from qa.dataset.csvfiles import read_rows

URN = "urn"
NAME = "establishmentname"
TYPE = "typeofestablishment (name)"
PHASE = "phaseofeducation (name)"
LA = "la (name)"
STATUS = "establishmentstatus (name)"
REQUIRED = (URN, NAME, TYPE, PHASE, LA, STATUS)
AS_WRITTEN = (
    "URN, EstablishmentName, TypeOfEstablishment (name), PhaseOfEducation (name), LA (name), "
    "EstablishmentStatus (name)"
)
STREET, PLACE, ADDRESS3, TOWN, POSTCODE = "street", "locality", "address3", "town", "postcode"
DISTRICT = "districtadministrative (name)"
HEAD_TITLE, HEAD_FIRST, HEAD_LAST = "headtitle (name)", "headfirstname", "headlastname"
OPTIONAL = (STREET, PLACE, ADDRESS3, TOWN, POSTCODE, DISTRICT, HEAD_TITLE, HEAD_FIRST, HEAD_LAST)
# The register's export is Windows-1252 more often than not; UTF-8 (with or without its mark)
# is tried first, as a file saved again from a spreadsheet may be.
ENCODINGS = ("utf-8-sig", "cp1252")
URN_PATTERN = re.compile(r"\d{5,7}")
CLOSED = {"closed"}
KNOWN_STATUSES = {"open", "closed", "open, but proposed to close", "proposed to open"}
# The fields of a Setting a row gives, in the order a change is described.
FIELDS = (
    "name",
    "kind",
    "phase",
    "establishment_type",
    "local_authority",
    "locality",
    "status",
    "address",
    "postcode",
    "head_name",
)
FIELD_LABELS = {
    "name": "name",
    "kind": "kind of setting",
    "phase": "phase",
    "establishment_type": "type",
    "local_authority": "local authority",
    "locality": "locality",
    "status": "status",
    "address": "address",
    "postcode": "postcode",
    "head_name": "head",
}


def kind_of(establishment_type, phase):
    """The kind of setting (a key of qa.schools.models.KINDS) for the register's type and phase."""
    kind = establishment_type.lower()
    if "independent" in kind:
        return "independent"
    if any(word in kind for word in ("further education", "sixth form", "16 to 19", "16-19")):
        return "further_education"
    if "post 16" in kind or phase.lower() == "16 plus":
        return "further_education"
    if "nursery" in kind or "children's centre" in kind or phase.lower() == "nursery":
        return "early_years"
    return "school"


def locality_of(row, localities):
    """The partnership's locality the setting is in: the first of its district, town and
    locality lines that names one of `localities` (any case); "" when none does."""
    by_name = {name.lower(): name for name in localities}
    for column in (DISTRICT, TOWN, PLACE):
        found = by_name.get(row.get(column, "").lower())
        if found:
            return found
    return ""


def entry(row, localities):
    """The Setting fields (and the agency's name) a good row gives."""
    status = "closed" if row[STATUS].lower() in CLOSED else "open"
    address = ", ".join(v for v in (row.get(c, "") for c in (STREET, PLACE, ADDRESS3, TOWN)) if v)
    parts = (row.get(c, "") for c in (HEAD_TITLE, HEAD_FIRST, HEAD_LAST))
    head = " ".join(v for v in parts if v and v.lower() != "not applicable")
    return {
        "urn": row[URN],
        "name": row[NAME][:255],
        "kind": kind_of(row[TYPE], row[PHASE]),
        "phase": "" if row[PHASE].lower() == "not applicable" else row[PHASE][:255],
        "establishment_type": row[TYPE][:255],
        "local_authority": row[LA][:255],
        "locality": locality_of(row, localities),
        "status": status,
        "address": address[:255],
        "postcode": row.get(POSTCODE, "").upper()[:20],
        "head_name": head[:255],
    }


def problems_of(row):
    """What is wrong with a row, in words ([] when nothing)."""
    problems = []
    if not URN_PATTERN.fullmatch(row[URN]):
        problems.append(f"the URN \u201c{row[URN]}\u201d must be a number of 5 to 7 digits")
    if not row[NAME]:
        problems.append("the establishment's name is blank")
    if row[STATUS].lower() not in KNOWN_STATUSES:
        problems.append(f"the status \u201c{row[STATUS]}\u201d is not one the register uses")
    return problems


def read(data, localities=()):
    """(problem with the whole file or None, [entries], [(line, what is wrong)]): every row of a
    register export read; a URN seen on an earlier line is a bad row."""
    problem, rows = read_rows(data, REQUIRED, OPTIONAL, ENCODINGS)
    if problem:
        return problem.replace(", ".join(REQUIRED), AS_WRITTEN), [], []
    entries, bad, seen = [], [], {}
    for line, row in rows:
        problems = problems_of(row)
        if not problems and row[URN] in seen:
            problems.append(f"the URN {row[URN]} is also on line {seen[row[URN]]}")
        if problems:
            bad.append((line, "; ".join(problems)))
            continue
        seen[row[URN]] = line
        entries.append(entry(row, localities))
    return None, entries, bad
