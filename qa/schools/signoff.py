"""Signing off a school's return: the head signs it off, then the chair of governors notes it,
each through a link emailed to them, and a sign-off lapses when the return changes after it.

The link carries a signed, expiring token (itsdangerous, the app's secret key) naming one
SignOff: heads and chairs need no account, and a link is good for one sign-off, for
`LINK_DAYS`, and only while that sign-off is still asked.
"""

from datetime import datetime, timedelta

from flask import current_app, url_for
from itsdangerous import BadSignature, URLSafeTimedSerializer

from qa import audit, mail
from qa.db import db
from qa.frameworks.models import Framework
from qa.schools import signoff_rules
from qa.schools.models import Setting, SignOff, SignOffNeeds
from qa.section11.models import Return

LINK_DAYS = 30
SALT = "schools-sign-off"


class SignOffError(Exception):
    """Why the sign-off cannot be asked or given, in words for the page."""


def needs_of(framework_id) -> list[str]:
    """The sign-offs the framework's returns need, in order (none when it says nothing)."""
    found = SignOffNeeds.get_or_none(SignOffNeeds.framework == framework_id)
    return signoff_rules.needed(found.needs if found else "")


def set_needs(framework, needs, who):
    """Record which sign-offs the framework's returns need from now on ("" none)."""
    with db.atomic("IMMEDIATE"):
        found = SignOffNeeds.get_or_none(SignOffNeeds.framework == framework.id)
        before = found.needs if found else ""
        if found:
            found.needs = needs
            found.save()
        else:
            SignOffNeeds.create(framework=framework.id, needs=needs)
        audit.record(
            who,
            "changed",
            framework,
            f"Set the sign-offs {framework.name} returns need",
            {"sign-offs": [before or "none", needs or "none"]},
        )


def frameworks():
    """Every framework, by name."""
    return list(Framework.select().order_by(Framework.name))


def needs_by_framework() -> dict:
    """Framework id -> the sign-offs its returns need (as stored)."""
    return dict(SignOffNeeds.select(SignOffNeeds.framework, SignOffNeeds.needs).tuples())


def state(ret):
    """The return's sign-offs: what it needs, every sign-off asked (lapsed ones too, latest
    last), those standing, who is next and whether it is complete."""
    needs = needs_of(ret.framework_id)
    asked = list(SignOff.select().where(SignOff.return_ == ret.id).order_by(SignOff.id))
    standing = [s for s in asked if s.withdrawn_at is None]
    signed = {s.role for s in standing if s.signed_at}
    submitted = ret.status == "submitted"
    return {
        "needs": needs,
        "asked": asked,
        "signed": signed,
        "waiting": [s for s in standing if not s.signed_at],
        "next": signoff_rules.next_to_sign(needs, signed, submitted),
        "complete": bool(needs) and signoff_rules.complete(needs, signed, submitted),
    }


def note(ret):
    """The line on the return's page (a section11 `return_notes` hook): where its sign-off
    stands, for a return whose framework needs one."""
    now = state(ret)
    if not now["needs"]:
        return None
    if now["complete"]:
        words = "Sign-off: signed off by the head and noted by the chair of governors"
    elif now["waiting"]:
        words = f"Sign-off: waiting for the {signoff_rules.ROLES[now['waiting'][0].role].lower()}"
    elif now["next"]:
        words = f"Sign-off: the {signoff_rules.ROLES[now['next']].lower()} is to be asked next"
    else:
        words = "Sign-off: the head and the chair of governors sign it off once it is submitted"
    return words, url_for("schools.sign_off_page", return_id=ret.id)


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def token_for(sign_off) -> str:
    return _serializer().dumps(sign_off.id)


def link_for(sign_off) -> str:
    return url_for("schools.sign", token=token_for(sign_off), _external=True)


def links(waiting) -> dict:
    """Sign-off id -> its link, for an admin to send by hand where email is not set up."""
    return {each.id: link_for(each) for each in waiting}


def from_token(token):
    """The SignOff a link names, or None for a link that is not genuine or has expired."""
    try:
        sign_off_id = _serializer().loads(token, max_age=LINK_DAYS * 86400)
    except BadSignature:
        return None
    return SignOff.get_or_none(SignOff.id == sign_off_id) if isinstance(sign_off_id, int) else None


