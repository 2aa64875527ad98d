"""Pure rules of the yearly report: its default sections, who signs it off, what a change after
sign-off does, and when sending it on is late. No Flask, no peewee."""

from datetime import date

# The default sections follow what Working Together to Safeguard Children 2023 (chapter 2,
# "Multi-agency safeguarding arrangements", the part on the lead safeguarding partners' yearly
# report) expects the report to cover: what the partners did and the impact of the arrangements,
# the findings of independent scrutiny, learning from local and national reviews and what changed
# because of it, what the data says, how education and children and families were involved, the
# training, the priorities ahead and how the arrangements are funded. The docs search held no copy
# of the guidance to quote a paragraph number from: check the wording against the published text.
# Each is (key, title, hint). The key names the evidence qa fills the section with (evidence.py).
DEFAULT_SECTIONS = (
    ("activity", "What the partnership did this year", "The year's work and what it achieved."),
    (
        "impact",
        "Evidence of the impact of our arrangements",
        "What changed for children and families, and where there was little or no progress.",
    ),
    (
        "scrutiny",
        "What independent scrutiny found",
        "The findings of independent scrutiny and of the sub-group's challenge of agencies.",
    ),
    (
        "reviews",
        "Learning from local and national reviews",
        "The reviews of the year, the actions taken on their recommendations and what improved.",
    ),
    ("dataset", "What the data tells us", "The multi-agency data set and what it says."),
    (
        "voice",
        "Education, children and families",
        "How schools and colleges took part, and how the voices of children and families shaped "
        "the work.",
    ),
    ("training", "Multi-agency training", "Training offered, who took part, and what it changed."),
    ("priorities", "Our priorities for next year", "The priorities ahead and why."),
    ("funding", "Funding and contributions", "What each partner contributed, and how it was used."),
)
SECTION_KEYS = {key for key, _, _ in DEFAULT_SECTIONS}
HINTS = {key: hint for key, _, hint in DEFAULT_SECTIONS}

# The three lead safeguarding partners, in the order they are shown.
PARTNERS = {
    "local_authority": "Local authority",
    "health": "Integrated care board (health)",
    "police": "Police",
}
# Working Together 2018 asked for the report to be sent within seven days of publication; we
# could not confirm the 2023 wording here, so the period is a setting of each report, 7 days
# unless the admin changes it.
SEND_WITHIN_DAYS = 7


def state(signed) -> str:
    """ "draft" with no sign-off, "signing" with some, "signed" when all three have signed."""
    signed = set(signed) & set(PARTNERS)
    if not signed:
        return "draft"
    return "signed" if signed == set(PARTNERS) else "signing"


def still_to_sign(signed) -> list[str]:
    """The names of the partners who have not signed, in order."""
    return [label for key, label in PARTNERS.items() if key not in set(signed)]


def may_sign(seen_version, current_version) -> bool:
    """A sign-off is of the report as the partner saw it: refused if it changed since."""
    return str(seen_version) == str(current_version)


def reopened_message(cleared) -> str | None:
    """What the person who changed a signed report is told: whose sign-offs the change cleared
    (`cleared` holds partners' keys); None when nobody had signed."""
    names = [PARTNERS[key] for key in PARTNERS if key in set(cleared)]
    if not names:
        return None
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    was = "sign-off by {} was".format(listed) if len(names) == 1 else f"sign-offs by {listed} were"
    return (
        f"This change reopened the report: the {was} cleared. "
        "Ask the lead safeguarding partners to sign it off again."
    )


def moved(order, section_id, direction) -> list:
    """The sections' ids in their new order after moving one "up" or "down" a place."""
    order = list(order)
    if section_id not in order:
        return order
    at = order.index(section_id)
    to = at - 1 if direction == "up" else at + 1
    if 0 <= to < len(order):
        order[at], order[to] = order[to], order[at]
    return order


def sending(published_on, sent_on, today: date, within_days: int) -> str | None:
    """A warning about sending the report to the national panel and the education department,
    or None: late when sent (or, unsent, today is) more than `within_days` after publication."""
    if published_on is None:
        return None
    days = ((sent_on or today) - published_on).days
    if days <= within_days:
        return None
    if sent_on:
        return (
            f"The report was sent {days} days after it was published: later than the "
            f"{within_days} days set."
        )
    return (
        f"The report was published {days} days ago and has not been sent to the national panel "
        f"and the education department: it is due within {within_days} days of publication."
    )
