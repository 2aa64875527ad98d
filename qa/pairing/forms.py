"""Forms for pairing: pin a visitor.

(with a reason when a rule breaks), never pair two people, and the accepted pairs.
"""

import re

from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from qa.challenge.models import ROLES
from qa.forms import ChoiceField, optional_int, strip
from qa.ids import parse_id
from qa.pairing.inputs import VISITING_ROLES
from qa.people.models import User

PAIR = re.compile(r"^(\d{1,9}):(\d{1,9})$")
SHOWN = re.compile(r"^(\d{1,9}):(\d{0,9}):(\d{0,9})$")
MOST_SHOWN = 2000


class PinForm(FlaskForm):
    role = ChoiceField(
        choices=list(ROLES.items()), message="Choose whether they visit as the lead or the peer"
    )
    user = ChoiceField(coerce=optional_int, message="Choose who will visit")
    reason = TextAreaField(
        filters=[strip],
        validators=[
            Optional(),
            Length(max=2000, message="The reason must be 2000 characters or fewer"),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any active visitor; whether they suit this slot is the pairing rules' call, with words to
        # say why not.
        ids = (
            User.select(User.id)
            .where((User.active == True) & User.role.in_(VISITING_ROLES))
            .tuples()
        )
        self.user.choices = [(None, "Choose a person")] + [(user_id, "") for (user_id,) in ids]


class NeverPairForm(FlaskForm):
    other = ChoiceField(
        coerce=optional_int, message="Choose the person they must never be paired with"
    )
    reason = TextAreaField(
        filters=[strip],
        validators=[
            InputRequired("Say why they must never be paired"),
            Length(max=1000, message="The reason must be 1000 characters or fewer"),
        ],
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.other.choices = [(None, "Choose a person")] + list(choices)


def accepted_pairs(form):
    """{event id: (lead id, peer id)} from the preview's `pair-<event id>` fields: every one for
    "apply all", else only the events ticked (`event`). Junk is ignored; the apply step checks
    every pair again anyway."""
    pairs = {}
    for name, value in form.items():
        found = PAIR.match(value or "")
        event_id = parse_id(name[5:]) if name.startswith("pair-") else None
        if event_id is not None and found:
            pairs[event_id] = (int(found.group(1)), int(found.group(2)))
    if form.get("apply") == "all":
        return pairs
    ticked = {parse_id(v) for v in form.getlist("event")}
    return {event_id: pair for event_id, pair in pairs.items() if event_id in ticked}


def shown_pairs(text):
    """{event id: (lead id or None, peer id or None)} from the "event:lead:peer ..." the proposal
    page sends back (`Plan.shown`): the proposal shown before a re-run. Junk is ignored."""
    pairs = {}
    for part in (text or "").split()[:MOST_SHOWN]:
        found = SHOWN.match(part)
        if found:
            event_id, lead, peer = found.groups()
            pairs[int(event_id)] = (int(lead) if lead else None, int(peer) if peer else None)
    return pairs