def ask(ret, who):
    """Ask the next person the return needs (head, then chair) to sign off, by email where it is
    configured. Returns (the SignOff, whether the email was sent)."""
    with db.atomic("IMMEDIATE"):
        now = state(Return.get_by_id(ret.id))
        role = now["next"]
        if role is None:
            raise SignOffError(
                "This return needs no sign-off now: it is not submitted, or all "
                "the sign-offs it needs are given."
            )
        _expire(now["waiting"])
        now = state(Return.get_by_id(ret.id))
        if now["waiting"]:
            raise SignOffError(
                f"The {signoff_rules.ROLES[now['waiting'][0].role].lower()} has "
                "already been asked, and has not signed yet."
            )
        setting = Setting.get_or_none(Setting.agency == ret.agency_id)
        email = getattr(setting, f"{role}_email", "") if setting else ""
        if not email:
            raise SignOffError(
                f"No email address is recorded for the "
                f"{signoff_rules.ROLES[role].lower()} of {ret.agency.name}."
            )
        sign_off = SignOff.create(return_=ret.id, role=role, email=email, asked_by=who)
        audit.record(
            who,
            "asked to sign off",
            ret,
            f"Asked the {signoff_rules.ROLES[role].lower()} of {ret.agency.name} "
            f"({email}) to sign off the {ret.cycle.name} return",
        )
    return sign_off, _send(sign_off, ret)


def _send(sign_off, ret) -> bool:
    config = current_app.config
    if not mail.configured(config):
        return False
    role = signoff_rules.ROLES[sign_off.role].lower()
    body = (
        f"{ret.agency.name}'s {ret.cycle.name} safeguarding return (section 175/157) has been "
        f"completed by its designated safeguarding lead. As its {role}, please read it and "
        f"{'sign it off' if sign_off.role == 'head' else 'note it'} here:\n\n{link_for(sign_off)}"
        f"\n\nThe link works for {LINK_DAYS} days."
    )
    mail.send_all(
        config,
        [mail.message(config, sign_off.email, "Safeguarding return: please sign off", body)],
        echo=lambda _: None,
    )
    return True


def _expire(waiting):
    """A link not used within LINK_DAYS no longer works: its sign-off is withdrawn, so it can be
    asked again."""
    cutoff = datetime.now() - timedelta(days=LINK_DAYS)
    for each in waiting:
        if each.asked_at < cutoff:
            SignOff.update(
                withdrawn_at=datetime.now(),
                withdrawn_reason=(f"The link sent on {each.asked_at:%-d %B %Y} expired unused."),
            ).where(SignOff.id == each.id).execute()


def sign(sign_off, name, comment):
    """Record the sign-off with the name typed and today's date; the next person the return
    needs is then asked. Raises SignOffError when the link no longer stands."""
    with db.atomic("IMMEDIATE"):
        current = SignOff.get_by_id(sign_off.id)
        ret = Return.get_by_id(current.return_id)
        if current.withdrawn_at or current.signed_at:
            raise SignOffError(
                "This link has been used, or the return has changed since it "
                "was sent: a new link will be sent when it is ready to sign."
            )
        if state(ret)["next"] != current.role:
            raise SignOffError(
                "This return is not ready to sign off: it has been reopened for "
                "changes. A new link will be sent when it is submitted again."
            )
        current.name, current.comment, current.signed_at = name, comment, datetime.now()
        current.save()
        role = signoff_rules.ROLES[current.role].lower()
        audit.record(
            None,
            signoff_rules.VERBS[current.role],
            ret,
            f"{name}, {role} of {ret.agency.name}, {signoff_rules.VERBS[current.role]} "
            f"the {ret.cycle.name} return",
            object_type="Return",
        )
    if state(ret)["next"]:
        try:
            ask(ret, None)
        except SignOffError:
            pass  # no email for the chair: the sign-off page says who is next
    return current


def sign_asked(sign_off, form):
    """Sign with what the signer typed: None when signed, else why not in words."""
    try:
        sign(sign_off, form.name.data, form.comment.data or "")
    except SignOffError as error:
        return str(error)
    return None


def lapse(return_id, who):
    """The return's answers are changing (a section11 `return_changes` hook, inside the write
    transaction): every sign-off standing or asked lapses, with the reason recorded."""
    standing = list(
        SignOff.select().where((SignOff.return_ == return_id) & SignOff.withdrawn_at.is_null())
    )
    if not standing:
        return
    now = datetime.now()
    for each in standing:
        SignOff.update(
            withdrawn_at=now, withdrawn_reason=signoff_rules.lapse_reason(each.role)
        ).where(SignOff.id == each.id).execute()
    signed = [signoff_rules.ROLES[s.role].lower() for s in standing if s.signed_at]
    audit.record(
        who,
        "sign-off lapsed",
        Return(id=return_id),
        "The return changed after it was signed off, so the sign-off of the "
        f"{' and the '.join(signed) or 'return'} lapsed and is needed again",
    )
