"""The demo's scrutiny themes: one reported, citing one record of every kind of evidence the demo
holds and an inspection report, with findings on their evidence and recommendations as actions;
one gathering evidence. Loading twice adds nothing.

Loaded here on the small world of tests/scrutiny_fixtures.py (one record of every kind); the whole
demo, scrutiny's actions among its sources, is loaded by tests/test_actions_demo.py."""

from qa.actions.models import Action
from qa.capability import evidence_kinds
from qa.db import db
from qa.scrutiny import demo
from qa.scrutiny.models import (
    ScrutinyEvidence,
    ScrutinyFinding,
    ScrutinyRecommendation,
    ScrutinyTheme,
)
from tests.scrutiny_fixtures import evidence_world


def test_the_demo_has_a_reported_theme_citing_every_kind_and_one_gathering_evidence(
    app_context,
    people,
    cycles,
):
    evidence_world(people, cycles["this"])
    with db.atomic():  # as the demo runs: one transaction
        demo.load()
    themes = {t.status: t for t in ScrutinyTheme.select()}
    assert set(themes) == {"reported", "gathering"}
    reported = themes["reported"]
    kinds = {e.kind for e in ScrutinyEvidence.select().where(ScrutinyEvidence.theme == reported)}
    assert kinds == set(evidence_kinds()) | {"document"}
    findings = list(ScrutinyFinding.select().where(ScrutinyFinding.theme == reported))
    assert len(findings) == 2 and all(list(f.evidence_links) for f in findings)
    recommendations = list(
        ScrutinyRecommendation.select().where(ScrutinyRecommendation.theme == reported)
    )
    assert len(recommendations) == 2 and all(r.action_id for r in recommendations)
    assert Action.select().where(Action.source == "scrutiny").count() == 2
    assert ScrutinyEvidence.select().where(ScrutinyEvidence.theme == themes["gathering"]).exists()
    demo.load()
    assert ScrutinyTheme.select().count() == 2
