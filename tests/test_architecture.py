"""The shape of the code: capabilities declare themselves, packages depend one way, thin routes.

These read the source (and the app's URL map): they fail when a change breaks the shape that
CONTRIBUTING.md describes, before anyone has to notice it in review.
"""

import ast
import inspect
import re
import sys
import textwrap
from pathlib import Path

import pytest

import qa
from qa import capability

ROOT = Path(__file__).resolve().parents[1]
QA = ROOT / "qa"

# Each package may import from itself and from the packages on earlier lines, never later ones.
# The foundation is the core modules (qa/*.py) with identity, sign-in and the audit trail, which
# every route's access check uses.
LAYERS = [
    {"core", "audit", "auth", "people", "frameworks", "cycles", "builds", "partnership"},
    {"actions"},
    {"surveys"},
    {"section11"},
    {"challenge"},
    {"pairing"},
    {"dataset"},
    {"case_audits"},
    {"reviews"},
    {"schools"},
    {"scrutiny"},
    {"workplan", "meetings"},
    {"yearly_report"},
    {"reports", "main"},
]

# Modules of pure rules: they are tested and reasoned about without a request or a database.
PURE = [
    "qa/section11/rules.py",
    "qa/section11/mismatch.py",
    "qa/challenge/selection.py",
    "qa/challenge/clashes.py",
    "qa/surveys/suppression.py",
    "qa/surveys/flags.py",
    "qa/surveys/rules.py",
    "qa/surveys/staff.py",
    "qa/surveys/languages.py",
    "qa/surveys/easy_read.py",
    "qa/actions/rules.py",
    "qa/reviews/rules.py",
    "qa/dataset/rules.py",
    "qa/dataset/charts.py",
    "qa/dataset/csvfiles.py",
    "qa/dataset/entry.py",
    "qa/dataset/starter.py",
    "qa/case_audits/rules.py",
    "qa/schools/register.py",
    "qa/schools/rules.py",
]
WEB_OR_DATABASE = {"flask", "flask_login", "flask_wtf", "wtforms", "peewee", "playhouse"}
ROUTE_LINES = 15


def package_of(module: str) -> str:
    """'qa.section11.views' -> 'section11'; a core module ('qa.db') -> 'core'."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "qa":
        return ""
    return parts[1] if (QA / parts[1]).is_dir() else "core"


def imports_of(path: Path):
    """(line, module, names) for every import in the file, those inside functions included."""
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                base = ".".join(module.split(".")[: -node.level] + ([base] if base else []))
            yield node.lineno, base, [alias.name for alias in node.names]


def sources():
    return sorted(QA.rglob("*.py"))


def layer_of(package: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if package in layer)


def test_every_package_under_qa_has_a_place_in_the_layers():
    packages = {path.name for path in QA.iterdir() if (path / "__init__.py").exists()}
    placed = set().union(*LAYERS)
    assert packages <= placed, f"say where these sit in LAYERS: {sorted(packages - placed)}"


def test_packages_import_only_from_their_own_layer_or_below():
    wrong = []
    for path in sources():
        here = package_of(".".join(path.relative_to(ROOT).with_suffix("").parts))
        for line, module, names in imports_of(path):
            targets = [module] + ([f"qa.{name}" for name in names] if module == "qa" else [])
            for target in targets:
                there = package_of(target)
                if there and there != here and layer_of(there) > layer_of(here):
                    wrong.append(f"{path.relative_to(ROOT)}:{line} ({here}) imports {target}")
    assert not wrong, "imports against the direction of LAYERS:\n" + "\n".join(wrong)


def test_surveys_never_import_section11_or_challenge():
    for path in (QA / "surveys").rglob("*.py"):
        for line, module, _ in imports_of(path):
            assert package_of(module) not in ("section11", "challenge"), (path, line, module)


def pairing_engine():
    """The pairing modules that are the engine: all but the capability's web and database side."""
    adapters = {"__init__.py", "models.py", "inputs.py", "planning.py", "apply.py", "never.py"}
    adapters |= {"forms.py", "views.py", "people_views.py", "demo.py", "queries.py"}
    return [p for p in (QA / "pairing").rglob("*.py") if p.name not in adapters]


