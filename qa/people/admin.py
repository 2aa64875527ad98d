"""Creating the first admin account from the command line."""

from qa import audit
from qa.db import db
from qa.people.models import User
from qa.security import hash_password, password_problem


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
