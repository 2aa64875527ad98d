"""Who may call each Section 11 route.

Admin, sub-group reviewer, peer reviewer, the agency's own lead, another agency's lead, nobody.

Another agency's lead (or a peer reviewer) asking for a return, rating, document or PDF gets 404,
and the attempt is
in the audit trail as "denied"; so is a 403 for a page that is not for the person's role.
"""

import time

import pytest

from qa.audit import AuditEvent
from tests.conftest import Client, dates
from tests.section11_fixtures import add_action, attach, ratings_of

DENIED = "404 and recorded"
ROLES = ("admin", "reviewer", "peer", "lead_a", "lead_b", "anonymous")


def expect(admin, reviewer, peer, lead_a, lead_b):
    return {
        "admin": admin,
        "reviewer": reviewer,
        "peer": peer,
        "lead_a": lead_a,
        "lead_b": lead_b,
        "anonymous": "sign in",
    }


ROUTES = [
    ("GET", "/section11/return", expect(403, 403, 403, 302, 200)),
    ("POST", "/section11/return/start", expect(403, 403, 403, 302, 302)),
    ("GET", "/section11/returns/{ret}", expect(200, 200, DENIED, 200, DENIED)),
    ("GET", "/section11/returns/{ret}/check", expect(403, 403, 403, 200, DENIED)),
    ("POST", "/section11/returns/{ret}/submit", expect(403, 403, 403, 200, DENIED)),
    ("GET", "/section11/returns/{ret}/pdf", expect(303, 303, DENIED, 303, DENIED)),
    ("GET", "/section11/ratings/{rating}", expect(403, 403, 403, 200, DENIED)),
    ("POST", "/section11/ratings/{rating}", expect(403, 403, 403, 200, DENIED)),
    ("POST", "/section11/ratings/{rating}/documents", expect(403, 403, 403, 200, DENIED)),
    ("GET", "/section11/ratings/{rating}/documents/{doc}", expect(200, 200, DENIED, 200, DENIED)),
    (
        "POST",
        "/section11/ratings/{rating}/documents/{doc}/remove",
        expect(403, 403, 403, 200, DENIED),
    ),
    ("POST", "/section11/ratings/{rating}/actions", expect(403, 403, 403, 200, DENIED)),
    (
        "POST",
        "/section11/ratings/{rating}/actions/{action}/remove",
        expect(403, 403, 403, 200, DENIED),
    ),
    ("GET", "/section11/ratings/{rating}/review", expect(200, 200, DENIED, 403, 403)),
    ("POST", "/section11/ratings/{rating}/review", expect(302, 302, DENIED, 403, 403)),
    ("POST", "/section11/returns/{ret}/reopen", expect(302, 403, 403, 403, 403)),
    ("GET", "/section11/overview", expect(200, 200, 403, 403, 403)),
    ("GET", "/section11/heatmap", expect(200, 200, 403, 403, 403)),
    ("GET", "/section11/export.csv", expect(200, 200, 403, 403, 403)),
    ("GET", "/section11/report.pdf", expect(303, 303, 403, 403, 403)),
]


def _client(app, user):
    """Signed in by session (no password check: these tests are about access, not sign-in)."""
    client = Client(app)
    if user:
        with client.http.session_transaction() as session:
            session.update({"_user_id": user.session_token, "_fresh": True, "seen": time.time()})
        client.refresh_token("/account")
    return client


def _objects(return_a):
    rating = ratings_of(return_a)[0]
    return {
        "ret": return_a.id,
        "rating": rating.id,
        "doc": attach(rating).id,
        "action": add_action(return_a, rating).id,
    }, rating


@pytest.mark.parametrize("method, path, expected", ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
def test_route_answers_each_role_as_it_should(app, people, return_a, method, path, expected):
    wrong = []
    for role in ROLES:
        ids, rating = _objects(return_a)
        url = path.format(**ids)
        client = _client(app, people.get(role))
        denials = AuditEvent.select().where(AuditEvent.verb == "denied").count()
        data = {
            "version": str(rating.version),
            "rag": "G",
            "evidence": "x",
            "moderation_version": str(rating.moderation_version),
            "reason": "r",
            "description": "d",
            "owner": "o",
            **dates(due="2099-01-01"),
        }
        if method == "GET":
            response = client.get(url, headers={"HX-Request": "true"} if "review" in url else {})
        else:
            response = client.post(
                url, data | ({"csrf_token": ""} if role == "anonymous" else {}), htmx=True
            )
        want = expected[role]
        recorded = AuditEvent.select().where(AuditEvent.verb == "denied").count() - denials
        if want == "sign in":
            to_sign_in = "/sign-in" in (
                response.location or response.headers.get("HX-Redirect", "")
            )
            ok = (
                response.status_code in (302, 400)
                and (method == "POST" or to_sign_in)
                or (response.status_code == 200 and to_sign_in)
            )
        elif want == DENIED:
            ok = response.status_code == 404 and recorded == 1
        else:
            ok = response.status_code == want and recorded == (1 if want == 403 else 0)
        if not ok:
            wrong.append((role, want, response.status_code, recorded))
    assert wrong == [], f"{method} {path}: (role, expected, got, denials recorded) {wrong}"


def test_a_denial_says_who_asked_for_what(app, people, return_a):
    client = _client(app, people["lead_b"])
    assert client.get(f"/section11/returns/{return_a.id}").status_code == 404
    event = AuditEvent.get(AuditEvent.verb == "denied")
    assert (event.user_id, event.object_type, event.object_id) == (
        people["lead_b"].id,
        "Return",
        return_a.id,
    )
    assert (
        "Sarah Okafor" in event.summary
        and "Northbrook Hospitals NHS Foundation Trust" in event.summary
    )


def test_a_lead_cannot_reach_another_agencys_return_through_htmx_fragments_either(
    app, people, return_a
):
    rating = ratings_of(return_a)[0]
    client = _client(app, people["lead_b"])
    response = client.post(
        f"/section11/ratings/{rating.id}",
        {"version": "1", "rag": "R", "evidence": "overwritten"},
        htmx=True,
    )
    assert response.status_code == 404 and "overwritten" not in response.get_data(as_text=True)
    assert ratings_of(return_a)[0].evidence == ""
