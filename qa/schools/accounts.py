"""Settings' own accounts: a designated safeguarding lead asks for one; an admin approves it, or
it is approved at once when the email's domain is allowed; the lead sets a password through a
one-time link sent to that email. Accounts of settings end some days after each year's deadline
when the partnership says so. Every write is audited; nothing says whether an email has an
account."""

import hashlib
import logging
import secrets
from datetime import datetime, timedelta

from flask import current_app, url_for

from qa import audit, mail
from qa.cycles.models import Cycle
from qa.db import db
from qa.people.models import Agency, User
from qa.schools import queries, rules
from qa.schools.models import AccountRequest, Setting
from qa.security import forget_account_attempts, hash_password

log = logging.getLogger("qa.schools")

LINK_LIFETIME = timedelta(days=7)
WINDOW = timedelta(hours=1)
PER_ADDRESS = 5  # requests from one address in WINDOW
PER_EMAIL = 3  # requests for one email in a day


class Refused(Exception):
    """The request cannot be approved (the email has an account of another kind)."""


def link_hash(token):
    return hashlib.sha256((token or "").encode()).hexdigest()


def too_many(email, address):
    """Whether this address, or this email, has asked too often lately (known email or not)."""
    now = datetime.now()
    recent = AccountRequest.select()
    by_address = recent.where(
        (AccountRequest.address == address) & (AccountRequest.asked_at > now - WINDOW)
    ).count()
    by_email = recent.where(
        (AccountRequest.email == email) & (AccountRequest.asked_at > now - timedelta(days=1))
    ).count()
    return by_address >= PER_ADDRESS or by_email >= PER_EMAIL


def ask(setting, name, email, address):
    """Record a lead's request; approve it at once when the email's domain is allowed and email
    can be sent. False when throttled. Says nothing of whether the email has an account."""
    email = email.strip().lower()
    link = None
    with db.atomic("IMMEDIATE"):
        if too_many(email, address):
            audit.record(
                None,
                "refused",
                None,
                f"Too many account requests ({email})",
                object_type="AccountRequest",
            )
            return False
        request = AccountRequest.create(
            setting=setting.id, name=name.strip()[:255], email=email, address=address
        )
        audit.record(
            None,
            "asked for an account",
            request,
            f"{request.name} asked for an account for {setting.agency.name}",
        )
        allowed = (
            rules.domains(setting.allowed_domains),
            rules.domains(queries.account_settings().allowed_domains),
        )
        if mail.configured(current_app.config) and rules.domain_allowed(email, *allowed):
            try:
                link = approve_in_transaction(request, None, "automatic")
            except Refused:
                link = None  # an admin decides: the email has another kind of account
    if link:
        send_link(request, link)
    return True


def approve_in_transaction(request, who, how):
    """Make or renew the lead's account for the request's setting; the one-time link's token."""
    setting = Setting.select(Setting, Agency).join(Agency).where(Setting.id == request.setting_id)
    setting = setting.get()
    user = User.get_or_none(User.email == request.email)
    if user is None:
        user = User.create(
            email=request.email, name=request.name, role="agency_lead", agency=setting.agency_id
        )
        audit.record(who, "created", user, f"Account for {request.name} of {setting.agency.name}")
    elif user.role != "agency_lead" or user.agency_id != setting.agency_id:
        raise Refused(f"{request.email} already has an account that is not this setting's")
    token = secrets.token_urlsafe(32)
    now = datetime.now()
    AccountRequest.update(
        status="approved",
        how=how,
        decided_at=now,
        decided_on=now.date(),
        decided_by=getattr(who, "id", None),
        user=user.id,
        link_hash=link_hash(token),
        link_expires=now + LINK_LIFETIME,
    ).where(AccountRequest.id == request.id).execute()
    words = "automatically: the email's domain is allowed" if how == "automatic" else "by an admin"
    audit.record(
        who,
        "approved",
        request,
        f"Account of {request.name} ({setting.agency.name}) approved {words}",
    )
    return token


def decide(who, request_id, approve):
    """An admin's decision on a pending request: (link or None, problem or None). The link is
    emailed when email is set up, else given back to be passed on."""
    with db.atomic("IMMEDIATE"):
        request = AccountRequest.get_or_none(
            (AccountRequest.id == request_id) & (AccountRequest.status == "pending")
        )
        if request is None:
            return None, "That request has already been decided"
        if not approve:
            AccountRequest.update(
                status="refused", decided_at=datetime.now(), decided_by=who.id
            ).where(AccountRequest.id == request.id).execute()
            audit.record(who, "refused", request, f"Refused the account request of {request.name}")
            return None, None
        try:
            link = approve_in_transaction(request, who, "admin")
        except Refused as why:
            return None, str(why)
    return (None if send_link(request, link) else link_url(link)), None


