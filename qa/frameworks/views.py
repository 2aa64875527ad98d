"""Admin pages for frameworks of standards and the standards in them."""

from flask import flash, redirect, request, url_for
from peewee import JOIN, IntegrityError, fn
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.db import VersionConflict
from qa.forms import ready_to_save, values
from qa.frameworks import bp
from qa.frameworks.forms import FrameworkForm, StandardForm
from qa.frameworks.models import Framework, Standard
from qa.htmx import render
from qa.security import role_required

FRAMEWORK_LABELS = {"name": "Name", "description": "Description"}
STANDARD_LABELS = {
    "code": "Code",
    "title": "Title",
    "position": "Position",
    "guidance": "Guidance",
    "challenge_prompts": "Challenge prompts",
}


@bp.route("", methods=["GET", "POST"])
@role_required("admin")
def index():
    form = FrameworkForm(data={"version": "1"} if request.method == "GET" else None)
    if ready_to_save(form):
        if Framework.select().where(Framework.name == form.name.data).exists():
            form.name.errors = ["There is already a framework with this name"]
        else:
            framework = editing.create(Framework, values(form, FRAMEWORK_LABELS))
            flash(f"Framework ‘{framework.name}’ added. Now add its standards.", "success")
            return redirect(url_for("frameworks.show", framework_id=framework.id))
    frameworks = (
        Framework.select(Framework, fn.COUNT(Standard.id).alias("standard_count"))
        .join(Standard, on=(Standard.framework == Framework.id), join_type=JOIN.LEFT_OUTER)
        .group_by(Framework.id)
        .order_by(Framework.name)
    )
    return render("frameworks/index.html", frameworks=frameworks, form=form)


@bp.route("/<int:framework_id>", methods=["GET", "POST"])
@role_required("admin")
def show(framework_id):
    framework = get_object_or_404(Framework, Framework.id == framework_id)
    next_position = (
        Standard.select(fn.MAX(Standard.position)).where(Standard.framework == framework).scalar()
        or 0
    ) + 1
    form = StandardForm(
        data={"version": "1", "position": next_position} if request.method == "GET" else None
    )
    if ready_to_save(form):
        try:
            standard = editing.create(
                Standard, values(form, STANDARD_LABELS) | {"framework": framework}
            )
            flash(f"Standard ‘{standard.title}’ added", "success")
            return redirect(url_for("frameworks.show", framework_id=framework.id))
        except IntegrityError:
            form.code.errors = ["Another standard in this framework has this code"]
    standards = Standard.select().where(Standard.framework == framework).order_by(Standard.position)
    return render("frameworks/show.html", framework=framework, standards=standards, form=form)


@bp.route("/standards/<int:standard_id>", methods=["GET", "POST"])
@role_required("admin")
def standard_edit(standard_id):
    standard = get_object_or_404(
        Standard.select(Standard, Framework).join(Framework), Standard.id == standard_id
    )
    form = StandardForm(obj=standard)
    conflict = None
    if ready_to_save(form):
        try:
            editing.update(standard, form.version.data, values(form, STANDARD_LABELS))
            flash(f"Standard ‘{standard.title}’ saved", "success")
            return redirect(url_for("frameworks.show", framework_id=standard.framework_id))
        except VersionConflict as error:
            conflict = editing.conflict_rows(form, error.current, STANDARD_LABELS)
            form.version.data = str(error.current.version)
        except IntegrityError:
            form.code.errors = ["Another standard in this framework has this code"]
    return render("frameworks/standard_form.html", standard=standard, form=form, conflict=conflict)
