"""Every change to the data set: each in one write transaction with its audit line."""

from datetime import datetime

from qa import audit
from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.dataset.models import Comment, Comparator, Figure, FigureHistory, Indicator, Locality
from qa.dataset.starter import starter_rows
from qa.db import db
from qa.people.models import Sector


def adopt_starter(who):
    """Add the starter indicators the partnership does not have yet (matched by code); adopting
    twice adds nothing. Returns how many were added."""
    with db.atomic("IMMEDIATE"):
        have = {code for (code,) in Indicator.select(Indicator.code).tuples()}
        sectors = {s.slug: s.id for s in Sector.select()}
        last = Indicator.select().count()
        added = 0
        for row in starter_rows():
            if row["code"] in have:
                continue
            added += 1
            Indicator.create(**{**row, "sector": sectors.get(row["sector"])}, position=last + added)
        if added:
            audit.record(
                who,
                "adopted",
                None,
                f"Adopted the starter set of data-set indicators ({added} added)",
                object_type="Indicator",
            )
    return added


def set_localities(who, names):
    """The partnership's localities, in order: new names added, missing ones removed (with their
    figures), kept ones reordered."""
    with db.atomic("IMMEDIATE"):
        have = {loc.name: loc for loc in Locality.select()}
        for gone in set(have) - set(names):
            have[gone].delete_instance()
        for position, name in enumerate(names):
            if name in have:
                Locality.update(position=position).where(Locality.id == have[name].id).execute()
            else:
                Locality.create(name=name, position=position)
        audit.record(
            who,
            "changed",
            None,
            f"Set the data set's localities: {', '.join(names) or 'none'}",
            object_type="Locality",
        )


class Stale(Exception):
    """A figure was entered or corrected by someone else after it was read: nothing was saved."""


def _write(figure, indicator_id, period, locality_id, value, note, reason, who, now):
    """Save one figure: a new one, or a correction that keeps the earlier value."""
    if figure is None:
        same = Figure.locality.is_null() if locality_id is None else Figure.locality == locality_id
        taken = Figure.select().where(
            Figure.indicator == indicator_id, Figure.period == period, same
        )
        if taken.exists():
            raise Stale()
        return Figure.create(
            indicator=indicator_id,
            period=period,
            locality=locality_id,
            value=value,
            note=note,
            entered_by=who.id,
            entered_at=now,
        )
    if figure.value == value and figure.note == note:
        return None
    FigureHistory.create(
        figure=figure,
        version=figure.version,
        value=figure.value,
        note=figure.note,
        entered_by=figure.entered_by_id,
        entered_at=figure.entered_at,
        replaced_by=who.id,
        replaced_at=now,
        reason=reason or "Note changed",
    )
    changed = (
        Figure.update(
            value=value, note=note, entered_by=who.id, entered_at=now, version=Figure.version + 1
        )
        .where(Figure.id == figure.id, Figure.version == figure.version)
        .execute()
    )
    if changed != 1:
        raise Stale()
    return figure


def save_figures(who, writes, summary):
    """Write checked figures in one transaction: `writes` are dicts with the figure (or None),
    indicator id, period, locality id, value, note and reason. One audit line for a first entry
    and one per correction, each with the value it replaced. Raises Stale, having saved nothing,
    when any figure changed since it was read."""
    now = datetime.now()
    with db.atomic("IMMEDIATE"):
        added = 0
        for w in writes:
            old = w["figure"]
            saved = _write(
                old, w["indicator"], w["period"], w["locality"], w["value"], w["note"],
                w["reason"], who, now,
            )  # fmt: skip
            if saved is None:
                continue
            if old is None:
                added += 1
            else:
                summary = (
                    f"Corrected {w['label']} for {w['period']} from {old.value:g} to "
                    f"{w['value']:g}: {w['reason']}"
                    if old.value != w["value"]
                    else f"Changed the note on {w['label']} for {w['period']}"
                )
                audit.record(who, "corrected", old, summary, object_type="Figure")
        if added:
            audit.record(who, "entered", None, f"{summary} ({added} figures)", object_type="Figure")
    return added


def save_comparators(who, rows, summary):
    """Comparators (indicator id, period, area, value, source, published) written over any earlier
    value for the same indicator, period and area, in one transaction."""
    with db.atomic("IMMEDIATE"):
        for row in rows:
            Comparator.insert(**row).on_conflict(
                conflict_target=[Comparator.indicator, Comparator.period, Comparator.area],
                update={
                    Comparator.value: row["value"],
                    Comparator.source: row["source"],
                    Comparator.published: row["published"],
                },
            ).execute()
        audit.record(who, "imported", None, summary, object_type="Comparator")
    return len(rows)


def comment(who, indicator, period, text):
    with db.atomic("IMMEDIATE"):
        made = Comment.create(indicator=indicator, period=period, text=text, by=who.id)
        audit.record(who, "commented", indicator, f"Commentary on {indicator} for {period}")
    return made


def propose_topic(who, indicator, reason):
    """Propose the indicator as a case-audit topic, kept on it for the audit programme."""
    with db.atomic("IMMEDIATE"):
        Indicator.update(
            topic_proposal=reason, topic_proposed_by=who.id, topic_proposed_at=datetime.now()
        ).where(Indicator.id == indicator.id).execute()
        audit.record(who, "proposed", indicator, f"Proposed {indicator} as a case-audit topic")


def raise_action(who, indicator, data):
    """An action for an agency, raised from an indicator, on the current cycle's register."""
    with db.atomic("IMMEDIATE"):
        action = Action.create(
            agency=data["agency"],
            cycle=Cycle.current().id,
            source="dataset",
            source_id=indicator.id,
            description=data["description"],
            owner=data["owner"],
            due=data["due"],
        )
        audit.record(who, "created", action, f"Raised an action from the indicator {indicator}")
    return action
