"""The scorecard and one indicator's page: RAG in words, direction, comparators, charts with their
figures, filters in the URL, a bounded number of queries; commentary, proposals and actions."""

import io

from qa.actions.models import Action
from qa.dataset import rules
from qa.dataset.models import Comment, Indicator
from tests.dataset_fixtures import BEFORE, NOW, comparator, figures, indicator, locality


def _row(page, name):
    """The scorecard's row for an indicator, as text."""
    return page.split('<div id="scorecard">', 1)[1].split(name, 1)[1].split("</tr>", 1)[0]


def test_the_scorecard_judges_each_indicator_in_words(lead_client, people):
    ind = indicator(agency=people["agency_a"])  # lower is better, target 20, tolerance 2
    figures(ind, [21, 23.5])
    comparator(ind, "england", 22.4, period=BEFORE)
    comparator(ind, "neighbours", 25, period=BEFORE)
    Comment.create(indicator=ind, period=NOW, text="A new front door.")
    page = lead_client.get("/data-set").get_data(as_text=True)
    row = _row(page, "Re-referrals within 12 months")
    assert "23.5%" in row and rules.short_label(NOW) in row
    assert "govuk-tag--red" in row and ">Red<" in row  # the word as well as the colour
    assert "Worsening" in row
    assert "Worse</span> than England (22.4%)" in row
    assert "Better</span> than neighbours (25.0%)" in row
    assert "Region: no figure" in row
    assert 'role="img"' in row and f"{rules.short_label(BEFORE)} 21.0%" in row  # figures as text
    assert "A new front door." in row


def test_an_indicator_with_no_target_or_no_earlier_figure_says_so(lead_client, people):
    ind = indicator(agency=people["agency_a"], target=None, polarity="neither")
    figures(ind, [12])
    row = _row(lead_client.get("/data-set").get_data(as_text=True), ind.name)
    assert "No target" in row and "No earlier figure" in row and "No figures yet" not in row


def test_filters_live_in_the_url_and_work_without_javascript(reviewer_client, people):
    north = locality("North")
    mapped = indicator(
        code="missing", name="Missing episodes", agency=people["agency_b"], by_locality=True,
        cohort="Missing children", polarity="lower", target=None,
    )  # fmt: skip
    indicator(agency=people["agency_a"])
    figures(mapped, [40, 50])
    figures(mapped, [4, 9], locality=north)
    page = reviewer_client.get(f"/data-set?agency={people['agency_b'].id}").get_data(as_text=True)
    assert "Missing episodes" in page and "Re-referrals" not in page
    page = reviewer_client.get("/data-set?cohort=All+children").get_data(as_text=True)
    assert "Missing episodes" not in page and "Re-referrals" in page
    page = reviewer_client.get(f"/data-set?locality={north.id}").get_data(as_text=True)
    row = _row(page, "Missing episodes")
    assert "1 indicator in North" in page and "9.0%" in row and "50.0%" not in row
    fragment = reviewer_client.get(
        f"/data-set?locality={north.id}", headers={"HX-Request": "true"}
    ).get_data(as_text=True)
    assert fragment.startswith('\n<div id="scorecard">') or fragment.lstrip().startswith("<div")
    assert "<html" not in fragment
    assert reviewer_client.get("/data-set?agency=junk&locality=99999999").status_code == 200


def test_the_scorecard_reads_the_same_number_of_queries_however_much_data(
    admin_client, people, count_queries
):
    first = indicator(agency=people["agency_a"])
    figures(first, [20, 21])

    def counted():
        with count_queries() as counter:
            assert admin_client.get("/data-set").status_code == 200
        return counter.count

    few = counted()
    places = [locality(f"Locality {n}", n) for n in range(3)]
    for n in range(6):
        ind = indicator(code=f"more-{n}", name=f"Indicator {n}", agency=people["agency_b"],
                        by_locality=True)  # fmt: skip
        figures(ind, list(range(8)))
        for place in places:
            figures(ind, list(range(8)), locality=place)
        comparator(ind, "england", 3)
        comparator(ind, "region", 4)
        Comment.create(indicator=ind, period=NOW, text="Noted")
    assert counted() == few
    with count_queries() as counter:
        admin_client.get(f"/data-set?locality={places[0].id}")
    assert counter.count == few + 1  # the chosen locality, read once


