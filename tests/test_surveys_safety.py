"""A children's survey is safe to tell: disclosures in a child's words are flagged when sent, from
the first answer, and the partnership's own words still work."""

import pytest

from qa.surveys import visits
from qa.surveys.models import Flag, SafeguardingTerm
from tests import survey_fixtures

survey, link, child = survey_fixtures.survey, survey_fixtures.link, survey_fixtures.child


def _send(link, text):
    key = visits.new_visit_key()
    question = [q for q in link.survey.questions if q.kind == "text"][0]
    visits.save_answer(link, key, question, [text])
    visits.submit(link, key)


@pytest.mark.parametrize(
    "text, themes",
    [
        (
            "my uncle touches me at night and i want to kill my self",
            ["Self-harm and suicide", "Sexual harm"],
        ),
        ("dont feel safe", ["Feeling unsafe"]),
        ("he beats me", ["Harm by others"]),
        ("wanna die", ["Self-harm and suicide"]),
        ("nudes", ["Online harm"]),
    ],
)
def test_the_one_answer_sent_is_flagged_with_its_themes(link, text, themes):
    _send(link, text)  # one response: far under the small-number rule, flagged all the same
    flag = Flag.get()
    assert flag.answer.value == text
    assert all(theme in flag.phrases for theme in themes), flag.phrases


@pytest.mark.parametrize("text", ["kicked a ball", "secret den", "hungry after PE"])
def test_ordinary_answers_are_not_flagged_with_the_migrated_phrases(link, text):
    _send(link, text)
    assert Flag.select().count() == 0


def test_the_first_phrases_that_flagged_ordinary_answers_are_gone_and_new_ones_work(
    app_context, link
):
    assert not SafeguardingTerm.select().where(SafeguardingTerm.phrase == "kick").exists()
    SafeguardingTerm.create(phrase="took my phone")
    _send(link, "They took my phone")
    assert Flag.get().phrases == "took my phone"
