"""Fixtures: an app on a fresh temporary SQLite file per test, the demo-like people.

Signed-in clients per role.
"""

import re
import sqlite3
from contextlib import closing

import pytest
from werkzeug.security import generate_password_hash

from qa import create_app
from qa.builds import service as pdf_builds
from qa.db import db, make_database, release_all
from qa.people.models import Agency, Sector, User
from qa.surveys import limits

# Fixture modules of single capabilities, shared by their test files without importing (and
# shadowing) fixtures.
pytest_plugins = ["tests.section11_fixtures", "tests.case_audit_fixtures"]

PASSWORD = "correct horse battery"
# The app hashes with scrypt, slow on purpose (about 0.15 s a check). The people the tests make
# carry a cheap hash of
# the same password instead, which the same check_password_hash verifies: hundreds of sign-ins then
# cost nothing.
_HASH = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")


def password_hash():
    return _HASH


def dates(**named):
    """Date fields as a browser posts the GOV.UK date input's three boxes: dates(due="2030-01-31")
    gives due-day 31, due-month 01, due-year 2030. A date or "year-month-day" text (split as it
    is, so "2027-02-31" posts day 31 of month 02); "" posts three empty boxes."""
    posted = {}
    for name, value in named.items():
        year, month, day = str(value).split("-") if value else ("", "", "")
        posted |= {f"{name}-day": day, f"{name}-month": month, f"{name}-year": year}
    return posted


# Test files whose tests each take many seconds (servers started, processes killed, hundreds of
# requests): run first, so that the two workers end together on short tests rather than one
# waiting while the other finishes a long one that happened to come last.
LONG_FIRST = (
    "test_production_path.py",
    "test_resilience.py",
    "test_load.py",
    "test_backup.py",
    "test_slow_clients.py",
    "test_behind_nginx.py",
    "test_authorisation_matrix.py",
    "test_hostile_input.py",
)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name not in LONG_FIRST)


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory):
    """Run the migrations once per test process; each test starts from a copy of the result."""
    from qa.db import make_database, release_all
    from qa.migrate import upgrade

    path = tmp_path_factory.mktemp("template") / "qa.db"
    database = make_database(str(path))
    upgrade(database)
    release_all(database)  # the last connection closing folds the WAL into the file that is copied
    return path


def fresh_database(source, target):
    """A copy of the database at `source` (with anything still in its WAL) at `target`, by SQLite's
    backup API."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)
    return str(target)


@pytest.fixture(scope="session")
def shared_app(migrated_database, tmp_path_factory):
    """One app per test process (building its 134 URL rules costs about 0.1 s); each test gives it a
    database of its own."""
    database = fresh_database(migrated_database, tmp_path_factory.mktemp("shared") / "qa.db")
    return create_app(
        {"DATABASE": database, "TESTING": True, "SECRET_KEY": "test-secret", "SERVER_NAME": None}
    )


@pytest.fixture
def app(shared_app, tmp_path, migrated_database):
    """The app on a fresh copy of the migrated schema; settings a test changes are put back
    afterwards."""
    settings = dict(shared_app.config)
    shared_app.config["DATABASE"] = fresh_database(migrated_database, tmp_path / "qa.db")
    db.initialize(make_database(shared_app.config["DATABASE"]))
    # No app context is held open here: each request must get its own `g` (CSRF tokens live there).
    db.connect(reuse_if_open=True)
    limits.COUNTS.clear()  # survey send counts live in memory: each test starts with none
    yield shared_app
    pdf_builds.wait()  # a PDF a test asked for is finished before its database goes
    release_all(db.obj)
    shared_app.config.clear()
    shared_app.config.update(settings)


DEMO_PASSWORD = PASSWORD


@pytest.fixture(scope="session")
def demo_database(migrated_database, tmp_path_factory):
    """The demo partnership, loaded once per test process: a load costs seconds of CPU, more with
    every capability's demo. Tests read it through `demo_partnership`, on a copy."""
    from qa.demo import load

    path = fresh_database(migrated_database, tmp_path_factory.mktemp("demo") / "qa.db")
    made = create_app({"DATABASE": path, "TESTING": True, "SECRET_KEY": "test-secret"})
    with made.app_context(), db.connection_context():
        load(DEMO_PASSWORD)
    release_all(db.obj)
    return path


