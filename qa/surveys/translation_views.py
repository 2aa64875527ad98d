"""Other languages: the builder's Translations pages, and the child choosing a language on the
first screen of /s/<code>.
"""

from flask import abort, flash, redirect, request, url_for
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa.forms import ready_to_save
from qa.htmx import render
from qa.security import public, role_required
from qa.surveys import bp, easy_read, languages, queries, screens, translations
from qa.surveys import respond_bp as respond
from qa.surveys.forms import translation_form
from qa.surveys.models import Survey


@respond.app_context_processor
def _translator():
    # `tr` puts each text of a child's screen in the language chosen for the visit.
    return {
        "tr": translations.translator(),
        "languages_offered": translations.complete,
        "english": languages.ENGLISH,
        "easy_picture": easy_read.picture,
        "not_understood_value": easy_read.NOT_UNDERSTOOD,
    }


@bp.get("/<int:survey_id>/translations")
@role_required("admin")
def translations_index(survey_id):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    progress, total = translations.progress(survey, queries.questions_of(survey))
    return render("surveys/translations.html", survey=survey, progress=progress, total=total)


@bp.route("/<int:survey_id>/translations/<language>", methods=["GET", "POST"])
@role_required("admin")
def translation(survey_id, language):
    survey = get_object_or_404(Survey, Survey.id == survey_id)
    chosen = languages.LANGUAGES.get(language) or abort(404)
    texts = translations.texts_of(survey, queries.questions_of(survey))
    given = translations.given_of(survey.id, chosen.code)
    form = _form(texts, given)
    if ready_to_save(form):
        translations.save(survey, chosen, form.posted(), texts, current_user)
        flash(f"{chosen.english} translation saved", "success")
        return redirect(url_for("surveys.translation", survey_id=survey.id, language=language))
    return render("surveys/translation.html", **_page(survey, chosen, form, texts, given))


def _form(texts, given):
    """The translation form, filled in with what is kept when it is not being posted."""
    data = {f"text_{index}": given.get(text.key, ("", ""))[1] for index, text in enumerate(texts)}
    data["note"] = given.get(languages.NOTE, ("", ""))[1]
    return translation_form(texts)(data=None if request.method == "POST" else data)


def _page(survey, language, form, texts, given):
    """The translation page: each text beside its box, and which are missing."""
    return {
        "survey": survey,
        "language": language,
        "form": form,
        "rows": list(zip(texts, form.text_fields(), strict=True)),
        "missing": set(languages.missing(texts, given)),
        "given": given,
    }


@respond.post("/s/<code>/language")
@public
def choose_language(code):
    """The language buttons on the first screen: the whole page comes back in that language."""
    link, refusal = screens.open_link(code)
    if refusal:
        return refusal
    translations.choose(link, code, request.form.get("language", ""))
    return redirect(url_for("respond.start", code=code), 303)
