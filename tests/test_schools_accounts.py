"""Settings' own accounts: a lead asks by choosing their setting; an allowed email domain is
approved at once (the link emailed), others wait for an admin; the link sets the password once;
accounts end after the deadline when the partnership says so; nothing tells whether an email has
an account; asking is rate-limited; every write audited."""

import re
from datetime import date, timedelta
from functools import partial

import pytest
from werkzeug.security import generate_password_hash

from qa.audit import AuditEvent
from qa.cycles.models import Cycle
from qa.people.models import Agency, Sector, User
from qa.schools import rules
from qa.schools.models import AccountRequest, AccountSettings, Setting
from tests.conftest import Client


@pytest.fixture
def oak(app):
    education = Sector.create(name="Education", slug="education")
    agency = Agency.create(name="Oak Hill Primary School", sector=education)
    return Setting.create(
        agency=agency,
        urn="100001",
        kind="school",
        address="1 Lane, Millbrook",
        allowed_domains="oakhill.sch.uk",
    )


@pytest.fixture
def sent(app, monkeypatch):
    """Email set up; the messages sent instead land here."""
    app.config.update(SMTP_HOST="smtp.example", SMTP_FROM="qa@example.org")
    mails = []
    monkeypatch.setattr("qa.mail.send_all", lambda config, batch, echo=None: mails.extend(batch))
    return mails


def _ask(client, setting, email, name="Dee Okoro"):
    client.refresh_token("/schools/account")
    return client.post(
        "/schools/account", {"setting": str(setting.id), "name": name, "email": email}
    )


def _link(mail):
    return re.search(r"(/schools/account/password\?token=\S+)", mail.get_content()).group(1)


def test_a_lead_finds_their_setting_without_javascript(client, oak):
    page = client.get("/schools/account?q=oak").get_data(as_text=True)
    assert 'type="radio" value="%d"' % oak.id in page and "Oak Hill Primary School" in page
    assert "(URN 100001)" in page
    assert "No setting matches" in client.get("/schools/account?q=zzz").get_data(as_text=True)


def test_an_allowed_domain_is_approved_at_once_and_the_link_sets_the_password(
    client, oak, sent, monkeypatch
):
    quick = partial(generate_password_hash, method="pbkdf2:sha256:1000")  # scrypt is slow
    monkeypatch.setattr("qa.schools.accounts.hash_password", quick)
    response = _ask(client, oak, "Dee.Okoro@OakHill.sch.uk")
    assert response.status_code == 303 and response.headers["Location"].endswith("/sent")
    user = User.get(User.email == "dee.okoro@oakhill.sch.uk")
    assert (user.role, user.agency_id, user.password_hash) == ("agency_lead", oak.agency_id, "")
    request = AccountRequest.get()
    assert (request.status, request.how) == ("approved", "automatic")
    assert len(sent) == 1 and sent[0]["To"] == "dee.okoro@oakhill.sch.uk"
    link = _link(sent[0])
    form = client.get(link).get_data(as_text=True)
    assert "Set your password" in form
    token = link.split("token=")[1]
    done = client.post(
        "/schools/account/password",
        {
            "token": token,
            "new_password": "amber kettle orchard",
            "confirm_password": "amber kettle orchard",
        },
    )
    assert done.status_code == 303
    assert (
        Client(client.http.application).sign_in(user.email, "amber kettle orchard").status_code
        == 302
    )
    assert "This link has expired" in client.get(link).get_data(as_text=True)  # used once
    verbs = {e.verb for e in AuditEvent.select()}
    assert {"asked for an account", "created", "approved", "set password"} <= verbs


def test_the_partnerships_list_allows_a_domain_for_every_setting(client, oak, sent):
    AccountSettings.create(allowed_domains="northbrook.gov.uk")
    _ask(client, oak, "dsl@schools.northbrook.gov.uk")
    assert AccountRequest.get().status == "approved" and len(sent) == 1


