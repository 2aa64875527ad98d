"""gunicorn settings for qa (`make run`, `make serve`; `gunicorn -c deploy/gunicorn.conf.py
app:app`).

Nothing is in front of gunicorn in `make run`, so these settings bound what a slow client can hold.
In production a buffering reverse proxy (nginx, a load balancer) sits in front: it reads each
request whole before passing it on, so no slow client ever reaches gunicorn.

gthread (gunicorn 27) hands a connection to a thread as soon as its first byte arrives, and the
thread then reads the headers in blocking mode with no deadline: twelve connections trickling a
byte a second held all 2 x 4 threads and /healthz timed out. Here:
- each request's line and headers must arrive within HEADER_SECONDS of a thread starting on it,
  else the connection is closed (DeadlineWorker below); a body read waits at most BODY_IDLE_SECONDS
  for each piece (an upload may be slow, but not stalled);
- 2 workers x 16 threads, so a dozen slow clients (even all on one worker) leave threads free;
- at most 200 connections a worker; keep-alive 5 s; request line and headers kept small.
tests/test_slow_clients.py starts gunicorn with this file and measures it.
"""

import socket
import sys
import time
from pathlib import Path

from gunicorn.http.errors import NoMoreData
from gunicorn.workers.gthread import ThreadWorker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from qa.config import effective  # noqa: E402  (the same settings as every command)

HEADER_SECONDS = 5
BODY_IDLE_SECONDS = 30

# QA_BIND (settings file or environment); `--bind` on the command line overrides it
bind = effective()["QA_BIND"][0]
workers = 2
threads = 16
worker_connections = 200
keepalive = 5
timeout = 30
graceful_timeout = 30
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
# The access log leaves out addresses: nothing should tie a survey answer to a device.
accesslog = "-"
access_log_format = '%(t)s "%(r)s" %(s)s %(b)s'


class _DeadlineSocket:
    """A connection's socket whose reads stop at a deadline (None: each read waits at most
    `idle` seconds). Everything else is the socket's own."""

    def __init__(self, sock):
        self._sock = sock
        self.deadline = None
        self.idle = BODY_IDLE_SECONDS

    def __getattr__(self, name):
        return getattr(self._sock, name)

    def recv(self, size, *flags):
        wait = self.idle if self.deadline is None else self.deadline - time.monotonic()
        if wait <= 0:
            raise NoMoreData()  # too slow: closed like a client that went away
        self._sock.settimeout(wait)
        try:
            return self._sock.recv(size, *flags)
        except (socket.timeout, TimeoutError):
            raise NoMoreData() from None


class DeadlineWorker(ThreadWorker):
    """gthread, with a deadline on reading each request's line and headers."""

    def handle(self, conn):
        if not isinstance(conn.sock, _DeadlineSocket):
            conn.sock = _DeadlineSocket(conn.sock)
        conn.sock.deadline = time.monotonic() + HEADER_SECONDS
        return super().handle(conn)

    def handle_request(self, req, conn):
        conn.sock.deadline = None  # the headers are in; the body may take longer
        conn.sock.settimeout(BODY_IDLE_SECONDS)  # and so may sending the answer
        return super().handle_request(req, conn)


worker_class = DeadlineWorker


def when_ready(server):
    """From the moment gunicorn listens, `restore` refuses: the master holds the database's lock."""
    from qa.running import hold

    hold(effective()["QA_DATABASE"][0])
