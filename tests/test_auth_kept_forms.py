"""Issue 9, "Session and CSRF expiry in the middle of a long findings form or self-assessment.

Nothing typed is lost."

For the Section 11 self-assessment (an agency lead's rating form, autosaved or posted whole) and the
challenge
findings (a visitor's per-field autosave, or the whole standard posted without JavaScript): a post
made after the
idle timeout, after the session cookie is gone, or with a dead CSRF token is kept, offered back
after signing in,
and once sent again is in the database.
"""

import html
import json
import re
from datetime import datetime, timedelta

import pytest
from werkzeug.datastructures import MultiDict

from qa.auth.models import KeptForm
from qa.challenge.findings import FIELDS
from qa.challenge.models import Finding
from qa.people.models import User
from qa.section11.models import Rating
from tests.challenge_helpers import cycle_fixture, event_fixture, findings_of  # noqa: F401
from tests.conftest import PASSWORD
from tests.section11_fixtures import ratings_of

EVIDENCE = (
    "Our board lead reports quarterly.\n"
    'The audit of twenty cases found two gaps & we\'ve "fixed" both <quickly>.'
)
STRENGTHS = "The designated lead knew every open case.\nSupervision notes were current & signed."


def idle_for_45_minutes(client):
    with client.http.session_transaction() as session:
        session["seen"] = (datetime.now() - timedelta(minutes=45)).timestamp()


def ended_elsewhere(client):
    """Signed out on another device (every session ends): this browser still knows who it was."""
    from qa.people.models import User

    with client.http.session_transaction() as session:
        User.get_by_id(session["last_signed_in"]).end_sessions()


def cookie_gone(client):
    """The browser lost the session cookie (closed, cleared): the page and its old token are all
    that is left."""
    client.http.delete_cookie("session")


def sign_in_again(client, email):
    """Sign in on the page the expired post was sent to; it goes on to the kept form."""
    client.refresh_token("/sign-in?next=/resume")
    response = client.http.post(
        "/sign-in?next=/resume",
        data={"csrf_token": client.token, "email": email, "password": PASSWORD},
    )
    assert response.status_code == 302 and response.location == "/resume"


def resend(client):
    """Press "Save my changes" on the resume page: post its hidden fields to where the form was
    going."""
    page = client.get("/resume").get_data(as_text=True)
    action, form = re.search(
        r'<form method="post" action="([^"]+)" hx-boost="false">(.*?)</form>', page, re.S
    ).groups()
    fields = [
        (name, html.unescape(value))
        for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)
    ]
    return client.http.post(html.unescape(action), data=MultiDict(fields))


def assert_sent_to_sign_in(response, htmx):
    """Without JavaScript a redirect; htmx is told to navigate the whole page (it would swap a
    redirect's page into the box)."""
    if htmx:
        assert (
            response.status_code == 200
            and response.headers["HX-Redirect"] == "/sign-in?next=/resume"
        )
    else:
        assert response.status_code == 302 and response.location == "/sign-in?next=/resume"


def assert_sent_to_resume(response, htmx):
    if htmx:
        assert response.status_code == 200 and response.headers["HX-Redirect"] == "/resume"
    else:
        assert response.status_code == 302 and response.location == "/resume"


# The Section 11 self-assessment
# --------------------------------------------------------------------------------


def _rating_post(rating, **extra):
    return {"version": str(rating.version), "rag": "A", "evidence": EVIDENCE, **extra}


