"""How fast one client may send a survey: counts kept only in this process's memory.

A count of sends per link and per address over a short window, forgotten as the window moves on:
never stored, never tied to a response (an address is kept only as a hash, and only while it has
sends in the window). With several workers each counts its own share. The same counts notice a
burst on a link (many sends within the window) for the admin to look at.
"""

import hashlib
import threading
import time
from collections import defaultdict, deque

# Defaults, each a setting of the same name (app.config): a class of 30 on one school network
# sending within a minute stays well inside them.
DEFAULTS = {
    "SURVEY_SEND_WINDOW_SECONDS": 300,
    "SURVEY_SENDS_PER_ADDRESS": 60,
    "SURVEY_SENDS_PER_LINK": 60,
    "SURVEY_BURST_SIZE": 20,
}
SWEEP_AT = 5000  # keys held before every key's old sends are swept


def setting(config, name):
    return int(config.get(name, DEFAULTS[name]))


class SendCounts:
    """Sends in the last `window` seconds, per key; thread-safe."""

    def __init__(self):
        self._lock = threading.Lock()
        self._times = defaultdict(deque)
        self._sent = defaultdict(deque)  # link: (time, response id) of the sends in the window

    def _forget_before(self, queue, cutoff, stamp=lambda item: item):
        while queue and stamp(queue[0]) < cutoff:
            queue.popleft()

    def allow(self, limits, window, now=None):
        """Count one send against each (key, limit) in `limits` and return True, or return False
        (and count nothing) when any key already has `limit` sends in the window."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._times) > SWEEP_AT:
                for key in list(self._times):
                    self._forget_before(self._times[key], now - window)
                    if not self._times[key]:
                        del self._times[key]
            for key, _ in limits:
                self._forget_before(self._times[key], now - window)
            if any(len(self._times[key]) >= limit for key, limit in limits):
                return False
            for key, _ in limits:
                self._times[key].append(now)
            return True

    def note_sent(self, link_id, response_id, window, burst_size, now=None):
        """Note a response made on a link; returns the ids of the link's responses in the window
        when they are a burst (at least `burst_size`), else []."""
        now = time.monotonic() if now is None else now
        with self._lock:
            sent = self._sent[link_id]
            sent.append((now, response_id))
            self._forget_before(sent, now - window, stamp=lambda item: item[0])
            return [rid for _, rid in sent] if len(sent) >= burst_size else []

    def clear(self):
        with self._lock:
            self._times.clear()
            self._sent.clear()


COUNTS = SendCounts()


def address_key(address):
    return ("address", hashlib.sha256(f"survey-send:{address}".encode()).hexdigest())


def may_send(link_id, address, config):
    """True, counting this send, when neither the link nor the address has sent its limit within
    the window."""
    limits = [
        (("link", link_id), setting(config, "SURVEY_SENDS_PER_LINK")),
        (address_key(address or ""), setting(config, "SURVEY_SENDS_PER_ADDRESS")),
    ]
    return COUNTS.allow(limits, setting(config, "SURVEY_SEND_WINDOW_SECONDS"))


def burst_after(link_id, response_id, config):
    """The ids of the link's responses sent within the window, when they make a burst; else []."""
    return COUNTS.note_sent(
        link_id,
        response_id,
        setting(config, "SURVEY_SEND_WINDOW_SECONDS"),
        setting(config, "SURVEY_BURST_SIZE"),
    )
