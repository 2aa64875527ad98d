"""Who may see which return, and whether it may change.

An agency lead only their own agency's, the QA sub-group all. Anything else is a 404, and recorded.
"""

from flask import abort
from flask_login import current_user
from playhouse.flask_utils import get_object_or_404

from qa import lifecycle
from qa.actions.models import Action
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.frameworks.models import Framework, Standard
from qa.people.models import Agency
from qa.section11.models import Rating, RatingDocument, Return
from qa.section11.returns import ReturnLocked
from qa.security import deny

LOCKED_ADVICE = (
    "It cannot be changed now. If something needs correcting, ask the partnership's QA officer to "
    "reopen it."
)


def allowed(user, agency_id):
    return user.on_subgroup or (
        user.role == "agency_lead" and user.agency_id is not None and user.agency_id == agency_id
    )


def return_for(return_id):
    ret = get_object_or_404(
        Return.select(Return, Agency, Cycle, Framework)
        .join(Agency)
        .switch(Return)
        .join(Cycle)
        .switch(Return)
        .join(Framework),
        Return.id == return_id,
    )
    if not allowed(current_user, ret.agency_id):
        deny("Return", return_id, ret.agency.name)
    return ret


def rating_for(rating_id):
    query = (
        Rating.select(Rating, Standard, Return, Agency, Cycle)
        .join(Standard)
        .switch(Rating)
        .join(Return)
        .join(Agency)
        .switch(Return)
        .join(Cycle)
    )
    rating = get_object_or_404(query, Rating.id == rating_id)
    if not allowed(current_user, rating.return_.agency_id):
        deny("Rating", rating_id, rating.return_.agency.name)
    return rating


def document_for(rating_id, document_id):
    """A document, only through a rating it supports and only for someone who may see that
    rating."""
    rating = rating_for(rating_id)
    linked = (
        RatingDocument.select()
        .where((RatingDocument.rating == rating) & (RatingDocument.document == document_id))
        .exists()
    )
    if not linked:
        abort(404)
    return rating, Document.get_by_id(document_id)


def action_for(rating, action_id):
    """An improvement action of this rating's action plan, or a 404."""
    return get_object_or_404(
        Action, Action.id == action_id, Action.source == "section11", Action.source_id == rating.id
    )


def editable_rating(rating_id):
    """A rating someone may see, in a return that may change (else the locked answer)."""
    rating = rating_for(rating_id)
    ensure_editable(rating.return_)
    return rating


def ensure_editable(ret):
    """A submitted return refuses every change, however the request was made: ReturnLocked, which
    the section11 blueprint answers with `locked_response`."""
    if not ret.editable:
        raise ReturnLocked(ret.lock_reason) if ret.lock_reason else ReturnLocked()


def locked_response(reason=None):
    """The locked answer: submitted, or locked for `reason` (a deadline that passed)."""
    return lifecycle.locked_response(LOCKED_ADVICE, reason)
