"""Email through a real SMTP server (aiosmtpd on loopback, issue 16): a reminder and the test email
arrive, over plain SMTP, STARTTLS with a login, and implicit TLS; a refusal is one plain line."""

import email
import email.policy
import ssl
import subprocess
from datetime import date, timedelta

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from qa.actions.models import Action
from tests.proxy_helpers import free_port

USER, PASSWORD = "qa-mailer", "mail password 1"


class Inbox:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope)
        return "250 OK"


def check_login(server, session, envelope, mechanism, auth_data):
    right = (auth_data.login, auth_data.password) == (USER.encode(), PASSWORD.encode())
    return AuthResult(success=right, handled=False)  # not handled: the server answers 535


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, trusted through SSL_CERT_FILE in the tests."""
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem")]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return folder / "cert.pem", context


@pytest.fixture
def smtp_server():
    """Start one server; returns (inbox, port) and stops it after the test."""
    started = []

    def start(**options):
        inbox, port = Inbox(), free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
        controller.start()
        started.append(controller)
        return inbox, port

    yield start
    for controller in started:
        controller.stop()


def smtp_settings(app, port, security="none", **more):
    app.config.update(
        {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_SECURITY": security}
        | {"SMTP_USER": None, "SMTP_PASSWORD": None, "SMTP_FROM": "qa@partnership.example"}
        | more
    )


def test_a_reminder_arrives_at_a_real_smtp_server(app, people, cycles, smtp_server):
    inbox, port = smtp_server()
    Action.create(
        agency=people["agency_a"],
        cycle=cycles["this"],
        description="Refresh the safer recruitment audit",
        owner="Head of quality",
        due=date.today() - timedelta(days=4),
        status="open",
    )
    smtp_settings(app, port)
    result = app.test_cli_runner().invoke(args=["reminders"])
    assert result.exit_code == 0, result.output
    assert "Sent to lead.a@example.org" in result.output
    [mail] = inbox.received
    assert mail.mail_from == "qa@partnership.example" and mail.rcpt_tos == ["lead.a@example.org"]
    message = email.message_from_bytes(mail.content, policy=email.policy.default)
    assert message["Subject"] == "1 overdue safeguarding action"
    text = message.get_content()
    assert "Refresh the safer recruitment audit" in text and "4 days ago" in text


def test_the_test_email_arrives_over_starttls_with_a_login(
    app, smtp_server, certificate, monkeypatch
):
    cert, context = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the server's certificate is verified
    inbox, port = smtp_server(
        tls_context=context, require_starttls=True, authenticator=check_login, auth_required=True
    )
    smtp_settings(app, port, "starttls", SMTP_USER=USER, SMTP_PASSWORD=PASSWORD)
    result = app.test_cli_runner().invoke(args=["send-test-email", "manager@partnership.example"])
    assert result.exit_code == 0, result.output
    [mail] = inbox.received
    assert mail.rcpt_tos == ["manager@partnership.example"]
    message = email.message_from_bytes(mail.content, policy=email.policy.default)
    assert "This is a test email from qa" in message.get_content()


def test_the_test_email_arrives_over_implicit_tls(app, smtp_server, certificate, monkeypatch):
    cert, context = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    inbox, port = smtp_server(ssl_context=context)
    smtp_settings(app, port, "tls")
    result = app.test_cli_runner().invoke(args=["send-test-email", "manager@partnership.example"])
    assert result.exit_code == 0, result.output
    assert len(inbox.received) == 1


def test_an_untrusted_certificate_is_one_plain_line(app, smtp_server, certificate):
    _cert, context = certificate
    inbox, port = smtp_server(tls_context=context)
    smtp_settings(app, port, "starttls")
    result = app.test_cli_runner().invoke(args=["send-test-email", "manager@partnership.example"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "CERTIFICATE_VERIFY_FAILED" in result.output  # a self-signed server is not trusted
    assert inbox.received == []


def test_a_wrong_password_is_one_plain_line(app, smtp_server, certificate, monkeypatch):
    cert, context = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    inbox, port = smtp_server(tls_context=context, authenticator=check_login, auth_required=True)
    smtp_settings(app, port, "starttls", SMTP_USER=USER, SMTP_PASSWORD="wrong")
    result = app.test_cli_runner().invoke(args=["send-test-email", "manager@partnership.example"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"Could not send email through 127.0.0.1:{port} (starttls)" in result.output
    assert "535" in result.output and inbox.received == []


def test_without_a_mail_server_the_test_email_says_what_to_set(app):
    app.config["SMTP_HOST"] = None
    result = app.test_cli_runner().invoke(args=["send-test-email", "manager@partnership.example"])
    assert result.exit_code == 1 and "set QA_SMTP_HOST" in result.output
