"""At 200% zoom on a laptop (640 CSS pixels wide) no page scrolls sideways: wide tables scroll
inside their own labelled region, and axe finds nothing."""

import pytest

from qa.cycles.models import Cycle
from tests.browser.conftest import check_axe, sign_in

WIDE_PAGES = [
    "/actions",
    "/admin/audit",
    "/admin/people",
    "/section11/overview",
    "/challenge/cycles/{cycle}/selection",
]


@pytest.fixture
def demo(demo_partnership):
    return demo_partnership


def test_wide_pages_fit_a_640_pixel_screen(page, live_app, demo):
    page.set_viewport_size({"width": 640, "height": 900})
    sign_in(page, "admin@northbrook-scp.example")
    cycle = Cycle.current()
    for path in WIDE_PAGES:
        page.goto(path.format(cycle=cycle.id))
        assert page.evaluate("document.documentElement.scrollWidth") <= 640, path
        region = page.locator(".qa-table-wrap").first
        assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
        check_axe(page)
