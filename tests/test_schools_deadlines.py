"""A school's return locks after its deadline (told plainly), an admin extends it for one setting
with a reason (audited), non-returners are reminded on a schedule and escalated to the head and
chair of governors after the second reminder, and the overview counts completion by phase and
locality."""

from datetime import date, timedelta

from qa.audit import AuditEvent
from qa.schools import chasing
from qa.schools import returns_queries as queries
from qa.schools.models import Chase, Extension, Setting
from qa.section11 import returns
from qa.section11.models import Rating, Return
from tests.school_fixtures import submitted_return


def _past_deadline(cycle):
    cycle.deadline = date.today() - timedelta(days=1)
    cycle.save()


def test_a_schools_return_locks_after_its_deadline(app, settings, school_lead, cycles, signed_in):
    ret = returns.start(settings[0].agency, cycles["this"], school_lead)
    _past_deadline(cycles["this"])
    rating = Rating.select().where(Rating.return_ == ret.id).first()
    lead = signed_in(school_lead)
    refused = lead.post(
        f"/section11/ratings/{rating.id}", {"version": rating.version, "rag": "G", "evidence": "x"}
    )
    assert refused.status_code == 409
    assert "The deadline for this return was" in refused.get_data(as_text=True)
    page = lead.get(f"/section11/returns/{ret.id}").get_data(as_text=True)
    assert 'id="locked"' in page and "Check your answers" not in page
    assert Rating.get_by_id(rating.id).rag == ""


def test_another_agencys_return_is_not_locked_by_a_schools_deadline(app, return_a, cycles, people):
    _past_deadline(cycles["this"])
    rating = Rating.select().where(Rating.return_ == return_a.id).first()
    returns.save_rating(rating, rating.version, "G", "Fine", people["lead_a"])
    assert Rating.get_by_id(rating.id).rag == "G"


def test_an_extension_reopens_one_setting_with_its_reason(
    app, settings, school_lead, cycles, admin_client, signed_in
):
    ret = returns.start(settings[0].agency, cycles["this"], school_lead)
    _past_deadline(cycles["this"])
    until = date.today() + timedelta(days=7)
    posted = admin_client.post(
        f"/schools/extend?cycle={cycles['this'].id}",
        {
            "setting": settings[0].id,
            "until-day": until.day,
            "until-month": until.month,
            "until-year": until.year,
            "reason": "Head on long-term sick leave",
        },
    )
    assert posted.status_code == 302
    assert Extension.get().until == until
    line = AuditEvent.get(AuditEvent.verb == "extended")
    assert "Head on long-term sick leave" in line.summary
    rating = Rating.select().where(Rating.return_ == ret.id).first()
    returns.save_rating(rating, rating.version, "G", "Done", school_lead)  # no longer locked
    assert Rating.get_by_id(rating.id).rag == "G"


def test_an_extension_needs_a_reason(app, settings, cycles, admin_client):
    page = admin_client.post("/schools/extend", {"setting": settings[0].id, "reason": ""})
    assert page.status_code == 200 and "Enter why the deadline is extended" in page.get_data(
        as_text=True
    )
    assert not Extension.select().exists()


def test_reminders_then_escalation_as_time_moves(app, settings, school_lead, cycles):
    for setting in settings[1:]:
        submitted_return(setting, cycles["this"], school_lead)
    deadline = cycles["this"].deadline
    assert chasing.messages(deadline - timedelta(days=20)) == []
    first = chasing.messages(deadline - timedelta(days=14))
    assert [(to, subject.split(":")[0]) for to, subject, _ in first] == [
        ("dsl@school0.example.org", "First reminder")
    ]
    assert chasing.messages(deadline - timedelta(days=13)) == []  # each goes once
    second = chasing.messages(deadline - timedelta(days=7))
    assert [subject.split(":")[0] for _, subject, _ in second] == ["Second reminder"]
    escalated = chasing.messages(deadline)
    assert {to for to, _, _ in escalated} == {
        "dsl@school0.example.org",
        "head0@school0.example.org",
        "chair0@school0.example.org",
    }
    assert "after two reminders" in escalated[0][2]
    assert chasing.messages(deadline + timedelta(days=30)) == []
    assert [c.stage for c in Chase.select().order_by(Chase.stage)] == [1, 2, 3]


def test_a_setting_without_a_lead_is_reminded_through_its_head(app, settings, cycles):
    deadline = cycles["this"].deadline
    sent = chasing.messages(deadline - timedelta(days=14))
    assert sorted(to for to, _, _ in sent) == sorted(s.head_email for s in settings)


