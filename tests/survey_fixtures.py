"""Survey test data: an open children's survey with one question of each kind and two setting
links."""

import json
import re
from datetime import date

import pytest

from qa.surveys.models import Question, Survey, SurveyLink


def make_survey(status="open", age_band="8-12", title="How safe do you feel?", **fields):
    survey = Survey.create(
        title=title,
        audience="children",
        age_band=age_band,
        status=status,
        introduction="We want to know if you feel safe.",
        **fields,
    )
    questions = [
        ("smiley", "How safe do you feel at school?", ["Not good", "OK", "Good"]),
        ("yes_no", "Is there an adult you can talk to?", []),
        (
            "choose_one",
            "Who would you talk to first?",
            ["A teacher", "Someone at home", "A friend"],
        ),
        ("choose_many", "Where do you feel safe?", ["At home", "At school", "Online"]),
        ("text", "What would make you feel safer?", []),
        ("anything_else", "Anything else you want to tell us?", []),
    ]
    for position, (kind, prompt, options) in enumerate(questions, start=1):
        Question.create(
            survey=survey, position=position, kind=kind, prompt=prompt, options=json.dumps(options)
        )
    SurveyLink.create(survey=survey, label="Oak Primary Y6")
    SurveyLink.create(survey=survey, label="Youth club Tuesday")
    return survey


@pytest.fixture
def survey(app):
    return make_survey()


@pytest.fixture
def link(survey):
    return survey.links.order_by(SurveyLink.id).first()


class Child:
    """A browser-like visitor to /s/<code>: keeps its cookie and the form token of the last
    screen."""

    def __init__(self, app, code):
        self.http, self.code, self.token = app.test_client(), code, None

    def get(self, path="", **kwargs):
        response = self.http.get(f"/s/{self.code}{path}", **kwargs)
        found = re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True))
        self.token = found.group(1) if found else self.token
        return response

    def post(self, path="", data=None, **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.token)
        return self.http.post(f"/s/{self.code}{path}", data=data, **kwargs)

    def start(self):
        self.get()
        return self.post()

    def answer(self, number, values, go="next"):
        self.get(f"/{number}")
        return self.post(f"/{number}", {"answer": values, "go": go})

    def send(self):
        self.get("/send")
        return self.post("/send")


@pytest.fixture
def child(app, link):
    return Child(app, link.code)


TODAY = date.today()


def translate(survey, language, write=lambda english: f"PL {english}", leave_out=()):
    """Translate every text of the survey into `language` with `write`, but those in
    `leave_out`."""
    from qa.surveys import translations
    from qa.surveys.models import Translation

    Translation.insert_many(
        [
            {
                "survey": survey,
                "language": language,
                "key": text.key,
                "english": text.english,
                "text": write(text.english),
            }
            for text in translations.texts_of(survey)
            if text.key not in leave_out
        ]
    ).execute()
