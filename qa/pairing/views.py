"""Pairing pages: propose and preview a cycle's pairings, pin or swap a visitor.

Choose by hand with a reason, apply.
"""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.cycles.models import Cycle
from qa.forms import ready_to_save
from qa.htmx import render, wants_fragment
from qa.pairing import apply as applying
from qa.pairing import bp, fairness, inputs, planning, queries
from qa.pairing.data import LEAD, ROLES
from qa.pairing.forms import PinForm, accepted_pairs, shown_pairs
from qa.security import role_required


@bp.get("/cycles/<int:cycle_id>")
@role_required("admin")
def proposal(cycle_id):
    """The proposal for every event still needing visitors: worked out afresh each time, and never
    saved from here."""
    return _proposal(get_object_or_404(Cycle, Cycle.id == cycle_id))


def _before():
    """What the page showed before this re-run, as it sent it back (`before`)."""
    return request.values.get("before", "")


def _proposal(cycle, problems=(), changed=(), focus=None):
    before = shown_pairs(_before())
    plan = planning.propose(cycle, before)
    fair = fairness.fairest(plan) if request.values.get("fair") else None
    rerun = planning.changes(plan, before) if before else None
    return render(
        "pairing/proposal.html",
        "pairing/_proposal.html",
        cycle=cycle,
        plan=plan,
        problems=list(problems),
        changed=list(changed),
        cost_table=planning.COST_TABLE,
        stability_words=planning.STABILITY_WORDS,
        why=planning.why,
        focus=focus,
        rerun=rerun,
        moved={(change.record.id, change.role): change for change in rerun or ()},
        fair=fair,
    )


@bp.post("/cycles/<int:cycle_id>/apply")
@role_required("admin")
def apply(cycle_id):
    cycle = get_object_or_404(Cycle, Cycle.id == cycle_id)
    chosen = accepted_pairs(request.form)
    if not chosen:
        return _proposal(cycle, problems=["Tick at least one pairing to apply"])
    try:
        applying.apply(cycle, chosen, current_user)
    except applying.WorldChanged as error:
        return _proposal(cycle, changed=error.problems)
    count = len(chosen)
    flash(
        f"{count} {'pairing' if count == 1 else 'pairings'} saved. Each visitor's record says it "
        "was proposed by pairing, and why.",
        "success",
    )
    return redirect(url_for(".proposal", cycle_id=cycle.id))


@bp.post("/events/<int:event_id>/pins")
@role_required("admin")
def pin(event_id):
    record = _record(event_id)
    form = PinForm()
    made, problem, breaches = _pin(record, form)
    if made is not None:
        return _after(
            record,
            f"{made.user.name} is pinned as the {made.role}. The proposal was worked out again "
            "around them.",
        )
    if wants_fragment():
        return _proposal(record.cycle, problems=[problem, *breaches])
    if form.role.data not in ROLES:
        abort(404)
    return _choose(record, form.role.data, form, problem, breaches)


def _pin(record, form):
    """Pin whom the form names: (the pin, None, []), or (None, the problem, the rules it breaks in
    words); a rule broken without a reason asks for one beside the reason box."""
    if not ready_to_save(form):
        return None, next(iter(form.errors.values()))[0], []
    try:
        made = planning.pin(
            record.cycle, record.id, form.role.data, form.user.data, form.reason.data, current_user
        )
    except planning.PinError as error:
        if error.breaches:
            form.reason.errors = [str(error)]
        return None, str(error), error.breaches
    return made, None, []


@bp.post("/events/<int:event_id>/pins/<role>/remove")
@role_required("admin")
def unpin(event_id, role):
    record = _record(event_id, role)
    planning.unpin(record.id, role, current_user)
    return _after(record, f"The {role} for {record.agency.name} is no longer pinned.")


@bp.get("/events/<int:event_id>/<role>")
@role_required("admin")
def choose(event_id, role):
    """Everyone who could take the slot: within the rules (cost and why), or breaking one (only with
    a reason)."""
    return _choose(_record(event_id, role), role, PinForm(formdata=None, data={"role": role}))


def _choose(record, role, form, problem=None, breaches=()):
    data = inputs.build(record.cycle)
    event = data.event(record.id)
    if event is None or (record.id, role) in data.saved:
        flash(
            f"{record.agency.name} does not need a {role} chosen here: it has one, or no date yet.",
            "info",
        )
        return redirect(url_for("challenge.event", event_id=record.id))
    return render(
        "pairing/choose.html",
        record=record,
        role=role,
        form=form,
        problem=problem,
        breaches=list(breaches),
        choices=planning.by_hand(data, event, role),
        pin=data.pins.get((record.id, role)),
        why=planning.why,
        before=_before(),
    )


def _record(event_id, role=LEAD):
    if role not in ROLES:
        abort(404)
    return get_object_or_404(queries.event_with_cycle(event_id))


def _after(record, message):
    """After a pin changes: the proposal again for htmx, else back to the page at this event."""
    if wants_fragment():
        # the swap replaces the button pressed: focus goes to its row
        return _proposal(record.cycle, focus=record.id)
    flash(message, "success")
    return redirect(
        url_for(
            ".proposal",
            cycle_id=record.cycle_id,
            before=_before() or None,
            _anchor=f"event-{record.id}",
        )
    )
