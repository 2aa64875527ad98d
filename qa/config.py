"""Every setting, in one place: the settings file (instance/qa.toml, or the file QA_SETTINGS
names), environment variables overriding it, defaults for the rest.

In the file a setting is written without `QA_` and in lower case (`database = "/var/lib/qa/qa.db"`,
`https = true`); a relative path there is relative to the file's folder. `flask --app app
settings` prints what is in force and where each value came from.
"""

import os
import secrets
import tomllib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str  # the environment variable
    default: str | None
    meaning: str
    secret: bool = False
    path: bool = False  # a file or folder: relative to the settings file's folder there

    @property
    def key(self):
        """Its name in the settings file."""
        return self.name.removeprefix("QA_").lower()


SETTINGS = (
    Setting(
        "QA_INSTANCE",
        None,
        "folder for the database, the secret key and backups by default "
        "(default: instance/ beside the code)",
        path=True,
    ),
    Setting(
        "QA_DATABASE", None, "the SQLite file (default: qa.db in the instance folder)", path=True
    ),
    Setting(
        "QA_SECRET_KEY",
        None,
        "signs sessions (default: generated on first run and kept in "
        "the instance folder's secret_key, mode 0600)",
        secret=True,
    ),
    Setting(
        "QA_PARTNERSHIP_NAME",
        "Northbrook Safeguarding Children Partnership",
        "the partnership's name in the header and on reports",
    ),
    Setting(
        "QA_BIND",
        "127.0.0.1:5000",
        "the address and port gunicorn listens on (make run, make serve)",
    ),
    Setting("QA_HTTPS", "0", "1 when served over HTTPS: Secure cookies, HSTS, https links"),
    Setting(
        "QA_PROXY_COUNT",
        "0",
        "reverse proxies in front of the app trusted for "
        "X-Forwarded-For, -Proto and -Host; 0 believes no such header",
    ),
    Setting(
        "QA_DEMO_PASSWORD",
        None,
        "the demo accounts' password (default: random, printed)",
        secret=True,
    ),
    Setting("QA_MAX_UPLOAD_MB", "20", "largest evidence document, in MB"),
    Setting("QA_IDLE_MINUTES", "30", "sign out after this many idle minutes"),
    Setting("QA_IDLE_WARNING_MINUTES", "5", "warn this many minutes before the idle sign-out"),
    Setting(
        "QA_SESSION_HOURS", "12", "however active, a session ends this many hours after signing in"
    ),
    Setting(
        "QA_LOGIN_ATTEMPTS_PER_ADDRESS",
        "50",
        "failed sign-ins from one address in 5 minutes "
        "before its failures are refused (a right password still signs in)",
    ),
    Setting("QA_SURVEY_SENDS_PER_LINK", "60", "survey sends one link may make in 5 minutes"),
    Setting("QA_SURVEY_SENDS_PER_ADDRESS", "60", "survey sends one address may make in 5 minutes"),
    Setting("QA_SMTP_HOST", None, "the mail server; without it reminders are printed, not sent"),
    Setting("QA_SMTP_PORT", None, "its port (default: 465 with tls, 587 with starttls, else 25)"),
    Setting(
        "QA_SMTP_SECURITY",
        "starttls",
        "starttls, tls (implicit TLS, usually port 465) or "
        "none (only for a server on this machine)",
    ),
    Setting("QA_SMTP_USER", None, "the login at the mail server (none: no login)"),
    Setting("QA_SMTP_PASSWORD", None, "its password", secret=True),
    Setting("QA_SMTP_FROM", "qa@localhost", "the From address of every email"),
)
BY_NAME = {setting.name: setting for setting in SETTINGS}
TRUE = {"1", "true", "yes", "on"}


class SettingsError(Exception):
    """The settings file cannot be read or names an unknown setting."""


def settings_file() -> Path:
    """QA_SETTINGS, or qa.toml in the instance folder (QA_INSTANCE or instance/)."""
    if os.environ.get("QA_SETTINGS"):
        return Path(os.environ["QA_SETTINGS"])
    return Path(os.environ.get("QA_INSTANCE", ROOT / "instance")) / "qa.toml"


def _from_file(path: Path) -> dict:
    if not path.exists():
        if os.environ.get("QA_SETTINGS"):
            raise SettingsError(f"QA_SETTINGS names {path}, which does not exist")
        return {}
    try:
        data = tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"The settings file {path} cannot be read: {error}") from error
    known = {setting.key: setting for setting in SETTINGS}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise SettingsError(f"The settings file {path} has unknown settings: {', '.join(unknown)}")
    values = {}
    for key, value in data.items():
        setting = known[key]
        if isinstance(value, bool):
            value = "1" if value else "0"
        value = str(value)
        if setting.path and not Path(value).is_absolute():
            value = str((path.parent / value).resolve())
        values[setting.name] = value
    return values


