"""Admin pages for a survey's links.

One per setting, a short /s/<code> address, QR codes and a poster.
"""

from flask import Response, flash, redirect, url_for
from playhouse.flask_utils import get_object_or_404

from qa.forms import ready_to_save
from qa.htmx import render
from qa.pdf import pdf_response, render_pdf
from qa.security import role_required
from qa.surveys import bp, builder, qr, queries, screens
from qa.surveys.forms import LinkForm
from qa.surveys.models import Survey, SurveyLink


def short_url(link):
    return url_for("respond.start", code=link.code, _external=True)


@bp.route("/<int:survey_id>/links", methods=["GET", "POST"])
@role_required("admin")
def links(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    form = LinkForm()
    if ready_to_save(form):
        link = builder.add_link(survey, form.label.data)
        flash(f"Link for ‘{link.label}’ added", "success")
        return redirect(url_for("surveys.links", survey_id=survey.id))
    return render(
        "surveys/links.html",
        survey=survey,
        links=queries.links_of(survey),
        form=form,
        short_url=short_url,
    )


@bp.post("/links/<int:link_id>/close")
@role_required("admin")
def close(link_id):
    link = builder.close_link(get_object_or_404(SurveyLink, SurveyLink.id == link_id))
    flash(f"Link ‘{link.label}’ {'reopened' if link.closed else 'closed'}", "success")
    return redirect(url_for("surveys.links", survey_id=link.survey_id))


@bp.post("/links/<int:link_id>/paper")
@role_required("admin")
def paper(link_id):
    """Type in paper forms through the survey's own screens, in this browser: each is marked as
    paper, and nothing says who typed it."""
    link = get_object_or_404(SurveyLink, SurveyLink.id == link_id)
    screens.set_mode(link.code, "paper")
    return redirect(url_for("respond.start", code=link.code), 303)


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
    link = get_object_or_404(queries.links_with_surveys(), SurveyLink.id == link_id)
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
