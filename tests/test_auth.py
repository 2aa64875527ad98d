"""Signing in and out: passwords, throttling, sessions, idle timeout, and nothing typed is lost."""

import statistics
import time
from datetime import timedelta

import pytest

from qa.audit import AuditEvent
from qa.auth.models import LoginAttempt
from qa.people.models import User
from qa.security import password_problem
from tests.conftest import PASSWORD, Client


def test_passwords_are_hashed_with_scrypt(lead_client, people):
    """(The people the tests make carry a cheap hash; a password the app sets is scrypt.)"""
    lead_client.post(
        "/account/password",
        {
            "current_password": "correct horse battery",
            "new_password": "kettle river orange",
            "confirm_password": "kettle river orange",
        },
    )
    assert User.get_by_id(people["lead_a"].id).password_hash.startswith("scrypt:")


def test_short_and_common_passwords_are_refused():
    assert "at least 12" in password_problem("short")
    assert "too common" in password_problem("password1234")
    assert "too common" in password_problem("aaaaaaaaaaaaaaa")
    assert password_problem("kettle river orange") is None


def test_sign_in_with_right_password_and_wrong_password(app, people):
    client = Client(app)
    assert client.sign_in(people["admin"].email, "wrong password here").status_code == 200
    response = client.sign_in(people["admin"].email)
    assert response.status_code == 302 and response.location == "/"


def test_sign_in_does_not_follow_an_offsite_next(app, people):
    client = Client(app)
    client.refresh_token()
    response = client.http.post(
        "/sign-in?next=//evil.example/x",
        data={"csrf_token": client.token, "email": people["admin"].email, "password": PASSWORD},
    )
    assert response.location == "/"


@pytest.mark.parametrize(
    "next_url", ["/actions\r\nSet-Cookie: x=1", "/actions\n", "/a\x00b", "/a\x7f"]
)
def test_a_next_with_control_characters_goes_home_instead_of_failing(app, people, next_url):
    """A CR or LF in next= once reached the Location header and gave a 500."""
    client = Client(app)
    client.refresh_token()
    response = client.http.post(
        "/sign-in",
        query_string={"next": next_url},
        data={"csrf_token": client.token, "email": people["admin"].email, "password": PASSWORD},
    )
    assert response.status_code == 302 and response.location == "/"
    # and when already signed in, the sign-in page sends you on
    response = client.http.get("/sign-in", query_string={"next": next_url})
    assert response.status_code == 302 and response.location == "/"


def test_eleventh_failed_attempt_for_one_account_is_refused_with_429_and_logged(app, people):
    client = Client(app)
    for _ in range(10):
        assert client.sign_in(people["admin"].email, "not the password!").status_code == 200
    response = client.sign_in(people["admin"].email)  # even the right password, for now
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)
    assert AuditEvent.select().where(AuditEvent.verb == "sign-in refused").exists()


def test_throttle_counts_live_in_the_database_so_every_process_sees_them(app, people):
    for _ in range(10):
        LoginAttempt.create(key=f"account:{people['admin'].email}")
    # A brand-new client (as if served by another worker process) is refused too.
    assert Client(app).sign_in(people["admin"].email).status_code == 429


def test_throttle_forgets_attempts_older_than_five_minutes(app, people):
    from datetime import datetime

    old = datetime.now() - timedelta(minutes=6)
    for _ in range(10):
        LoginAttempt.create(key=f"account:{people['admin'].email}", at=old)
    assert Client(app).sign_in(people["admin"].email).status_code == 302


def test_session_cookie_is_httponly_and_samesite_lax(app, people):
    client = Client(app)
    client.sign_in(people["admin"].email)
    cookie = client.http.get_cookie("session")
    assert cookie.http_only and cookie.same_site == "Lax"


def test_signing_in_starts_a_new_session(app, people):
    client = Client(app)
    client.refresh_token()
    with client.http.session_transaction() as session:
        session["planted"] = "by an attacker"
    client.sign_in(people["admin"].email)
    with client.http.session_transaction() as session:
        assert "planted" not in session


def test_sign_out_ends_every_session_of_that_person(app, people):
    laptop, phone = Client(app), Client(app)
    laptop.sign_in(people["admin"].email)
    phone.sign_in(people["admin"].email)
    laptop.post("/sign-out")
    assert phone.get("/admin/agencies").status_code == 302


def test_deactivating_a_person_ends_their_sessions(app, people, admin_client):
    lead = Client(app)
    lead.sign_in(people["lead_a"].email)
    assert lead.get("/").status_code == 200
    person = people["lead_a"]
    admin_client.post(
        f"/admin/people/{person.id}",
        {
            "version": person.version,
            "name": person.name,
            "email": person.email,
            "role": "agency_lead",
            "agency": person.agency_id,
            "max_visits": 2,
        },
    )
    assert User.get_by_id(person.id).active is False
    assert lead.get("/").status_code == 302


def test_idle_session_is_signed_out_after_thirty_minutes(app, people, admin_client):
    from datetime import datetime

    with admin_client.http.session_transaction() as session:
        session["seen"] = (datetime.now() - timedelta(minutes=31)).timestamp()
    response = admin_client.get("/admin/agencies")
    assert response.status_code == 302 and "/sign-in" in response.location


