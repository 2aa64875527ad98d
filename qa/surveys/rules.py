"""Pure survey rules: link codes, when a survey takes answers.

And reading-age targets per age band.
"""

import secrets

# No 0/o, 1/l/i: a code read off a poster is typed right first time.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 10  # 31^10 ≈ 2^50: unguessable
TARGET_READING_AGE = {"8-12": 9, "13-17": 12, "8-17": 9, "adult": 14}


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def looks_like_code(code: str) -> bool:
    return (
        isinstance(code, str) and len(code) == CODE_LENGTH and all(c in CODE_ALPHABET for c in code)
    )


def accepting(status, opens_on, closes_on, today) -> bool:
    """A survey takes answers while open and within its dates (both inclusive)."""
    if status != "open":
        return False
    if opens_on and today < opens_on:
        return False
    return not (closes_on and today > closes_on)


def why_not_accepting(status, opens_on, closes_on, today) -> str:
    """Kind words for a child who arrives when the survey is not taking answers."""
    if status == "draft" or (opens_on and today < opens_on):
        return "not-yet"
    return "closed"


def target_reading_age(age_band: str) -> int:
    return TARGET_READING_AGE.get(age_band, 9)
