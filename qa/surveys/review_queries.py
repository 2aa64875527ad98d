"""What the review queue reads: every written answer and every flag, across surveys.

Outside the small-number rule on purpose: a child who tells of harm in a survey that five did not
answer must still be read. Only the people the partnership names (and admins) may see it.
"""

from peewee import JOIN
from playhouse.flask_utils import PaginatedQuery

from qa.people.models import User
from qa.surveys import kinds
from qa.surveys.models import Answer, Flag, FlagReviewer, Question, Response, Survey, SurveyLink

PAGE = 50  # written answers a page


def may_review(user):
    """Admins always; otherwise the people named in the survey settings."""
    if not user.is_authenticated:
        return False
    return user.is_admin or FlagReviewer.select().where(FlagReviewer.user == user.id).exists()


def flags_to_review(user):
    """How many flagged answers nobody has reviewed yet, for someone who may review; else None."""
    if not may_review(user):
        return None
    return Flag.select().where(~Flag.reviewed).count()


def flags(show_reviewed=False):
    """Flagged answers, newest first, with their survey, question and setting (one query)."""
    query = (
        Flag.select(Flag, Answer, Question, Response, Survey, SurveyLink, User)
        .join(User, JOIN.LEFT_OUTER)
        .switch(Flag)
        .join(Answer)
        .join(Question)
        .switch(Answer)
        .join(Response)
        .join(Survey)
        .switch(Response)
        .join(SurveyLink, JOIN.LEFT_OUTER)
    )
    if not show_reviewed:
        query = query.where(~Flag.reviewed)
    return list(query.order_by(Flag.reviewed, Flag.id.desc()))


def written_answers(page):
    """(answers, pages): a page of every written answer, newest first, each with its `flag` (or
    None), its survey, question and setting."""
    query = (
        Answer.select(Answer, Question, Response, Survey, SurveyLink, Flag)
        .join(Question)
        .switch(Answer)
        .join(Response)
        .join(Survey)
        .switch(Response)
        .join(SurveyLink, JOIN.LEFT_OUTER)
        .switch(Answer)
        .join(Flag, JOIN.LEFT_OUTER, on=(Flag.answer == Answer.id), attr="flag")
        .where(Question.kind.in_(kinds.FREE_TEXT))
    )
    pages = PaginatedQuery(query.order_by(Answer.id.desc()), PAGE, page=page)
    return list(pages.get_object_list()), pages.get_page_count()


def reviewer_choices():
    """[(user id, "name, role")] of the active people who are not admins, by name."""
    return [
        (user.id, f"{user.name} ({user.email})")
        for user in User.select()
        .where(User.active == True, User.role != "admin")
        .order_by(User.name)
    ]


def reviewer_ids():
    return [user_id for (user_id,) in FlagReviewer.select(FlagReviewer.user).tuples()]


def reviewer_emails():
    """Who is told of a new flag: the named people and the admins, active ones only."""
    named = FlagReviewer.select(FlagReviewer.user)
    return [
        email
        for (email,) in User.select(User.email)
        .where(User.active == True, (User.role == "admin") | User.id.in_(named))
        .order_by(User.email)
        .tuples()
    ]


def reviewer_settings():
    """What the settings page shows of the reviewers: the people to choose from, those named."""
    return {"reviewers": reviewer_choices(), "named": reviewer_ids()}
