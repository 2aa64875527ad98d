"""Creating the first admin account, and resetting a locked-out person's password, from the
command line."""

from qa import audit
from qa.db import db
from qa.people.models import User
from qa.security import forget_account_attempts, hash_password, password_problem


def create_admin(email, name, password):
    email = email.strip().lower()
    if "@" not in email:
        raise ValueError("Enter a real email address")
    problem = password_problem(password, email)
    if problem:
        raise ValueError(problem)
    with db.atomic("IMMEDIATE"):
        if User.select().where(User.email == email).exists():
            raise ValueError(f"{email} already has an account")
        user = User.create(
            email=email,
            name=name,
            role="admin",
            password_hash=hash_password(password),
            subgroup_member=True,
        )
        audit.record(None, "created", user, f"Admin {email} created from the command line")
    return user


def reset_password(email, password):
    """Give the account a new password, end its sessions and forget its failed sign-ins (so a
    locked-out person can sign in at once), audited. Returns the person."""
    email = email.strip().lower()
    person = User.get_or_none(User.email == email)
    if person is None:
        raise ValueError(f"No account has the email address {email}")
    problem = password_problem(password, email)
    if problem:
        raise ValueError(problem)
    with db.atomic("IMMEDIATE"):
        User.update(password_hash=hash_password(password)).where(User.id == person.id).execute()
        person.end_sessions()
        forget_account_attempts(email)
        audit.record(
            None, "reset password", person, f"Reset the password of {email} from the command line"
        )
    return person
