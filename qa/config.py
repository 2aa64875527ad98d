"""Every setting, read from the environment in one place."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _secret_key(instance: Path) -> str:
    """QA_SECRET_KEY, or a key generated on first run and kept in instance/."""
    if os.environ.get("QA_SECRET_KEY"):
        return os.environ["QA_SECRET_KEY"]
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two processes starting at once must agree on one key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
        except FileExistsError:
            pass
    return path.read_text().strip()


def from_environment() -> dict:
    instance = Path(os.environ.get("QA_INSTANCE", ROOT / "instance"))
    return {
        "DATABASE": os.environ.get("QA_DATABASE", str(instance / "qa.db")),
        "SECRET_KEY": _secret_key(instance),
        "PARTNERSHIP_NAME": os.environ.get(
            "QA_PARTNERSHIP_NAME", "Northbrook Safeguarding Children Partnership"
        ),
        "MAX_CONTENT_LENGTH": int(os.environ.get("QA_MAX_UPLOAD_MB", "20")) * 1024 * 1024
        + 64 * 1024,
        "MAX_UPLOAD_BYTES": int(os.environ.get("QA_MAX_UPLOAD_MB", "20")) * 1024 * 1024,
        "IDLE_TIMEOUT": timedelta(minutes=int(os.environ.get("QA_IDLE_MINUTES", "30"))),
        # however active, a session ends this long after signing in (what is typed is kept)
        "ABSOLUTE_SESSION_LIFETIME": timedelta(hours=int(os.environ.get("QA_SESSION_HOURS", "12"))),
        "IDLE_WARNING": timedelta(minutes=int(os.environ.get("QA_IDLE_WARNING_MINUTES", "5"))),
        "LOGIN_ATTEMPTS_ALLOWED": 10,
        # failures from one address (an office behind one NAT) before its failures are refused
        "LOGIN_ATTEMPTS_PER_ADDRESS": int(os.environ.get("QA_LOGIN_ATTEMPTS_PER_ADDRESS", "50")),
        # proxies in front of the app trusted for X-Forwarded-For/Proto/Host; 0 trusts none
        "PROXY_COUNT": int(os.environ.get("QA_PROXY_COUNT", "0")),
        "LOGIN_WINDOW": timedelta(minutes=5),
        # The CSRF token lives as long as the session: a long form never fails on an old token.
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("QA_HTTPS", "0") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # served over HTTPS only: browsers are told never to use plain HTTP (HSTS)
        "HTTPS": os.environ.get("QA_HTTPS", "0") == "1",
        "PREFERRED_URL_SCHEME": "https" if os.environ.get("QA_HTTPS", "0") == "1" else "http",
        "DEMO_PASSWORD": os.environ.get("QA_DEMO_PASSWORD"),
        # forms kept when a session ended: at most this much typed, this many per browser and per
        # client address in a day, kept a day
        "KEPT_FORM_BYTES": 256 * 1024,
        "KEPT_FORMS_PER_BROWSER": 3,
        "KEPT_FORMS_PER_ADDRESS": 20,
        "KEPT_FORM_LIFETIME": timedelta(days=1),
        "SMTP_HOST": os.environ.get("QA_SMTP_HOST"),
        "SMTP_FROM": os.environ.get("QA_SMTP_FROM", "qa@localhost"),
        # Survey sends one link, or one address, may make within 5 minutes (qa.surveys.limits)
        "SURVEY_SENDS_PER_LINK": int(os.environ.get("QA_SURVEY_SENDS_PER_LINK", "60")),
        "SURVEY_SENDS_PER_ADDRESS": int(os.environ.get("QA_SURVEY_SENDS_PER_ADDRESS", "60")),
        # gzip on the way out (flask-compress): pages, stylesheets, scripts, JSON and SVG only;
        # never what is already compressed or a download (PDF, PNG, CSV, documents)
        "COMPRESS_ALGORITHM": ["gzip"],
        "COMPRESS_ALGORITHM_STREAMING": ["gzip"],  # static files are sent as streams
        "COMPRESS_MIMETYPES": [
            "text/html",
            "text/css",
            "text/javascript",
            "application/javascript",
            "application/json",
            "image/svg+xml",
        ],
    }
