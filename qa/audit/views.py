"""The audit trail for admins: who changed what, when, filtered by object."""

from flask import request
from playhouse.flask_utils import PaginatedQuery

from qa.audit import bp, queries
from qa.htmx import render
from qa.ids import parse_id
from qa.security import role_required

PAGE_SIZE = 50
# A page number beyond this is junk, taken as the first page.
LAST_PAGE = 99999


@bp.get("")
@role_required("admin")
def index():
    object_type = request.args.get("type", "")[:50]
    object_id = request.args.get("id", "")
    page = parse_id(request.args.get("page", ""))
    page = page if page and page <= LAST_PAGE else 1
    context = trail_page(object_type, object_id, page)
    return render("audit/index.html", "audit/_events.html", **context)


def trail_page(object_type, object_id, page):
    """One page of the trail, newest first, for one kind of record (and one record) if asked."""
    pages = PaginatedQuery(queries.events(object_type, parse_id(object_id)), PAGE_SIZE, page=page)
    return {
        "events": list(pages.get_object_list()),
        "more": page < pages.get_page_count(),
        "page": page,
        "types": queries.object_types(),
        "object_type": object_type,
        "object_id": object_id,
    }
