"""Accounts from the command line (issue 16): create-admin asks for the password twice, and
reset-password lets a locked-out person back in, audited."""

from qa.audit import AuditEvent
from qa.people.models import User
from tests.conftest import Client

NEW = "kettle river orange"


def test_create_admin_asks_again_when_the_two_passwords_differ(app):
    typed = f"{NEW}\nkettle river orang\n{NEW}\n{NEW}\n"
    result = app.test_cli_runner().invoke(args=["create-admin", "boss@example.org"], input=typed)
    assert result.exit_code == 0, result.output
    assert "Type the password again" in result.output
    assert "The two entered values do not match" in result.output
    assert NEW not in result.output  # hidden as it is typed
    assert Client(app).sign_in("boss@example.org", NEW).status_code == 302


def test_create_admin_stops_when_the_passwords_never_match(app):
    typed = f"{NEW}\nsomething else entirely\n"
    result = app.test_cli_runner().invoke(args=["create-admin", "boss@example.org"], input=typed)
    assert result.exit_code != 0 and User.select().count() == 0


def test_reset_password_lets_a_locked_out_admin_back_in_and_is_audited(app, people):
    admin = people["admin"]
    signed_in = Client(app)
    assert signed_in.sign_in(admin.email).status_code == 302
    locked_out = Client(app)
    for _ in range(10):
        locked_out.sign_in(admin.email, "a forgotten password")
    assert locked_out.sign_in(admin.email, "a forgotten password").status_code == 429
    result = app.test_cli_runner().invoke(
        args=["reset-password", admin.email.upper()], input=f"{NEW}\n{NEW}\n"
    )
    assert result.exit_code == 0, result.output
    assert f"New password set for {admin.email}" in result.output
    assert locked_out.sign_in(admin.email, NEW).status_code == 302  # no longer refused
    assert signed_in.get("/account").status_code == 302  # the old session was ended
    event = AuditEvent.get(AuditEvent.verb == "reset password")
    assert event.object_id == admin.id and "from the command line" in event.summary


def test_reset_password_refuses_an_unknown_email_and_a_weak_password(app, people):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["reset-password", "nobody@example.org"], input=f"{NEW}\n{NEW}\n")
    assert result.exit_code == 1 and "No account has the email address" in result.output
    before = User.get_by_id(people["lead_a"].id).password_hash
    result = runner.invoke(args=["reset-password", people["lead_a"].email], input="short\nshort\n")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert User.get_by_id(people["lead_a"].id).password_hash == before
    assert not AuditEvent.select().where(AuditEvent.verb == "reset password").exists()
