"""The yearly report's pure rules: its state, who still signs, the message a change after sign-off
gives, moving a section, and when sending the report on is late."""

from datetime import date

from qa.yearly_report import rules


def test_the_default_sections_follow_working_together_in_order():
    titles = [title for _, title, _ in rules.DEFAULT_SECTIONS]
    assert titles[0] == "What the partnership did this year"
    assert "What independent scrutiny found" in titles
    assert "Learning from local and national reviews" in titles
    assert "Education, children and families" in titles
    assert titles[-2:] == ["Our priorities for next year", "Funding and contributions"]
    assert len(rules.SECTION_KEYS) == len(rules.DEFAULT_SECTIONS)


def test_the_report_is_signed_off_only_when_all_three_partners_have_signed():
    assert rules.state([]) == "draft"
    assert rules.state(["health", "police"]) == "signing"
    assert rules.state(["police", "health", "local_authority"]) == "signed"
    assert rules.still_to_sign(["health"]) == ["Local authority", "Police"]


def test_a_change_after_sign_off_says_whose_sign_offs_it_cleared():
    assert rules.reopened_message([]) is None
    one = rules.reopened_message(["police"])
    assert "the sign-off by Police was cleared" in one
    two = rules.reopened_message(["police", "local_authority"])
    assert "sign-offs by Local authority and Police were cleared" in two
    assert "sign it off again" in two


def test_a_sign_off_is_of_the_report_as_the_partner_saw_it():
    assert rules.may_sign("4", 4)
    assert not rules.may_sign("3", 4)


def test_moving_a_section_swaps_it_with_its_neighbour_and_stops_at_the_ends():
    assert rules.moved([1, 2, 3], 2, "up") == [2, 1, 3]
    assert rules.moved([1, 2, 3], 2, "down") == [1, 3, 2]
    assert rules.moved([1, 2, 3], 1, "up") == [1, 2, 3]
    assert rules.moved([1, 2, 3], 3, "down") == [1, 2, 3]
    assert rules.moved([1, 2, 3], 9, "up") == [1, 2, 3]


def test_sending_later_than_the_set_days_after_publication_is_warned_about():
    published = date(2027, 9, 1)
    assert rules.sending(None, None, date(2027, 12, 1), 7) is None
    assert rules.sending(published, date(2027, 9, 8), date(2027, 12, 1), 7) is None
    late = rules.sending(published, date(2027, 9, 9), date(2027, 12, 1), 7)
    assert "sent 8 days after it was published" in late
    assert rules.sending(published, None, date(2027, 9, 5), 7) is None
    unsent = rules.sending(published, None, date(2027, 9, 20), 7)
    assert "published 19 days ago and has not been sent" in unsent
    assert rules.sending(published, None, date(2027, 9, 20), 30) is None