def test_another_domain_waits_for_an_admin_who_approves_it(client, admin_client, oak, sent):
    _ask(client, oak, "dee@gmail.example")
    assert AccountRequest.get().status == "pending" and sent == []
    page = admin_client.get("/schools/requests").get_data(as_text=True)
    assert "dee@gmail.example" in page and "Oak Hill Primary School" in page
    request = AccountRequest.get()
    response = admin_client.post(
        "/schools/requests/decide", {"request": str(request.id), "decision": "approve"}
    )
    assert response.status_code == 303
    assert AccountRequest.get().status == "approved" and AccountRequest.get().how == "admin"
    assert len(sent) == 1 and User.get(User.email == "dee@gmail.example").role == "agency_lead"


def test_without_email_set_up_nothing_is_approved_automatically_and_the_admin_gets_the_link(
    app, client, admin_client, oak
):
    app.config["SMTP_HOST"] = None
    _ask(client, oak, "dee@oakhill.sch.uk")
    request = AccountRequest.get()
    assert request.status == "pending"
    page = admin_client.post(
        "/schools/requests/decide", {"request": str(request.id), "decision": "approve"}
    ).get_data(as_text=True)
    assert "give this link to the person yourself" in page
    assert "/schools/account/password?token=" in page


def test_an_admin_can_refuse_a_request(client, admin_client, oak):
    _ask(client, oak, "someone@example.org")
    request = AccountRequest.get()
    admin_client.post("/schools/requests/decide", {"request": str(request.id), "decision": "no"})
    assert (
        AccountRequest.get().status == "refused"
        and not User.select().where(User.email == "someone@example.org").exists()
    )


def test_asking_never_reveals_whether_an_email_has_an_account(client, oak, people, sent):
    known = _ask(client, oak, people["admin"].email)
    unknown = _ask(client, oak, "nobody@example.org")
    assert (known.status_code, known.headers["Location"]) == (
        unknown.status_code,
        unknown.headers["Location"],
    )
    assert client.get(known.headers["Location"]).get_data(as_text=True) == client.get(
        unknown.headers["Location"]
    ).get_data(as_text=True)
    admin = User.get(User.email == people["admin"].email)
    assert admin.role == "admin" and admin.agency_id is None  # never turned into a lead


def test_another_accounts_email_is_not_approved_even_from_an_allowed_domain(client, oak, sent):
    other = Agency.create(name="Elm School", sector=oak.agency.sector)
    User.create(email="dee@oakhill.sch.uk", name="Dee", role="agency_lead", agency=other)
    _ask(client, oak, "dee@oakhill.sch.uk")
    assert AccountRequest.get().status == "pending" and sent == []


def test_asking_too_often_is_refused_whatever_the_email(client, oak):
    for n in range(5):
        assert _ask(client, oak, f"person{n}@example.org").status_code == 303
    assert _ask(client, oak, "person9@example.org").status_code == 429
    assert AccountRequest.select().count() == 5


@pytest.fixture
def lead_of_oak(oak, people):
    """Oak Hill's lead, approved 100 days before a deadline that passed 40 days ago."""
    lead = people["lead_a"]
    User.update(agency=oak.agency_id).where(User.id == lead.id).execute()
    deadline = date.today() - timedelta(days=40)
    Cycle.create(
        name="2025-26",
        starts=deadline - timedelta(days=200),
        ends=deadline + timedelta(days=100),
        deadline=deadline,
    )
    AccountRequest.create(
        setting=oak,
        name=lead.name,
        email=lead.email,
        status="approved",
        user=lead.id,
        decided_on=deadline - timedelta(days=100),
    )
    return lead


