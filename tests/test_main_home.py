"""Each role's home page says what to do next (issue 14), and a fresh install starts with a
checklist whose every link, like every menu entry, opens (issue 16)."""

import re
from datetime import date, timedelta

import pytest

from qa.actions.models import Action
from qa.people.models import Agency, Sector, User
from qa.section11 import returns
from qa.section11.models import Rating
from tests.conftest import Client, password_hash
from tests.home_fixtures import busy_cycle_fixture, visit, visits_fixture  # noqa: F401
from tests.section11_fixtures import add_action, fill, ratings_of, submitted
from tests.survey_fixtures import make_survey


def html_of(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def text_of(html):
    """The page's words, tags and runs of spaces gone."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def links_of(html):
    """Every link on the page to a page of the app (files and sign-out aside)."""
    return {
        href
        for href in re.findall(r'<a [^>]*href="(/[^"#]*)"', html)
        if not re.search(r"\.(pdf|csv|png|svg|ics)$", href)
    }


# --- a fresh install: init and create-admin, no demo, no cycle ---


@pytest.fixture
def fresh_admin(app):
    User.create(
        email="fay@example.org", name="Fay Fresh", role="admin", password_hash=password_hash()
    )
    client = Client(app)
    assert client.sign_in("fay@example.org").status_code == 302
    return client


def test_a_fresh_install_greets_the_admin_with_a_start_here_checklist(fresh_admin):
    page = text_of(html_of(fresh_admin))
    titles = [
        "1. Name your partnership",
        "2. Add sectors",
        "3. Add agencies",
        "4. Add people",
        "5. Open an audit cycle",
        "6. Check the frameworks and standards",
        "7. Make a survey",
    ]
    positions = [page.index(title) for title in titles]
    assert positions == sorted(positions) and "Start here" in page
    # Only the frameworks come ready (the Section 11 standards are seeded): the rest are to do
    assert page.count("To do") == 6 and "This cycle so far" not in page


def test_each_step_is_ticked_once_done_and_links_to_where_it_is_done(fresh_admin):
    html = html_of(fresh_admin)
    for endpoint in ("/admin/settings", "/admin/sectors", "/admin/agencies", "/admin/people"):
        assert f'href="{endpoint}"' in html
    assert 'href="/admin/cycles"' in html and 'href="/admin/surveys"' in html
    health = Sector.create(name="Health", slug="health")
    Agency.create(name="Northbrook Hospitals", sector=health)
    page = text_of(html_of(fresh_admin))
    assert re.search(r"2\. Add sectors .*? Done", page) and re.search(
        r"3\. Add agencies .*? Done", page
    )
    assert page.count("To do") == 4


def test_no_menu_entry_or_checklist_link_fails_on_a_fresh_install(fresh_admin):
    home = html_of(fresh_admin)
    menu = re.findall(r'class="govuk-service-navigation__link" href="([^"]+)"', home)
    assert len(menu) >= 10
    for href in sorted(set(menu) | links_of(home)):
        response = fresh_admin.get(href)
        assert response.status_code < 400, (href, response.status_code)
        # and every page the menu leads to has no broken link of its own either
        if href in menu:
            for inner in links_of(response.get_data(as_text=True)):
                status = fresh_admin.get(inner).status_code
                assert status < 400, (href, inner, status)


def test_once_set_up_the_checklist_gives_way_to_the_cycles_progress(admin_client, people, cycles):
    admin_client.post(
        "/admin/settings",
        {"version": "1", "name": "Eastmere SCP", "time_zone": "Europe/London"},
    )
    make_survey()
    page = text_of(html_of(admin_client))
    assert "Start here" not in page and "This cycle so far" in page


# --- the admin: the cycle's progress, each with its next step ---


def test_admin_sees_returns_in_and_overdue_with_the_next_step(admin_client, busy_cycle):
    page = text_of(html_of(admin_client))
    assert "Section 11 returns 1 of 2 sent in; 1 overdue" in page
    assert "Chase the overdue returns" in page


def test_admin_sees_events_needing_dates_or_visitors(admin_client, busy_cycle, cycles):
    html = html_of(admin_client)
    assert "1 needs a date; 2 need visitors" in text_of(html)
    assert f'href="/pairing/cycles/{cycles["this"].id}">Propose visitors' in html
    assert f'href="/challenge/cycles/{cycles["this"].id}">Give events a date' in html


def test_admin_sees_moderation_waiting_and_opens_the_next_rating(admin_client, busy_cycle, people):
    html = html_of(admin_client)
    assert "9 ratings in submitted returns waiting" in text_of(html)
    first = min(r.id for r in Rating.select().where(Rating.moderation_status == ""))
    assert f'href="/section11/ratings/{first}/review">Moderate the next rating' in html
    Rating.update(moderation_status="agreed").execute()
    assert "Moderation Nothing waiting" in text_of(html_of(admin_client))


def test_admin_sees_flags_to_review_with_a_link_to_the_review_queue(admin_client, busy_cycle):
    html = html_of(admin_client)
    assert "Survey answers flagged 1 to review" in text_of(html)
    assert 'href="/admin/surveys/review">Review them' in html


def test_admin_sees_overdue_actions_with_a_link_to_them(admin_client, busy_cycle):
    html = html_of(admin_client)
    assert "Actions 1 overdue" in text_of(html)
    assert 'href="/actions?overdue=1">See the overdue actions' in html


# --- reviewers: their visits to come, in date order; the sub-group's moderation ---


def test_a_peer_reviewer_sees_visits_to_come_soonest_first(signed_in, people, visits):
    page = text_of(html_of(signed_in(people["peer"])))
    assert "Your visits to come" in page
    order = [page.index(name) for name in ("Oak Hill", "Riverside High", "Little Acorns")]
    assert order == sorted(order)
    assert "Millbrook Academy" not in page  # a past visit is not one to come
    assert "Moderation" not in page


def test_a_sub_group_reviewer_sees_visits_to_come_and_moderation_due(
    reviewer_client, people, cycles, visits
):
    submitted(returns.start(people["agency_b"], cycles["this"], people["lead_b"]), people["lead_b"])
    html = html_of(reviewer_client)
    page = text_of(html)
    assert page.index("Oak Hill") < page.index("Riverside High")
    assert "9 ratings in submitted returns are waiting to be agreed or challenged" in page
    assert "Moderate the next rating" in page


def test_a_reviewer_with_no_visits_is_told_so(signed_in, people, cycles):
    page = text_of(html_of(signed_in(people["peer"])))
    assert "You have no visits to come" in page


# --- the agency lead: one button to the return, actions told apart ---


def test_a_lead_with_no_return_yet_is_offered_to_start_it_with_its_deadline(lead_client, cycles):
    html = html_of(lead_client)
    assert re.search(
        r'class="govuk-button"[^>]*href="/section11/return">Start your 2026-27 return', html
    )
    deadline = cycles["this"].deadline.strftime("%-d %B %Y")
    assert f"Due by {deadline}." in text_of(html)


def test_a_lead_with_a_return_in_progress_continues_it(lead_client, people, return_a):
    fill(return_a, people["lead_a"])
    html = html_of(lead_client)
    assert ">Continue your 2026-27 return</a>" in html and "Start your" not in html
    assert "in progress (9 of 9 standards complete)" in text_of(html)


def test_a_lead_past_the_deadline_is_told_the_return_was_due(lead_client, people, cycles):
    this = cycles["this"]
    type(this).update(deadline=date.today() - timedelta(days=2)).where(
        type(this).id == this.id
    ).execute()
    deadline = (date.today() - timedelta(days=2)).strftime("%-d %B %Y")
    assert f"It was due by {deadline}." in text_of(html_of(lead_client))


def test_a_lead_whose_return_is_in_views_it(lead_client, people, return_a):
    submitted(return_a, people["lead_a"])
    html = html_of(lead_client)
    assert ">View your submitted 2026-27 return</a>" in html and "Due by" not in text_of(html)


def test_a_leads_actions_with_the_same_words_are_told_apart_by_standard_and_source(
    lead_client, people, return_a
):
    fill(return_a, people["lead_a"], rag="A", actions=False)
    first, second = ratings_of(return_a)[:2]
    Rating.update(rag="R").where(Rating.id == second.id).execute()
    for rating in (first, second):
        Action.update(due=date.today() - timedelta(days=3)).where(
            Action.id == add_action(return_a, rating, description="Audit twenty cases").id
        ).execute()
    page = text_of(html_of(lead_client))
    titles = [rating.standard.title for rating in (first, second)]
    codes = [rating.standard.code for rating in (first, second)]
    assert f"Standard {codes[0]}: {titles[0]} · Section 11 self-assessment: An amber" in page
    assert f"Standard {codes[1]}: {titles[1]} · Section 11 self-assessment: A red" in page


# --- a fixed number of queries, however many agencies, events and actions ---


def grow(people, cycles, lead_return, n):
    """n more agencies, each with a submitted amber return (nine actions) and an event the
    reviewer visits, and n more actions of agency A's lead from its return: all overdue."""
    health, this, admin = people["agency_a"].sector, cycles["this"], people["admin"]
    for _ in range(n):
        agency = Agency.create(name=f"Agency {Agency.select().count() + 1}", sector=health)
        ret = returns.start(agency, this, admin)
        fill(ret, admin, rag="A")
        type(ret).update(status="submitted").where(type(ret).id == ret.id).execute()
        visit(agency, this, people, None, [(people["reviewer"], "lead")])
    taken = Action.select().where(Action.agency == people["agency_a"]).count()
    for rating in ratings_of(lead_return)[taken : taken + n]:
        add_action(lead_return, rating)
    Action.update(due=date.today() - timedelta(days=1)).execute()


@pytest.mark.parametrize("who", ["admin", "lead_a", "reviewer"])
def test_each_home_costs_the_same_queries_however_much_there_is(
    app, people, cycles, who, count_queries, signed_in
):
    client = signed_in(people[who])
    lead_return = returns.start(people["agency_a"], cycles["this"], people["lead_a"])
    grow(people, cycles, lead_return, 1)
    with count_queries() as few:
        html = html_of(client)
    grow(people, cycles, lead_return, 4)
    with count_queries() as many:
        more = html_of(client)
    assert more != html  # the page shows more...
    assert many.count == few.count <= 25, (few.count, many.count)  # ...for the same queries


def test_an_admin_who_visits_agencies_sees_their_visits_to_come(admin_client, people, cycles):
    school = Agency.create(name="Oak Hill Primary School", sector=people["agency_a"].sector)
    soon = date.today() + timedelta(days=12)
    visit(school, cycles["this"], people, soon, [(people["admin"], "lead")])
    page = text_of(html_of(admin_client))
    assert "Your visits to come" in page and "Oak Hill Primary School" in page