@pytest.fixture
def demo_partnership(app, demo_database):
    """The test's database holds the demo partnership (signing in with DEMO_PASSWORD)."""
    release_all(db.obj)
    fresh_database(demo_database, app.config["DATABASE"])
    db.connect(reuse_if_open=True)
    return DEMO_PASSWORD


@pytest.fixture
def app_context(app):
    with app.test_request_context():
        yield app


@pytest.fixture
def people(app):
    """Two agencies in two sectors, and one person of each role."""
    health = Sector.create(name="Health", slug="health")
    police = Sector.create(name="Police", slug="police")
    agency_a = Agency.create(name="Northbrook Hospitals NHS Foundation Trust", sector=health)
    agency_b = Agency.create(name="Northbrook Constabulary", sector=police)

    def make(email, name, role, agency=None, subgroup=False):
        return User.create(
            email=email,
            name=name,
            role=role,
            agency=agency,
            subgroup_member=subgroup,
            password_hash=password_hash(),
        )

    return {
        "agency_a": agency_a,
        "agency_b": agency_b,
        "admin": make("admin@example.org", "Priya Shah", "admin", subgroup=True),
        "reviewer": make(
            "reviewer@example.org", "Angela Brooks", "reviewer", agency_b, subgroup=True
        ),
        "peer": make("peer@example.org", "Olivia Chen", "reviewer", agency_b),
        "lead_a": make("lead.a@example.org", "Amara Nwosu", "agency_lead", agency_a),
        "lead_b": make("lead.b@example.org", "Sarah Okafor", "agency_lead", agency_b),
    }


class Client:
    """A test client that knows its CSRF token and can sign in."""

    def __init__(self, app):
        self.http = app.test_client()
        self.token = None

    def refresh_token(self, path="/sign-in"):
        html = self.http.get(path).get_data(as_text=True)
        found = re.search(r'name="csrf_token" value="([^"]+)"', html)
        self.token = found.group(1) if found else self.token
        return self.token

    def sign_in(self, email, password=PASSWORD):
        self.refresh_token("/sign-in")
        response = self.http.post(
            "/sign-in", data={"csrf_token": self.token, "email": email, "password": password}
        )
        self.refresh_token("/account") if response.status_code == 302 else None
        return response

    def get(self, path, **kwargs):
        return self.http.get(path, **kwargs)

    def post(self, path, data=None, htmx=False, **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.token)
        headers = kwargs.pop("headers", {})
        if htmx:
            headers["HX-Request"] = "true"
        return self.http.post(path, data=data, headers=headers, **kwargs)


@pytest.fixture
def client(app):
    return Client(app)


def _signed_in(app, user):
    c = Client(app)
    response = c.sign_in(user.email)
    assert response.status_code == 302, "sign in failed"
    return c


@pytest.fixture
def admin_client(app, people):
    return _signed_in(app, people["admin"])


@pytest.fixture
def reviewer_client(app, people):
    return _signed_in(app, people["reviewer"])


@pytest.fixture
def lead_client(app, people):
    return _signed_in(app, people["lead_a"])


@pytest.fixture
def signed_in(app):
    """Sign in any user: signed_in(user) -> Client."""
    return lambda user: _signed_in(app, user)


class QueryCounter:
    def __init__(self):
        self.count = 0


@pytest.fixture
def count_queries(monkeypatch):
    """Counts the SQL statements peewee runs: `with count_queries() as counter: ...`."""
    from contextlib import contextmanager

    @contextmanager
    def counting():
        counter = QueryCounter()
        real = db.obj.execute_sql

        def counted(sql, params=None, *args, **kwargs):
            counter.count += 1
            return real(sql, params, *args, **kwargs)

        monkeypatch.setattr(db.obj, "execute_sql", counted)
        try:
            yield counter
        finally:
            monkeypatch.setattr(db.obj, "execute_sql", real)

    return counting
