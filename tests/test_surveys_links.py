"""Links per setting: random short codes, QR codes, a printable poster, closing a link.

And the public "you said, we did".
"""

import io

from pypdf import PdfReader

from qa.surveys.models import SurveyLink, YouSaidWeDid
from qa.surveys.rules import looks_like_code
from tests.survey_fixtures import Child, make_survey


def test_admin_adds_a_link_labelled_by_setting_with_a_random_code(admin_client, app):
    survey = make_survey()
    admin_client.post(f"/admin/surveys/{survey.id}/links", {"label": "St Anne's Y5"})
    link = SurveyLink.get(SurveyLink.label == "St Anne's Y5")
    assert looks_like_code(link.code)
    html = admin_client.get(f"/admin/surveys/{survey.id}/links").get_data(as_text=True)
    assert f"/s/{link.code}" in html


def test_qr_codes_come_as_svg_and_png(admin_client, app):
    link = make_survey().links.first()
    svg = admin_client.get(f"/admin/surveys/links/{link.id}/qr.svg")
    assert svg.mimetype == "image/svg+xml" and b"<svg" in svg.data
    png = admin_client.get(f"/admin/surveys/links/{link.id}/qr.png")
    assert png.mimetype == "image/png" and png.data.startswith(b"\x89PNG")


def test_poster_is_one_printable_page_with_the_address_and_safety_message(admin_client, app):
    link = make_survey().links.first()
    response = admin_client.get(f"/admin/surveys/links/{link.id}/poster.pdf")
    reader = PdfReader(io.BytesIO(response.data))
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert f"/s/{link.code}" in text and "Childline" in text
    # Honest at the point of telling (issue 17): adults read the answers; nothing is "secret".
    assert "Adults read the answers" in text and "secret" not in text


def test_a_closed_link_stops_answers_but_the_survey_stays_open_elsewhere(admin_client, app):
    survey = make_survey()
    oak, club = list(survey.links.order_by(SurveyLink.id))
    admin_client.post(f"/admin/surveys/links/{oak.id}/close")
    assert "This survey has finished" in Child(app, oak.code).get().get_data(as_text=True)
    assert "Start" in Child(app, club.code).get().get_data(as_text=True)


def test_you_said_we_did_shows_only_published_statements_in_public(admin_client, app):
    survey = make_survey(status="closed")
    admin_client.post(
        f"/admin/surveys/{survey.id}/you-said",
        {
            "version": "1",
            "you_said": "You said lunch queues feel unsafe",
            "we_did": "We added a teacher at lunch",
            "published": "y",
        },
    )
    YouSaidWeDid.create(survey=survey, you_said="Draft thought", we_did="Not yet")
    html = app.test_client().get(f"/you-said/{survey.public_code}").get_data(as_text=True)
    assert "We added a teacher at lunch" in html and "Draft thought" not in html


def test_a_draft_surveys_public_page_does_not_exist(app):
    survey = make_survey(status="draft")
    assert app.test_client().get(f"/you-said/{survey.public_code}").status_code == 404
