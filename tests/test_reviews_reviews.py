"""Reviews: kinds, a reference that never names a child, dates as GOV.UK date inputs, themes from
the partnership's list, recommendations, an https summary link; conflicts; the themes page; who
may open them."""

from datetime import date

from qa.audit import AuditEvent
from qa.reviews.models import Review, ReviewTheme, Theme
from tests.conftest import dates
from tests.review_fixtures import make_review, make_theme


def review_form(themes=(), version="1", **changes):
    form = {
        "version": version,
        "kind": "local",
        "reference": "LCSPR-2026-02",
        "title": "Neglect of a teenager",
        "recommendations": "Share information sooner\nHear the child",
        "summary_url": "https://northbrook-scp.example.org/reviews/lcspr-2026-02",
        "themes": [str(t.id) for t in themes],
        **dates(notified_on="2026-01-12", completed_on="2026-06-30", published_on=""),
    }
    return form | changes


def test_admin_adds_a_review_with_its_dates_themes_and_recommendations(app, people, admin_client):
    neglect, voice = make_theme("Neglect"), make_theme("Voice of the child")
    make_theme("Housing")
    response = admin_client.post("/reviews/new", review_form([neglect, voice]))
    assert response.status_code == 303
    review = Review.get(Review.reference == "LCSPR-2026-02")
    assert (review.notified_on, review.completed_on, review.published_on) == (
        date(2026, 1, 12),
        date(2026, 6, 30),
        None,
    )
    assert {link.theme.name for link in review.theme_links} == {"Neglect", "Voice of the child"}
    page = admin_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Local child safeguarding practice review" in page
    assert "<li>Hear the child</li>" in page and "Neglect, Voice of the child" in page
    assert AuditEvent.select().where(AuditEvent.verb == "created").count() == 1


def test_a_reference_or_title_naming_a_child_is_refused_and_nothing_saved(
    app, people, admin_client
):
    html = admin_client.post(
        "/reviews/new", review_form(reference="Jayden Smith", title="Born 3/4/2015")
    ).get_data(as_text=True)
    assert "The reference looks like it contains a name" in html
    assert "The title looks like it contains" in html and "a date of birth" in html
    assert Review.select().count() == 0


def test_the_summary_link_must_be_https(app, people, admin_client):
    for url in ("http://example.org/review", "javascript:alert(1)", "https://"):
        html = admin_client.post("/reviews/new", review_form(summary_url=url)).get_data(
            as_text=True
        )
        assert "starting https://" in html
    assert Review.select().count() == 0


def test_dates_are_checked_against_each_other(app, people, admin_client):
    html = admin_client.post(
        "/reviews/new",
        review_form(**dates(completed_on="2025-12-01", published_on="2026-02-30")),
    ).get_data(as_text=True)
    assert "The date it was completed must be on or after it was notified" in html
    assert "Enter a real date" in html
    assert Review.select().count() == 0


def test_a_reference_is_used_once(app, people, admin_client):
    make_review("LCSPR-2026-02")
    html = admin_client.post("/reviews/new", review_form()).get_data(as_text=True)
    assert "There is already a review with this reference" in html


def test_editing_a_review_changes_its_themes_and_a_stale_edit_is_a_conflict(
    app, people, admin_client, reviewer_client
):
    neglect, voice = make_theme("Neglect"), make_theme("Voice of the child")
    review = make_review("RR-2026-01", themes=[neglect])
    url = f"/reviews/{review.id}/edit"
    first = review_form([voice], version=str(review.version), reference="RR-2026-01", title="A")
    assert reviewer_client.post(url, first).status_code == 302
    assert [link.theme_id for link in ReviewTheme.select()] == [voice.id]
    stale = admin_client.post(url, first | {"title": "B"}).get_data(as_text=True)
    assert "Someone else saved this" in stale
    assert Review.get_by_id(review.id).title == "A"


def test_admin_keeps_the_themes_list(app, people, admin_client):
    assert admin_client.post("/reviews/themes", {"version": "1", "name": "Neglect"}).status_code
    html = admin_client.post("/reviews/themes", {"version": "1", "name": "neglect"}).get_data(
        as_text=True
    )
    assert "There is already a theme with this name" in html
    theme = Theme.get(Theme.name == "Neglect")
    response = admin_client.post(
        f"/reviews/themes/{theme.id}", {"version": str(theme.version), "name": "Chronic neglect"}
    )
    assert response.status_code == 302
    theme = Theme.get_by_id(theme.id)
    assert (theme.name, theme.active) == ("Chronic neglect", False)
    # a theme no longer offered is not offered for a new review
    admin_client.get("/reviews/themes")  # the flash is shown there
    assert ">Chronic neglect</label>" not in admin_client.get("/reviews/new").get_data(as_text=True)


def test_reviews_are_for_the_subgroup_and_themes_for_the_admin(app, people, signed_in):
    review = make_review()
    for role in ("peer", "lead_a"):
        client = signed_in(people[role])
        for url in ("/reviews", f"/reviews/{review.id}", "/reviews/new"):
            assert client.get(url).status_code == 403, (role, url)
    subgroup = signed_in(people["reviewer"])
    assert subgroup.get(f"/reviews/{review.id}").status_code == 200
    assert subgroup.get("/reviews/themes").status_code == 403


def test_the_list_costs_the_same_queries_for_many_reviews(app, people, admin_client, count_queries):
    themes = [make_theme(f"Theme {n}") for n in range(3)]
    make_review("RR-1", themes=themes)
    with count_queries() as one:
        admin_client.get("/reviews")
    for n in range(2, 8):
        make_review(f"RR-{n}", themes=themes)
    with count_queries() as many:
        html = admin_client.get("/reviews").get_data(as_text=True)
    assert "RR-7" in html and many.count == one.count
