"""Changes to agencies and people that do more than a plain save, each audited in one write
transaction."""

from qa import audit, editing
from qa.db import VersionConflict, db
from qa.people.models import User
from qa.security import hash_password, password_matches


def set_active(agency, version, active):
    """Switch an agency active or inactive at `version`; False when someone changed it first."""
    try:
        editing.update(agency, version, {"active": active})
    except VersionConflict:
        return False
    return True


def create_person(data, password):
    """A new person with the password the admin gave them (stored only as its hash)."""
    return editing.create(User, data | {"password_hash": hash_password(password)})


def save_person(person, version, data, summary=None, *, password=None, who=None):
    """Save an edit of a person at `version` (the `write` of a save_form).

    A new password is hashed and its reset audited; deactivating someone or resetting their
    password ends their sessions. Raises VersionConflict when someone saved since `version`.
    """
    with db.atomic("IMMEDIATE"):
        was_active = person.active
        if password:
            data = data | {"password_hash": hash_password(password)}
        editing.update(person, version, data, summary)
        if password:
            audit.record(who, "reset password", person, f"Reset the password of {person.name}")
        if (was_active and not person.active) or password:
            person.end_sessions()


def change_password(me, current, new):
    """Change one's own password when `current` is right, ending one's other sessions.

    Returns the person as saved (to sign in again with the new session), or None when the
    current password is not right.
    """
    if not password_matches(me.password_hash, current):
        return None
    with db.atomic("IMMEDIATE"):
        User.update(password_hash=hash_password(new)).where(User.id == me.id).execute()
        me.end_sessions()  # other devices signed in as this person are signed out
        audit.record(me, "changed password", me, f"{me.name} changed their password")
    return User.get_by_id(me.id)
