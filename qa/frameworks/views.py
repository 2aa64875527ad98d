"""Admin pages for frameworks of standards and the standards in them."""

from flask import flash, redirect, request, url_for
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.forms import ready_to_save
from qa.frameworks import bp, queries, standards
from qa.frameworks.forms import FrameworkForm, StandardForm
from qa.frameworks.models import Framework, Standard
from qa.htmx import render
from qa.security import role_required


@bp.route("", methods=["GET", "POST"])
@role_required("admin")
def index():
    form = FrameworkForm(data={"version": "1"} if request.method == "GET" else None)
    if ready_to_save(form) and (framework := standards.add_framework(form)):
        flash(f"Framework ‘{framework.name}’ added. Now add its standards.", "success")
        return redirect(url_for("frameworks.show", framework_id=framework.id))
    frameworks = queries.with_standard_counts()
    return render("frameworks/index.html", frameworks=frameworks, form=form)


@bp.route("/<int:framework_id>", methods=["GET", "POST"])
@role_required("admin")
def show(framework_id):
    framework = get_object_or_404(Framework, Framework.id == framework_id)
    opened = {"version": "1", "position": queries.next_position(framework)}
    form = StandardForm(data=opened if request.method == "GET" else None)
    if ready_to_save(form) and (standard := standards.add_standard(framework, form)):
        flash(f"Standard ‘{standard.title}’ added", "success")
        return redirect(url_for("frameworks.show", framework_id=framework.id))
    return render(
        "frameworks/show.html",
        framework=framework,
        standards=queries.standards_of(framework),
        form=form,
    )


@bp.route("/standards/<int:standard_id>", methods=["GET", "POST"])
@role_required("admin")
def standard_edit(standard_id):
    standard = get_object_or_404(queries.standard_with_framework(), Standard.id == standard_id)
    return editing.edit_page(
        standard,
        StandardForm(obj=standard),
        standards.STANDARD_LABELS,
        "frameworks/standard_form.html",
        done=url_for("frameworks.show", framework_id=standard.framework_id),
        saved="Standard ‘{obj.title}’ saved",
        save=standards.save_standard,
        standard=standard,
    )
