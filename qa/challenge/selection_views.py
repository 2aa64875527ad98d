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
from qa.ids import parse_id
from qa.security import role_required


@bp.get("/cycles/<int:cycle_id>/selection")
@role_required("admin")
def selection_page(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    size = _size(request.args.get("size"))
    return render(
        "challenge/selection.html", "challenge/_candidates.html", **shortlist_page(cycle, size)
    )


def shortlist_page(cycle, size):
    """What the selection page shows: every candidate by priority, the `size` suggested."""
    candidates = sorted(queries.candidates(cycle), key=lambda c: (-selection.priority(c), c.name))
    suggested = {s.candidate.agency_id: s for s in selection.shortlist(candidates, size)}
    return {
        "cycle": cycle,
        "size": size,
        "candidates": candidates,
        "suggested": suggested,
        "chosen": queries.chosen_events(cycle),
        "reasons": selection.reasons,
        "sentence": selection.sentence,
        "years_label": selection.years_label,
    }


@bp.post("/cycles/<int:cycle_id>/selection")
@role_required("admin")
def choose(cycle_id):
    """First the ticked agencies come back for a reason each; with every reason given, they are
    chosen."""
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    picked = queries.not_yet_chosen(cycle, chosen_ids(request.form))
    if not picked:
        flash("Tick at least one agency that has not been chosen yet", "info")
        return redirect(url_for(".selection_page", cycle_id=cycle.id))
    reasons, missing = selection_reasons(request.form, [c.agency_id for c in picked])
    confirmed = "confirm" in request.form
    if not confirmed or missing:
        return render(
            "challenge/selection_reasons.html",
            **reasons_page(cycle, picked, reasons, missing if confirmed else []),
        )
    events = scheduling.choose_by_id(cycle, reasons, current_user)
    flash(f"{_agencies(len(events))} chosen for challenge. Now give each event a date.", "success")
    return redirect(url_for(".calendar", cycle_id=cycle.id))


def reasons_page(cycle, picked, reasons, missing):
    """The picked agencies back for a reason each, with a suggested one from why they came up."""
    suggested = {c.agency_id: selection.sentence(selection.reasons(c)) for c in picked}
    return {
        "cycle": cycle,
        "picked": picked,
        "reasons": reasons,
        "suggested": suggested,
        "missing": missing,
    }


def _agencies(count):
    return f"{count} {'agency' if count == 1 else 'agencies'}"


def _size(value):
    size = parse_id(value)
    return size if size is not None and size <= 30 else selection.DEFAULT_SIZE
