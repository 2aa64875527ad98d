"""The partnership's list of review themes, kept by the admin."""

from flask import flash, redirect, request, url_for
from playhouse.flask_utils import get_object_or_404

from qa import editing
from qa.forms import ready_to_save, values
from qa.htmx import render
from qa.reviews import bp, queries
from qa.reviews.forms import ThemeForm
from qa.reviews.models import Theme
from qa.security import role_required

LABELS = {"name": "Theme", "active": "Offered for new reviews"}


def _name_taken(form, theme_id=None):
    if queries.name_taken(form.name.data, theme_id):
        form.name.errors = list(form.name.errors) + ["There is already a theme with this name"]
        return True
    return False


def _save(theme, form):
    if _name_taken(form, theme.id):
        return None
    return editing.save_form(theme, form, LABELS)


@bp.route("/themes", methods=["GET", "POST"])
@role_required("admin")
def themes():
    form = ThemeForm(data={"version": "1", "active": True} if request.method == "GET" else None)
    if ready_to_save(form) and not _name_taken(form):
        theme = editing.create(Theme, values(form, ("name",)), f"Added the theme {form.name.data}")
        flash(f"Theme “{theme.name}” added", "success")
        return redirect(url_for("reviews.themes"), 303)
    return render("reviews/themes.html", form=form, themes=queries.themes())


@bp.route("/themes/<int:theme_id>", methods=["GET", "POST"])
@role_required("admin")
def theme_edit(theme_id):
    theme = get_object_or_404(Theme, Theme.id == theme_id)
    return editing.edit_page(
        theme,
        ThemeForm(obj=theme),
        LABELS,
        "reviews/theme.html",
        done=url_for("reviews.themes"),
        saved="Theme “{obj.name}” saved",
        save=_save,
        theme=theme,
    )
