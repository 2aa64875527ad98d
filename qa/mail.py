"""Sending email: the one way qa sends it (reminders, the test email), by the SMTP settings."""

import smtplib
import ssl
from email.message import EmailMessage


class MailError(Exception):
    """The mail server could not be reached or refused the message; says which and why."""


def configured(config) -> bool:
    return bool(config.get("SMTP_HOST"))


def message(config, to, subject, body) -> EmailMessage:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = config["SMTP_FROM"], to, subject
    mail.set_content(body)
    return mail


def send_all(config, mails, echo=print):
    """Send every message over one connection: implicit TLS, STARTTLS or (for a server on this
    machine) neither, with a login when QA_SMTP_USER is set. Certificates are verified."""
    host, port, security = config["SMTP_HOST"], config["SMTP_PORT"], config["SMTP_SECURITY"]
    if security not in ("starttls", "tls", "none"):
        raise MailError(f"QA_SMTP_SECURITY is {security!r}: use starttls, tls or none")
    context = ssl.create_default_context()
    try:
        if security == "tls":
            smtp = smtplib.SMTP_SSL(host, port, timeout=30, context=context)
        else:
            smtp = smtplib.SMTP(host, port, timeout=30)
        with smtp:
            if security == "starttls":
                smtp.starttls(context=context)
            if config.get("SMTP_USER"):
                smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
            for mail in mails:
                smtp.send_message(mail)
                echo(f"Sent to {mail['To']}: {mail['Subject']}")
    except (OSError, smtplib.SMTPException) as error:
        raise MailError(
            f"Could not send email through {host}:{port} ({security}): {error}"
        ) from error
