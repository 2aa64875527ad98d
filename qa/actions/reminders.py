"""Reminders of overdue actions.

One message per agency lead (and per owner given as an email address), sent or printed.
"""

import re
from datetime import date

from peewee import JOIN

from qa import mail
from qa.actions.models import LIVE, Action
from qa.capability import reminder_sources
from qa.people.models import Agency, User

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def overdue(today):
    """Live actions past their due date, with their agency (none for a partnership action) and
    responsible officer."""
    return list(
        Action.select(Action, Agency, User)
        .join(Agency, JOIN.LEFT_OUTER)
        .switch(Action)
        .join(User, JOIN.LEFT_OUTER)
        .where(Action.status.in_(LIVE), Action.due < today)
        .order_by(Agency.name, Action.due)
    )


def officer_email(action):
    """The responsible officer's address when they can still be reached, else None."""
    officer = action.responsible_officer if action.responsible_officer_id else None
    return officer.email if officer is not None and officer.active else None


def messages(today=None):
    """[(to, subject, body)]: each agency's active leads get their agency's overdue actions; a
    responsible officer and an owner who is an email address get theirs."""
    today = today or date.today()
    late = overdue(today)
    leads = {}
    for user in User.select().where(
        User.role == "agency_lead",
        User.active == True,
        User.agency.in_({a.agency_id for a in late}),
    ):
        leads.setdefault(user.agency_id, []).append(user.email)
    by_recipient = {}
    for action in late:
        recipients = set(leads.get(action.agency_id, []))
        recipients |= {officer_email(action)} - {None}
        recipients |= {action.owner} if EMAIL.match(action.owner) else set()
        for to in recipients:
            by_recipient.setdefault(to, []).append(action)
    return [
        (
            to,
            f"{len(actions)} overdue safeguarding {'action' if len(actions) == 1 else 'actions'}",
            _body(actions, today),
        )
        for to, actions in sorted(by_recipient.items())
    ]


def _body(actions, today):
    lines = [
        "These actions are past their due date. Please record progress, or mark them done with "
        "evidence, in the action register.",
        "",
    ]
    for action in actions:
        days = (today - action.due).days
        lines.append(
            f"- {action.agency_name}: {action.description.splitlines()[0][:120]} (owner "
            f"{action.owner}; due {action.due:%-d %B %Y}, "
            f"{days} {'day' if days == 1 else 'days'} ago)"
        )
    return "\n".join(lines)


def all_messages(today=None):
    """Every capability's reminders (its `reminders` declaration), the overdue actions' first."""
    today = today or date.today()
    return [each for source in reminder_sources() for each in source(today)]


def send(config, today=None, echo=print):
    """Email every capability's reminders (see Capability.reminders: overdue actions, late data
    returns, reviews' twelve-month requests) when SMTP is configured, otherwise print what would be
    sent. Returns how many."""
    found = all_messages(today)
    if not mail.configured(config):
        for to, subject, body in found:
            echo(f"Would send to {to}: {subject}\n{body}\n")
        echo(f"No SMTP settings (QA_SMTP_HOST): {len(found)} reminders printed, none sent.")
        return len(found)
    if found:
        mail.send_all(config, [mail.message(config, *each) for each in found], echo=echo)
    return len(found)
