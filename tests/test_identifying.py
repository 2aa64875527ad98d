"""The guard that keeps children's names, dates of birth and addresses out of case and review
references (qa/identifying.py)."""

import pytest
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import StringField

from qa.identifying import NoIdentifyingDetails, identifying_details

REFUSED = {
    "Jayden": "a name",
    "jayden smith": "a name",
    "Smith family, Hassan": "a name",
    "Case of Amelia Jones": "a name",
    "Child Q, Olivia": "a name",
    "Mohammed Ali, 4 children": "a name",
    "DOB 03/04/2015": "a date of birth",
    "born 2015": "a date of birth",
    "Child Q 3.4.15": "a date of birth",
    "Child C 2015-04-03": "a date of birth",
    "Child D, 3rd April 2015": "a date of birth",
    "Family E, April 3, 2015": "a date of birth",
    "Family at 14 Elm Grove": "an address",
    "Family F, LS6 2AB": "an address",
}
ALLOWED = [
    "MACA-2026-07",
    "Child Q",
    "Family B",
    "RR 2025/01",
    "LCSPR 2024-3",
    "Neglect in families with a child under one, referred twice in 12 months",
    "Domestic abuse: Children's Services, Family Help and Police involved",
    "a ruby award for attendance at the school",
    "jack of all trades",
    "15 cases, 5 from each locality",
]


@pytest.mark.parametrize("text", [t for t, why in REFUSED.items() if why])
def test_text_that_identifies_a_child_is_named_for_what_it_holds(text):
    assert any(found.startswith(REFUSED[text]) for found in identifying_details(text))


@pytest.mark.parametrize("text", ALLOWED)
def test_pseudonymous_references_and_plain_descriptions_pass(text):
    assert identifying_details(text) == []


def test_the_validator_refuses_with_a_plain_message_and_keeps_the_text(app):
    class CaseForm(FlaskForm):
        reference = StringField(validators=[NoIdentifyingDetails("The case reference")])

    with app.test_request_context():
        form = CaseForm(MultiDict({"reference": "Amelia Jones"}), meta={"csrf": False})
        assert not form.validate()
        assert form.reference.data == "Amelia Jones"
        message = form.reference.errors[0]
        assert message.startswith("The case reference looks like it contains a name (“Amelia”)")
        form = CaseForm(MultiDict({"reference": "Child Q"}), meta={"csrf": False})
        assert form.validate()
