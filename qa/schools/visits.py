"""Verification visits: a sample of settings drawn (sampling.sample) from this cycle's returns,
recorded with each reason and the seed, and a challenge event proposed for each chosen setting so
the visits go through the challenge-event workflow (scheduling, clash checks, invites, findings
against the setting's own shorter framework)."""

import secrets

from peewee import fn

from qa import audit
from qa.challenge import scheduling
from qa.db import db
from qa.people.models import Agency
from qa.schools import returns_queries as queries
from qa.schools import sampling
from qa.schools.models import SampledSetting, Setting, VisitSample
from qa.section11.models import Rating, Return


def candidates(cycle):
    """Every open setting as a sampling.Candidate: whether it returned and its reds and ambers
    this cycle. Two queries."""
    rows = queries.progress(cycle)
    rags = dict(
        ((agency, rag), count)
        for agency, rag, count in Rating.select(Return.agency, Rating.rag, fn.COUNT(Rating.id))
        .join(Return)
        .where((Return.cycle == cycle.id) & Rating.rag.in_(["R", "A"]))
        .group_by(Return.agency, Rating.rag)
        .tuples()
    )
    return [
        sampling.Candidate(
            row["id"],
            row["name"],
            row["phase"],
            row["locality"],
            row["return_status"] == "submitted",
            rags.get((row["agency"], "R"), 0),
            rags.get((row["agency"], "A"), 0),
        )
        for row in rows
    ]


def draw(cycle, size, weights, seed, who):
    """Draw and record a sample, each setting with its stratum and the reason it was chosen."""
    with db.atomic("IMMEDIATE"):
        chosen = sampling.sample(
            candidates(cycle), tuple(sampling.STRATA), size, tuple(weights), seed
        )
        sample = VisitSample.create(
            cycle=cycle, size=size, seed=seed, weights=" ".join(weights), chosen_by=who
        )
        SampledSetting.insert_many(
            [
                {"sample": sample.id, "setting": c.id, "stratum": c.stratum, "reason": c.reason}
                for c in chosen
            ]
        ).execute()
        audit.record(
            who,
            "sampled",
            sample,
            f"Chose {len(chosen)} settings for verification visits in {cycle.name} (seed {seed})",
        )
    return sample


def draw_asked(cycle, form, who):
    """Draw the sample the page's form asks for (a new random seed unless one is given)."""
    weights = [key for key in sampling.WEIGHTS if form[key].data]
    seed = form.seed.data if form.seed.data is not None else secrets.randbelow(10**9)
    return draw(cycle, form.size.data, weights, seed, who)


def propose(sample, who):
    """Propose a verification visit, a challenge event, for each setting of the sample that has
    none yet, with the reason it was chosen: then scheduled, paired, invited and recorded like any
    other. Raises scheduling.ScheduleError (nothing proposed) when one of them already has a
    challenge event this cycle."""
    with db.atomic("IMMEDIATE"):
        waiting = list(
            SampledSetting.select(SampledSetting, Setting, Agency)
            .join(Setting)
            .join(Agency)
            .where((SampledSetting.sample == sample.id) & SampledSetting.event.is_null())
            .order_by(SampledSetting.id)
        )
        events = scheduling.choose(
            sample.cycle,
            [(each.setting.agency, f"Verification visit. {each.reason}") for each in waiting],
            who,
        )
        for each, event in zip(waiting, events, strict=True):
            SampledSetting.update(event=event.id).where(SampledSetting.id == each.id).execute()
    return events


def propose_asked(sample_id, who):
    """Propose the visits of the sample named in the form: None when done, else why not."""
    sample = VisitSample.get_or_none(VisitSample.id == sample_id) if sample_id else None
    if sample is None:
        return "Choose a sample to propose visits for"
    try:
        propose(sample, who)
    except scheduling.ScheduleError as error:
        return str(error)
    return None


def samples(cycle):
    """The cycle's samples, latest first, each with its chosen settings (two queries)."""
    found = list(
        VisitSample.select().where(VisitSample.cycle == cycle.id).order_by(VisitSample.id.desc())
    )
    chosen = (
        SampledSetting.select(SampledSetting, Setting, Agency)
        .join(Setting)
        .join(Agency)
        .where(SampledSetting.sample.in_([s.id for s in found]))
        .order_by(SampledSetting.stratum, Agency.name)
    )
    by_sample = {}
    for each in chosen:
        by_sample.setdefault(each.sample_id, []).append(each)
    return [(sample, by_sample.get(sample.id, [])) for sample in found]