def link_url(token):
    return url_for("schools.set_password", token=token, _external=True)


def send_link(request, token):
    """Email the one-time link; False when email is not set up or could not be sent."""
    config = current_app.config
    if not mail.configured(config):
        return False
    body = (
        f"Hello {request.name},\n\nYour account for the safeguarding partnership's returns is "
        f"ready. Set your password within {LINK_LIFETIME.days} days here:\n\n{link_url(token)}\n\n"
        "If you did not ask for an account, you can ignore this email."
    )
    try:
        mail.send_all(
            config, [mail.message(config, request.email, "Set your password", body)], echo=log.info
        )
    except mail.MailError as error:
        log.warning("Account link not sent: %s", error)
        return False
    return True


def link_request(token):
    """The approved request whose one-time link this is, while it is valid; else None."""
    return AccountRequest.get_or_none(
        (AccountRequest.link_hash == link_hash(token))
        & (AccountRequest.link_expires > datetime.now())
    )


def set_password(token, password):
    """Set the account's password through its one-time link (used up); the User, or None when
    the link is not valid."""
    with db.atomic("IMMEDIATE"):
        request = link_request(token)
        if request is None or request.user_id is None:
            return None
        user = User.get_by_id(request.user_id)
        User.update(password_hash=hash_password(password)).where(User.id == user.id).execute()
        user.end_sessions()
        forget_account_attempts(user.email)
        AccountRequest.update(link_hash=None, link_expires=None).where(
            AccountRequest.id == request.id
        ).execute()
        audit.record(user, "set password", user, f"{user.name} set their password from the link")
    return user


def refusal(user, today):
    """Why a setting's lead may not sign in (their account ended after the deadline), or None.
    Declared as the capability's sign-in check."""
    if user.role != "agency_lead" or user.agency_id is None:
        return None
    rules_here = queries.account_settings()
    if not rules_here.accounts_expire:
        return None
    setting = Setting.get_or_none(Setting.agency == user.agency_id)
    if setting is None:
        return None
    approved = (
        AccountRequest.select(AccountRequest.decided_on)
        .where((AccountRequest.user == user.id) & (AccountRequest.status == "approved"))
        .order_by(AccountRequest.decided_on.desc())
        .scalar()
    ) or user.created_at.date()
    deadlines = [d for (d,) in Cycle.select(Cycle.deadline).tuples()]
    ends = rules.expires_on(approved, deadlines, rules_here.days_after_deadline)
    if ends is None or today <= ends:
        return None
    return (
        f"Your account for {setting.agency.name} ended on {ends:%-d %B %Y}, "
        f"{rules_here.days_after_deadline} days after the deadline for returns. To renew it, "
        f"ask for an account again at {url_for('schools.ask_account', _external=True)}"
    )


def save_rules(who, allowed_domains, accounts_expire, days):
    """Save the partnership's rules for settings' accounts, audited."""
    with db.atomic("IMMEDIATE"):
        row = queries.account_settings()
        row.allowed_domains = "\n".join(sorted(rules.domains(allowed_domains)))
        row.accounts_expire, row.days_after_deadline = accounts_expire, days
        row.version = (row.version or 1) + 1
        row.save()
        audit.record(
            who,
            "changed",
            row,
            "Changed the rules for settings' accounts: "
            f"domains {row.allowed_domains.replace(chr(10), ', ') or 'none'}; accounts "
            f"{'end' if accounts_expire else 'do not end'} {days} days after the deadline",
        )


def save_domains(who, setting, allowed_domains):
    """Save the email domains allowed for one setting, audited."""
    with db.atomic("IMMEDIATE"):
        text = "\n".join(sorted(rules.domains(allowed_domains)))
        Setting.update(allowed_domains=text, version=Setting.version + 1).where(
            Setting.id == setting.id
        ).execute()
        audit.record(
            who,
            "changed",
            setting,
            f"Allowed email domains of {setting.agency.name}: "
            f"{text.replace(chr(10), ', ') or 'none'}",
        )
