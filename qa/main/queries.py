"""What each role's home page says to do next, read from the capabilities' own queries.

Each home costs a fixed number of queries, however many agencies, events or actions there are.
"""

from datetime import date, datetime

from flask import url_for
from peewee import Select, fn

from qa.actions.queries import due_lists, overdue_count
from qa.actions.sources import sources_of
from qa.challenge.queries import needing_attention, upcoming_visits
from qa.cycles.models import Cycle
from qa.db import db
from qa.frameworks.models import Framework, Standard
from qa.meetings.queries import for_home as next_meeting_for
from qa.partnership.models import PartnershipSettings
from qa.people.models import Agency, Sector, User
from qa.reviews import requests as review_requests
from qa.section11.queries import moderation_waiting, return_counts
from qa.section11.queries import summary as return_summary
from qa.surveys.models import Survey
from qa.surveys.review_queries import flags_to_review

# The start-here checklist of a fresh install, in the order the steps are done: (key, title,
# endpoint, what it is for).
STEPS = (
    ("settings", "Name your partnership", "partnership.settings",
     "Its name, contact details and time zone, shown on every page and board report."),
    ("sectors", "Add sectors", "people.sectors",
     "Health, police, education and so on: pairing keeps reviewers out of their own sector."),
    ("agencies", "Add agencies", "people.agencies",
     "Every organisation that sends in a Section 11 return."),
    ("people", "Add people", "people.people",
     "Each agency's safeguarding lead, and the reviewers who visit."),
    ("cycle", "Open an audit cycle", "cycles.index",
     "The year of returns, with the deadline agencies send them in by."),
    ("frameworks", "Check the frameworks and standards", "frameworks.index",
     "The Section 11 standards come ready; add your own framework if you use one."),
    ("surveys", "Make a survey", "surveys.index",
     "Ask children, young people and staff what it is like for them."),
)  # fmt: skip


def _done():
    """Whether each step is done, as the records it makes exist."""
    return {
        "settings": PartnershipSettings.select(),
        "sectors": Sector.select(),
        "agencies": Agency.select(),
        "people": User.select().where(User.role != "admin"),
        "cycle": Cycle.select(),
        "frameworks": Standard.select().join(Framework).where(Framework.active == True),
        "surveys": Survey.select(),
    }


def setup_steps():
    """The start-here checklist: each step with whether it is done, in one query."""
    checks = _done()
    columns = [fn.EXISTS(checks[key]).alias(key) for key, *_ in STEPS]
    done = Select(columns=columns).bind(db).dicts().get()
    return [
        {
            "key": key,
            "title": title,
            "href": url_for(endpoint),
            "hint": hint,
            "done": bool(done[key]),
        }
        for key, title, endpoint, hint in STEPS
    ]


# An admin's lists are the whole partnership's: the first few of each, the register has the rest.
SHOWN = {"admin": 5, "agency_lead": 20}


def _actions(user, today):
    """The person's overdue, due-soon and look-back actions, each with where it came from."""
    due = due_lists(user, today, SHOWN[user.role])
    shown = [action for actions in due.values() for action in actions]
    return due, sources_of(shown, user)


def admin_home(user, today):
    """The checklist while any step is undone, and the cycle's progress with each next step."""
    cycle = Cycle.current(today)
    steps = setup_steps()
    context = {"cycle": cycle, "steps": steps, "setting_up": not all(s["done"] for s in steps)}
    if cycle is not None:
        context["progress"] = {
            "returns": return_counts(cycle, today),
            "events": needing_attention(cycle),
            "moderation": moderation_waiting(cycle),
            "flags": flags_to_review(user),
            "overdue_actions": overdue_count(user, today),
        }
    else:  # with a cycle the flags are a line of its progress
        context["flags_waiting"] = flags_to_review(user)
    # An admin on the sub-group may visit agencies too.
    context["visits"] = upcoming_visits(user, datetime.combine(today, datetime.now().time()))
    context["due"], context["sources"] = _actions(user, today)
    context["shown"] = SHOWN[user.role]
    context["evidence_requests"] = review_requests.due(today, limit=SHOWN["admin"])
    context["evidence_request_count"] = review_requests.due_count(today)
    return context


def reviewer_home(user, today):
    """A reviewer's visits to come in date order; for the sub-group, the moderation due too."""
    cycle = Cycle.current(today)
    now = datetime.combine(today, datetime.now().time())
    context = {"cycle": cycle, "visits": upcoming_visits(user, now)}
    if user.subgroup_member and cycle is not None:
        context["moderation"] = moderation_waiting(cycle)
    if user.subgroup_member:
        context["evidence_requests"] = review_requests.due(today, limit=SHOWN["admin"])
        context["evidence_request_count"] = review_requests.due_count(today)
    return context


def lead_home(user, today):
    """The lead's return (its state, deadline and the one button to it) and their actions."""
    cycle = Cycle.current(today)
    context = {"cycle": cycle}
    if cycle is not None and user.agency is not None:
        context["section11"] = return_summary(user.agency, cycle)
        context["overdue"] = bool(cycle.deadline) and today > cycle.deadline
    context["due"], context["sources"] = _actions(user, today)
    context["shown"] = SHOWN[user.role]
    context["evidence_requests"] = review_requests.for_person(user, today)
    return context


def home_for(user, today=None):
    """Everything the person's home page shows."""
    today = today or date.today()
    meeting = next_meeting_for(user)  # the sub-group's next meeting, if they are to be there
    if user.is_admin:
        return {**admin_home(user, today), "next_meeting": meeting}
    context = lead_home(user, today) if user.role == "agency_lead" else reviewer_home(user, today)
    # Those the survey settings name to review children's written answers see how many wait.
    return {**context, "flags_waiting": flags_to_review(user), "next_meeting": meeting}
