"""Sign-off of a school's return: the head signs off through an emailed link, then the chair of
governors notes it; a sign-off lapses (audited, shown) when the return changes after it; the
framework decides which sign-offs are needed."""

from qa.audit import AuditEvent
from qa.frameworks.models import Framework
from qa.schools import signoff
from qa.schools.models import SignOff
from qa.section11 import returns
from qa.section11.models import Rating, Return
from tests.school_fixtures import submitted_return


def _sign(client, sign_off, name):
    with client.http.application.test_request_context():
        token = signoff.token_for(sign_off)
    page = client.http.get(f"/schools/sign-off/{token}").get_data(as_text=True)
    csrf = page.split('name="csrf_token" value="')[1].split('"')[0]
    return client.http.post(
        f"/schools/sign-off/{token}",
        data={"csrf_token": csrf, "name": name, "confirm": "y", "comment": ""},
    )


def test_head_signs_off_then_the_chair_notes_it(app, settings, school_lead, cycles, signed_in):
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    lead = signed_in(school_lead)
    assert lead.post(f"/schools/returns/{ret.id}/ask").status_code == 302
    head = SignOff.get(SignOff.return_ == ret.id)
    assert (head.role, head.email) == ("head", "head0@school0.example.org")
    signed = _sign(lead, head, "Hannah Head")
    assert signed.status_code == 200 and "is signed off" in signed.get_data(as_text=True)
    chair = SignOff.get((SignOff.return_ == ret.id) & (SignOff.role == "chair"))  # asked next
    assert _sign(lead, chair, "Colin Chair").status_code == 200
    page = lead.get(f"/schools/returns/{ret.id}/sign-off").get_data(as_text=True)
    assert "Signed off by Hannah Head" in page and "Noted by Colin Chair" in page
    assert signoff.state(Return.get_by_id(ret.id))["complete"]


def test_a_used_or_forged_link_signs_nothing(app, settings, school_lead, cycles, signed_in):
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    lead = signed_in(school_lead)
    lead.post(f"/schools/returns/{ret.id}/ask")
    head = SignOff.get(SignOff.return_ == ret.id)
    _sign(lead, head, "Hannah Head")
    assert "has been used" in _sign(lead, head, "Someone Else").get_data(as_text=True)
    forged = lead.http.get("/schools/sign-off/123.abc").get_data(as_text=True)
    assert "This link does not work" in forged
    assert SignOff.get_by_id(head.id).name == "Hannah Head"


def test_sign_off_lapses_when_the_return_changes(app, settings, school_lead, cycles, people):
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    with app.test_request_context():
        head, _sent = signoff.ask(ret, school_lead)
        signoff.sign(head, "Hannah Head", "")
    returns.reopen(
        Return.get_by_id(ret.id), Return.get_by_id(ret.id).version, "Typo", people["admin"]
    )
    assert signoff.state(Return.get_by_id(ret.id))["signed"] == {
        "head"
    }  # reopening changes nothing
    rating = Rating.select().where(Rating.return_ == ret.id).first()
    returns.save_rating(rating, rating.version, "A", "Changed after sign-off", school_lead)
    lapsed = SignOff.get_by_id(head.id)
    assert (
        lapsed.withdrawn_at
        and "changed after the headteacher signed off" in lapsed.withdrawn_reason
    )
    assert signoff.state(Return.get_by_id(ret.id))["signed"] == set()
    line = AuditEvent.get(AuditEvent.verb == "sign-off lapsed")
    assert line.object_id == ret.id and "headteacher" in line.summary


def test_the_lapse_is_shown_on_the_sign_off_page(
    app, settings, school_lead, cycles, people, admin_client
):
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    with app.test_request_context():
        signoff.sign(signoff.ask(ret, school_lead)[0], "Hannah Head", "")
    returns.reopen(
        Return.get_by_id(ret.id), Return.get_by_id(ret.id).version, "Typo", people["admin"]
    )
    rating = Rating.select().where(Rating.return_ == ret.id).first()
    returns.save_rating(rating, rating.version, "A", "Changed", school_lead)
    page = admin_client.get(f"/schools/returns/{ret.id}/sign-off").get_data(as_text=True)
    assert 'id="lapsed"' in page and "needs signing off again" in page


def test_sign_off_waits_for_submission_and_follows_the_framework(
    app, settings, school_lead, cycles
):
    ret = returns.start(settings[0].agency, cycles["this"], school_lead)
    assert signoff.state(ret)["next"] is None  # a draft: nobody asked yet
    assert signoff.state(ret)["needs"] == ["head", "chair"]
    light = Framework.create(name="Voluntary organisations (light)")
    Return.update(framework=light).where(Return.id == ret.id).execute()
    assert signoff.state(Return.get_by_id(ret.id))["needs"] == []


def test_the_return_page_says_where_its_sign_off_stands(
    app, settings, school_lead, cycles, people, signed_in
):
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    page = signed_in(school_lead).get(f"/section11/returns/{ret.id}").get_data(as_text=True)
    assert "Sign-off: the headteacher is to be asked next" in page
    assert f"/schools/returns/{ret.id}/sign-off" in page
    other = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    page = signed_in(people["lead_a"]).get(f"/section11/returns/{other.id}").get_data(as_text=True)
    assert "Sign-off" not in page  # Section 11's own framework needs none


