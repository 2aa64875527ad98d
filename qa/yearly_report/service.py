"""Every change to a yearly report: one write transaction each, with its audit line. A change to
what the report says after any partner signed it clears the sign-offs (it reopens the report)."""

from datetime import datetime

from peewee import fn

from qa import audit
from qa.db import VersionConflict, db
from qa.yearly_report import rules
from qa.yearly_report.models import PartnerSignOff, YearlyReport, YearlySection


def start(cycle, who):
    """The cycle's report with the default sections; the one already started if there is one."""
    with db.atomic("IMMEDIATE"):
        found = YearlyReport.get_or_none(YearlyReport.cycle == cycle)
        if found:
            return found
        report = YearlyReport.create(cycle=cycle)
        YearlySection.insert_many(
            [
                {"report": report, "position": n, "key": key, "title": title}
                for n, (key, title, _) in enumerate(rules.DEFAULT_SECTIONS, start=1)
            ]
        ).execute()
        audit.record(who, "created", report, f"Started the yearly report for {cycle.name}")
    return report


def _changed(report, who, what):
    """Inside a write: the report's words changed. Bumps its content version and clears any
    sign-off (with an audit line saying whose); returns the cleared partners' keys."""
    YearlyReport.update(content_version=YearlyReport.content_version + 1).where(
        YearlyReport.id == report.id
    ).execute()
    cleared = [s.partner for s in PartnerSignOff.select().where(PartnerSignOff.report == report)]
    if cleared:
        PartnerSignOff.delete().where(PartnerSignOff.report == report).execute()
        names = ", ".join(rules.PARTNERS.get(key, key) for key in cleared)
        audit.record(
            who, "reopened", report, f"{what} after sign-off: the sign-offs by {names} were cleared"
        )
    return cleared


def save_section(section, version, data, who):
    """Save a section's title and narrative at the version it was opened with (raises
    VersionConflict); returns the partners whose sign-off the change cleared."""
    with db.atomic("IMMEDIATE"):
        current = YearlySection.get_by_id(section.id)
        if all(getattr(current, name) == value for name, value in data.items()):
            return []
        section.save_versioned(version, updated_by=who.id, **data)
        audit.record(who, "changed", section, f"Changed the section “{section.title}”")
        return _changed(section.report, who, f"The section “{section.title}” changed")


def add_section(report, title, who):
    with db.atomic("IMMEDIATE"):
        last = (
            YearlySection.select(fn.MAX(YearlySection.position))
            .where(YearlySection.report == report)
            .scalar()
        )
        section = YearlySection.create(report=report, position=(last or 0) + 1, title=title)
        audit.record(who, "created", section, f"Added the section “{title}”")
        return _changed(report, who, f"The section “{title}” was added")


def remove_section(section, version, who):
    """Remove a section unless someone changed it since it was shown (VersionConflict)."""
    with db.atomic("IMMEDIATE"):
        current = YearlySection.get_or_none(YearlySection.id == section.id)
        if current is None:
            return []
        if str(current.version) != str(version):
            raise VersionConflict(current)
        audit.record(who, "deleted", section, f"Removed the section “{section.title}”")
        section.delete_instance()
        return _changed(section.report, who, f"The section “{section.title}” was removed")


def move_section(section, direction, who):
    with db.atomic("IMMEDIATE"):
        sections = list(
            YearlySection.select()
            .where(YearlySection.report == section.report_id)
            .order_by(YearlySection.position, YearlySection.id)
        )
        order = [s.id for s in sections]
        new = rules.moved(order, section.id, direction)
        if new == order:
            return []
        for position, section_id in enumerate(new, start=1):
            YearlySection.update(position=position).where(YearlySection.id == section_id).execute()
        audit.record(who, "changed", section, f"Moved the section “{section.title}” {direction}")
        return _changed(section.report, who, f"The section “{section.title}” was moved")


def sign_off(report, data, seen_version, who):
    """Record one partner's sign-off (replacing an earlier one of the same partner). False, and
    nothing saved, when the report changed since the page was opened."""
    with db.atomic("IMMEDIATE"):
        current = YearlyReport.get_by_id(report.id)
        if not rules.may_sign(seen_version, current.content_version):
            return False
        PartnerSignOff.delete().where(
            PartnerSignOff.report == report, PartnerSignOff.partner == data["partner"]
        ).execute()
        signed = PartnerSignOff.create(
            report=report,
            content_version=current.content_version,
            recorded_by=who.id,
            recorded_at=datetime.now(),
            **data,
        )
        audit.record(who, "signed", report, f"Signed off for {signed}")
    return True


def save_dates(report, version, data, who):
    """The publication date, the date it was sent on and the period for sending (raises
    VersionConflict)."""
    with db.atomic("IMMEDIATE"):
        report.save_versioned(version, **data)
        audit.record(who, "changed", report, f"Publication and sending of {report}")
