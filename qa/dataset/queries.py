"""Every read the data set's pages need, each in a fixed number of queries."""

from peewee import JOIN, fn

from qa.dataset import rules
from qa.dataset.models import (
    AREAS,
    Comment,
    Comparator,
    Figure,
    FigureHistory,
    Indicator,
    Locality,
)
from qa.people.models import Agency, Sector, User

TREND = 12  # quarters on the scorecard's charts


def indicators(active_only=False):
    """Every indicator with its supplying agency and sector, in order."""
    query = (
        Indicator.select(Indicator, Agency, Sector)
        .join_from(Indicator, Agency, JOIN.LEFT_OUTER)
        .join_from(Indicator, Sector, JOIN.LEFT_OUTER)
        .order_by(Indicator.position, Indicator.name)
    )
    return list(query.where(Indicator.active == True) if active_only else query)  # noqa: E712


def localities():
    return list(Locality.select().order_by(Locality.position, Locality.name))


def supplied_by(agency):
    """The active indicators an agency's lead enters: its own, and its sector's with no agency."""
    return [
        i
        for i in indicators(active_only=True)
        if i.agency_id == agency.id or (i.agency_id is None and i.sector_id == agency.sector_id)
    ]


def supplier_name(indicator):
    if indicator.agency_id:
        return indicator.agency.name
    if indicator.sector_id:
        return f"{indicator.sector.name} (any agency)"
    return "Not yet chosen"


def figures_of(indicator_ids, periods):
    """{(indicator id, period, locality id or None): Figure} in one query."""
    found = Figure.select().where(Figure.indicator.in_(indicator_ids), Figure.period.in_(periods))
    return {(f.indicator_id, f.period, f.locality_id): f for f in found}


def values_of(indicator_ids, periods, locality=None):
    """{(indicator id, period): value} for the whole area, or one locality, in one query."""
    where = Figure.locality.is_null() if locality is None else Figure.locality == locality
    found = (
        Figure.select(Figure.indicator, Figure.period, Figure.value)
        .where(Figure.indicator.in_(indicator_ids), Figure.period.in_(periods), where)
        .tuples()
    )
    return {(ind, period): value for ind, period, value in found}


def return_page(agency, period):
    """The lead's return for a period: each indicator asked for, its figures now and the period
    before, whole-area and by locality. Every active indicator's when `agency` is None (the
    admin's page for figures received by other means)."""
    chosen = supplied_by(agency) if agency else indicators(active_only=True)
    wanted = [i for i in chosen if rules.asked_for(i.frequency, period)]
    befores = {rules.previous(i.frequency, period) for i in wanted}
    found = figures_of([i.id for i in wanted], [period, *befores])
    places = localities()
    rows = []
    for ind in wanted:
        before = rules.previous(ind.frequency, period)
        slots = [None] + ([p.id for p in places] if ind.by_locality else [])
        rows.append(
            {
                "indicator": ind,
                "before": before,
                "slots": [
                    {
                        "locality": next((p for p in places if p.id == slot), None),
                        "figure": found.get((ind.id, period, slot)),
                        "last": found.get((ind.id, before, slot)),
                    }
                    for slot in slots
                ],
            }
        )
    return rows


def _latest(values, ind, periods):
    """The most recent period (of `periods`) with a figure for this indicator."""
    for period in reversed(periods):
        if (ind.id, period) in values:
            return period
    return None


def _comparators(indicator_ids, up_to):
    """{(indicator id, area): Comparator}: the latest published for a period up to `up_to`, in one
    query."""
    latest = (
        Comparator.select(
            Comparator.indicator, Comparator.area, fn.MAX(Comparator.period).alias("last")
        )
        .where(Comparator.indicator.in_(indicator_ids), Comparator.period <= up_to)
        .group_by(Comparator.indicator, Comparator.area)
        .alias("latest")
    )
    query = Comparator.select().join(
        latest,
        on=(
            (Comparator.indicator == latest.c.indicator_id)
            & (Comparator.area == latest.c.area)
            & (Comparator.period == latest.c.last)
        ),
    )
    return {(comp.indicator_id, comp.area): comp for comp in query}


def _comments(indicator_ids):
    """{indicator id: its latest Comment}, in one query."""
    latest = (
        Comment.select(fn.MAX(Comment.id))
        .where(Comment.indicator.in_(indicator_ids))
        .group_by(Comment.indicator)
    )
    query = Comment.select(Comment, User).join(User, JOIN.LEFT_OUTER).where(Comment.id.in_(latest))
    return {made.indicator_id: made for made in query}


def scorecard(filters, today, only=None):
    """Every indicator matching the filters (or just the one with id `only`), judged at its latest
    figure: value, RAG, direction, position against each comparator, the trend and the latest
    commentary. Five queries, however many indicators, periods and localities."""
    periods = rules.recent(rules.last_closed(today), TREND)
    chosen = [
        i
        for i in indicators(active_only=only is None)
        if (i.id == only if only else _matches(i, filters))
    ]
    locality = filters.get("locality")
    ids = [i.id for i in chosen]
    befores = [rules.shift(periods[0], -n) for n in (1, 2, 3, 4)]
    values = values_of(ids, periods + befores, locality)
    compared = _comparators(ids, periods[-1])
    comments = _comments(ids)
    return [judged(i, values, compared, comments.get(i.id), periods) for i in chosen]