@pytest.mark.parametrize(
    "path",
    [ROOT / p for p in PURE] + pairing_engine(),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_pure_modules_import_neither_flask_nor_peewee(path):
    for line, module, _ in imports_of(path):
        assert module.split(".")[0] not in WEB_OR_DATABASE, f"line {line} imports {module}"


def test_no_module_imports_another_modules_private_names():
    wrong = []
    for path in sorted(QA.rglob("*.py")) + sorted((ROOT / "tests").rglob("*.py")):
        for line, module, names in imports_of(path):
            if module.startswith("qa"):
                private = [n for n in names if n.startswith("_") and not n.startswith("__")]
                if private:
                    wrong.append(f"{path.relative_to(ROOT)}:{line} from {module} import {private}")
    assert not wrong, "\n".join(wrong)


def body_lines(view) -> int:
    """The lines of a route's body as formatted: no decorators, docstring, blanks or comments."""
    function = inspect.unwrap(view)
    source = textwrap.dedent(inspect.getsource(function))
    node = ast.parse(source).body[0]
    body = node.body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    lines = source.splitlines()[body[0].lineno - 1 : node.end_lineno]
    return sum(1 for line in lines if line.strip() and not line.strip().startswith("#"))


def test_every_route_body_fits_in_fifteen_lines(shared_app):
    long = {
        endpoint: body_lines(view)
        for endpoint, view in shared_app.view_functions.items()
        if endpoint != "static" and body_lines(view) > ROUTE_LINES
    }
    assert not long, f"routes over {ROUTE_LINES} lines (move the work into a service): {long}"


def test_routes_write_no_queries_of_their_own(shared_app):
    """Reads belong in the capability's queries.py or a model method, where they can be named,
    reused and counted."""
    building = re.compile(r"\.(select|where|switch|order_by|paginate)\(")
    found = {}
    for endpoint, view in shared_app.view_functions.items():
        source = inspect.getsource(inspect.unwrap(view))
        hits = [m.group(1) for m in building.finditer(source)]
        if endpoint != "static" and hits:
            found[endpoint] = hits
    assert not found, found


def test_every_blueprint_is_declared_by_a_capability(shared_app):
    declared = {bp.name for c in capability.capabilities() for bp in c.blueprints}
    assert set(shared_app.blueprints) == declared
    for endpoint in shared_app.view_functions:
        assert endpoint == "static" or endpoint.split(".")[0] in declared, endpoint


def test_blueprints_are_created_in_the_capability_package_not_in_route_modules():
    for path in sources():
        if path.name != "__init__.py":
            assert "Blueprint(" not in path.read_text(), path.relative_to(ROOT)


def test_a_new_capability_needs_no_central_edit(tmp_path, monkeypatch, migrated_database):
    """A folder with a declaration is all it takes: its route, menu entry and stylesheet appear."""
    from tests.conftest import fresh_database

    probe = tmp_path / "probe"
    probe.mkdir()
    (probe / "__init__.py").write_text(
        textwrap.dedent(
            '''
            """A capability made only for this test."""
            from flask import Blueprint

            from qa.capability import Capability, MenuEntry

            bp = Blueprint("probe", __name__, url_prefix="/probe")

            capability = Capability(
                "probe",
                blueprints=(bp,),
                routes=("qa.probe.views",),
                menu=(MenuEntry("probe.page", "Probe", ("admin",), ("probe.",), 999),),
                stylesheet="probe.css",
            )
            '''
        )
    )
    (probe / "views.py").write_text(
        textwrap.dedent(
            '''
            """The probe's one page."""
            from qa.probe import bp
            from qa.security import role_required


            @bp.get("")
            @role_required("admin")
            def page():
                return "probe page"
            '''
        )
    )
    monkeypatch.setattr(qa, "__path__", [*qa.__path__, str(tmp_path)])
    capability.capabilities.cache_clear()
    try:
        found = {c.name: c for c in capability.capabilities()}
        assert "probe" in found
        assert "probe.css" in capability.stylesheets()
        assert [e.label for e in capability.menu()][-1] == "Probe"
        app = qa.create_app(
            {
                "DATABASE": fresh_database(migrated_database, tmp_path / "qa.db"),
                "TESTING": True,
                "SECRET_KEY": "probe",
            }
        )
        assert "probe.page" in app.view_functions
        assert app.test_client().get("/probe").status_code in (302, 401)  # signed out: refused
    finally:
        capability.capabilities.cache_clear()
        for name in [m for m in sys.modules if m == "qa.probe" or m.startswith("qa.probe.")]:
            del sys.modules[name]


TEMPLATES = ROOT / "templates"
TEMPLATE_TAG = re.compile(r'\{%-?\s*(from|import|include|extends)\s+"([^"]+)"')
# Template folders that are not a capability's own: the shared layout and macros, error pages, and
# the print templates (each PDF brings together what several capabilities show).
SHARED_TEMPLATES = {"macros", "errors", "pdf"}
TEMPLATE_FOLDER_PACKAGE = {"account": "people"}


def template_references():
    """(template, tag, target) for every from/import/include/extends in templates/."""
    for path in sorted(TEMPLATES.rglob("*.html")):
        for tag, target in TEMPLATE_TAG.findall(path.read_text()):
            yield path.relative_to(TEMPLATES), tag, target


def test_templates_imported_for_macros_are_macro_files():
    wrong = [
        (str(t), target)
        for t, tag, target in template_references()
        if tag in ("from", "import")
        and not (target.endswith("/macros.html") or target.startswith("macros/"))
    ]
    assert not wrong, wrong


def test_templates_extend_only_layouts_and_include_only_fragments():
    wrong = []
    for template, tag, target in template_references():
        name = Path(target).name
        if tag == "extends" and name != "layout.html":
            wrong.append((str(template), tag, target))
        if tag == "include" and not name.startswith("_"):
            wrong.append((str(template), tag, target))
    assert not wrong, wrong


def test_a_capabilitys_templates_use_only_its_own_or_lower_layers_templates():
    wrong = []
    for template, _, target in template_references():
        here, there = template.parts[0], Path(target).parts[0]
        if here in SHARED_TEMPLATES or there in SHARED_TEMPLATES or len(template.parts) < 2:
            continue
        if len(Path(target).parts) < 2:
            continue  # the site's layout.html
        here = TEMPLATE_FOLDER_PACKAGE.get(here, here)
        there = TEMPLATE_FOLDER_PACKAGE.get(there, there)
        if here != there and layer_of(there) > layer_of(here):
            wrong.append(f"{template} uses {target}")
    assert not wrong, wrong


def test_one_macro_shows_a_rating_so_amber_is_one_colour_everywhere(app):
    """Amber was orange on the challenge pages and yellow on Section 11's."""
    defined = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if "macro rag_tag" in path.read_text()
    ]
    assert defined == ["macros/ui.html"]
    rag_tag = app.jinja_env.get_template("macros/ui.html").module.rag_tag
    assert 'govuk-tag--yellow">Amber' in str(rag_tag("A"))
