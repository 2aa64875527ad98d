"""Reminders of late data returns: one message to each active lead of an agency whose figures are
late (for an indicator supplied by a sector, the leads of every agency in it). Sent by the daily
`flask reminders` with the overdue actions (the `reminders` of the capability's declaration)."""

from datetime import date

from qa.dataset import queries, rules
from qa.people.models import Agency, User


def messages(today=None):
    """[(to, subject, body)] for the figures past their due date."""
    today = today or date.today()
    late = [row for row in queries.returns_status(today) if row["late"]]
    leads = list(
        User.select(User, Agency)
        .join(Agency)
        .where(User.role == "agency_lead", User.active == True)  # noqa: E712
    )
    owed = {}
    for row in late:
        for lead in leads:
            if lead.agency_id == row["agency"] or (
                row["agency"] is None and lead.agency.sector_id == row["sector"]
            ):
                owed.setdefault(lead.email, []).append(row)
    return [(to, "Data-set figures are late", _body(rows)) for to, rows in sorted(owed.items())]


def _body(rows):
    lines = ["These figures for the partnership's data set are past their due date:", ""]
    for row in rows:
        lines.append(
            f"- {rules.period_label(row['period'])} (due {row['due']:%-d %B %Y}): "
            f"{', '.join(row['names'])}"
        )
    lines += ["", "Please enter them on your data return page in the QA system."]
    return "\n".join(lines)
