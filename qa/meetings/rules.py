"""The rules of a sub-group meeting in plain Python: its kinds and roles, the quorum, and which due
things are not yet on its agenda.

The quorum, from the sub-group's terms of reference: a meeting is quorate when at least
QUORUM_AGENCIES different agencies are represented by someone who came (apologies do not count, and
two people from one agency count once).
"""

from dataclasses import dataclass

KINDS = {
    "quarterly": "Quarterly",
    "six_weekly": "Six-weekly",
    "extraordinary": "Extraordinary",
}
ROLES = {
    "chair": "Chair",
    "vice_chair": "Vice chair",
    "member": "Member",
    "deputy": "Deputy for a member",
    "adviser": "Adviser",
    "minutes": "Taking the minutes",
}
QUORUM_AGENCIES = 3
# Where an agenda item came from, in the order the agenda lists them.
SOURCES = {
    "action": "Overdue actions",
    "review_request": "Twelve-month evidence due",
    "section11": "Section 11 returns",
    "case_audit": "Case audit in progress",
    "workplan": "Work plan item due this quarter",
    "free": "Other business",
}


@dataclass(frozen=True)
class Quorum:
    agencies: int
    needed: int

    @property
    def quorate(self):
        return self.agencies >= self.needed

    @property
    def words(self):
        """ "Quorate — 4 agencies", "Not quorate — 2 agencies"."""
        count = f"{self.agencies} {'agency' if self.agencies == 1 else 'agencies'}"
        return f"{'Quorate' if self.quorate else 'Not quorate'} — {count}"


def quorum(attendance, needed=QUORUM_AGENCIES):
    """The quorum from (agency id, present) pairs: agencies with someone present, counted once;
    someone with no agency represents none."""
    agencies = {agency for agency, present in attendance if present and agency is not None}
    return Quorum(len(agencies), needed)


def not_yet_on(candidates, agenda):
    """The due `candidates` (with `source` and `source_id`) that the `agenda` does not already
    hold, in the order of SOURCES, then as given."""
    held = {(item.source, item.source_id) for item in agenda}
    order = list(SOURCES)
    fresh = [c for c in candidates if (c.source, c.source_id) not in held]
    return sorted(fresh, key=lambda c: order.index(c.source))
