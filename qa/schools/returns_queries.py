"""What the schools pages read: each setting's return this cycle, the completion rate by phase
and locality, the non-returners with their reminders, and the heatmap grouped by phase. A fixed
number of queries whatever the number of settings."""

from dataclasses import dataclass, field

from peewee import JOIN, Case, fn

from qa.frameworks.models import Framework
from qa.people.models import Agency
from qa.schools import chasing_rules
from qa.schools.models import Chase, Extension, Setting, SignOff
from qa.section11 import heatmap
from qa.section11.models import Rating, Return


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


def not_returned(rows):
    """The rows of settings whose return is not submitted."""
    return [row for row in rows if row["return_status"] != "submitted"]


def non_returners(cycle, late):
    """Each of these settings (rows that have not returned) with its deadline (an extension's,
    with its reason) and the reminders sent. Two queries."""
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


# The most settings whose rows the heatmap shows at once: beyond it, the summaries only, and the
# filters to narrow down to a readable map.
SHOW_LIMIT = 200


@dataclass
class Tally:
    """A group's settings, returns submitted and ratings by colour."""

    name: str
    key: str = ""
    settings: int = 0
    returned: int = 0
    counts: dict = field(default_factory=lambda: {"R": 0, "A": 0, "G": 0})
    map: object = None


def _chosen(framework, phase, locality):
    """The agencies of open settings on the framework, narrowed by phase and locality."""
    chosen = Setting.select(Setting.agency).join(Agency).where(*open_settings())
    if phase:
        chosen = chosen.where(Setting.phase == phase)
    if locality:
        chosen = chosen.where(Setting.locality == locality)
    return heatmap.agencies_on(framework, among=chosen)


def tallies(cycle, chosen):
    """(by phase, by locality) tallies of the chosen agencies' settings: one grouped query."""
    colour = {key: fn.SUM(Case(None, [(Rating.rag == key, 1)], 0)) for key in "RAG"}
    rows = (
        Setting.select(
            Setting.phase,
            Setting.locality,
            fn.COUNT(fn.DISTINCT(Setting.id)),
            fn.COUNT(fn.DISTINCT(Case(None, [(Return.status == "submitted", Return.id)]))),
            colour["R"],
            colour["A"],
            colour["G"],
        )
        .join(
            Return,
            JOIN.LEFT_OUTER,
            on=(Return.agency == Setting.agency) & (Return.cycle == cycle.id),
        )
        .join(
            Rating,
            JOIN.LEFT_OUTER,
            on=(Rating.return_ == Return.id) & (Return.status == "submitted"),
        )
        .where(Setting.agency.in_(chosen))
        .group_by(Setting.phase, Setting.locality)
        .tuples()
    )
    by_phase, by_locality = {}, {}
    for phase, locality, settings, returned, reds, ambers, greens in rows:
        for groups, name in (
            (by_phase, phase or "No phase recorded"),
            (by_locality, locality or "No locality recorded"),
        ):
            tally = groups.setdefault(name, Tally(name))
            tally.settings += settings
            tally.returned += returned
            for key, value in zip("RAG", (reds, ambers, greens), strict=True):
                tally.counts[key] += value or 0
    ordered = [[groups[name] for name in sorted(groups)] for groups in (by_phase, by_locality)]
    for index, tally in enumerate(ordered[0]):
        tally.key = f"phase-{index}"
    return ordered


def heatmap_by_phase(cycle, framework, phase="", locality=""):
    """The settings on `framework` (narrowed by phase and locality), summed by phase and by
    locality, and, when few enough to read (SHOW_LIMIT), Section 11's heatmap of their rows split
    by phase. Returns (phases, localities, whether the rows are shown)."""
    chosen = _chosen(framework, phase, locality)
    phases, localities = tallies(cycle, chosen)
    if sum(t.settings for t in phases) > SHOW_LIMIT:
        return phases, localities, False
    of_phase = dict(
        Setting.select(Setting.agency, Setting.phase).where(Setting.agency.in_(chosen)).tuples()
    )
    whole = heatmap.build(cycle, framework, among=chosen)
    groups = {}
    for row in whole.rows:
        groups.setdefault(of_phase.get(row.agency_id) or "No phase recorded", []).append(row)
    for tally in phases:
        rows = groups.get(tally.name, [])
        tally.map = heatmap.Heatmap(cycle, whole.previous, framework, whole.standards, rows)
    return phases, localities, True


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