@pytest.mark.parametrize("htmx", [True, False], ids=["autosave", "save-and-continue"])
@pytest.mark.parametrize(
    "expire", [idle_for_45_minutes, ended_elsewhere], ids=["idle", "elsewhere"]
)
def test_session_expiry_in_the_middle_of_a_self_assessment_loses_nothing_typed(
    lead_client, people, return_a, expire, htmx
):
    rating = ratings_of(return_a)[0]
    lead_client.get(f"/section11/ratings/{rating.id}")
    expire(lead_client)
    assert_sent_to_sign_in(
        lead_client.post(f"/section11/ratings/{rating.id}", _rating_post(rating), htmx=htmx), htmx
    )
    # not saved by someone no longer signed in ...
    assert Rating.get_by_id(rating.id).evidence == ""
    assert KeptForm.select().count() == 1  # ... but kept

    sign_in_again(lead_client, people["lead_a"].email)
    page = lead_client.get("/resume").get_data(as_text=True)
    assert "Your changes were kept" in page and html.escape(EVIDENCE).split("\n")[0] in page
    response = resend(lead_client)
    assert response.status_code == 302 and response.location == f"/section11/returns/{return_a.id}"
    saved = Rating.get_by_id(rating.id)
    assert (saved.rag, saved.evidence, saved.updated_by_id) == ("A", EVIDENCE, people["lead_a"].id)


@pytest.mark.parametrize("htmx", [True, False], ids=["autosave", "save-and-continue"])
def test_csrf_expiry_in_the_middle_of_a_self_assessment_loses_nothing_typed(
    lead_client, people, return_a, htmx
):
    rating = ratings_of(return_a)[0]
    response = lead_client.post(
        f"/section11/ratings/{rating.id}",
        _rating_post(rating, csrf_token="from-an-older-session"),
        htmx=htmx,
    )
    assert_sent_to_resume(response, htmx)
    assert Rating.get_by_id(rating.id).evidence == ""
    assert resend(lead_client).status_code == 302
    assert Rating.get_by_id(rating.id).evidence == EVIDENCE


def test_a_kept_self_assessment_sent_after_someone_else_saved_shows_both_versions(
    lead_client, signed_in, people, return_a
):
    """Nothing is lost the other way either: a kept post never silently overwrites what was saved
    meanwhile."""
    rating = ratings_of(return_a)[0]
    idle_for_45_minutes(lead_client)
    lead_client.post(f"/section11/ratings/{rating.id}", _rating_post(rating), htmx=True)
    Rating.update(evidence="Saved by a colleague meanwhile", version=Rating.version + 1).where(
        Rating.id == rating.id
    ).execute()
    sign_in_again(lead_client, people["lead_a"].email)
    page = resend(lead_client).get_data(as_text=True)
    assert (
        "Someone else saved this" in page
        and "Saved by a colleague meanwhile" in page
        and "The audit of twenty cases" in page
    )
    assert Rating.get_by_id(rating.id).evidence == "Saved by a colleague meanwhile"


# Whose it is: a kept form is only ever shown to the person who typed it
# -----------------------------------------


def sign_in_on_the_same_browser(client, email, next_url="/resume"):
    client.refresh_token(f"/sign-in?next={next_url}")
    return client.http.post(
        f"/sign-in?next={next_url}",
        data={"csrf_token": client.token, "email": email, "password": PASSWORD},
    )


def test_someone_else_signing_in_on_the_same_browser_never_sees_it_and_its_owner_still_gets_it(
    lead_client, people, return_a
):
    """A shared computer: Amara's session times out mid-form; Sarah, of another agency, signs in on
    the sign-in page left
    showing, does her work and signs out; Amara signs in again later on the same browser."""
    rating = ratings_of(return_a)[0]
    idle_for_45_minutes(lead_client)
    assert_sent_to_sign_in(
        lead_client.post(f"/section11/ratings/{rating.id}", _rating_post(rating)), htmx=False
    )
    # who was signed in, still known after the idle timeout
    assert KeptForm.get().owner_id == people["lead_a"].id

    response = sign_in_on_the_same_browser(lead_client, people["lead_b"].email)
    # where the page she signed in on was going ...
    assert response.status_code == 302 and response.location == "/resume"
    response = lead_client.get("/resume", follow_redirects=True)
    page = response.get_data(as_text=True)
    # ... but nothing for her
    assert (
        response.request.path == "/"
        and "Your changes were kept" not in page
        and "The audit of twenty cases" not in page
    )
    with lead_client.http.session_transaction() as session:
        assert "kept_form" not in session  # nothing she could send again
    lead_client.refresh_token("/account")
    lead_client.post("/sign-out")

    response = sign_in_on_the_same_browser(lead_client, people["lead_a"].email, next_url="/")
    assert response.status_code == 302 and response.location == "/resume"
    assert resend(lead_client).status_code == 302
    saved = Rating.get_by_id(rating.id)
    assert (saved.evidence, saved.updated_by_id) == (EVIDENCE, people["lead_a"].id)


