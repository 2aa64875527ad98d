"""Practitioners who asked to be contacted.

Saved apart from any response, seen only by admins, deleted when dealt with.
"""

from flask_login import current_user

from qa import audit
from qa.db import db
from qa.surveys.models import ContactRequest


def save(survey, name, email, message):
    # No response id, no time of day, and no audit entry naming the survey's visit: nothing joins
    # these details to answers.
    with db.atomic("IMMEDIATE"):
        return ContactRequest.create(survey=survey, name=name, email=email, message=message)


def requests_for(survey):
    return list(
        ContactRequest.select()
        .where(ContactRequest.survey == survey)
        .order_by(ContactRequest.created_on, ContactRequest.name)
    )


def remove(request_):
    with db.atomic("IMMEDIATE"):
        ContactRequest.delete().where(ContactRequest.id == request_.id).execute()
        audit.record(
            current_user,
            "deleted",
            request_,
            f"Deleted a contact request from the survey {request_.survey.title} after dealing "
            "with it",
        )