def effective() -> dict:
    """{name: (value or None, source)}, source "env", "file" or "default"."""
    path = settings_file()
    in_file = _from_file(path)
    result = {}
    for setting in SETTINGS:
        if os.environ.get(setting.name):
            result[setting.name] = (os.environ[setting.name], "env")
        elif setting.name in in_file:
            result[setting.name] = (in_file[setting.name], "file")
        else:
            result[setting.name] = (setting.default, "default")
    instance, source = result["QA_INSTANCE"]
    if instance is None:
        result["QA_INSTANCE"] = (str(ROOT / "instance"), source)
    if result["QA_DATABASE"][0] is None:
        result["QA_DATABASE"] = (str(Path(result["QA_INSTANCE"][0]) / "qa.db"), "default")
    return result


def _secret_key(instance: Path, given: str | None) -> str:
    """The key given, or one generated on first run and kept in the instance folder."""
    if given:
        return given
    path = instance / "secret_key"
    if not path.exists():
        private_folder(instance)
        # O_EXCL: two processes starting at once must agree on one key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
        except FileExistsError:
            pass
    return path.read_text().strip()


def private_folder(path: Path) -> Path:
    """Make the folder (and missing parents) readable by this account only (0700)."""
    path = Path(path)
    if not path.exists():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.chmod(0o700)
    return path


def from_environment() -> dict:
    """The app's config from the settings file and the environment."""
    values = {name: value for name, (value, _source) in effective().items()}
    instance = Path(values["QA_INSTANCE"])
    https = (values["QA_HTTPS"] or "0").lower() in TRUE
    security = (values["QA_SMTP_SECURITY"] or "starttls").lower()
    upload_mb = int(values["QA_MAX_UPLOAD_MB"])
    return {
        "INSTANCE": str(instance),
        "DATABASE": values["QA_DATABASE"],
        "SECRET_KEY": _secret_key(instance, values["QA_SECRET_KEY"]),
        "PARTNERSHIP_NAME": values["QA_PARTNERSHIP_NAME"],
        "BIND": values["QA_BIND"],
        "MAX_CONTENT_LENGTH": upload_mb * 1024 * 1024 + 64 * 1024,
        "MAX_UPLOAD_BYTES": upload_mb * 1024 * 1024,
        "IDLE_TIMEOUT": timedelta(minutes=int(values["QA_IDLE_MINUTES"])),
        # however active, a session ends this long after signing in (what is typed is kept)
        "ABSOLUTE_SESSION_LIFETIME": timedelta(hours=int(values["QA_SESSION_HOURS"])),
        "IDLE_WARNING": timedelta(minutes=int(values["QA_IDLE_WARNING_MINUTES"])),
        "LOGIN_ATTEMPTS_ALLOWED": 10,
        # failures from one address (an office behind one NAT) before its failures are refused
        "LOGIN_ATTEMPTS_PER_ADDRESS": int(values["QA_LOGIN_ATTEMPTS_PER_ADDRESS"]),
        # proxies in front of the app trusted for X-Forwarded-For/Proto/Host; 0 trusts none
        "PROXY_COUNT": int(values["QA_PROXY_COUNT"]),
        "LOGIN_WINDOW": timedelta(minutes=5),
        # The CSRF token lives as long as the session: a long form never fails on an old token.
        "WTF_CSRF_TIME_LIMIT": None,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": https,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        # served over HTTPS only: browsers are told never to use plain HTTP (HSTS)
        "HTTPS": https,
        "PREFERRED_URL_SCHEME": "https" if https else "http",
        "DEMO_PASSWORD": values["QA_DEMO_PASSWORD"],
        # forms kept when a session ended: at most this much typed, this many per browser and per
        # client address in a day, kept a day
        "KEPT_FORM_BYTES": 256 * 1024,
        "KEPT_FORMS_PER_BROWSER": 3,
        "KEPT_FORMS_PER_ADDRESS": 20,
        "KEPT_FORM_LIFETIME": timedelta(days=1),
        "SMTP_HOST": values["QA_SMTP_HOST"],
        "SMTP_PORT": int(values["QA_SMTP_PORT"] or {"tls": 465, "starttls": 587}.get(security, 25)),
        "SMTP_SECURITY": security,
        "SMTP_USER": values["QA_SMTP_USER"],
        "SMTP_PASSWORD": values["QA_SMTP_PASSWORD"],
        "SMTP_FROM": values["QA_SMTP_FROM"],
        # Survey sends one link, or one address, may make within 5 minutes (qa.surveys.limits)
        "SURVEY_SENDS_PER_LINK": int(values["QA_SURVEY_SENDS_PER_LINK"]),
        "SURVEY_SENDS_PER_ADDRESS": int(values["QA_SURVEY_SENDS_PER_ADDRESS"]),
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
