"""The review queue: every written answer and flag, outside the small-number rule, for the people
the partnership names (and admins); each review recorded; reviewers told of new flags on their home
page and by an email that never holds the answer."""

import pytest

from qa.audit import AuditEvent
from qa.surveys import review
from qa.surveys.models import Flag, FlagReviewer
from tests import survey_fixtures

survey, link, child = survey_fixtures.survey, survey_fixtures.link, survey_fixtures.child
DISCLOSURE = "my uncle touches me at night and i want to kill my self"


def _tell(child, text):
    child.start()
    child.answer(5, text)
    return child.send()


@pytest.fixture
def named(people):
    """Sarah, a lead the partnership names to review; Olivia, a peer reviewer it does not."""
    FlagReviewer.create(user=people["lead_b"])
    return people["lead_b"]


def test_a_named_person_sees_the_one_childs_disclosure_though_fewer_than_5_answered(
    child, named, signed_in
):
    _tell(child, DISCLOSURE)
    _tell(survey_fixtures.Child(child.http.application, child.code), "More lights by the bus stop")
    html = signed_in(named).get("/admin/surveys/review").get_data(as_text=True)
    assert DISCLOSURE in html and "Sexual harm" in html and "Self-harm and suicide" in html
    assert "More lights by the bus stop" in html  # every written answer, not only flagged ones
    assert "not yet reviewed (1)" in html


def test_admins_always_may_review(child, admin_client):
    _tell(child, DISCLOSURE)
    response = admin_client.get("/admin/surveys/review")
    assert response.status_code == 200 and DISCLOSURE in response.get_data(as_text=True)


@pytest.mark.parametrize("who", ["peer", "reviewer", "lead_a"])
def test_people_not_named_cannot_see_the_queue_and_the_refusal_is_recorded(
    child, people, named, signed_in, who
):
    _tell(child, DISCLOSURE)
    response = signed_in(people[who]).get("/admin/surveys/review")
    assert response.status_code == 403 and DISCLOSURE not in response.get_data(as_text=True)
    assert AuditEvent.select().where(AuditEvent.verb == "denied").count() == 1


def test_nobody_signed_out_sees_the_queue(child, client):
    _tell(child, DISCLOSURE)
    response = client.get("/admin/surveys/review")
    assert response.status_code == 302 and "/sign-in" in response.location


def test_a_named_person_marks_a_flag_reviewed_with_a_note_recorded_and_audited(
    child, named, signed_in
):
    _tell(child, DISCLOSURE)
    flag = Flag.get()
    reviewer = signed_in(named)
    reviewer.get("/admin/surveys/review")
    reviewer.post(f"/admin/surveys/review/flags/{flag.id}", {"note": "Passed to the MASH at 10:20"})
    flag = Flag.get()
    assert flag.reviewed and flag.note == "Passed to the MASH at 10:20"
    assert flag.reviewed_by_id == named.id and flag.reviewed_at is not None
    line = AuditEvent.get(AuditEvent.verb == "reviewed")
    assert line.user_id == named.id and line.object_id == flag.id
    html = reviewer.get("/admin/surveys/review?reviewed=1").get_data(as_text=True)
    assert "Reviewed</strong> by Sarah Okafor" in html


def test_someone_not_named_cannot_mark_a_flag_reviewed(child, people, named, signed_in):
    _tell(child, DISCLOSURE)
    flag = Flag.get()
    peer = signed_in(people["peer"])
    response = peer.post(f"/admin/surveys/review/flags/{flag.id}", {"note": "nothing"})
    assert response.status_code == 403 and not Flag.get().reviewed


def test_new_flags_show_as_a_count_on_the_reviewers_home_page_only(child, people, named, signed_in):
    _tell(child, DISCLOSURE)
    assert "1 flagged answer needs review" in signed_in(named).get("/").get_data(as_text=True)
    assert "1 flagged answer needs review" in signed_in(people["admin"]).get("/").get_data(
        as_text=True
    )
    for who in ("peer", "lead_a"):
        html = signed_in(people[who]).get("/").get_data(as_text=True)
        assert "flagged answer" not in html and "Written answers and flags" not in html


def test_the_admin_names_who_may_review_and_it_is_audited(admin_client, people):
    admin_client.get("/admin/surveys/settings")
    admin_client.post(
        "/admin/surveys/settings/reviewers",
        {"reviewers": [str(people["lead_a"].id), str(people["peer"].id)]},
    )
    assert sorted(r.user_id for r in FlagReviewer.select()) == sorted(
        [people["lead_a"].id, people["peer"].id]
    )
    assert (
        "Amara Nwosu, Olivia Chen"
        in AuditEvent.select().order_by(AuditEvent.id.desc()).get().summary
    )
    admin_client.post("/admin/surveys/settings/reviewers", {})
    assert FlagReviewer.select().count() == 0


class Outbox:
    """A stand-in SMTP server that keeps what is sent."""

    sent = []

    def __init__(self, host, port=None, timeout=None):
        self.host = host

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_message(self, message):
        Outbox.sent.append(message)


@pytest.fixture
def outbox(app, monkeypatch):
    Outbox.sent = []
    monkeypatch.setattr("qa.mail.smtplib.SMTP", Outbox)
    monkeypatch.setattr(review, "in_background", lambda action, *args: action(*args))
    app.config.update(SMTP_HOST="mail.example.org", SMTP_SECURITY="none")
    return Outbox.sent


def test_reviewers_are_emailed_that_a_flagged_answer_needs_review_never_the_answer(
    child, people, named, outbox
):
    _tell(child, DISCLOSURE)
    assert sorted(message["To"] for message in outbox) == ["admin@example.org", named.email]
    for message in outbox:
        body = message.get_content()
        assert message["Subject"] == "A flagged answer needs review"
        assert "/admin/surveys/review" in body
        assert "uncle" not in body and "kill" not in body and "touch" not in body


def test_no_email_for_an_answer_with_nothing_flagged_or_without_smtp(child, people, outbox, app):
    _tell(child, "More lights by the bus stop")
    assert outbox == []
    app.config["SMTP_HOST"] = None
    _tell(survey_fixtures.Child(app, child.code), DISCLOSURE)
    assert outbox == [] and Flag.select().count() == 1


def test_the_queue_uses_a_bounded_number_of_queries(app, child, admin_client, count_queries):
    _tell(child, DISCLOSURE)
    admin_client.get("/admin/surveys/review")
    with count_queries() as few:
        admin_client.get("/admin/surveys/review")
    for n in range(12):
        _tell(survey_fixtures.Child(app, child.code), f"he hits me {n}" if n % 2 else f"fine {n}")
    with count_queries() as many:
        html = admin_client.get("/admin/surveys/review").get_data(as_text=True)
    assert "he hits me 11" in html and "fine 10" in html
    assert many.count == few.count
