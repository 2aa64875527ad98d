"""The demo cycles: last year's, finished, and this year's, under way."""

from datetime import date

from qa.cycles.models import Cycle


def load(demo):
    for name, starts, ends, deadline in [
        ("2025-26", date(2025, 4, 1), date(2026, 3, 31), date(2025, 12, 19)),
        ("2026-27", date(2026, 4, 1), date(2027, 3, 31), date(2027, 1, 29)),
    ]:
        Cycle.get_or_create(
            name=name, defaults={"starts": starts, "ends": ends, "deadline": deadline}
        )