def test_without_email_the_admin_sees_the_link_to_send_and_the_lead_does_not(
    app, settings, school_lead, cycles, admin_client, signed_in
):
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    lead = signed_in(school_lead)
    lead.post(f"/schools/returns/{ret.id}/ask")
    mine = lead.get(f"/schools/returns/{ret.id}/sign-off").get_data(as_text=True)
    assert "not signed yet" in mine and "/schools/sign-off/" not in mine
    theirs = admin_client.get(f"/schools/returns/{ret.id}/sign-off").get_data(as_text=True)
    assert "Link to send" in theirs and "/schools/sign-off/" in theirs


def test_the_head_then_the_chair_are_emailed_their_links(
    app, settings, school_lead, cycles, signed_in, monkeypatch
):
    from qa import mail

    sent = []
    monkeypatch.setattr(mail, "send_all", lambda config, mails, echo=None: sent.extend(mails))
    app.config["SMTP_HOST"] = "smtp.example"
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    lead = signed_in(school_lead)
    lead.post(f"/schools/returns/{ret.id}/ask")
    assert sent[0]["To"] == "head0@school0.example.org"
    link = next(line for line in sent[0].get_content().splitlines() if "/schools/sign-off/" in line)
    _sign(lead, SignOff.get(SignOff.role == "head"), "Hannah Head")
    assert sent[1]["To"] == "chair0@school0.example.org" and "note it" in sent[1].get_content()
    assert lead.http.get(link.strip()).status_code == 200  # the emailed link opens the page


def test_an_expired_link_can_be_sent_again(app, settings, school_lead, cycles):
    from datetime import datetime, timedelta

    ret = submitted_return(settings[0], cycles["this"], school_lead)
    with app.test_request_context():
        old, _ = signoff.ask(ret, school_lead)
        SignOff.update(asked_at=datetime.now() - timedelta(days=31)).where(
            SignOff.id == old.id
        ).execute()
        new, _ = signoff.ask(ret, school_lead)
    assert new.id != old.id and "expired unused" in SignOff.get_by_id(old.id).withdrawn_reason


def test_the_admin_decides_which_sign_offs_a_framework_needs(
    app, settings, school_lead, cycles, admin_client
):
    from qa.audit import AuditEvent as Event

    light = Framework.create(name="Voluntary organisations (light)")
    page = admin_client.get("/schools/sign-off-needs").get_data(as_text=True)
    assert "Signed off by the head, then noted by the chair of governors" in page
    admin_client.post("/schools/sign-off-needs", {"framework": light.id, "needs": "head"})
    assert signoff.needs_of(light.id) == ["head"]
    schools = settings[0].agency.framework
    admin_client.post("/schools/sign-off-needs", {"framework": schools.id, "needs": ""})
    assert signoff.needs_of(schools.id) == []
    assert Event.select().where(Event.summary.contains("sign-offs")).count() == 2


def test_saving_the_same_words_again_keeps_the_sign_off(app, settings, school_lead, cycles, people):
    ret = submitted_return(settings[0], cycles["this"], school_lead)
    with app.test_request_context():
        head, _sent = signoff.ask(ret, school_lead)
        signoff.sign(head, "Hannah Head", "")
    returns.reopen(
        Return.get_by_id(ret.id), Return.get_by_id(ret.id).version, "Check", people["admin"]
    )
    rating = Rating.select().where(Rating.return_ == ret.id).first()
    returns.save_rating(rating, rating.version, rating.rag, rating.evidence, school_lead)
    assert SignOff.get_by_id(head.id).withdrawn_at is None  # an autosave of nothing new


def test_a_new_document_lapses_the_sign_off(app, settings, school_lead, cycles, people):
    from tests.section11_fixtures import PDF

    ret = submitted_return(settings[0], cycles["this"], school_lead)
    with app.test_request_context():
        head, _sent = signoff.ask(ret, school_lead)
        signoff.sign(head, "Hannah Head", "")
    returns.reopen(
        Return.get_by_id(ret.id), Return.get_by_id(ret.id).version, "Add", people["admin"]
    )
    rating = Rating.select().where(Rating.return_ == ret.id).first()
    returns.attach_document(rating, school_lead, "policy.pdf", "application/pdf", PDF)
    assert SignOff.get_by_id(head.id).withdrawn_at is not None


def test_each_kind_of_setting_has_its_sign_offs_from_the_start(app):
    from qa.schools import frameworks

    def needs(name):
        return signoff.needs_of(Framework.get(Framework.name == name).id)

    assert needs(frameworks.SCHOOLS) == ["head", "chair"]
    assert needs(frameworks.FURTHER_EDUCATION) == ["head", "chair"]
    assert needs(frameworks.INDEPENDENT) == ["head", "chair"]
    assert needs(frameworks.EARLY_YEARS) == ["head"]
    assert needs(frameworks.VOLUNTARY) == []
