"""The one date field (GOV.UK date input: day, month, year) and the one 24-hour time field."""

import re
from datetime import date, time
from pathlib import Path

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form
from wtforms.validators import InputRequired, Optional

from qa.forms import DateInputField, TimeInputField


class Visit(Form):
    day = DateInputField(validators=[InputRequired("Enter the date of the visit")], noun="The date")
    other = DateInputField(validators=[Optional()])
    starts = TimeInputField(validators=[InputRequired("Enter the start time")])


def posted(day="", month="", year="", starts="10:00", **extra):
    return Visit(
        MultiDict({"day-day": day, "day-month": month, "day-year": year, "starts": starts} | extra)
    )


def test_three_boxes_make_a_date_and_a_month_may_be_a_name():
    form = posted("7", "3", "2027")
    assert form.validate() and form.day.data == date(2027, 3, 7) and form.other.data is None
    form = posted("07", "Mar", "2027")
    assert form.validate() and form.day.data == date(2027, 3, 7)


@pytest.mark.parametrize(
    "boxes, message, marked",
    [
        (("", "", ""), "Enter the date of the visit", ("day", "month", "year")),
        (("7", "", "2027"), "The date must include a month", ("month",)),
        (("", "", "2027"), "The date must include a day and month", ("day", "month")),
        (("31", "2", "2027"), "Enter a real date", ("day", "month", "year")),
        (("x", "3", "2027"), "Enter a real date", ("day", "month", "year")),
        (("7", "3", "27"), "The year must include 4 numbers", ("year",)),
    ],
)
def test_a_date_not_whole_or_not_real_says_what_is_wrong_and_marks_the_right_box(
    boxes, message, marked
):
    form = posted(*boxes)
    assert not form.validate()
    assert form.day.errors == [message] and form.day.error_parts == marked
    # what was typed is kept, and the error summary links to the first box in error
    assert tuple(form.day.parts.values()) == boxes
    first = marked[0]
    assert form.day.anchor == ("day" if first == "day" else f"day-{first}")


def test_an_optional_date_left_blank_is_fine_and_one_half_typed_is_not():
    assert posted("7", "3", "2027").validate()
    form = posted("7", "3", "2027", **{"other-day": "1", "other-month": "", "other-year": ""})
    assert not form.validate() and form.other.errors == ["The date must include a month and year"]


def test_a_date_held_is_shown_in_the_boxes():
    form = Visit(data={"day": date(2027, 12, 25)})
    assert form.day.parts == {"day": "25", "month": "12", "year": "2027"}


@pytest.mark.parametrize(
    "typed, expected",
    [("14:30", time(14, 30)), ("9:05", time(9, 5)), ("0930", time(9, 30)), ("14.30", time(14, 30))],
)
def test_a_time_is_typed_in_the_24_hour_clock(typed, expected):
    form = posted("7", "3", "2027", starts=typed)
    assert form.validate() and form.starts.data == expected


@pytest.mark.parametrize("typed", ["2pm", "24:00", "12:60", "noon"])
def test_a_time_that_is_not_24_hour_is_refused_and_kept(typed):
    form = posted("7", "3", "2027", starts=typed)
    assert not form.validate()
    assert form.starts.errors == ["Enter a time in the 24-hour clock, like 14:30"]
    assert form.starts._value() == typed


def test_blank_time_gets_the_fields_own_message():
    form = posted("7", "3", "2027", starts="")
    assert not form.validate() and form.starts.errors == ["Enter the start time"]


def test_no_form_asks_for_a_date_or_time_in_the_browsers_own_locale_format():
    root = Path(__file__).resolve().parent.parent
    pages = [
        path.relative_to(root)
        for path in (root / "templates").rglob("*.html")
        if re.search(r"type=\"(date|time|datetime-local)\"|type='(date|time)'", path.read_text())
    ]
    fields = [
        path.relative_to(root)
        for path in (root / "qa").rglob("*.py")
        if re.search(r"\b(DateField|TimeField|DateTimeLocalField)\(", path.read_text())
        and "peewee" not in path.read_text()
    ]
    assert pages == [] and fields == []
