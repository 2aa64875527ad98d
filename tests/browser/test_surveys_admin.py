"""The QA officer builds a survey from a starter, reorders, previews as a child, adds a link.

And reads the results.
"""

from peewee import fn
from playwright.sync_api import expect

from qa.surveys import visits
from qa.surveys.models import Question, Response, SurveyBurst, SurveyLink, YouSaidWeDid
from tests.browser.conftest import check_axe, sign_in
from tests.survey_fixtures import make_survey


def test_admin_builds_a_starter_survey_reorders_previews_and_adds_a_link(page, people):
    sign_in(page, people["admin"].email)
    page.get_by_role("link", name="Surveys", exact=True).first.click()
    check_axe(page, "surveys-index")
    page.get_by_role("link", name="Create a survey").click()
    check_axe(page, "survey-new")
    page.get_by_role("button", name="Starter survey for 8 to 12").click()
    # The first reading-age check in a process loads the pronouncing dictionary (a few seconds on a
    # busy machine).
    expect(page.get_by_text("Starter survey for 8-12 year olds created")).to_be_visible(
        timeout=30000
    )
    check_axe(page, "survey-builder")

    first = page.locator(".qa-question").first
    expect(first).to_contain_text("How safe do you feel at home?")
    page.get_by_role("button", name="Move question 1 down").click()
    expect(page.locator(".qa-question").first).to_contain_text("How safe do you feel at school?")
    expect(page.get_by_role("heading", name="Questions")).to_be_visible()

    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Kind of question").select_option("yes_no")
    page.get_by_label("Question", exact=True).fill(
        "Notwithstanding institutional considerations, do multidisciplinary practitioners "
        "communicate appropriately?"
    )
    page.get_by_role("button", name="Save question").click()
    expect(page.get_by_text("Check wording")).to_have_count(1)

    page.get_by_role("link", name="Preview as a child").click()
    expect(page.get_by_text("What happens to your answers")).to_be_visible()
    check_axe(page, "survey-preview-intro")
    page.get_by_role("link", name="Start").click()
    expect(page.get_by_text("Question 1 of 9")).to_be_visible()
    check_axe(page, "survey-preview-question")
    page.get_by_role("link", name="Back to the survey builder").click()

    page.get_by_role("button", name="Open the survey").click()
    expect(page.get_by_text("The survey is now open")).to_be_visible()
    page.get_by_role("link", name="Links and QR codes").click()
    page.get_by_label("Where will this link be used?").fill("Oak Hill Primary Y6")
    page.get_by_role("button", name="Add link").click()
    expect(page.locator("code")).to_contain_text("/s/")
    check_axe(page, "survey-links")
    assert page.console_errors == []


def _answered_survey():
    """A small open survey: 12 answers from one school, 3 from a club, and one worrying written
    answer."""
    survey = make_survey()
    oak, club = list(survey.links.order_by(SurveyLink.id))
    text = survey.questions.where(Question.kind == "text").get()
    smiley = survey.questions.where(Question.kind == "smiley").get()
    for link, count in ((oak, 12), (club, 3)):
        for n in range(count):
            key = visits.new_visit_key()
            visits.save_answer(link, key, smiley, [str(1 + n % 3)])
            visits.save_answer(
                link,
                key,
                text,
                ["I am scared to walk home" if n == 0 and link == oak else "More lights"],
            )
            visits.submit(link, key)
    return survey


def test_results_page_with_flags_filters_and_suppression_is_accessible(page, people):
    survey = _answered_survey()
    sign_in(page, people["admin"].email)
    page.goto(f"/admin/surveys/{survey.id}/results")
    expect(
        page.get_by_role("heading", name="Answers that may need action (1 not reviewed)")
    ).to_be_visible()
    check_axe(page, "survey-results")
    page.get_by_label("Setting").select_option(label="Youth club Tuesday")
    expect(page.locator("#results")).to_contain_text("Fewer than 5 responses")
    assert "link=" in page.url
    check_axe(page, "survey-results-suppressed")
    page.get_by_label("What you did").fill("Shared with the school's DSL and MASH the same day")
    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page.get_by_text("Marked as reviewed")).to_be_visible()
    page.goto(f"/admin/surveys/{survey.id}/you-said")
    check_axe(page, "survey-you-said-admin")
    page.goto("/admin/surveys/settings")
    check_axe(page, "survey-settings")
    assert page.console_errors == []


def test_public_you_said_we_did_page_is_friendly_and_accessible(page, live_app):
    survey = make_survey(status="closed")
    YouSaidWeDid.create(
        survey=survey,
        you_said="You said the walk home is dark.",
        we_did="The council put new lights on Mill Lane.",
        published=True,
    )
    page.goto(f"/you-said/{survey.public_code}")
    expect(page.get_by_role("heading", name="You said, we did")).to_be_visible()
    expect(page.get_by_text("new lights on Mill Lane")).to_be_visible()
    check_axe(page, "survey-you-said-public")


def test_admin_sees_a_burst_and_discards_it_on_an_accessible_page(page, people):
    survey = _answered_survey()
    club = survey.links.order_by(SurveyLink.id.desc()).first()
    SurveyBurst.create(
        link=club,
        first_response=Response.select(fn.MIN(Response.id)).where(Response.link == club).scalar(),
        last_response=Response.select(fn.MAX(Response.id)).where(Response.link == club).scalar(),
    )
    sign_in(page, people["admin"].email)
    page.goto(f"/admin/surveys/{survey.id}/results")
    expect(page.get_by_text("Youth club Tuesday, ")).to_contain_text("3 responses within")
    check_axe(page, "survey-results-burst")
    page.get_by_role("button", name="Discard these 3 responses").click()
    expect(page.get_by_text("Discarded 3 responses sent in a burst")).to_be_visible()
    assert Response.select().where(Response.link == club).count() == 0
