"""Verification visits: a sample drawn on the page is recorded with its seed and each reason, and
each chosen setting gets a challenge event (the challenge workflow's proposed visit)."""

from qa.challenge.models import ChallengeEvent
from qa.schools import sampling, visits
from qa.schools.models import SampledSetting, VisitSample


def test_a_sample_is_recorded_with_its_seed_and_reasons_and_becomes_visits(
    app, settings, cycles, admin_client
):
    posted = admin_client.post(
        f"/schools/visits?cycle={cycles['this'].id}", {"size": "3", "no_return": "y", "seed": "7"}
    )
    assert posted.status_code == 302
    sample = VisitSample.get()
    assert not ChallengeEvent.select().exists()  # chosen, not yet proposed
    admin_client.post(f"/schools/visits/propose?cycle={cycles['this'].id}", {"sample": sample.id})
    assert (sample.seed, sample.size, sample.weights) == (7, 3, "no_return")
    chosen = list(SampledSetting.select().order_by(SampledSetting.id))
    again = sampling.sample(
        visits.candidates(cycles["this"]), ("phase", "locality"), 3, ("no_return",), 7
    )
    assert [(c.setting_id, c.reason) for c in chosen] == [(c.id, c.reason) for c in again]
    events = {e.id: e for e in ChallengeEvent.select()}
    assert all(events[c.event_id].agency_id == c.setting.agency_id for c in chosen)
    assert all(
        events[c.event_id].selection_reason.startswith("Verification visit.") for c in chosen
    )
    page = admin_client.get(f"/schools/visits?cycle={cycles['this'].id}").get_data(as_text=True)
    assert "seed 7" in page and chosen[0].reason in page


def test_a_setting_already_challenged_this_cycle_stops_the_proposal(
    app, settings, cycles, admin_client
):
    for _ in range(2):
        admin_client.post("/schools/visits", {"size": "5", "seed": "1"})
    first, second = VisitSample.select().order_by(VisitSample.id)
    admin_client.post("/schools/visits/propose", {"sample": first.id})
    page = admin_client.post(
        "/schools/visits/propose", {"sample": second.id}, follow_redirects=True
    )
    assert "already has a challenge event" in page.get_data(as_text=True)
    assert ChallengeEvent.select().count() == 5  # nothing of the second proposed