def _matches(ind, filters):
    agency = filters.get("agency")
    if agency and not (
        ind.agency_id == agency.id or (ind.agency_id is None and ind.sector_id == agency.sector_id)
    ):
        return False
    if filters.get("cohort") and ind.cohort != filters["cohort"]:
        return False
    return not (filters.get("locality") and not ind.by_locality)


def judged(ind, values, compared, comment, periods):
    """One indicator's scorecard line from figures already read (`values_of`)."""
    latest = _latest(values, ind, periods)
    value = values[ind.id, latest] if latest else None
    before = rules.previous(ind.frequency, latest) if latest else None
    last = values.get((ind.id, before)) if before else None
    comparisons = []
    for area, name in AREAS.items():
        comp = compared.get((ind.id, area))
        comparisons.append(
            {
                "area": area,
                "name": name,
                "comparator": comp,
                "position": rules.position(value, comp.value if comp else None, ind.polarity),
            }
        )
    trend = [
        (p, values[ind.id, p])
        for p in periods
        if (ind.id, p) in values and rules.asked_for(ind.frequency, p)
    ]
    return {
        "indicator": ind,
        "period": latest,
        "value": value,
        "last": last,
        "rag": rules.rag(value, ind.target, ind.tolerance, ind.polarity),
        "direction": rules.direction(value, last, ind.polarity),
        "comparisons": comparisons,
        "trend": trend,
        "comment": comment,
    }


def cohorts():
    query = Indicator.select(Indicator.cohort).where(Indicator.cohort != "").distinct()
    return sorted(c for (c,) in query.tuples())


def supplying_agencies():
    """Agencies that supply an indicator, directly or through their sector."""
    chosen = indicators(active_only=True)
    agency_ids = {i.agency_id for i in chosen if i.agency_id}
    sector_ids = {i.sector_id for i in chosen if i.agency_id is None and i.sector_id}
    return list(
        Agency.select()
        .where(
            (Agency.active == True)  # noqa: E712
            & (Agency.id.in_(agency_ids) | Agency.sector.in_(sector_ids))
        )
        .order_by(Agency.name)
    )


def owed_by(agency, today):
    """The figures an agency's lead still has to send (returns_status's rows that are theirs)."""
    return [
        row
        for row in returns_status(today)
        if row["agency"] == agency.id
        or (row["agency"] is None and row["sector"] == agency.sector_id)
    ]


def history(indicator):
    """An indicator's every figure (newest period first), earlier values kept on correction, and
    comparators and commentary, in four queries."""
    figures = list(
        Figure.select(Figure, Locality, User)
        .join_from(Figure, Locality, JOIN.LEFT_OUTER)
        .join_from(Figure, User, JOIN.LEFT_OUTER)
        .where(Figure.indicator == indicator)
        .order_by(Figure.period.desc(), Locality.position)
    )
    earlier = {}
    for old in (
        FigureHistory.select(FigureHistory, User)
        .join(User, JOIN.LEFT_OUTER, on=FigureHistory.replaced_by == User.id)
        .where(FigureHistory.figure.in_([f.id for f in figures]))
        .order_by(FigureHistory.version)
    ):
        earlier.setdefault(old.figure_id, []).append(old)
    comparators = list(
        Comparator.select()
        .where(Comparator.indicator == indicator)
        .order_by(Comparator.period.desc(), Comparator.area)
    )
    comments = list(
        Comment.select(Comment, User)
        .join(User, JOIN.LEFT_OUTER)
        .where(Comment.indicator == indicator)
        .order_by(Comment.at.desc())
    )
    return figures, earlier, comparators, comments


def returns_status(today, count=4):
    """For each of the last `count` quarters asked for, each supplier with figures still to come:
    who, which period, when due, how many missing, and whether it is late."""
    periods = rules.recent(rules.last_closed(today), count)
    chosen = indicators(active_only=True)
    found = figures_of([i.id for i in chosen], periods)
    owing = {}
    for period in periods:
        for ind in chosen:
            if not rules.asked_for(ind.frequency, period) or (ind.id, period, None) in found:
                continue
            key = (period, ind.agency_id or None, None if ind.agency_id else ind.sector_id)
            owing.setdefault(key, {"period": period, "supplier": supplier_name(ind), "names": []})
            owing[key]["names"].append(ind.name)
            owing[key].update(
                agency=ind.agency_id, sector=ind.sector_id if not ind.agency_id else None
            )
    rows = []
    for row in owing.values():
        due = rules.due_date(row["period"])
        rows.append({**row, "due": due, "late": due < today, "days": (today - due).days})
    return sorted(rows, key=lambda r: (r["period"], r["supplier"]))
