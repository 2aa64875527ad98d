"""What every template can see: the partnership's name, the menu for this person, filters."""

from functools import cache

import pyphen
from flask import get_flashed_messages, request, url_for
from flask_login import current_user

from qa import __version__, audit, capability
from qa.htmx import wants_fragment
from qa.partnership.queries import current as partnership_settings


@cache
def _hyphens():
    """The British English hyphenation dictionary, read when first needed (0.25 s)."""
    return pyphen.Pyphen(lang="en_GB")


def navigation():
    if not current_user.is_authenticated:
        return []
    endpoint = request.endpoint or ""
    return [
        {
            "href": url_for(entry.endpoint),
            "text": entry.label,
            "current": endpoint.startswith(entry.current),
        }
        for entry in capability.menu()
        if current_user.role in entry.roles
        or ("subgroup" in entry.roles and current_user.on_subgroup)
    ]


def page_messages():
    """The flashed messages, for a whole page only: a piece of a page asked for by htmx (an
    inline-validation check sent as the person clicks Save) must not take the "saved" message
    meant for the page the save leads to."""
    return [] if wants_fragment() else get_flashed_messages(with_categories=True)


def init_app(app):
    @app.context_processor
    def _globals():
        partnership = partnership_settings()
        return {
            "partnership": partnership,
            "partnership_name": partnership.name,
            "qa_version": __version__,
            "navigation": navigation(),
            "page_messages": page_messages,
            "stylesheets": capability.stylesheets(),
            "idle_seconds": int(app.config["IDLE_TIMEOUT"].total_seconds()),
            "warning_seconds": int(app.config["IDLE_WARNING"].total_seconds()),
        }

    @app.template_filter("soft_hyphens")
    def _soft_hyphens(text):
        """Long words with soft hyphens, so a narrow column breaks "Account-ability" where a
        dictionary says it may, never "Accountabilit y" (browsers without hyphenation
        dictionaries break anywhere)."""
        return " ".join(
            _hyphens().inserted(word, hyphen="\u00ad") if len(word) > 12 else word
            for word in str(text).split(" ")
        )

    app.add_template_filter(audit.kind_in_words, "kind_in_words")

    @app.template_filter("date")
    def _date(value, fmt="%-d %B %Y"):
        return value.strftime(fmt) if value else ""

    @app.template_filter("datetime")
    def _datetime(value):
        return value.strftime("%-d %B %Y at %H:%M") if value else ""
