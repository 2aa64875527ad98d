"""Every route declares who may call it.

What each role actually gets, route by route, is tests/test_authorisation_matrix.py.
"""


def test_every_route_declares_its_access_rule(app):
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint != "static"]
    undeclared = [
        rule.rule
        for rule in rules
        if not getattr(app.view_functions[rule.endpoint], "access", None)
    ]
    assert undeclared == [], f"routes without @role_required or @public: {undeclared}"


def test_a_page_refused_for_the_persons_role_is_recorded_as_denied(lead_client, people):
    from qa.audit import AuditEvent

    assert lead_client.get("/admin/people").status_code == 403
    denied = AuditEvent.get(AuditEvent.verb == "denied")
    assert (denied.user_id, denied.object_type, denied.object_id) == (
        people["lead_a"].id,
        "Page",
        None,
    )
    assert "Amara Nwosu (Agency lead) asked for GET /admin/people" == denied.summary


def test_a_refusal_stands_when_the_database_is_too_busy_to_record_it(
    lead_client, monkeypatch, caplog
):
    from peewee import OperationalError

    from qa import audit

    def busy(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(audit, "record", busy)
    assert lead_client.get("/admin/people").status_code == 403
    assert (
        "Could not record a denial: Amara Nwosu (Agency lead) asked for GET /admin/people"
        in caplog.text
    )
