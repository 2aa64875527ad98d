"""Every route declares who may call it, and the server enforces it for anonymous visitors."""
import re

import pytest

PUBLIC_PREFIXES = ("/sign-in", "/healthz", "/static", "/s/", "/you-said", "/weather")


def rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]


def test_every_route_declares_its_access_rule(app):
    undeclared = [rule.rule for rule in rules(app) if not getattr(app.view_functions[rule.endpoint], "access", None)]
    assert undeclared == [], f"routes without @role_required or @public: {undeclared}"


def _sample_path(rule):
    return re.sub(r"<(?:int:)?[^>]+>", "1", rule.rule)


def test_anonymous_visitor_is_sent_to_sign_in_on_every_protected_route(app, people):
    client = app.test_client()
    for rule in rules(app):
        access = app.view_functions[rule.endpoint].access
        if "public" in access:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(_sample_path(rule), method=method)
            if method == "GET":
                assert response.status_code == 302 and "/sign-in" in response.location, (rule.rule, response.status_code)
            else:
                # A POST without a session has no CSRF token: it is refused, never acted on.
                assert response.status_code in (302, 400), (rule.rule, method, response.status_code)


@pytest.mark.parametrize("role", ["reviewer", "lead_a"])
def test_admin_only_routes_refuse_other_roles(app, people, signed_in, role):
    client = signed_in(people[role])
    for rule in rules(app):
        if app.view_functions[rule.endpoint].access != ("admin",) or "GET" not in rule.methods:
            continue
        response = client.get(_sample_path(rule))
        assert response.status_code in (403, 404), (rule.rule, response.status_code)


def test_no_route_changes_data_on_get(app, people, admin_client):
    from qa.audit import AuditEvent

    before = AuditEvent.select().count()
    for rule in rules(app):
        if "GET" in rule.methods and "public" not in app.view_functions[rule.endpoint].access:
            admin_client.get(_sample_path(rule))
    assert AuditEvent.select().count() == before
