"""Action planning: from a review's recommendations, actions for one agency or the partnership,
each with owner, due date and theme, in the action register; the meeting's date and attendance."""

from datetime import date, timedelta

from qa.actions.models import Action
from qa.reviews.models import Review, ReviewAction
from tests.conftest import dates
from tests.review_fixtures import make_review, make_theme


def action_form(chosen, **changes):
    return {
        "recommendation": "Hear the child",
        "agency": "",
        "theme": str(chosen.id),
        "description": "Ask every child seen alone what life is like at home",
        "owner": "Named nurse",
        **dates(due=date.today() + timedelta(days=90)),
    } | changes


def test_an_agency_action_and_a_partnership_action_join_the_register(
    app, people, cycles, reviewer_client
):
    theme = make_theme("Voice of the child")
    review = make_review(themes=[theme])
    url = f"/reviews/{review.id}/actions"
    agency_a = str(people["agency_a"].id)
    assert reviewer_client.post(url, action_form(theme, agency=agency_a)).status_code == 303
    html = reviewer_client.post(url, action_form(theme, agency="partnership")).get_data(
        as_text=True
    )
    assert "Choose the responsible officer for a partnership-wide action" in html
    officer = str(people["lead_b"].id)
    partnership = action_form(
        theme, agency="partnership", responsible_officer=officer, recommendation=""
    )
    assert reviewer_client.post(url, partnership).status_code == 303
    links = list(ReviewAction.select().order_by(ReviewAction.id))
    assert [link.recommendation for link in links] == ["Hear the child", ""]
    assert [(link.action.source, link.action.source_id) for link in links] == [
        ("review", review.id),
        ("review", review.id),
    ]
    assert [link.action.agency_id for link in links] == [people["agency_a"].id, None]
    assert links[1].action.responsible_officer_id == people["lead_b"].id
    assert {link.theme_id for link in links} == {theme.id}
    page = reviewer_client.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "Partnership-wide" in page and "Responsible officer: Sarah Okafor" in page
    # the register says where it came from, linking back to the review for the sub-group
    action_page = reviewer_client.get(f"/actions/{links[0].action_id}").get_data(as_text=True)
    assert "Rapid review RR-2025-04" in action_page and f"/reviews/{review.id}" in action_page


def test_an_action_needs_a_theme_and_a_known_recommendation(app, people, cycles, admin_client):
    theme = make_theme()
    review = make_review(themes=[theme])
    html = admin_client.post(
        f"/reviews/{review.id}/actions",
        action_form(theme, agency=str(people["agency_a"].id))
        | {
            "theme": "",
            "recommendation": "Something never recommended",
        },
    ).get_data(as_text=True)
    assert "Choose the theme of the action" in html and "Choose the recommendation" in html
    assert Action.select().count() == 0


def test_the_action_planning_meeting_is_recorded_and_a_stale_save_is_a_conflict(
    app, people, admin_client
):
    review = make_review()
    url = f"/reviews/{review.id}/planning"
    form = {
        "version": str(review.version),
        "planning_attendance": "Chair (police)\nDesignated nurse",
        **dates(planning_meeting_on="2025-03-04"),
    }
    assert admin_client.post(url, form).status_code == 303
    saved = Review.get_by_id(review.id)
    assert saved.planning_meeting_on == date(2025, 3, 4)
    html = admin_client.get(f"/reviews/{review.id}").get_data(as_text=True)
    assert "Met on 4 March 2025" in html and "Designated nurse" in html
    stale = admin_client.post(url, form | {"planning_attendance": "Someone else"})
    assert "Someone else saved this" in stale.get_data(as_text=True)
    missing = admin_client.post(url, {"version": str(saved.version)}).get_data(as_text=True)
    assert "Enter the date of the action-planning meeting" in missing


def test_a_review_page_costs_the_same_queries_for_many_actions(
    app, people, cycles, admin_client, count_queries
):
    from tests.review_fixtures import make_review_action

    theme = make_theme()
    review = make_review(themes=[theme])
    make_review_action(review, theme, cycles["this"], agency=people["agency_a"])
    with count_queries() as one:
        admin_client.get(f"/reviews/{review.id}")
    for _ in range(5):
        make_review_action(review, theme, cycles["this"], officer=people["lead_a"])
    with count_queries() as many:
        admin_client.get(f"/reviews/{review.id}")
    assert many.count == one.count