def test_an_indicators_page_has_its_history_localities_comparators_and_corrections(
    admin_client, people
):
    north = locality("North")
    ind = indicator(agency=people["agency_a"], by_locality=True, tolerance=None)
    figures(ind, [19, 22])
    figures(ind, [30], locality=north)
    comparator(ind, "region", 21.0)
    admin_client.post(
        "/data-set/upload",
        {"file": (io.BytesIO(
            f"indicator,period,locality,value,note,reason\nre-referrals,{NOW},,18,,Recounted\n"
            .encode()), "f.csv")},
        content_type="multipart/form-data",
    )  # fmt: skip
    page = admin_client.get(f"/data-set/indicators/{ind.id}").get_data(as_text=True)
    assert rules.period_label(NOW) in page and rules.period_label(BEFORE) in page
    assert ">North<" in page and "30.0%" in page
    assert "Published statistics" in page and "21.0%" in page
    assert "Corrections" in page and "Recounted" in page and "22.0%" in page


def test_the_sub_group_comments_proposes_a_topic_and_raises_an_action(
    reviewer_client, people, cycles
):
    ind = indicator(agency=people["agency_a"])
    figures(ind, [20, 25])
    url = f"/data-set/indicators/{ind.id}"
    reviewer_client.post(f"{url}/comments", {"text": "Worth a closer look."})
    assert Comment.get().text == "Worth a closer look." and Comment.get().period == NOW
    reviewer_client.post(f"{url}/propose", {"reason": "Re-referrals rose two quarters running."})
    assert Indicator.get_by_id(ind.id).topic_proposal.startswith("Re-referrals rose")
    page = reviewer_client.get(url).get_data(as_text=True)
    assert "Proposed as a case-audit topic" in page and "Worth a closer look." in page
    response = reviewer_client.post(
        f"{url}/action",
        {"agency": people["agency_a"].id, "description": "Audit re-referrals",
         "owner": "Head of service", "due-day": "1", "due-month": "6", "due-year": "2027"},
    )  # fmt: skip
    action = Action.get()
    assert (action.source, action.source_id, action.agency_id) == (
        "dataset",
        ind.id,
        people["agency_a"].id,
    )
    assert response.headers["Location"].endswith(f"/actions/{action.id}")
    shown = reviewer_client.get(f"/actions/{action.id}").get_data(as_text=True)
    assert "The data-set indicator Re-referrals within 12 months" in shown


def test_an_agency_lead_reads_but_does_not_comment(lead_client, people):
    ind = indicator(agency=people["agency_a"])
    page = lead_client.get(f"/data-set/indicators/{ind.id}").get_data(as_text=True)
    assert "Add commentary" not in page and "Raise an action" not in page
    assert (
        lead_client.post(f"/data-set/indicators/{ind.id}/comments", {"text": "x"}).status_code
        == 403
    )


def test_an_indicators_page_and_the_late_returns_read_a_fixed_number_of_queries(
    admin_client, people, count_queries
):
    north = locality("North")
    ind = indicator(agency=people["agency_a"], by_locality=True)
    figures(ind, [20, 21])

    def counted(path):
        with count_queries() as counter:
            assert admin_client.get(path).status_code == 200
        return counter.count

    few = counted(f"/data-set/indicators/{ind.id}"), counted("/data-set/returns")
    figures(ind, list(range(8)), locality=north, last=rules.shift(NOW, -2))
    figures(ind, list(range(6)), last=rules.shift(NOW, -2))
    for area in ("england", "region", "neighbours"):
        comparator(ind, area, 3)
    for n in range(5):
        indicator(code=f"owed-{n}", name=f"Owed {n}", agency=people["agency_b"])
    assert (counted(f"/data-set/indicators/{ind.id}"), counted("/data-set/returns")) == few


def test_a_lead_is_told_which_figures_their_agency_still_owes(lead_client, people):
    mine = indicator(agency=people["agency_a"])
    figures(mine, [21, 22], last=BEFORE)  # this quarter's still to come, and one a year back
    indicator(code="theirs", name="Police figure", agency=people["agency_b"])
    page = lead_client.get("/data-set").get_data(as_text=True)
    banner = page.split('id="owed-title"', 1)[1].split("</ul>", 1)[0]
    assert f"{rules.period_label(NOW)}</a>: Re-referrals within 12 months" in banner
    assert f"/data-set/return?period={NOW}" in banner
    assert "Police figure" not in banner
    assert rules.period_label(rules.shift(NOW, -3)) in banner


def test_an_action_is_offered_for_the_agency_that_supplies_the_indicator(admin_client, people):
    ind = indicator(agency=people["agency_b"])
    page = admin_client.get(f"/data-set/indicators/{ind.id}").get_data(as_text=True)
    assert f'<option value="{people["agency_b"].id}" selected>' in page