def test_a_settings_account_ends_after_the_deadline_and_the_lead_is_told_why(app, lead_of_oak):
    lead = lead_of_oak
    assert Client(app).sign_in(lead.email).status_code == 302  # the rule is off
    AccountSettings.create(accounts_expire=True, days_after_deadline=30)
    refused = Client(app).sign_in(lead.email)
    assert refused.status_code == 200
    assert "Your account for Oak Hill Primary School ended on" in refused.get_data(as_text=True)
    AccountSettings.update(days_after_deadline=60).execute()
    assert Client(app).sign_in(lead.email).status_code == 302


def test_a_lead_signed_in_when_their_account_ends_is_signed_out_on_the_next_day(app, lead_of_oak):
    lead = lead_of_oak
    client = Client(app)
    assert client.sign_in(lead.email).status_code == 302  # the rule is off
    AccountSettings.create(accounts_expire=True, days_after_deadline=30)
    assert client.get("/").status_code == 200  # checked today already: the session goes on
    with client.http.session_transaction() as session:
        session["checked_on"] = (date.today() - timedelta(days=1)).isoformat()  # a new day
    assert "/sign-in" in client.get("/").headers["Location"]


def test_the_expiry_rule_counts_from_the_first_deadline_after_approval():
    deadlines = [date(2026, 3, 31), date(2027, 3, 31), None]
    assert rules.expires_on(date(2026, 4, 2), deadlines, 30) == date(2027, 4, 30)
    assert rules.expires_on(date(2027, 5, 1), deadlines, 30) is None
    assert rules.expired(date(2026, 1, 5), deadlines, 0, date(2026, 4, 1))
    assert not rules.expired(date(2026, 1, 5), deadlines, 0, date(2026, 3, 31))


def test_domains_match_exactly_or_beneath():
    allowed = rules.domains("@oakhill.sch.uk, Northbrook.gov.uk\n")
    assert rules.domain_allowed("a@oakhill.sch.uk", allowed)
    assert rules.domain_allowed("a@x.northbrook.gov.uk", allowed)
    assert not rules.domain_allowed("a@evil-oakhill.sch.uk", allowed)
    assert not rules.domain_allowed("a@oakhill.sch.uk.evil.com", allowed)
    assert not rules.domain_allowed("not an email", allowed)


def test_the_admin_saves_the_partnerships_rules_and_a_settings_domains(admin_client, oak):
    admin_client.post(
        "/schools/account-rules",
        {
            "allowed_domains": "northbrook.gov.uk",
            "accounts_expire": "y",
            "days_after_deadline": "14",
        },
    )
    saved = AccountSettings.get()
    assert (saved.allowed_domains, saved.accounts_expire, saved.days_after_deadline) == (
        "northbrook.gov.uk",
        True,
        14,
    )
    admin_client.post(f"/schools/settings/{oak.id}", {"allowed_domains": "oak.sch.uk\nx.org"})
    assert Setting.get_by_id(oak.id).allowed_domains == "oak.sch.uk\nx.org"
    assert AuditEvent.select().where(AuditEvent.verb == "changed").count() == 2


def test_a_request_without_a_setting_is_shown_again_with_what_is_wrong(client, oak):
    client.refresh_token("/schools/account")
    page = client.post(
        "/schools/account", {"q": "oak", "name": "Dee", "email": "dee@oakhill.sch.uk"}
    ).get_data(as_text=True)
    assert 'href="#setting"' in page and "Choose your setting" in page
    assert 'value="dee@oakhill.sch.uk"' in page and "Oak Hill Primary School" in page
    assert AccountRequest.select().count() == 0


def test_a_closed_setting_cannot_be_chosen(client, oak):
    Setting.update(status="closed").execute()
    assert "No setting matches" in client.get("/schools/account?q=oak").get_data(as_text=True)
    _ask(client, oak, "dee@oakhill.sch.uk")
    assert AccountRequest.select().count() == 0


def test_a_made_up_link_sets_no_password(client):
    page = client.get("/schools/account/password?token=made-up").get_data(as_text=True)
    assert "This link has expired" in page and 'name="new_password"' not in page
