"""One rule for pages and fragments: a route renders the page, or its partial when htmx asked."""

from urllib.parse import urlsplit

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


def keep_the_page_address(response):
    """After a boosted form is sent back to be corrected, the address bar keeps the page's own
    address, not the address the form posts to.

    htmx puts a boosted form's action in the address bar; for a POST-only route (sending a
    return, adding a visitor) reloading it then asks for a page that does not exist. The page
    the form was on is the one re-shown: the request's Referer, when it is this site's.
    """
    if (
        request.method == "POST"
        and response.status_code == 200
        and request.headers.get("HX-Boosted") == "true"
        and "HX-Redirect" not in response.headers
        and "HX-Replace-Url" not in response.headers
    ):
        came_from = urlsplit(request.referrer or "")
        if came_from.netloc == request.host and came_from.path:
            page = came_from.path + (f"?{came_from.query}" if came_from.query else "")
            response.headers["HX-Replace-Url"] = page
    return response
