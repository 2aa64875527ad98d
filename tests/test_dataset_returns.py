"""Data returns: the lead's page with last period beside, notes past tolerance, corrections kept
and audited, a stale figure refused, CSV uploads all or nothing, late returns and reminders."""

import io
from datetime import date

from qa.audit import AuditEvent
from qa.dataset import reminders, returns, rules
from qa.dataset.models import Comparator, Figure, FigureHistory
from tests.dataset_fixtures import BEFORE, NOW, figures, indicator, locality


def _value(ind, period=NOW, place=None):
    found = Figure.get_or_none(
        Figure.indicator == ind,
        Figure.period == period,
        Figure.locality.is_null() if place is None else Figure.locality == place,
    )
    return found.value if found else None


def test_a_lead_sees_their_agencys_indicators_with_last_period_beside(lead_client, people):
    mine = indicator(agency=people["agency_a"])
    indicator(code="theirs", name="Police figure", agency=people["agency_b"])
    indicator(code="sector", name="Health sector figure", sector=people["agency_a"].sector)
    figures(mine, [21.5], last=BEFORE)
    page = lead_client.get("/data-set/return").get_data(as_text=True)
    assert f"Your data return for {rules.period_label(NOW)}" in page
    assert "Re-referrals within 12 months" in page and "Health sector figure" in page
    assert "Police figure" not in page
    assert rules.period_label(BEFORE) in page and "21.5%" in page


def test_figures_are_saved_for_the_whole_area_and_each_locality(lead_client, people):
    north, south = locality("North"), locality("South", 1)
    ind = indicator(agency=people["agency_a"], by_locality=True, tolerance=None)
    response = lead_client.post(
        "/data-set/return",
        {f"v-{ind.id}-all": "19", f"v-{ind.id}-{north.id}": "17", f"v-{ind.id}-{south.id}": "21"},
    )
    assert response.status_code == 303
    assert (_value(ind), _value(ind, place=north), _value(ind, place=south)) == (19, 17, 21)
    assert AuditEvent.select().where(AuditEvent.verb == "entered").count() == 1


def test_a_figure_that_moves_past_its_tolerance_needs_a_note(lead_client, people):
    ind = indicator(agency=people["agency_a"], tolerance=2)
    figures(ind, [20], last=BEFORE)
    page = lead_client.post("/data-set/return", {f"v-{ind.id}-all": "25"}).get_data(as_text=True)
    assert "Say why Re-referrals within 12 months moved from 20.0% to 25.0%" in page
    assert f'href="#note-{ind.id}"' in page  # the error summary links to the note
    assert _value(ind) is None  # nothing saved
    lead_client.post(
        "/data-set/return", {f"v-{ind.id}-all": "25", f"note-{ind.id}": "A new front door"}
    )
    assert _value(ind) == 25


def test_a_correction_keeps_the_earlier_value_with_who_when_and_why(lead_client, people):
    ind = indicator(agency=people["agency_a"], tolerance=None)
    figures(ind, [20])
    posted = {f"v-{ind.id}-all": "22", f"seen-{ind.id}-all": "1"}
    page = lead_client.post("/data-set/return", posted).get_data(as_text=True)
    assert "Say why Re-referrals within 12 months is being corrected" in page
    assert _value(ind) == 20
    lead_client.post("/data-set/return", {**posted, f"reason-{ind.id}": "Duplicates removed"})
    figure = Figure.get(Figure.indicator == ind)
    assert (figure.value, figure.version, figure.entered_by_id) == (22, 2, people["lead_a"].id)
    old = FigureHistory.get(FigureHistory.figure == figure)
    assert (old.value, old.reason, old.replaced_by_id) == (
        20,
        "Duplicates removed",
        figure.entered_by_id,
    )
    line = AuditEvent.get(AuditEvent.verb == "corrected")
    assert "from 20 to 22: Duplicates removed" in line.summary


def test_a_figure_changed_by_someone_else_meanwhile_is_not_overwritten(lead_client, people):
    ind = indicator(agency=people["agency_a"], tolerance=None)
    figures(ind, [20])
    Figure.update(value=24, version=2).where(Figure.indicator == ind).execute()
    page = lead_client.post(
        "/data-set/return",
        {f"v-{ind.id}-all": "22", f"seen-{ind.id}-all": "1", f"reason-{ind.id}": "Recount"},
    ).get_data(as_text=True)
    assert "Someone changed Re-referrals within 12 months since you opened this page" in page
    assert "it now reads 24.0%" in page and _value(ind) == 24


def _upload(client, path, text):
    return client.post(
        path,
        {"file": (io.BytesIO(text.encode()), "figures.csv")},
        content_type="multipart/form-data",
    )


def test_a_bad_csv_reports_every_bad_row_and_imports_nothing(admin_client, people):
    ind = indicator(agency=people["agency_a"])
    text = (
        "indicator,period,locality,value,note,reason\n"
        f"re-referrals,{NOW},,21,,\n"
        "re-referrals,2026-Q7,,21,,\n"
        f"re-referrals,{BEFORE},Nowhere,x,,\n"
    )
    page = _upload(admin_client, "/data-set/upload", text).get_data(as_text=True)
    assert "2 rows are wrong: nothing was imported" in page
    assert "Line 3: the period" in page and "Line 4: the value" in page
    assert "there is no locality called \u201cNowhere\u201d" in page
    assert Figure.select().count() == 0
    response = _upload(admin_client, "/data-set/upload", text.rsplit("\n", 3)[0] + "\n")
    assert response.status_code == 303 and _value(ind) == 21


