"""The demo partnership's data set: the starter set with three years of quarterly figures, by
locality where asked, with England, regional and statistical-neighbour comparators.

Two indicators are off target (re-referrals and children placed out of area: red) and one is
worse than our statistical neighbours (new birth visits); the latest quarter's elective home
education figure has not come in, so the late returns list has something to chase.
"""

import random
from datetime import date, datetime, timedelta

from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.dataset import rules
from qa.dataset.models import (
    Comment,
    Comparator,
    Figure,
    FigureHistory,
    Indicator,
    Locality,
)
from qa.dataset.starter import starter_rows
from qa.people.models import Agency, Sector, User

LOCALITIES = ["Northbrook Town", "Millbrook", "Riverside", "Ashgrove"]
# Each locality's share of a count, and its level against the whole area for a rate or percentage.
SHARES = [0.36, 0.24, 0.22, 0.18]
LEVELS = [1.12, 0.9, 1.04, 0.86]
# code: (first quarter's figure, last quarter's, target, tolerance, neighbours against ours)
SERIES = {
    "referrals-rate": (512, 498, None, None, 1.04),
    "re-referrals": (19.5, 25.5, 20, 2, 1.04),  # off target, worsening
    "cp-plans-rate": (44, 41, None, None, 1.05),
    "second-plans": (22, 19, 22, 3, 1.06),
    "cla-rate": (68, 70, None, None, 1.03),
    "cla-out-of-area": (14, 19.5, 15, 2, 1.08),  # off target
    "private-fostering": (6, 9, 8, 2, 0.85),
    "homeless-16-17": (21, 16, 20, 4, 1.1),
    "missing-episodes": (180, 150, 170, 20, 1.12),
    "ehe": (310, 365, None, None, 1.05),
    "early-help": (420, 515, 450, 40, 0.9),
    "da-children-present": (260, 240, None, None, 1.02),
    "hv-new-birth": (84, 87.5, 85, 3, None),  # on target but behind our neighbours
    "school-nurse-contacts": (140, 165, None, None, 1.0),
}
NEIGHBOURS_NEW_BIRTH = 92.0
COMMENTARY = {
    "re-referrals": "Re-referrals have risen for three quarters. The front door review found "
    "families closed without a step-down plan; the sub-group proposes a multi-agency audit.",
    "cla-out-of-area": "Two residential homes closed locally in the spring. Commissioning is "
    "working with the region on sufficiency.",
    "hv-new-birth": "On target, but behind similar areas: vacancies in the Riverside team.",
}
TREND = 12
# Where each sector's published comparators come from (by the sector's slug).
SOURCES = {
    "health": "Office for Health Improvement and Disparities, public health profiles",
    "police": "Home Office, police recorded crime and missing persons statistics",
    "housing": "Ministry of Housing, Communities and Local Government, homelessness statistics",
    None: "Department for Education, children's social care statistics",
}


def _value(code, step, rng, unit):
    first, last, *_ = SERIES[code]
    value = first + (last - first) * step / (TREND - 1)
    # wobbles on the way, but the last two quarters are on the line: the direction is the trend's
    value *= 1 + rng.uniform(-0.03, 0.03) if 0 < step < TREND - 2 else 1
    return round(value, 1) if unit in ("rate", "percent") else float(round(value))


def _comparators(ind, periods, final, rng, sector=None):
    neighbours = SERIES[ind.code][4]
    rows = []
    for period in periods:
        for area, level in (("england", 1.0), ("region", 0.97)):
            rows.append((period, area, round(final * level * rng.uniform(0.98, 1.02), 1)))
        value = NEIGHBOURS_NEW_BIRTH if neighbours is None else round(final * neighbours, 1)
        rows.append((period, "neighbours", value))
    return [
        {
            "indicator": ind.id,
            "period": period,
            "area": area,
            "value": value,
            "source": f"{SOURCES.get(sector, SOURCES[None])} (demo figures)",
            "published": rules.due_date(period) + timedelta(days=60),
        }
        for period, area, value in rows
    ]


def load(demo=None, today=None):
    if Indicator.select().exists():
        return
    today, rng = today or date.today(), random.Random(19)
    sectors = {s.slug: s.id for s in Sector.select()}
    places = [
        Locality.get_or_create(name=name, defaults={"position": n})[0]
        for n, name in enumerate(LOCALITIES)
    ]
    leads = {}
    for lead in User.select(User, Agency).join(Agency).where(User.role == "agency_lead"):
        leads.setdefault(lead.agency.sector_id, lead.id)
    periods = rules.recent(rules.last_closed(today), TREND)
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    entered = datetime.combine(today, datetime.min.time())
    for position, row in enumerate(starter_rows(), start=1):
        _, _, target, tolerance, _ = SERIES[row["code"]]
        sector = sectors.get(row["sector"])
        ind = Indicator.create(
            **{**row, "sector": sector}, position=position, target=target, tolerance=tolerance
        )
        figures, before = [], None
        for step, period in enumerate(periods):
            if row["code"] == "ehe" and step == TREND - 1:
                continue  # not yet sent: late
            value = _value(row["code"], step, rng, row["unit"])
            moved = rules.needs_note(value, before, tolerance)
            figures.append(
                (period, None, value, "Moved more than usual: see the commentary" if moved else "")
            )
            before = value
            for place, share, level in zip(places, SHARES, LEVELS, strict=True):
                if row["by_locality"]:
                    if row["unit"] == "count":
                        local = float(round(value * share))
                    else:
                        local = round(value * level, 1)
                    figures.append((period, place.id, local, ""))
        Figure.insert_many(
            [
                {
                    "indicator": ind.id,
                    "period": p,
                    "locality": loc,
                    "value": v,
                    "note": n,
                    "entered_by": leads.get(sector),
                    "entered_at": entered,
                }
                for p, loc, v, n in figures
            ]  # fmt: skip
        ).execute()
        final = next(v for p, loc, v, _ in reversed(figures) if loc is None)
        comparators = _comparators(ind, periods[:-1], final, rng, row["sector"])
        Comparator.insert_many(comparators).execute()
        if row["code"] in COMMENTARY:
            Comment.create(
                indicator=ind, period=periods[-1], text=COMMENTARY[row["code"]], by=admin
            )
    _story(periods, today)


def _story(periods, today):
    """A correction, a proposed audit topic and an action raised from the data set."""
    re_referrals = Indicator.get(Indicator.code == "re-referrals")
    corrected = Figure.get(
        Figure.indicator == re_referrals, Figure.period == periods[-2], Figure.locality.is_null()
    )
    FigureHistory.create(
        figure=corrected,
        version=1,
        value=corrected.value - 1.5,
        entered_by=corrected.entered_by_id,
        entered_at=corrected.entered_at,
        replaced_by=corrected.entered_by_id,
        reason="Duplicate referrals removed after the case system's upgrade",
    )
    Figure.update(version=2).where(Figure.id == corrected.id).execute()
    admin = User.select().where(User.role == "admin").order_by(User.id).first()
    Indicator.update(
        topic_proposal=COMMENTARY["re-referrals"].split(". ")[1],
        topic_proposed_by=admin,
        topic_proposed_at=datetime.now(),
    ).where(Indicator.id == re_referrals.id).execute()
    council = Agency.get_or_none(Agency.name == "Northbrook Council Children's Services")
    cycle = Cycle.current()
    if council is not None and cycle is not None:
        Action.create(
            agency=council,
            cycle=cycle,
            source="dataset",
            source_id=re_referrals.id,
            description="Review the step-down plans of families re-referred within a year",
            owner="Head of the front door",
            due=today + timedelta(days=75),
        )
