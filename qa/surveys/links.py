"""Admin pages for a survey's links.

One per setting, a short /s/<code> address, QR codes and a poster.
"""

from flask import Response, flash, redirect, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import audit, editing
from qa.db import db
from qa.forms import ready_to_save
from qa.htmx import render
from qa.pdf import pdf_response, render_pdf
from qa.security import role_required
from qa.surveys import links_bp as bp
from qa.surveys import qr
from qa.surveys.forms import LinkForm
from qa.surveys.models import Survey, SurveyLink


def short_url(link):
    return url_for("respond.start", code=link.code, _external=True)


@bp.route("/<int:survey_id>/links", methods=["GET", "POST"])
@role_required("admin")
def index(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    form = LinkForm()
    if ready_to_save(form):
        link = editing.create(
            SurveyLink,
            {"survey": survey, "label": form.label.data},
            summary=f"Added the link ‘{form.label.data}’ to {survey.title}",
        )
        flash(f"Link for ‘{link.label}’ added", "success")
        return redirect(url_for("survey_links.index", survey_id=survey.id))
    links = list(
        SurveyLink.select().where(SurveyLink.survey == survey).order_by(SurveyLink.created_at)
    )
    return render("surveys/links.html", survey=survey, links=links, form=form, short_url=short_url)


@bp.post("/links/<int:link_id>/close")
@role_required("admin")
def close(link_id):
    link = get_object_or_404(SurveyLink, SurveyLink.id == link_id)
    with db.atomic("IMMEDIATE"):
        SurveyLink.update(closed=not link.closed).where(SurveyLink.id == link.id).execute()
        audit.record(
            current_user,
            "changed",
            link,
            f"{'Reopened' if link.closed else 'Closed'} the link ‘{link.label}’",
        )
    flash(f"Link ‘{link.label}’ {'reopened' if link.closed else 'closed'}", "success")
    return redirect(url_for("survey_links.index", survey_id=link.survey_id))


@bp.get("/links/<int:link_id>/qr.svg")
@role_required("admin")
def qr_svg(link_id):
    link = get_object_or_404(SurveyLink, SurveyLink.id == link_id)
    return Response(
        qr.svg(short_url(link)), mimetype="image/svg+xml", headers={"Cache-Control": "no-store"}
    )


@bp.get("/links/<int:link_id>/qr.png")
@role_required("admin")
def qr_png(link_id):
    link = get_object_or_404(SurveyLink, SurveyLink.id == link_id)
    headers = {
        "Content-Disposition": f'attachment; filename="survey-{link.code}.png"',
        "Cache-Control": "no-store",
    }
    return Response(qr.png(short_url(link)), mimetype="image/png", headers=headers)


@bp.get("/links/<int:link_id>/poster.pdf")
@role_required("admin")
def poster(link_id):
    link = get_object_or_404(
        SurveyLink.select(SurveyLink, Survey).join(Survey), SurveyLink.id == link_id
    )
    url = short_url(link)
    data = render_pdf(
        "pdf/survey_poster.html",
        link=link,
        survey=link.survey,
        url=url,
        qr_image=qr.png_data_uri(url),
        you_said_url=url_for("respond.you_said", code=link.survey.public_code, _external=True),
    )
    return pdf_response(data, f"survey-poster-{link.label}.pdf")