def test_a_session_is_signed_out_twelve_hours_after_signing_in_however_active(
    app, people, admin_client
):
    from datetime import datetime

    from qa.config import from_environment

    assert from_environment()["ABSOLUTE_SESSION_LIFETIME"] == timedelta(hours=12)
    with admin_client.http.session_transaction() as session:
        session["signed_in_at"] = (datetime.now() - timedelta(hours=11, minutes=50)).timestamp()
    assert admin_client.get("/admin/agencies").status_code == 200  # active all day: still in
    with admin_client.http.session_transaction() as session:
        session["signed_in_at"] = (datetime.now() - timedelta(hours=12, minutes=1)).timestamp()
    agency = people["agency_a"]
    response = admin_client.post(
        f"/admin/agencies/{agency.id}",
        {"version": agency.version, "name": "Typed at the end of a long day", "active": "y"},
    )
    # signed out, and what was typed is kept, as for the idle timeout
    assert response.status_code == 302 and response.location == "/sign-in?next=/resume"
    page = admin_client.get(response.location).get_data(as_text=True)
    assert "because you signed in 12 hours ago" in page
    assert admin_client.get("/admin/agencies").status_code == 302
    admin_client.sign_in(people["admin"].email)
    assert "Typed at the end of a long day" in admin_client.get("/resume").get_data(as_text=True)


def test_the_absolute_session_lifetime_is_a_setting(app, people, admin_client, monkeypatch):
    from datetime import datetime

    from qa.config import from_environment

    monkeypatch.setenv("QA_SESSION_HOURS", "2")
    monkeypatch.setenv("QA_SECRET_KEY", "test")
    assert from_environment()["ABSOLUTE_SESSION_LIFETIME"] == timedelta(hours=2)
    app.config["ABSOLUTE_SESSION_LIFETIME"] = timedelta(hours=2)
    with admin_client.http.session_transaction() as session:
        session["signed_in_at"] = (datetime.now() - timedelta(hours=3)).timestamp()
    assert admin_client.get("/admin/agencies").status_code == 302


def test_page_carries_the_idle_warning_settings(admin_client):
    html = admin_client.get("/").get_data(as_text=True)
    assert 'data-idle-seconds="1800"' in html and 'data-warning-seconds="300"' in html
    assert 'id="idle-warning"' in html


def test_form_posted_after_idle_timeout_is_kept_and_offered_again_after_sign_in(
    app, people, admin_client
):
    from datetime import datetime

    agency = people["agency_a"]
    with admin_client.http.session_transaction() as session:
        session["seen"] = (datetime.now() - timedelta(minutes=45)).timestamp()
    response = admin_client.post(
        f"/admin/agencies/{agency.id}",
        {
            "version": agency.version,
            "name": "Renamed while away",
            "sector": agency.sector_id,
            "active": "y",
        },
    )
    assert "/sign-in" in response.location and "resume" in response.location
    admin_client.sign_in(people["admin"].email)
    page = admin_client.get("/resume").get_data(as_text=True)
    assert "Renamed while away" in page and f'action="/admin/agencies/{agency.id}"' in page


def test_form_posted_with_a_dead_csrf_token_is_kept_not_lost(app, people, admin_client):
    agency = people["agency_a"]
    response = admin_client.post(
        f"/admin/agencies/{agency.id}",
        {
            "csrf_token": "stale",
            "version": agency.version,
            "name": "Typed before lunch",
            "sector": agency.sector_id,
        },
    )
    assert response.status_code == 302 and response.location.endswith("/resume")
    assert "Typed before lunch" in admin_client.get("/resume").get_data(as_text=True)


def test_csrf_token_has_no_time_limit_so_long_forms_do_not_fail(app):
    assert app.config["WTF_CSRF_TIME_LIMIT"] is None


def test_htmx_post_without_csrf_header_is_refused(app, people, admin_client):
    agency = people["agency_a"]
    response = admin_client.http.post(
        f"/admin/agencies/{agency.id}/active",
        data={"version": agency.version},
        headers={"HX-Request": "true"},
    )
    # refused; what was posted is kept to send again with a token
    assert response.headers.get("HX-Redirect") == "/resume"
    assert User.select().count() and agency.__class__.get_by_id(agency.id).active is True


def test_htmx_post_with_csrf_header_is_accepted(app, people, admin_client):
    agency = people["agency_a"]
    response = admin_client.http.post(
        f"/admin/agencies/{agency.id}/active",
        data={"version": agency.version},
        headers={"HX-Request": "true", "X-CSRFToken": admin_client.token},
    )
    assert response.status_code == 200
    assert agency.__class__.get_by_id(agency.id).active is False


def test_htmx_request_after_session_ends_is_told_to_navigate_to_sign_in(app, people):
    response = app.test_client().get("/admin/agencies?q=x", headers={"HX-Request": "true"})
    assert "/sign-in" in response.headers["HX-Redirect"]


def test_no_default_admin_exists_without_the_demo(app):
    assert User.select().count() == 0


