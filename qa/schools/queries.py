"""What the schools pages read: each setting's return this cycle, the completion rate by phase
and locality, the non-returners with their reminders, and the heatmap grouped by phase. A fixed
number of queries whatever the number of settings."""

from dataclasses import dataclass, field

from peewee import JOIN, fn

from qa.frameworks.models import Framework
from qa.people.models import Agency
from qa.schools import chasing_rules
from qa.schools.models import Chase, Extension, Setting, SignOff
from qa.section11 import heatmap
from qa.section11.models import Return


def open_settings():
    """The open settings of active agencies (the ones asked for a return)."""
    return Setting.status == "open", Agency.active == True  # noqa: E712


def progress(cycle):
    """One dict per open setting: its id, agency, name, phase, locality and its return's id and
    status this cycle (None: not started). One query."""
    query = (
        Setting.select(
            Setting.id,
            Setting.agency,
            Agency.name,
            Setting.phase,
            Setting.locality,
            Setting.head_name,
            Return.id.alias("return_id"),
            Return.status.alias("return_status"),
        )
        .join(Agency)
        .switch(Setting)
        .join(
            Return,
            JOIN.LEFT_OUTER,
            on=(Return.agency == Setting.agency) & (Return.cycle == cycle.id),
        )
        .where(*open_settings())
        .order_by(Agency.name)
        .dicts()
    )
    return list(query)


@dataclass
class Completion:
    name: str
    total: int = 0
    returned: int = 0

    @property
    def rate(self):
        return chasing_rules.rate(self.returned, self.total)


def completion(rows, key):
    """Settings and returns submitted by `key` ("phase" or "locality"), in name order, with the
    whole area last."""
    groups, whole = {}, Completion("All settings")
    for row in rows:
        name = row[key] or f"No {key} recorded"
        group = groups.setdefault(name, Completion(name))
        done = row["return_status"] == "submitted"
        for each in (group, whole):
            each.total += 1
            each.returned += done
    return [groups[name] for name in sorted(groups)] + [whole]


def signed_off_count(cycle):
    """How many returns this cycle the chair of governors has noted (the last sign-off)."""
    return (
        SignOff.select(fn.COUNT(fn.DISTINCT(SignOff.return_)))
        .join(Return)
        .where(
            (Return.cycle == cycle.id)
            & (SignOff.role == "chair")
            & SignOff.signed_at.is_null(False)
            & SignOff.withdrawn_at.is_null()
        )
        .scalar()
    )


@dataclass
class NonReturner:
    row: dict
    deadline: object
    extension: object
    chases: dict = field(default_factory=dict)


def non_returners(cycle, rows):
    """The settings whose return is not submitted, each with its deadline (an extension's, with
    its reason) and the reminders sent. Two queries beside `rows`."""
    late = [row for row in rows if row["return_status"] != "submitted"]
    ids = [row["id"] for row in late]
    extensions = {
        e.setting_id: e
        for e in Extension.select().where(
            (Extension.cycle == cycle.id) & Extension.setting.in_(ids)
        )
    }
    chases = {}
    for chase in Chase.select().where((Chase.cycle == cycle.id) & Chase.setting.in_(ids)):
        chases.setdefault(chase.setting_id, {})[chase.stage] = chase.sent_on
    return [
        NonReturner(
            row,
            chasing_rules.deadline_for(
                cycle.deadline, getattr(extensions.get(row["id"]), "until", None)
            ),
            extensions.get(row["id"]),
            chases.get(row["id"], {}),
        )
        for row in late
    ]


def setting_frameworks():
    """The frameworks the settings' agencies rate themselves against, the most used first."""
    return list(
        Framework.select(Framework, fn.COUNT(Setting.id).alias("settings"))
        .join(Agency, on=Agency.framework == Framework.id)
        .join(Setting, on=Setting.agency == Agency.id)
        .group_by(Framework.id)
        .order_by(fn.COUNT(Setting.id).desc(), Framework.name)
    )


@dataclass
class PhaseMap:
    """The heatmap rows of one phase, with its summary."""

    phase: str
    key: str
    map: object
    returned: int
    counts: dict


def heatmap_by_phase(cycle, framework, phase="", locality=""):
    """Section 11's heatmap of the settings on `framework` (narrowed by phase and locality),
    split by phase: a summary per phase first, then its rows. Section 11's queries plus one."""
    chosen = Setting.select(Setting.agency).join(Agency).where(*open_settings())
    if phase:
        chosen = chosen.where(Setting.phase == phase)
    if locality:
        chosen = chosen.where(Setting.locality == locality)
    phases = dict(chosen.select(Setting.agency, Setting.phase).tuples())
    whole = heatmap.build(cycle, framework, among=chosen)
    groups = {}
    for row in whole.rows:
        groups.setdefault(phases.get(row.agency_id) or "No phase recorded", []).append(row)
    found = []
    for index, name in enumerate(sorted(groups)):
        rows = groups[name]
        part = heatmap.Heatmap(cycle, whole.previous, framework, whole.standards, rows)
        counts = {"R": 0, "A": 0, "G": 0}
        for row in rows:
            for cell in row.cells:
                if cell and cell.rag in counts:
                    counts[cell.rag] += 1
        returned = sum(row.status == "submitted" for row in rows)
        found.append(PhaseMap(name, f"phase-{index}", part, returned, counts))
    return found


def choices():
    """The phases and localities of open settings, for the filters. One query."""
    rows = (
        Setting.select(Setting.phase, Setting.locality)
        .join(Agency)
        .where(*open_settings())
        .distinct()
        .tuples()
    )
    phases, localities = set(), set()
    for phase, locality in rows:
        phases.add(phase)
        localities.add(locality)
    return sorted(p for p in phases if p), sorted(x for x in localities if x)
