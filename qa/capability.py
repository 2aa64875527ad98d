"""A capability declares itself once; the app finds every declaration and wires it in one loop.

Each package `qa/<capability>/` ends its `__init__.py` with `capability = Capability(...)`: its
blueprints (created there, so its route modules can import `bp` without importing each other),
the modules holding its routes, models, menu entries, demo loader, commands and stylesheet.
Nothing central lists the capabilities: adding one is adding a folder.
"""

import importlib
import pkgutil
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from peewee import sort_models
from werkzeug.utils import import_string


@dataclass(frozen=True)
class MenuEntry:
    """A link in the service navigation.

    `roles` are the roles that see it, and "subgroup" for reviewers on the QA sub-group; `current`
    holds the endpoint prefixes on which it is the current page; `order` places it in the menu.
    """

    endpoint: str
    label: str
    roles: tuple[str, ...]
    current: tuple[str, ...]
    order: int


@dataclass(frozen=True)
class ReportSection:
    """A section a capability adds to the board's annual report (qa/reports/annual.py).

    `gather` names `gather(cycle, today)`, giving the section's figures as a dict; `page` and
    `pdf` are the templates that show them, included under the section's heading (an `<h2>` with
    the id `key`) with the figures as `section`; `order` places it after the report's own sections
    (which end at 50).
    """

    key: str
    title: str
    gather: str
    page: str
    pdf: str
    order: int = 100


@dataclass(frozen=True)
class EvidenceSource:
    """A kind of record a scrutiny theme may cite as evidence (qa/scrutiny), declared by the
    capability that holds such records, so scrutiny never imports a describer by name.

    `choices` names `choices(cycle)` -> [(id, title)]: the records of that kind the sub-group may
    pick from for a theme of `cycle`; `describe` names `describe(ids, cycle)` -> {id: (title, what
    it says, url)}, drawn live from the records (one query or a few, however many ids); an id that
    is gone is left out. `order` places the kind in the lists of evidence.
    """

    label: str
    choices: str
    describe: str
    order: int = 100

    def choices_function(self):
        return import_string(self.choices)

    def describe_function(self):
        return import_string(self.describe)


@dataclass(frozen=True)
class Capability:
    """Everything the app needs to know about one capability.

    Names of things that import Flask views or models are dotted strings ("qa.x.models:MODELS"),
    imported only when the app is built, so declaring a capability never imports its routes.
    `demo` is called as `load(demo)` with the shared `qa.demo.Demo`, in `demo_order`.
    `startup` names functions called with the app once it is built (`start(app)`): slow loading
    that must never happen in a person's request.
    `action_sources` maps each kind of record that raises actions (an Action's `source`) to the
    describer of such an action: `describe(source_id, user)` gives (detail, url) or None.
    `purge` names the capability's part of the scheduled clean-up, `flask purge`: a function that
    deletes what is no longer to be kept and says what it deleted in a sentence.
    `reminders` names functions `messages(today)` -> [(to, subject, body)]: the emails the
    daily `flask reminders` sends (overdue actions, late data returns, reviews' twelve-month
    requests, ...).
    `report_sections` are the capability's sections of the board's annual report.
    `evidence_sources` maps each kind of record a scrutiny theme may cite as evidence to its
    `EvidenceSource` (the choices and the describer, inside the capability that owns the records).
    """

    name: str
    blueprints: tuple = ()
    routes: tuple[str, ...] = ()
    models: str | None = None
    menu: tuple[MenuEntry, ...] = ()
    demo: str | None = None
    demo_order: int = 100
    commands: tuple[str, ...] = ()
    stylesheet: str | None = None
    action_sources: dict[str, str] = field(default_factory=dict, hash=False)
    startup: tuple[str, ...] = ()
    purge: str | None = None
    reminders: tuple[str, ...] = ()
    report_sections: tuple[ReportSection, ...] = ()
    evidence_sources: dict[str, EvidenceSource] = field(default_factory=dict, hash=False)

    def model_classes(self) -> list:
        return list(import_string(self.models)) if self.models else []


@cache
def capabilities() -> tuple[Capability, ...]:
    """Every capability under qa/, in the order of their folders' names."""
    import qa

    found = []
    for info in sorted(pkgutil.iter_modules(qa.__path__), key=lambda i: i.name):
        if info.ispkg:
            declared = getattr(importlib.import_module(f"qa.{info.name}"), "capability", None)
            if isinstance(declared, Capability):
                found.append(declared)
    return tuple(found)


def register_all(app) -> None:
    """Import each capability's route modules, then register its blueprints and commands."""
    for capability in capabilities():
        for module in capability.routes:
            importlib.import_module(module)
        for blueprint in capability.blueprints:
            app.register_blueprint(blueprint)
        for command in capability.commands:
            app.cli.add_command(import_string(command))
        for start in capability.startup if serving() else ():
            import_string(start)(app)


def serving(argv=None) -> bool:
    """Whether this process may serve requests: False for a one-off `flask` command (init,
    backup, reminders...), which then skips the `startup` loading made for requests (it would only
    compete for the CPU); True under gunicorn, `flask run` and the tests."""
    argv = sys.argv if argv is None else argv
    return Path(argv[0]).name != "flask" or "run" in argv[1:]


def all_models(core=()) -> list:
    """The core models and every capability's, each after the models it refers to."""
    models = list(core)
    for capability in capabilities():
        models += capability.model_classes()
    return sort_models(models)


def menu() -> list[MenuEntry]:
    return sorted(
        (entry for capability in capabilities() for entry in capability.menu),
        key=lambda entry: entry.order,
    )


def stylesheets() -> list[str]:
    """The stylesheet of every capability, each linked once in the head of every page.

    In the head, all of them: hx-boost swaps only the body, so a page reached by a boosted link
    keeps the head of the page it came from.
    """
    return [c.stylesheet for c in capabilities() if c.stylesheet]


@cache
def action_describers() -> dict:
    """Source name -> describer, from every capability's `action_sources`.

    The action register describes where an action came from without importing the
    capabilities that raise actions (they import the register).
    """
    return {
        source: import_string(dotted)
        for capability in capabilities()
        for source, dotted in capability.action_sources.items()
    }


def evidence_kinds() -> dict[str, EvidenceSource]:
    """Kind -> EvidenceSource, from every capability's `evidence_sources`, in their order."""
    found = [(kind, source) for c in capabilities() for kind, source in c.evidence_sources.items()]
    return dict(sorted(found, key=lambda pair: (pair[1].order, pair[0])))


def purges() -> list:
    """Every capability's purge function (see Capability.purge), in the order of their folders."""
    return [import_string(c.purge) for c in capabilities() if c.purge]


def reminder_sources() -> list:
    """Every capability's reminder messages functions (see Capability.reminders)."""
    return [import_string(dotted) for c in capabilities() for dotted in c.reminders]


def report_sections() -> list[ReportSection]:
    """Every capability's sections of the board's annual report, in their order."""
    found = (section for c in capabilities() for section in c.report_sections)
    return sorted(found, key=lambda section: (section.order, section.key))


def demo_loaders() -> list:
    ordered = sorted((c for c in capabilities() if c.demo), key=lambda c: c.demo_order)
    return [import_string(c.demo) for c in ordered]
