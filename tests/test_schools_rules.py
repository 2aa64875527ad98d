"""The schools' pure rules: who signs off next, when a reminder is due, and the sample for
verification visits (explained, reproducible from its seed, strata respected, weights honoured)."""

from collections import Counter
from datetime import date, timedelta

from qa.schools import chasing_rules, sampling, signoff_rules

D = date(2027, 3, 31)


def test_the_head_signs_before_the_chair_and_only_once_submitted():
    needs = signoff_rules.needed("head chair")
    assert signoff_rules.next_to_sign(needs, set(), submitted=False) is None
    assert signoff_rules.next_to_sign(needs, set(), submitted=True) == "head"
    assert signoff_rules.next_to_sign(needs, {"head"}, submitted=True) == "chair"
    assert signoff_rules.complete(needs, {"head", "chair"}, submitted=True)
    assert not signoff_rules.complete(needs, {"head"}, submitted=True)
    assert signoff_rules.needed("") == [] and signoff_rules.needed("bursar head") == ["head"]


def test_a_return_locks_the_day_after_its_deadline_or_extension():
    assert not chasing_rules.locked(D, D) and chasing_rules.locked(D, D + timedelta(days=1))
    later = chasing_rules.deadline_for(D, D + timedelta(days=10))
    assert not chasing_rules.locked(later, D + timedelta(days=5))
    assert not chasing_rules.locked(None, D)


def test_reminders_follow_each_other_a_week_apart():
    sent = {}
    assert chasing_rules.next_stage(D, D - timedelta(days=15), sent) is None
    assert chasing_rules.next_stage(D, D - timedelta(days=14), sent) == 1
    sent[1] = D - timedelta(days=10)  # sent late: the next waits a week from it
    assert chasing_rules.next_stage(D, D - timedelta(days=4), sent) is None
    assert chasing_rules.next_stage(D, D - timedelta(days=3), sent) == 2
    sent[2] = D - timedelta(days=3)
    assert chasing_rules.next_stage(D, D + timedelta(days=4), sent) == 3
    sent[3] = D + timedelta(days=4)
    assert chasing_rules.next_stage(D, D + timedelta(days=40), sent) is None


def _settings():
    phases, places = ("Primary", "Secondary", "Early years"), ("North", "South")
    return [
        sampling.Candidate(i, f"Setting {i}", phases[i % 3], places[i % 2], returned=i % 5 != 0)
        for i in range(60)
    ]


def test_the_same_seed_gives_the_same_sample_and_another_seed_another():
    one = sampling.sample(_settings(), size=6, seed=42)
    assert one == sampling.sample(list(reversed(_settings())), size=6, seed=42)
    assert [c.id for c in one] != [c.id for c in sampling.sample(_settings(), size=6, seed=43)]


def test_the_sample_is_shared_across_the_strata_in_proportion():
    chosen = sampling.sample(_settings(), ("phase", "locality"), size=12, seed=1)
    assert len(chosen) == 12 and len({c.id for c in chosen}) == 12
    assert Counter(c.stratum for c in chosen) == {
        f"{p}, {x}": 2 for p in ("Primary", "Secondary", "Early years") for x in ("North", "South")
    }
    by_id = {c.id: c for c in _settings()}
    assert all(c.stratum == f"{by_id[c.id].phase}, {by_id[c.id].locality}" for c in chosen)
    assert "2 of the 10 settings in" in chosen[0].reason


def test_shares_give_the_remainder_to_the_largest_fractions():
    assert sampling.shares({"a": 5, "b": 3, "c": 2}, 4) == {"a": 2, "b": 1, "c": 1}
    assert sampling.shares({"a": 1}, 5) == {"a": 1}


def test_weights_are_honoured_on_average_and_explained():
    settings = [
        sampling.Candidate(i, f"S{i}", "Primary", "North", returned=i >= 5) for i in range(20)
    ]
    picked = Counter()
    for seed in range(400):
        picked.update(c.id for c in sampling.sample(settings, ("phase",), 4, ("no_return",), seed))
    no_return = sum(picked[i] for i in range(5)) / 5
    returned = sum(picked[i] for i in range(5, 20)) / 15
    assert no_return > 2 * returned  # weighted three times: chosen far more often
    plain = Counter()
    for seed in range(400):
        plain.update(c.id for c in sampling.sample(settings, ("phase",), 4, (), seed))
    assert sum(plain[i] for i in range(5)) / 5 < 1.5 * sum(plain[i] for i in range(5, 20)) / 15
    reason = next(
        c.reason
        for seed in range(50)
        for c in sampling.sample(settings, ("phase",), 4, ("no_return",), seed)
        if c.id < 5
    )
    assert "weighted 3 times for no return" in reason


def test_red_and_amber_ratings_weigh_the_choice():
    value, why = sampling.weight(sampling.Candidate(1, "S", "P", "N", True, 2, 1), ("rag",))
    assert value == 1 + 2 * 2 + 1 and why == ["2 red and 1 amber"]
    assert sampling.weight(sampling.Candidate(1, "S", "P", "N", True), ("rag",)) == (1, [])


def test_a_stratum_of_one_is_said_so():
    alone = [sampling.Candidate(1, "Willow Bank", "Special", "North")]
    assert sampling.sample(alone, size=1)[0].reason == "The only setting in Special, North."