def test_resume_never_shows_someone_elses_kept_form_even_given_its_token(
    lead_client, signed_in, people, return_a
):
    rating = ratings_of(return_a)[0]
    lead_client.post(
        f"/section11/ratings/{rating.id}", _rating_post(rating, csrf_token="from-an-older-session")
    )
    assert KeptForm.get().owner_id == people["lead_a"].id
    other = signed_in(people["lead_b"])
    with other.http.session_transaction() as session:
        session["kept_form"] = KeptForm.get().token
    response = other.get("/resume")
    assert response.status_code == 302 and response.location == "/"


@pytest.mark.parametrize("htmx", [True, False], ids=["autosave", "save-and-continue"])
def test_a_form_posted_after_the_cookie_has_gone_is_not_kept_and_no_one_is_offered_it(
    lead_client, people, return_a, htmx
):
    """The cookie had gone, so who typed it is unknown: it is not kept (once, it went to the next
    person to sign in on that browser, which let a planted form act with their rights). The
    person is sent to sign in and told it could not be kept."""
    rating = ratings_of(return_a)[0]
    cookie_gone(lead_client)
    response = lead_client.post(f"/section11/ratings/{rating.id}", _rating_post(rating), htmx=htmx)
    if htmx:
        assert response.status_code == 200 and response.headers["HX-Redirect"] == "/sign-in"
    else:
        assert response.status_code == 302 and response.location == "/sign-in"
    assert "it could not be kept" in lead_client.get("/sign-in").get_data(as_text=True)
    assert KeptForm.select().count() == 0
    response = sign_in_on_the_same_browser(lead_client, people["lead_a"].email, next_url="/")
    assert response.location == "/" and lead_client.get("/resume").location == "/"
    assert Rating.get_by_id(rating.id).evidence == ""


