"""The reminders command.

Overdue actions go to their agency's lead (and an owner given as an email); printed without SMTP.
"""

from datetime import date, timedelta

from qa.actions import reminders
from qa.actions.models import Action


def late(agency, cycle, owner="Head of quality", days=3, status="open"):
    return Action.create(
        agency=agency,
        cycle=cycle,
        description=f"Late action for {owner}",
        owner=owner,
        due=date.today() - timedelta(days=days),
        status=status,
    )


def test_without_smtp_it_prints_what_it_would_send(app, people, cycles):
    late(people["agency_a"], cycles["this"])
    result = app.test_cli_runner().invoke(args=["reminders"])
    assert result.exit_code == 0, result.output
    assert "Would send to lead.a@example.org" in result.output and "3 days ago" in result.output
    assert "none sent" in result.output


def test_only_live_overdue_actions_are_reminded(app, people, cycles):
    late(people["agency_a"], cycles["this"], status="done")
    late(people["agency_b"], cycles["this"], owner="inspector@police.example", days=1)
    found = reminders.messages()
    assert [to for to, _, _ in found] == ["inspector@police.example", "lead.b@example.org"]


def test_with_smtp_each_recipient_gets_one_email(app, people, cycles, monkeypatch):
    late(people["agency_a"], cycles["this"])
    late(people["agency_a"], cycles["this"], owner="Named nurse", days=10)
    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout):
            assert (host, port) == ("smtp.example", 25)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def send_message(self, message):
            sent.append(message)

    monkeypatch.setattr("qa.mail.smtplib.SMTP", FakeSMTP)
    smtp = {"SMTP_HOST": "smtp.example", "SMTP_PORT": 25, "SMTP_SECURITY": "none"}
    assert reminders.send(smtp | {"SMTP_FROM": "qa@example.org"}, echo=lambda *_: None) == 1
    assert sent[0]["To"] == "lead.a@example.org" and "2 overdue" in sent[0]["Subject"]
