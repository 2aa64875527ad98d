"""What the report pages read besides the report itself."""

from qa.reports.models import ReportBuild


def latest_build(cycle):
    """The cycle's most recent finished PDF build, or None."""
    return (
        ReportBuild.select()
        .where(ReportBuild.cycle == cycle, ReportBuild.status == "done")
        .order_by(ReportBuild.id.desc())
        .first()
    )