def test_an_anonymous_post_planting_a_role_is_not_kept_and_the_next_admin_is_offered_nothing(
    client, people
):
    """An attacker with no cookie posts role=admin for their own account to the admin's form,
    from a page that claims to be this site's: nothing is kept, so the next admin to sign in on
    that browser has nothing to "send again"."""
    target = people["lead_b"]
    planted = {
        "csrf_token": "none",
        "version": str(target.version),
        "name": target.name,
        "email": target.email,
        "role": "admin",
        "max_visits": "2",
        "active": "y",
    }
    response = client.http.post(
        f"/admin/people/{target.id}", data=planted, headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert response.status_code == 302 and "resume" not in response.location
    assert KeptForm.select().count() == 0
    response = sign_in_on_the_same_browser(client, people["admin"].email, next_url="/")
    assert response.location == "/"
    assert client.get("/resume").location == "/"
    assert User.get_by_id(target.id).role == "agency_lead"


def test_an_ownerless_kept_form_planted_in_a_session_is_never_offered(app, client, people):
    """A row kept by an older version with no owner, and a session cookie naming it as waiting
    for "whoever signs in next": neither sign-in nor /resume offers it."""
    KeptForm.create(token="planted", path="/admin/people/9", fields='[["role", "admin"]]')
    client.refresh_token()
    with client.http.session_transaction() as session:
        session["kept_forms"] = {"": "planted"}
    response = sign_in_on_the_same_browser(client, people["admin"].email, next_url="/")
    assert response.location == "/"
    with client.http.session_transaction() as session:
        session["kept_form"] = "planted"
    assert client.get("/resume").location == "/"


@pytest.mark.parametrize(
    "header",
    [{"Sec-Fetch-Site": "cross-site"}, {"Origin": "https://elsewhere.example"}],
    ids=["sec-fetch-site", "origin"],
)
def test_a_form_posted_from_another_site_is_never_kept(client, people, return_a, header):
    """Kept and offered back after signing in, it would let that site choose what "Save my changes"
    sends."""
    rating = ratings_of(return_a)[0]
    response = client.http.post(
        f"/section11/ratings/{rating.id}",
        data=_rating_post(rating, csrf_token="forged"),
        headers=header,
    )
    assert response.status_code == 400 and KeptForm.select().count() == 0


def test_a_form_posted_from_this_site_after_its_session_ended_is_kept(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    ended_elsewhere(lead_client)
    response = lead_client.http.post(
        f"/section11/ratings/{rating.id}",
        data=_rating_post(rating, csrf_token="old"),
        headers={"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
    )
    assert_sent_to_sign_in(response, htmx=False)
    assert KeptForm.select().count() == 1


def test_a_sign_in_form_with_a_dead_token_is_not_kept_so_no_password_is_stored(client, people):
    response = client.http.post(
        "/sign-in?next=/actions",
        data={"csrf_token": "dead", "email": people["admin"].email, "password": PASSWORD},
    )
    assert response.status_code == 302 and response.location == "/sign-in?next=/actions"
    assert KeptForm.select().count() == 0
    assert "That sign-in page had been open too long" in client.get(response.location).get_data(
        as_text=True
    )


def test_password_fields_are_never_kept_and_a_form_of_only_passwords_is_not_kept_at_all(
    admin_client, people
):
    change = {
        "csrf_token": "dead",
        "current_password": PASSWORD,
        "new_password": "kettle river orange",
        "confirm_password": "kettle river orange",
    }
    admin_client.http.post("/account/password", data=change)
    assert KeptForm.select().count() == 0
    person = people["lead_a"]
    admin_client.http.post(
        f"/admin/people/{person.id}",
        data={"csrf_token": "dead", "name": "Amara N", "new_password": "kettle river orange"},
    )
    kept = KeptForm.get()
    assert (
        "Amara N" in kept.fields
        and "kettle" not in kept.fields
        and "new_password" not in kept.fields
    )


# Kept forms cannot fill the disk
# ----------------------------------------------------------------------------------


def test_a_490_kb_post_is_not_kept_but_one_within_256_kb_is(lead_client, return_a):
    rating = ratings_of(return_a)[0]
    huge = _rating_post(rating, csrf_token="dead", evidence="x" * 490 * 1024)
    response = lead_client.post(f"/section11/ratings/{rating.id}", huge)
    assert response.status_code == 400 and KeptForm.select().count() == 0
    within = _rating_post(rating, csrf_token="dead", evidence="x" * 250 * 1024)
    assert_sent_to_resume(lead_client.post(f"/section11/ratings/{rating.id}", within), False)
    assert KeptForm.select().count() == 1


def test_a_fourth_form_from_one_browser_is_not_kept(lead_client, return_a):
    """A new form kept here replaces the one before it; but a browser that keeps sending its old
    cookie back (each time with a form of nothing but a dead token) gets three kept, no more."""
    rating = ratings_of(return_a)[0]
    cookie = lead_client.http.get_cookie("session").value
    responses = []
    for typed in ("one", "two", "three", "four"):
        lead_client.http.set_cookie("session", cookie)
        post = _rating_post(rating, csrf_token="dead", evidence=typed)
        responses.append(lead_client.post(f"/section11/ratings/{rating.id}", post))
    assert [r.status_code for r in responses] == [302, 302, 302, 400]
    assert sorted(json.loads(k.fields)[2][1] for k in KeptForm.select()) == ["one", "three", "two"]
    # the usual way, one after another: each replaces the last, so the browser never runs out
    KeptForm.delete().execute()
    for typed in ("one", "two", "three", "four", "five"):
        post = _rating_post(rating, csrf_token="dead", evidence=typed)
        assert_sent_to_resume(lead_client.post(f"/section11/ratings/{rating.id}", post), False)
    assert [json.loads(k.fields)[2][1] for k in KeptForm.select()] == ["five"]


def test_no_more_than_the_cap_are_kept_from_one_address_counted_by_a_keyed_hash(
    app, signed_in, people, return_a
):
    app.config["KEPT_FORMS_PER_ADDRESS"] = 2
    rating = ratings_of(return_a)[0]
    for person, status in (("lead_a", 302), ("lead_b", 302), ("admin", 400)):
        browser = signed_in(people[person])
        post = _rating_post(rating, csrf_token="dead")
        assert browser.post(f"/section11/ratings/{rating.id}", post).status_code == status
    assert KeptForm.select().count() == 2
    addresses = {k.address for k in KeptForm.select()}
    assert len(addresses) == 1 and "127.0.0.1" not in addresses.pop()


def test_kept_forms_expire_after_a_day_and_flask_purge_deletes_them(app, lead_client, return_a):
    rating = ratings_of(return_a)[0]
    lead_client.post(f"/section11/ratings/{rating.id}", _rating_post(rating, csrf_token="dead"))
    KeptForm.create(token="fresh", path="/", fields="[]")
    KeptForm.update(at=datetime.now() - timedelta(hours=25)).where(
        KeptForm.token != "fresh"
    ).execute()
    assert lead_client.get("/resume").location == "/"  # expired: no longer offered
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 kept forms older than a day." in result.output
    assert "survey responses" in result.output  # every capability's purge, in one command
    assert [k.token for k in KeptForm.select()] == ["fresh"]


# The challenge findings
# ------------------------------------------------------------------------------------------


@pytest.fixture
def visitor(signed_in, people):
    return signed_in(people["reviewer"])


def _finding_post(finding, **typed):
    """What the findings form holds for one standard: each field and the words it was opened with
    (htmx sends it all)."""
    data = {"version": str(finding.version)}
    for name in FIELDS:
        data[name] = data[f"base-{name}"] = getattr(finding, name)
    return {**data, **typed}


@pytest.mark.parametrize(
    "expire", [idle_for_45_minutes, ended_elsewhere], ids=["idle", "elsewhere"]
)
def test_session_expiry_in_the_middle_of_a_findings_autosave_loses_nothing_typed(
    visitor, people, event, expire
):
    finding = findings_of(event)[0]
    visitor.get(f"/challenge/events/{event.id}/findings")
    expire(visitor)
    response = visitor.post(
        f"/challenge/findings/{finding.id}/fields/strengths",
        _finding_post(finding, strengths=STRENGTHS),
        htmx=True,
    )
    assert_sent_to_sign_in(response, htmx=True)
    assert Finding.get_by_id(finding.id).strengths == ""

    sign_in_again(visitor, people["reviewer"].email)
    assert "Supervision notes were current &amp; signed." in visitor.get("/resume").get_data(
        as_text=True
    )
    response = resend(visitor)
    assert (
        response.status_code == 200
        and "Supervision notes were current &amp; signed." in response.get_data(as_text=True)
    )
    saved = Finding.get_by_id(finding.id)
    assert (saved.strengths, saved.updated_by_id) == (STRENGTHS, people["reviewer"].id)


@pytest.mark.parametrize(
    "expire", [idle_for_45_minutes, ended_elsewhere], ids=["idle", "elsewhere"]
)
def test_session_expiry_in_the_middle_of_a_whole_findings_form_loses_nothing_typed(
    visitor, people, event, expire
):
    finding = findings_of(event)[0]
    typed = {
        "agreed_rag": "A",
        "evidence_seen": "Board minutes, four quarters",
        "questions_asked": "Who owns the risk register?",
        "strengths": STRENGTHS,
        "development": "Escalation is slow out of hours",
    }
    expire(visitor)
    assert_sent_to_sign_in(
        visitor.post(f"/challenge/findings/{finding.id}", _finding_post(finding, **typed)),
        htmx=False,
    )

    sign_in_again(visitor, people["reviewer"].email)
    response = resend(visitor)
    assert response.status_code == 302 and response.location.startswith(
        f"/challenge/events/{event.id}/findings"
    )
    saved = Finding.get_by_id(finding.id)
    assert {name: getattr(saved, name) for name in FIELDS} == typed


@pytest.mark.parametrize(
    "url",
    ["/challenge/findings/{id}/fields/strengths", "/challenge/findings/{id}"],
    ids=["autosave", "whole-form"],
)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "no-js"])
def test_csrf_expiry_in_the_middle_of_a_findings_form_loses_nothing_typed(
    visitor, people, event, url, htmx
):
    finding = findings_of(event)[0]
    response = visitor.post(
        url.format(id=finding.id),
        _finding_post(finding, strengths=STRENGTHS, csrf_token="from-an-older-session"),
        htmx=htmx,
    )
    assert_sent_to_resume(response, htmx)
    assert Finding.get_by_id(finding.id).strengths == ""
    assert resend(visitor).status_code in (200, 302)
    assert Finding.get_by_id(finding.id).strengths == STRENGTHS


def test_the_kept_form_reads_back_every_field_in_plain_words():
    from qa.auth.views import readable

    fields = [
        ["version", "3"],
        ["rag", "A"],
        ["evidence", "Audit of twenty cases"],
        ["base-strengths", "old"],
        ["strengths", "Board"],
        ["agreed_rag", "G"],
        ["evidence_seen", "Minutes"],
        ["_validate", "rag"],
    ]
    assert readable(fields) == [
        ("Version of the record when you opened it", "3"),
        ("Rating", "Amber"),
        ("Evidence", "Audit of twenty cases"),
        ("Strengths when you opened the page", "old"),
        ("Strengths", "Board"),
        ("Agreed rating", "Green"),
        ("Evidence seen", "Minutes"),
        ("Only check the field", "rag"),
    ]


def test_the_resume_page_lists_every_field_that_will_be_sent(admin_client, people):
    """What "Save my changes" posts is exactly what the page lists, row for row, and where to."""
    person = people["lead_a"]
    admin_client.post(
        f"/admin/people/{person.id}",
        {
            "csrf_token": "dead",
            "version": str(person.version),
            "name": "Amara N",
            "email": person.email,
            "role": "admin",
            "agency": str(person.agency_id),
            "go": "save",
        },
    )
    page = admin_client.get("/resume").get_data(as_text=True)
    listed = re.findall(
        r'<dt class="govuk-summary-list__key">([^<]*)</dt>'
        r'<dd class="govuk-summary-list__value qa-pre">([^<]*)</dd>',
        page,
    )
    form = page[page.index('<form method="post"') :]
    sent = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form)
    sent = [(name, value) for name, value in sent if name != "csrf_token"]
    assert len(listed) == len(sent) == 6
    assert [value for _, value in listed] == [value for _, value in sent]
    assert ("Role", "admin") in listed and ("Button pressed", "save") in listed
    assert f'will be sent to <span class="qa-pre">/admin/people/{person.id}</span>' in page


def test_the_resume_page_shows_a_rating_in_words(lead_client, people, return_a):
    rating = ratings_of(return_a)[0]
    lead_client.post(
        f"/section11/ratings/{rating.id}", _rating_post(rating, csrf_token="from-an-older-session")
    )
    page = lead_client.get("/resume").get_data(as_text=True)
    assert (
        ">Rating<" in page and ">Amber<" in page and ">Rag<" not in page and ">Version<" not in page
    )
    assert 'name="rag" value="A"' in page  # what is sent again is unchanged
