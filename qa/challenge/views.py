"""Challenge events: each person's way in, the cycle's calendar and an event's page.

The other routes join this blueprint below.
"""

from flask import redirect, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.challenge import access, bp, queries
from qa.challenge.forms import VisitorForm
from qa.cycles.models import Cycle
from qa.htmx import render
from qa.section11 import voices
from qa.security import role_required


@bp.get("")
@role_required()
def home():
    """Admins go to this cycle's calendar; a reviewer sees their visits; an agency lead their
    agency's events."""
    if current_user.is_admin:
        return redirect(url_for(".calendar", cycle_id=Cycle.asked(None).id))
    if current_user.role == "reviewer":
        return render("challenge/visits.html", events=queries.visits_of(current_user))
    return render("challenge/ours.html", events=queries.agency_events(current_user.agency_id))


@bp.get("/cycles/<int:cycle_id>")
@role_required("admin")
def calendar(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    months, undated, cancelled = queries.by_month(queries.cycle_events(cycle))
    return render(
        "challenge/calendar.html",
        cycle=cycle,
        cycles=Cycle.newest_first(),
        months=months,
        undated=undated,
        cancelled=cancelled,
    )


@bp.get("/events/<int:event_id>")
@role_required()
def event(event_id):
    event = access.event_for(event_id)
    return render("challenge/event.html", **event_page(event))


def event_page(event, **context):
    """Everything the event page shows; admins also get the form to assign a visitor."""
    visitors, overrides = queries.event_detail(event)
    if current_user.is_admin:
        context.setdefault("visitor_form", VisitorForm(formdata=None))
    context.setdefault("clashes", None)
    own = access.is_own_agency(current_user, event)
    prompts = queries.prompts_for(event) if own else []
    # What the agency's staff said goes to the visitors (to ask about) and admins; its lead has
    # their own staff survey page.
    staff_said = (
        []
        if own
        else sorted(
            voices.for_event(event).items(), key=lambda item: (not item[1].flagged, item[0])
        )
    )
    return {
        "event": event,
        "visitors": visitors,
        "overrides": overrides,
        "prompts": prompts,
        "staff_said": staff_said,
        "is_visitor": any(v.user_id == current_user.id for v in visitors),
        **context,
    }