def test_static_files_neither_count_as_activity_nor_send_the_session_cookie_again(admin_client):
    """A stylesheet or an icon fetched late must not refresh the idle clock, nor put back a cookie
    the browser dropped."""
    response = admin_client.get("/static/favicon.svg")
    assert response.status_code == 200 and "Set-Cookie" not in response.headers
    assert "Set-Cookie" in admin_client.get("/").headers  # a page does refresh it


# Throttling: the client's address behind a proxy, concurrent guesses, offices, timing -----------


def _proxied_app(app, hops):
    from qa import create_app

    return create_app(
        {
            "DATABASE": app.config["DATABASE"],
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "PROXY_COUNT": hops,
        }
    )


def _addresses_counted():
    return {row.key for row in LoginAttempt.select() if row.key.startswith("address:")}


def test_behind_one_trusted_proxy_the_throttle_counts_the_forwarded_address(app, people):
    client = Client(_proxied_app(app, 1))
    client.http.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.7"
    assert client.sign_in(people["admin"].email, "not the password!").status_code == 200
    assert _addresses_counted() == {"address:203.0.113.7"}


def test_with_no_trusted_proxy_a_forged_forwarded_address_is_ignored(app, people):
    client = Client(app)  # QA_PROXY_COUNT is 0 by default
    assert app.config["PROXY_COUNT"] == 0
    client.http.environ_base["HTTP_X_FORWARDED_FOR"] = "203.0.113.7"
    assert client.sign_in(people["admin"].email, "not the password!").status_code == 200
    assert _addresses_counted() == {"address:127.0.0.1"}


def test_concurrent_wrong_guesses_make_no_more_password_checks_than_the_limit(
    app, people, monkeypatch
):
    """Real threads, each its own client and connection, on the test's database file."""
    import threading

    import qa.auth.login
    from qa.security import password_matches

    checks, lock, guesses = [], threading.Lock(), 40
    barrier = threading.Barrier(guesses)

    def counted(password_hash, password):
        with lock:
            checks.append(password)
        time.sleep(0.02)  # as slow as scrypt would be, roughly, so the guesses overlap
        return password_matches(password_hash, password)

    monkeypatch.setattr(qa.auth.login, "password_matches", counted)
    clients = [Client(app) for _ in range(guesses)]
    for client in clients:
        client.refresh_token()
    codes = []

    def guess(client):
        barrier.wait()
        response = client.http.post(
            "/sign-in",
            data={
                "csrf_token": client.token,
                "email": people["admin"].email,
                "password": "a wrong guess!",
            },
        )
        with lock:
            codes.append(response.status_code)

    threads = [threading.Thread(target=guess, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{guesses} concurrent guesses: {len(checks)} password checks, limit 10")
    assert len(checks) <= app.config["LOGIN_ATTEMPTS_ALLOWED"]
    assert sorted(set(codes)) == [200, 429] and len(codes) == guesses


def test_failures_from_an_office_address_do_not_lock_out_a_colleague(app, people):
    app.config["LOGIN_ATTEMPTS_PER_ADDRESS"] = 12
    someone = Client(app)
    for n in range(12):
        someone.sign_in(f"nobody{n}@example.org", "not the password!")
    someone.sign_in(people["admin"].email, "not the password!")
    # a colleague at the same address, with their own right password, signs in
    assert Client(app).sign_in(people["lead_a"].email).status_code == 302
    # the address's failures are refused now: unknown accounts and wrong passwords alike
    assert Client(app).sign_in("nobody@example.org", "not the password!").status_code == 429
    assert Client(app).sign_in(people["peer"].email, "not the password!").status_code == 429
    assert Client(app).sign_in(people["peer"].email).status_code == 302


def test_an_account_under_attack_is_throttled_whatever_the_address(app, people):
    for n in range(10):
        attacker = Client(app)
        attacker.http.environ_base["REMOTE_ADDR"] = f"198.51.100.{n}"
        assert attacker.sign_in(people["admin"].email, "not the password!").status_code == 200
    owner = Client(app)
    owner.http.environ_base["REMOTE_ADDR"] = "192.0.2.1"
    assert owner.sign_in(people["admin"].email).status_code == 429


def test_an_unknown_email_takes_as_long_to_refuse_as_a_wrong_password(app, people):
    from qa.security import hash_password

    User.update(password_hash=hash_password(PASSWORD)).where(
        User.id == people["admin"].id
    ).execute()  # a real scrypt hash, as the app makes them
    client, timings = Client(app), {"unknown": [], "wrong": []}
    client.refresh_token()
    for _ in range(7):
        for which, email in (("unknown", "no.one@example.org"), ("wrong", people["admin"].email)):
            started = time.perf_counter()
            response = client.http.post(
                "/sign-in",
                data={"csrf_token": client.token, "email": email, "password": "a wrong guess!"},
            )
            timings[which].append(time.perf_counter() - started)
            assert response.status_code == 200
    unknown, wrong = (statistics.median(timings[k]) for k in ("unknown", "wrong"))
    print(f"median unknown {unknown * 1000:.0f} ms, wrong password {wrong * 1000:.0f} ms")
    assert 0.5 < unknown / wrong < 2
