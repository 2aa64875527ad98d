"""Who signs off a school's return after its lead submits it, in which order (pure).

Kept in schools rather than in section11's return rules: the head and the chair of governors
signing off is how a school's governance works (Rotherham, Norfolk); an agency's Section 11 return
is submitted by its lead alone, so this is no general feature of a return. Which sign-offs a
return needs is the framework's choice (SignOffNeeds): section 175 and 157 the head then the
chair; the voluntary organisations' lighter framework none.
"""

ROLES = {"head": "Headteacher", "chair": "Chair of governors"}
# What each does: the head signs the return off, then the chair of governors notes it.
VERBS = {"head": "signed off", "chair": "noted"}


def needed(needs: str) -> list[str]:
    """The sign-offs a framework's `needs` names, in order, known roles only."""
    return [role for role in needs.split() if role in ROLES]


def next_to_sign(needs: list[str], signed: set[str], submitted: bool) -> str | None:
    """Whose sign-off is asked next: nobody until the return is submitted, then each of `needs`
    in order (the chair only after the head), nobody once all have signed."""
    if not submitted:
        return None
    return next((role for role in needs if role not in signed), None)


def complete(needs: list[str], signed: set[str], submitted: bool) -> bool:
    """A return is signed off when it is submitted and everyone it needs has signed."""
    return submitted and all(role in signed for role in needs)


def lapse_reason(role: str) -> str:
    """The words recorded when a sign-off lapses because the return changed after it."""
    return (
        f"The return changed after the {ROLES[role].lower()} {VERBS[role]} it, so it needs "
        f"{'signing off' if role == 'head' else 'noting'} again."
    )