def test_completion_by_phase_and_locality(app, settings, school_lead, cycles, admin_client):
    for setting in (settings[1], settings[3], settings[4]):
        submitted_return(setting, cycles["this"], school_lead)
    returns.start(settings[2].agency, cycles["this"], school_lead)  # started, not returned
    Setting.update(status="closed").where(Setting.id == settings[0].id).execute()
    rows = queries.progress(cycles["this"])
    submitted = {r.agency_id for r in Return.select().where(Return.status == "submitted")}
    for key in ("phase", "locality"):
        found = {c.name: (c.total, c.returned) for c in queries.completion(rows, key)}
        for value in {getattr(s, key) for s in settings}:
            open_ = [s for s in Setting.select() if getattr(s, key) == value and s.status == "open"]
            expected = (len(open_), sum(s.agency_id in submitted for s in open_))
            assert found[value] == expected
    page = admin_client.get("/schools/").get_data(as_text=True)
    assert "3 of 4 settings have returned (75%)" in page
    assert "Castle Primary School" in page.split('id="non-returners"')[1]


def test_overview_and_heatmap_queries_do_not_grow_with_settings(
    app, settings, school_lead, cycles, admin_client, count_queries
):
    for setting in settings[:2]:
        submitted_return(setting, cycles["this"], school_lead)

    def counted(path):
        with count_queries() as counter:
            assert admin_client.get(path).status_code == 200
        return counter.count

    before = (counted("/schools/"), counted("/schools/heatmap"))
    for setting in settings[2:]:
        submitted_return(setting, cycles["this"], school_lead)
    assert (counted("/schools/"), counted("/schools/heatmap")) == before


def test_the_heatmap_groups_by_phase_and_filters(app, settings, school_lead, cycles, admin_client):
    submitted_return(settings[0], cycles["this"], school_lead)
    page = admin_client.get("/schools/heatmap").get_data(as_text=True)
    assert page.index('id="phase-summary"') < page.index('id="phase-0"')
    assert "Primary: 3 settings" in page and "Secondary: 2 settings" in page
    north = admin_client.get("/schools/heatmap?phase=Primary&locality=North").get_data(as_text=True)
    assert "Primary: 2 settings" in north and "Secondary" not in north.split('id="phases"')[1]


def test_the_heatmap_shows_summaries_only_until_narrowed(
    app, settings, cycles, admin_client, monkeypatch
):
    monkeypatch.setattr(queries, "SHOW_LIMIT", 2)
    page = admin_client.get("/schools/heatmap").get_data(as_text=True)
    assert 'id="narrow"' in page and "Each setting's ratings" not in page
    assert "/schools/heatmap?" in page.split('id="phase-summary"')[1]  # each phase links on
    narrowed = admin_client.get("/schools/heatmap?phase=Secondary").get_data(as_text=True)
    assert "Secondary: 2 settings" in narrowed and 'id="narrow"' not in narrowed


def test_the_summary_counts_settings_returns_and_ratings(app, settings, school_lead, cycles):
    submitted_return(settings[0], cycles["this"], school_lead)
    returns.start(settings[1].agency, cycles["this"], school_lead)  # a draft counts no ratings
    framework = settings[0].agency.framework
    phases, localities, shown = queries.heatmap_by_phase(cycles["this"], framework)
    primary = next(t for t in phases if t.name == "Primary")
    rated = Rating.select().join(Return).where(Return.agency == settings[0].agency_id).count()
    assert (primary.settings, primary.returned, primary.counts["G"]) == (3, 1, rated)
    assert {t.name: t.settings for t in localities} == {"North": 3, "South": 2} and shown


def test_the_non_returners_come_a_page_at_a_time(app, settings, cycles, admin_client, monkeypatch):
    from qa.schools import returns_views as views

    monkeypatch.setattr(views, "PER_PAGE", 2)
    first = admin_client.get("/schools/").get_data(as_text=True)
    assert "Not yet returned: 5" in first and "Page 1 of 3" in first
    assert first.split('id="non-returners"')[1].count('scope="row"') == 2
    last = admin_client.get("/schools/?page=3").get_data(as_text=True)
    assert "Elm High School" in last.split('id="non-returners"')[1]


def test_the_daily_reminders_include_the_schools(app, settings, school_lead, cycles):
    from qa.actions import reminders

    found = reminders.all_messages(cycles["this"].deadline - timedelta(days=14))
    assert ("dsl@school0.example.org", "First reminder") in {
        (to, subject.split(":")[0]) for to, subject, _ in found
    }


def test_after_the_deadline_the_reminder_asks_for_an_extension(app, settings, school_lead, cycles):
    deadline = cycles["this"].deadline
    for day in (-14, -7):
        chasing.messages(deadline + timedelta(days=day))
    late = chasing.messages(deadline + timedelta(days=3))
    assert late and all(
        "ask the partnership's QA officer for a later deadline" in b for _, _, b in late
    )
