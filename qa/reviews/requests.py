"""The twelve-month request: a year after a review completed, the responsible officers of its
actions are asked for evidence of completion and impact until they have given it (the action done,
its impact written); the sub-group then decides whether it is assured.

Who is asked: a partnership action's responsible officer; an agency's action's responsible officer
when it has one, else its agency's active leads; an owner written as an email address too. The
`reminders` command sends these with the overdue reminders (the `reminders` declaration).
"""

from datetime import date

from qa.actions.models import Action
from qa.actions.reminders import EMAIL
from qa.people.models import User
from qa.reviews import queries, rules
from qa.reviews.models import Review, ReviewAction


def _due(today, *where):
    return queries.review_actions().where(
        Review.completed_on <= rules.request_cutoff(today),
        ReviewAction.assured.is_null(),
        Action.status != "cancelled",
        *where,
    )


def due(today, *where, limit=None):
    """Review actions due their twelve-month evidence on `today`: their review completed a year
    ago or more, not cancelled, the sub-group not yet decided (narrowed by `where`; the first
    `limit` of them)."""
    ordered = _due(today, *where).order_by(Review.completed_on, Review.reference, Action.id)
    return list(ordered.limit(limit) if limit else ordered)


def due_count(today):
    """How many review actions are waiting for the sub-group a year on."""
    return _due(today).count()


# Evidence given: the action is done and its impact written; it then waits for the sub-group only.
UNANSWERED = ~((Action.status == "done") & (Action.impact != ""))


def for_person(user, today):
    """The requests waiting on this person, until they have given the evidence: as responsible
    officer, or as the lead of an agency whose action has no responsible officer."""
    theirs = Action.responsible_officer == user.id
    if user.role == "agency_lead" and user.agency_id is not None:
        theirs |= Action.responsible_officer.is_null() & (Action.agency == user.agency_id)
    return due(today, theirs, UNANSWERED)


def _asked_ids(link, leads):
    action = link.action
    if action.responsible_officer_id:
        return {action.responsible_officer_id}
    return set(leads.get(action.agency_id, ())) if leads else set()


def messages(today=None):
    """[(to, subject, body)], one a person, listing the review actions they are asked about."""
    today = today or date.today()
    found = due(today, UNANSWERED)
    leads, emails = {}, {}
    agencies = {link.action.agency_id for link in found if not link.action.responsible_officer_id}
    people = User.select().where(
        User.active == True,
        (User.id.in_({link.action.responsible_officer_id for link in found} - {None}))
        | ((User.role == "agency_lead") & User.agency.in_(agencies - {None})),
    )
    for user in people:
        emails[user.id] = user.email
        if user.role == "agency_lead" and user.agency_id is not None:
            leads.setdefault(user.agency_id, []).append(user.id)
    by_recipient = {}
    for link in found:
        recipients = {emails[i] for i in _asked_ids(link, leads) if i in emails}
        owner = link.action.owner
        recipients |= {owner} if EMAIL.match(owner) else set()
        for to in recipients:
            by_recipient.setdefault(to, []).append(link)
    return [
        (to, f"Twelve months on: evidence of impact for {_count(links)}", _body(links))
        for to, links in sorted(by_recipient.items())
    ]


def _count(links):
    return f"{len(links)} review {'action' if len(links) == 1 else 'actions'}"


def _body(links):
    lines = [
        "A year has passed since these reviews were completed. Please record in the action "
        "register the evidence that each action is complete and the difference it has made to "
        "practice. The QA sub-group will then decide whether it is assured.",
        "",
    ]
    for link in links:
        action = link.action
        lines.append(
            f"- {link.review.reference} ({link.review.kind_label}, completed "
            f"{link.review.completed_on:%-d %B %Y}): {action.agency_name}: "
            f"{action.description.splitlines()[0][:120]} (owner {action.owner})"
        )
    return "\n".join(lines)
