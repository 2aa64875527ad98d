"""One rule for pages and fragments.

A route renders the page, or just its partial when htmx asked.
"""

from flask import make_response, render_template, request


def wants_fragment() -> bool:
    """htmx asked for a piece of a page (not a boosted navigation or a history restore)."""
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Boosted") != "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
    )


def render(page: str, fragment: str | None = None, /, *, http_status: int = 200, **context):
    """Render `page`, or `fragment` when htmx asked for one; always Vary on HX-Request."""
    template = fragment if fragment and wants_fragment() else page
    response = make_response(render_template(template, **context), http_status)
    response.headers.add("Vary", "HX-Request")
    return response
