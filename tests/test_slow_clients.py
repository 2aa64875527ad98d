"""Slow clients cannot stall the service (issue 15).

gunicorn is started as `make run` starts it (deploy/gunicorn.conf.py); twelve connections trickle
their headers a byte at a time, and ordinary requests beside them are still answered: each within
the 5 s a stalled service would exceed (a sync worker held by a slow client answers nothing for the
15 s the clients trickle; unloaded, the answers come in milliseconds, printed, never asserted to the
millisecond on a shared machine). Each slow connection is closed once its headers are overdue.
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from harness import ROOT, VENV_BIN, free_port, stop  # noqa: E402

CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
SLOW_CLIENTS = 12


def start(env, *settings):
    port = free_port()
    process = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), *settings, "--bind", f"127.0.0.1:{port}"]
        + ["--log-level", "warning", "--access-logfile", "/dev/null", "--chdir", str(ROOT)]
        + ["app:app"],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process, port
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise AssertionError("gunicorn did not start")


def trickle(port, closed_after, stop_at):
    """Send a request line, then one byte of headers every 0.2 s, never finishing them."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        try:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
            while time.monotonic() < stop_at:
                sock.sendall(b"X")
                time.sleep(0.2)
                sock.settimeout(0.01)
                try:
                    if sock.recv(1024) == b"":
                        break  # closed by the server
                except TimeoutError:
                    pass
            else:
                return
        except OSError:
            pass
    closed_after.append(time.monotonic() - started)


def timed_get(port, path, timeout=3):
    """Seconds until the answer's status line arrived (a `timeout` raises)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode()
        )
        status = sock.recv(64)
    assert status.startswith(b"HTTP/1.1 200"), status
    return time.monotonic() - started


def test_twelve_slow_clients_leave_health_and_sign_in_answering(tmp_path):
    env = {
        "QA_DATABASE": str(tmp_path / "qa.db"),
        "QA_SECRET_KEY": "slow clients",
        "QA_INSTANCE": str(tmp_path),
    }
    flask = [str(VENV_BIN / "flask"), "--app", "app", "init"]
    subprocess.run(flask, cwd=ROOT, env={**os.environ, **env}, check=True, capture_output=True)
    process, port = start(env, "-c", str(CONFIG))
    try:
        # the workers may still be loading the app: warm both (templates compiled, database open)
        for _ in range(6):
            timed_get(port, "/healthz", timeout=60), timed_get(port, "/sign-in", timeout=60)
        closed_after, stop_at = [], time.monotonic() + 15
        slow = [
            threading.Thread(target=trickle, args=(port, closed_after, stop_at), daemon=True)
            for _ in range(SLOW_CLIENTS)
        ]
        for thread in slow:
            thread.start()
        times = []
        for _ in range(8):  # over 8 s: while the slow headers are read and after they are cut off
            time.sleep(1)
            times += [timed_get(port, "/healthz", 5), timed_get(port, "/sign-in", 5)]
        for thread in slow:
            thread.join(20)
    finally:
        stop(process)
    print(
        f"\n{SLOW_CLIENTS} slow clients: {len(times)} requests beside them answered in at most "
        f"{max(times) * 1000:.0f} ms (median {sorted(times)[len(times) // 2] * 1000:.0f} ms); "
        f"slow connections closed after {min(closed_after):.1f}-{max(closed_after):.1f} s"
    )
    assert len(times) == 16  # every one answered: timed_get raises after 5 s without an answer
    # each slow connection is cut off once its headers are overdue (5 s, plus up to 5 s waiting
    # for its first byte to reach a thread)
    assert len(closed_after) == SLOW_CLIENTS and max(closed_after) < 12
