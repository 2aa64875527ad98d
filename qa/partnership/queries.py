"""The partnership's settings as every page reads them, kept a few seconds in each process."""

from threading import Lock

from cachetools import TTLCache, cached
from flask import current_app

from qa.partnership.models import PartnershipSettings

# Every page shows the name: reading it once a minute per process, not once a page, costs no
# query on a page; another process sees a change within the minute, the one that saved at once.
_CACHE = TTLCache(maxsize=8, ttl=60)


@cached(_CACHE, key=lambda database, default_name: (database, default_name), lock=Lock())
def _settings(database, default_name):
    return PartnershipSettings.saved(default_name)


def current():
    """The partnership's settings (the configured name on a database where none are saved)."""
    config = current_app.config
    return _settings(config["DATABASE"], config["PARTNERSHIP_NAME"])


def forget():
    """Read the settings afresh next time (after a save)."""
    _CACHE.clear()
