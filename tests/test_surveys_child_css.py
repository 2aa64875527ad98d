"""The children's screens load a small stylesheet of their own, not all of GOV.UK Frontend."""

import re

from qa.surveys import child_css
from qa.surveys.models import SurveyLink
from tests.survey_fixtures import make_survey

OWN = child_css.ROOT / "static/surveys/respond.css"


def rules_for(css):
    """Every class some selector of `css` names."""
    return set(re.findall(r"\.((?:govuk|qa|js)-[-\w]+)", re.sub(r"\{[^{}]*\}", "{}", css)))


def test_the_committed_stylesheet_is_what_the_build_step_makes():
    # Out of date? .venv/bin/python -m qa.surveys.child_css
    assert child_css.OUTPUT.read_text() == child_css.build()


def test_every_class_the_screens_use_that_has_a_rule_has_it_in_their_stylesheets():
    used = child_css.classes_used()
    # a class has a rule when a selector naming it can match on the screens
    framework = set()
    for selector in re.findall(r"([^{}]+)\{", child_css.FRAMEWORK.read_text(encoding="utf-8-sig")):
        for one in selector.split(","):
            if child_css.matches(one.strip(), used):
                framework |= rules_for(one + "{}")
    own = rules_for(OWN.read_text())
    served = rules_for(child_css.OUTPUT.read_text()) | own
    missing = sorted(name for name in used & (framework | own) if name not in served)
    assert not missing, f"no rule served for {missing}: .venv/bin/python -m qa.surveys.child_css"
    assert {"govuk-button", "govuk-exit-this-page__button", "govuk-visually-hidden"} <= served


def test_a_selector_needing_a_class_the_screens_never_use_is_left_out():
    used = {"govuk-button"}
    css = ".govuk-button{color:red}.govuk-tag{color:blue}.govuk-button:not(.govuk-tag){x:y}"
    kept = child_css.subset(css, used)
    assert ".govuk-button{color:red}" in kept and ".govuk-tag{" not in kept
    assert ".govuk-button:not(.govuk-tag){x:y}" in kept


def test_the_screens_link_their_own_stylesheet_not_the_whole_framework(client, app):
    code = make_survey().links.order_by(SurveyLink.id).first().code
    html = client.get(f"/s/{code}").get_data(as_text=True)
    assert "surveys/respond-govuk.css" in html and "govuk-frontend.min.css" not in html
    assert child_css.OUTPUT.stat().st_size < child_css.FRAMEWORK.stat().st_size / 5
