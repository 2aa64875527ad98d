"""Choosing the agencies to challenge.

The reasons each might be chosen, the suggested shortlist, and the admin's reasons.
"""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.challenge import bp, queries, scheduling, selection
from qa.challenge.forms import chosen_ids, selection_reasons
from qa.cycles.models import Cycle
from qa.htmx import render
from qa.people.models import Agency
from qa.security import role_required


@bp.get("/cycles/<int:cycle_id>/selection")
@role_required("admin")
def selection_page(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    size = _size(request.args.get("size"))
    candidates = sorted(queries.candidates(cycle), key=lambda c: (-selection.priority(c), c.name))
    suggested = {s.candidate.agency_id: s for s in selection.shortlist(candidates, size)}
    return render(
        "challenge/selection.html",
        "challenge/_candidates.html",
        cycle=cycle,
        size=size,
        candidates=candidates,
        suggested=suggested,
        chosen=queries.chosen_events(cycle),
        reasons=selection.reasons,
        sentence=selection.sentence,
        years_label=selection.years_label,
    )


@bp.post("/cycles/<int:cycle_id>/selection")
@role_required("admin")
def choose(cycle_id):
    """First the ticked agencies come back for a reason each; with every reason given, they are
    chosen."""
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    ids = chosen_ids(request.form)
    picked = [c for c in queries.candidates(cycle) if c.agency_id in ids and not c.chosen]
    if not picked:
        flash("Tick at least one agency that has not been chosen yet", "info")
        return redirect(url_for(".selection_page", cycle_id=cycle.id))
    reasons, missing = selection_reasons(request.form, [c.agency_id for c in picked])
    if "confirm" not in request.form or missing:
        suggested = {c.agency_id: selection.sentence(selection.reasons(c)) for c in picked}
        return render(
            "challenge/selection_reasons.html",
            cycle=cycle,
            picked=picked,
            reasons=reasons,
            suggested=suggested,
            missing=missing if "confirm" in request.form else [],
        )
    agencies = {a.id: a for a in Agency.select().where(Agency.id.in_(ids))}
    events = scheduling.choose(
        cycle, [(agencies[c.agency_id], reasons[c.agency_id]) for c in picked], current_user
    )
    flash(
        f"{len(events)} {'agency' if len(events) == 1 else 'agencies'} chosen for challenge. Now "
        "give each event a date.",
        "success",
    )
    return redirect(url_for(".calendar", cycle_id=cycle.id))


def _size(value):
    return (
        int(value) if value and value.isdigit() and 0 < int(value) <= 30 else selection.DEFAULT_SIZE
    )
