"""The demo partnership's Section 11 returns.

Last cycle all submitted, this cycle in every state, alive on first run.
"""

import filetype
import pytest

from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.demo import load
from qa.documents import Document
from qa.people.models import Agency
from qa.section11 import queries
from qa.section11.models import Rating, RatingDocument, Return


@pytest.fixture
def demo(demo_partnership):
    return {c.name: c for c in Cycle.select()}


def _states(cycle):
    return {r.status for r in Return.select().where(Return.cycle == cycle)}


def test_last_cycle_is_all_submitted_and_this_cycle_has_every_state(demo):
    active = Agency.select().where(Agency.active == True).count()
    assert Return.select().where(Return.cycle == demo["2025-26"]).count() == active
    assert _states(demo["2025-26"]) == {"submitted"}
    assert _states(demo["2026-27"]) == {"draft", "submitted", "reopened"}
    # some not started
    assert Return.select().where(Return.cycle == demo["2026-27"]).count() < active
    drafts = Return.select().where(Return.cycle == demo["2026-27"], Return.status == "draft")
    assert all(0 < sum(r.rag != "" for r in d.ratings) < len(d.ratings) for d in drafts)


def test_every_amber_and_red_in_a_submitted_return_has_an_action_plan(demo):
    concerns = (
        Rating.select()
        .join(Return)
        .where(Return.status.in_(["submitted", "reopened"]), Rating.rag.in_(["A", "R"]))
    )
    assert concerns.count() > 20
    planned = {a.source_id for a in Action.select().where(Action.source == "section11")}
    assert all(r.id in planned for r in concerns)


def test_documents_are_small_real_files_linked_to_both_years(demo):
    documents = list(Document.select())
    assert {filetype.guess(bytes(d.data)).extension for d in documents} == {"pdf", "png"}
    assert all(d.size < 5000 for d in documents)
    years = {link.rating.return_.cycle.name for link in RatingDocument.select()}
    assert years == {"2025-26", "2026-27"}


def test_northbrook_constabulary_rates_supervision_green_this_year(demo):
    police = Agency.get(Agency.name == "Northbrook Constabulary")
    ratings = {r.standard.title: r.rag for r in queries.ratings_for(police, demo["2026-27"])}
    assert ratings["Supervision"] == "G"


def test_loading_the_demo_again_changes_nothing(demo):
    counts = (
        Return.select().count(),
        Rating.select().count(),
        Action.select().count(),
        Document.select().count(),
        RatingDocument.select().count(),
    )
    load("kettle river orange")
    assert counts == (
        Return.select().count(),
        Rating.select().count(),
        Action.select().count(),
        Document.select().count(),
        RatingDocument.select().count(),
    )
