"""Hostile input, posted to every form of the app on a demo-sized database.

With extra fields such as `status` or `agency_id` beside them: never a 500 and never an unescaped
payload on any page. That those extra fields change nothing is shown field by field in
tests/test_mass_assignment.py.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa import create_app
from qa.db import db
from qa.reports import builds
from tests.conftest import DEMO_PASSWORD, Client, fresh_database

XSS = '<script>alert("x")</script>'
HOSTILE = [
    XSS,
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "'; DROP TABLE agency; --",
    '=HYPERLINK("http://evil")',
    "\x00nul\x00",
    "x" * 100_000,
    "-1",
    "99999999999999999999999",
    "0",
    "",
    " ",
    "1e309",
    "NaN",
    "true",
    "[]",
    "{}",
    "\ud7ff\ue000 élan 🙂",
    "../../etc/passwd",
    "%00",
    "R",
    "Z",
    "2026-02-31",
    "9999-99-99",
]
EXTRA = {
    "status": "submitted",
    "agency_id": "2",
    "agency": "2",
    "role": "admin",
    "version": "1",
    "id": "1",
    "user_id": "1",
    "locked": "1",
}


@pytest.fixture(scope="module")
def hostile_app(demo_database, tmp_path_factory):
    path = fresh_database(demo_database, tmp_path_factory.mktemp("hostile") / "qa.db")
    app = create_app(
        {
            "DATABASE": str(path),
            "SECRET_KEY": "hostile",
            "TESTING": True,
            "PROPAGATE_EXCEPTIONS": False,
        }
    )
    db.connect(reuse_if_open=True)
    yield app
    # the board report a post started: finish it here, not during other tests
    for thread in list(builds.RUNNING.values()):
        thread.join(120)
    db.close()


@pytest.fixture(scope="module")
def admin(hostile_app):
    client = Client(hostile_app)
    assert client.sign_in("admin@northbrook-scp.example", DEMO_PASSWORD).status_code == 302
    return client


def post_rules(app):
    rules = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if (
            "POST" in rule.methods
            and "public" not in getattr(view, "access", ())
            and rule.endpoint not in ("auth.logout",)
        ):
            rules.append(rule)
    return sorted(rules, key=lambda r: r.rule)


def sample_path(rule):
    return re.sub(r"<(?:int:)?[^>]+>", "1", rule.rule)


def field_names(client, path):
    """The names a real form on that page posts, so the payloads reach the fields that matter."""
    html = client.get(path).get_data(as_text=True)
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', html)) - {
        "csrf_token"
    }
    return sorted(names) or [
        "name",
        "title",
        "description",
        "text",
        "evidence",
        "rag",
        "answer",
        "note",
        "reason",
    ]


def test_every_form_survives_hostile_values(hostile_app, admin):
    seen_unescaped, errors = [], []
    for rule in post_rules(hostile_app):
        path = sample_path(rule)
        names = field_names(admin, path)

        @settings(
            max_examples=4, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
        )
        @given(
            st.lists(
                st.one_of(st.sampled_from(HOSTILE), st.text(max_size=300)),
                min_size=len(names),
                max_size=len(names),
            )
        )
        def post(values):
            data = dict(zip(names, values)) | EXTRA
            response = admin.post(
                path, data, headers={"HX-Request": "true"} if len(values[0]) % 2 else {}
            )
            body = response.get_data(as_text=True)
            if response.status_code >= 500:
                errors.append((path, response.status_code))
            if XSS in body:
                seen_unescaped.append(path)

        post()
    assert errors == [], sorted(set(errors))
    assert seen_unescaped == [], seen_unescaped


def test_pages_never_show_a_stored_payload_unescaped(hostile_app, admin):
    for rule in post_rules(hostile_app):
        admin.post(sample_path(rule), {name: XSS for name in field_names(admin, sample_path(rule))})
    for rule in hostile_app.url_map.iter_rules():
        if "GET" in rule.methods and "<" not in rule.rule and rule.endpoint != "static":
            assert XSS.encode() not in admin.get(rule.rule).data, rule.rule


def test_non_utf8_and_malformed_bodies_never_cause_a_server_error(hostile_app, admin):
    """Raw bytes that are not UTF-8, broken percent-escapes, NULs and a wrong content type, to every
    POST route,
    the public survey screens and sign-in included."""
    from qa.surveys.models import SurveyLink

    code = SurveyLink.select(SurveyLink.code).where(SurveyLink.closed == False).first().code
    bodies = [
        (b"name=\xff\xfe\xfd&answer=%ff%fe&note=\x00\x00", "application/x-www-form-urlencoded"),
        (b"%%%&&&===%zz", "application/x-www-form-urlencoded"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "multipart/form-data; boundary=nothing-here"),
        (b'{"status": "submitted"}', "application/json"),
    ]
    errors, reached = [], 0
    for rule in hostile_app.url_map.iter_rules():
        if "POST" not in rule.methods:
            continue
        path = re.sub(r"<(?:int:)?[^>]+>", "1", rule.rule.replace("<code>", code))
        for body, content_type in bodies:
            response = admin.http.post(
                path, data=body, headers={"Content-Type": content_type, "X-CSRFToken": admin.token}
            )
            if response.status_code >= 500:
                errors.append((path, content_type, response.status_code))
            reached += response.status_code in (200, 302, 303)  # past the CSRF check, into the view
    assert errors == []
    assert reached > 50, reached


HUGE_ID = "99999999999999999999"  # 20 digits: past SQLite's largest integer (2**63 - 1)
ID_ARGUMENTS = (
    "standard",
    "sector",
    "cycle",
    "agency",
    "id",
    "page",
    "survey",
    "framework",
    "link",
    "event",
    "person",
    "owner",
)


def test_ids_too_big_for_sqlite_never_cause_a_server_error(hostile_app, admin):
    """Issue 15: a 20-digit id in every route's path arguments (a 404, by the converter) and in
    every id-like query argument of every page (an ignored filter): never a 500."""
    from qa.surveys.models import SurveyLink

    code = SurveyLink.select(SurveyLink.code).where(SurveyLink.closed == False).first().code
    errors, asked = [], 0
    for rule in hostile_app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint == "auth.logout":
            continue
        path = rule.rule.replace("<code>", code)
        huge = re.sub(r"<int:[^>]+>", HUGE_ID, path)
        one = re.sub(r"<(?:int:)?[^>]+>", "1", path)
        huge = re.sub(r"<[^>]+>", HUGE_ID, huge)
        for method in sorted(rule.methods & {"GET", "POST"}):
            asks = [(huge, {})]
            if method == "GET":
                query = {name: HUGE_ID for name in ID_ARGUMENTS}
                asks += [(one, query)] + [(one, {name: HUGE_ID}) for name in ID_ARGUMENTS]
            for where, query in asks:
                if method == "GET":
                    response = admin.get(where, query_string=query)
                else:
                    response = admin.post(where, {"id": HUGE_ID})
                asked += 1
                if response.status_code >= 500:
                    errors.append((method, where, sorted(query)[:1], response.status_code))
    print(f"\n{asked} requests with a 20-digit id, none a server error" if not errors else "")
    assert errors == [], errors
    assert asked > 500, asked
