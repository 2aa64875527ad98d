"""The yearly report as an accessible PDF (its title, bookmarks for each section, a contents list,
the figures and the chart's text), and the demo year's report: drafted, signed off by two of
the three partners."""

import io
import re
from datetime import date, datetime

from pypdf import PdfReader

from qa.actions.models import Action
from qa.db import db
from qa.yearly_report import demo, rules
from qa.yearly_report.models import PartnerSignOff, YearlyReport, YearlySection
from qa.yearly_report.queries import sign_offs

pytest_plugins = ["tests.section11_fixtures"]


def test_the_pdf_has_the_partnerships_name_contents_bookmarks_and_the_words(
    admin_client, people, cycles
):
    cycle = cycles["this"]
    Action.create(
        agency=people["agency_a"],
        cycle=cycle,
        description="Change",
        owner="Lead",
        due=date.today(),
        status="done",
        impact="Plans open with the child's words",
        impact_confirmed=True,
        impact_reviewed_at=datetime.now(),
    )
    admin_client.post(f"/yearly-report/{cycle.id}/start")
    first = YearlySection.select().order_by(YearlySection.position).first()
    first.narrative = "We met every month.\n\nWe listened to children."
    first.save()
    response = admin_client.get(f"/yearly-report/{cycle.id}/pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.data))
    assert reader.metadata.title.endswith("yearly report 2026-27")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB" and root["/PageMode"] == "/UseOutlines"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    titles = [f"{n}. {t}" for n, (_, t, _) in enumerate(rules.DEFAULT_SECTIONS, start=1)]
    assert [item["/Title"] for item in reader.outline] == [*titles, "Sign-off"]
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "Contents" in text and "1. What the partnership did this year 3" in text
    assert "We met every month." in text and "We listened to children." in text
    assert "Changes confirmed as lasting a year on 1" in text
    assert "Changes looked back on a year later: Lasted 1, Did not last 0." in text
    assert "Plans open with the child's words" in text
    assert "Draft: not yet signed off by Local authority, Integrated care board (health)" in text
    assert "This section has not been written yet." in text


def test_the_demo_year_report_is_drafted_and_signed_off_by_two_of_three(app, people, cycles):
    with db.atomic():  # as the demo runs: one transaction
        demo.load(None)
        demo.load(None)  # loading twice adds nothing
    report = YearlyReport.get()
    assert YearlySection.select().count() == len(rules.DEFAULT_SECTIONS)
    written = YearlySection.select().where(YearlySection.narrative != "").count()
    assert written == len(demo.WORDS)
    signed = sign_offs(report)
    assert rules.state(signed) == "signing" and rules.still_to_sign(signed) == ["Police"]
    assert PartnerSignOff.select().count() == 2
