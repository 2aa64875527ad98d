"""The schools overview (completion by phase and locality, non-returners and their reminders),
the heatmap by phase, a later deadline for one setting, and samples for verification visits."""

from flask import flash, redirect, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from qa.cycles.models import Cycle
from qa.forms import ready_to_save
from qa.htmx import render
from qa.ids import parse_id
from qa.schools import bp, chasing_rules, deadlines, sampling, visits
from qa.schools import returns_queries as queries
from qa.schools.models import Setting
from qa.schools.returns_forms import ExtensionForm, SampleForm
from qa.security import role_required, subgroup_only

SUBGROUP = ("admin", "reviewer")
PER_PAGE = 50  # non-returners on a page of the overview


def _cycle():
    return Cycle.asked(request.args.get("cycle", ""))


@bp.get("/")
@role_required(*SUBGROUP)
def overview():
    subgroup_only()
    cycle, page = _cycle(), parse_id(request.args.get("page")) or 1
    rows = queries.progress(cycle)
    late = queries.not_returned(rows)
    return render(
        "schools/overview.html",
        cycle=cycle,
        by_phase=queries.completion(rows, "phase"),
        by_locality=queries.completion(rows, "locality"),
        late=queries.non_returners(cycle, late[(page - 1) * PER_PAGE : page * PER_PAGE]),
        pages=(page, -(-len(late) // PER_PAGE), len(late)),
        signed_off=queries.signed_off_count(cycle),
        stages=chasing_rules.STAGES,
    )


@bp.get("/heatmap")
@role_required(*SUBGROUP)
def heatmap():
    subgroup_only()
    return render("schools/heatmap.html", "schools/_phases.html", **heatmap_context(request.args))


def heatmap_context(args):
    """The heatmap page: the settings' framework chosen (else the most used), phase and locality
    filters, and the map split by phase."""
    cycle, frameworks = _cycle(), queries.setting_frameworks()
    framework = next((f for f in frameworks if str(f.id) == args.get("framework")), None)
    framework = framework or (frameworks[0] if frameworks else None)
    phase, locality = args.get("phase", ""), args.get("locality", "")
    phases, localities = queries.choices()
    found = queries.heatmap_by_phase(cycle, framework, phase, locality) if framework else None
    by_phase, by_locality, shown = found or ([], [], False)
    return {
        "cycle": cycle,
        "framework": framework,
        "frameworks": frameworks,
        "phase": phase,
        "locality": locality,
        "phases": phases,
        "localities": localities,
        "groups": by_phase,
        "by_locality": by_locality,
        "shown": shown,
        "limit": queries.SHOW_LIMIT,
    }


@bp.route("/extend", methods=["GET", "POST"])
@role_required("admin")
def extend():
    cycle, form = _cycle(), ExtensionForm(setting=request.args.get("setting", ""))
    form.setting.choices = [("", "Choose a setting")] + [
        (str(row["id"]), row["name"]) for row in queries.progress(cycle)
    ]
    if ready_to_save(form):
        setting = Setting.get_by_id(parse_id(form.setting.data))
        deadlines.extend(setting, cycle, form.until.data, form.reason.data, current_user)
        flash(
            f"The deadline for {setting.agency.name} is now {form.until.data:%-d %B %Y}", "success"
        )
        return redirect(url_for(".overview", cycle=cycle.id))
    return render("schools/extend.html", cycle=cycle, form=form)


@bp.route("/visits", methods=["GET", "POST"])
@role_required("admin")
def visits_page():
    cycle, form = _cycle(), SampleForm()
    if ready_to_save(form):
        visits.draw_asked(cycle, form, current_user)
        return redirect(url_for(".visits_page", cycle=cycle.id))
    return render(
        "schools/visits.html",
        cycle=cycle,
        form=form,
        samples=visits.samples(cycle),
        weights=sampling.WEIGHTS,
    )


@bp.post("/visits/propose")
@role_required("admin")
def propose_visits():
    """Turn a sample into proposed challenge events (the form names the sample)."""
    problem = None
    if FlaskForm().validate_on_submit():
        problem = visits.propose_asked(parse_id(request.form.get("sample")), current_user)
    flash(
        problem or "The visits are proposed: schedule them on Challenge events",
        "error" if problem else "success",
    )
    return redirect(url_for(".visits_page", cycle=request.args.get("cycle", "")))