def test_a_csv_correction_keeps_the_earlier_value(admin_client, people):
    ind = indicator(agency=people["agency_a"])
    figures(ind, [20])
    text = f"indicator,period,locality,value,note,reason\nre-referrals,{NOW},,18,,Late cases\n"
    assert _upload(admin_client, "/data-set/upload", text).status_code == 303
    assert _value(ind) == 18 and FigureHistory.get().value == 20


def test_comparators_are_imported_with_source_and_date_or_entered_by_hand(admin_client, people):
    ind = indicator(agency=people["agency_a"])
    text = (
        "indicator,period,area,value,source,published\n"
        f"re-referrals,{BEFORE},England,22.4,Children in need 2025,2026-10-30\n"
    )
    assert _upload(admin_client, "/data-set/comparators", text).status_code == 303
    england = Comparator.get(Comparator.area == "england")
    assert (england.value, england.published) == (22.4, date(2026, 10, 30))
    response = admin_client.post(
        "/data-set/comparators/one",
        {"indicator": ind.id, "period": BEFORE.lower(), "area": "england", "value": "23",
         "source": "Revised"},
    )  # fmt: skip
    assert response.status_code == 303
    assert Comparator.get(Comparator.area == "england").value == 23  # replaced, not doubled
    assert Comparator.select().count() == 1


def test_late_and_missing_returns_are_listed_and_their_leads_reminded(admin_client, people):
    late_period = rules.shift(NOW, -1)  # due at least a quarter ago
    done = indicator(agency=people["agency_a"])
    owed = indicator(code="missing", name="Missing episodes", sector=people["agency_b"].sector)
    figures(done, [20, 21, 22, 23], last=NOW)  # the four quarters listed
    page = admin_client.get("/data-set/returns").get_data(as_text=True)
    assert "Northbrook Constabulary" not in page  # supplied by a sector: named by the sector
    assert "Police (any agency)" in page and "Missing episodes" in page
    assert rules.period_label(late_period) in page and "Late by" in page
    assert "Re-referrals" not in page
    sent = reminders.messages(date.today())
    assert [to for to, _, _ in sent] == [people["lead_b"].email]
    assert rules.period_label(late_period) in sent[0][2] and "Missing episodes" in sent[0][2]
    assert owed.id  # the sector's only agency is the constabulary


def test_the_daily_reminders_command_sends_late_data_returns_too(app, people):
    indicator(code="missing", name="Missing episodes", agency=people["agency_b"])
    result = app.test_cli_runner().invoke(args=["reminders"])
    assert f"Would send to {people['lead_b'].email}: Data-set figures are late" in result.output


def test_a_figure_entered_by_someone_else_at_the_same_moment_is_not_overwritten(
    lead_client, people, monkeypatch
):
    ind = indicator(agency=people["agency_a"], tolerance=None)
    real_check = returns.entry.check

    def racing(rows, posted, period):
        checked = real_check(rows, posted, period)
        if not Figure.select().exists():  # the other lead saves between the check and the save
            Figure.create(indicator=ind, period=NOW, value=30)
        return checked

    monkeypatch.setattr(returns.entry, "check", racing)
    page = lead_client.post("/data-set/return", {f"v-{ind.id}-all": "22"}).get_data(as_text=True)
    assert "it now reads 30.0%" in page
    assert [f.value for f in Figure.select()] == [30]


def test_a_lead_may_open_recent_quarters_only(lead_client, people):
    indicator(agency=people["agency_a"])
    page = lead_client.get(f"/data-set/return?period={BEFORE}").get_data(as_text=True)
    assert f"Your data return for {rules.period_label(BEFORE)}" in page
    for asked in ("1999-Q1", rules.shift(NOW, 1), "junk"):
        page = lead_client.get(f"/data-set/return?period={asked}").get_data(as_text=True)
        assert f"Your data return for {rules.period_label(NOW)}" in page


def test_changing_only_the_note_keeps_the_earlier_note(lead_client, people):
    ind = indicator(agency=people["agency_a"], tolerance=None)
    figures(ind, [20])
    lead_client.post(
        "/data-set/return",
        {f"v-{ind.id}-all": "20", f"seen-{ind.id}-all": "1", f"note-{ind.id}": "Two late cases"},
    )
    assert Figure.get().note == "Two late cases" and FigureHistory.get().note == ""
    assert (
        "Changed the note on Re-referrals" in AuditEvent.get(AuditEvent.verb == "corrected").summary
    )


def test_a_figure_that_does_not_fit_its_unit_is_refused(lead_client, people):
    ind = indicator(agency=people["agency_a"])  # a percentage
    page = lead_client.post("/data-set/return", {f"v-{ind.id}-all": "120"}).get_data(as_text=True)
    assert "Re-referrals within 12 months must be a percentage from 0 to 100" in page
    assert _value(ind) is None


def test_an_admin_enters_figures_received_by_other_means_for_any_supplier(admin_client, people):
    health = indicator(agency=people["agency_a"])
    police = indicator(code="missing", name="Missing episodes", unit="count",
                       sector=people["agency_b"].sector)  # fmt: skip
    page = admin_client.get("/data-set/figures").get_data(as_text=True)
    assert f"Figures for {rules.period_label(NOW)}" in page
    assert "Re-referrals within 12 months" in page and "Missing episodes" in page
    response = admin_client.post(
        f"/data-set/figures?period={BEFORE}",
        {f"v-{health.id}-all": "18", f"v-{police.id}-all": "40"},
    )
    assert response.headers["Location"].endswith(f"/data-set/figures?period={BEFORE}")
    assert (_value(health, BEFORE), _value(police, BEFORE)) == (18, 40)
    assert Figure.get(Figure.indicator == police).entered_by_id == people["admin"].id
