"""The children's screens' own small stylesheet: the GOV.UK Frontend rules their classes use.

The full framework is 141 KB for about 1,700 classes; the screens under templates/surveys/respond/
use a few dozen. `subset` keeps the rules whose selectors those classes can match (and the @media
and @supports blocks around them), nothing else. Its output is committed as
static/surveys/respond-govuk.css; a test fails when it is out of date. Rebuild it with

    .venv/bin/python -m qa.surveys.child_css
"""

import re
from pathlib import Path

import tinycss2

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK = ROOT / "static/vendor/govuk-frontend-6.6.0/govuk-frontend.min.css"
OUTPUT = ROOT / "static/surveys/respond-govuk.css"
# what the children's screens are made of: their templates, and the script that adds classes
SOURCES = [
    *sorted((ROOT / "templates/surveys/respond").glob("*.html")),
    ROOT / "static/surveys/respond.js",
]
CLASS = re.compile(r"(?<![-\w])((?:govuk|qa|js)-[-\w!]*[\w!])")
SELECTOR_CLASS = re.compile(r"\.((?:\\.|[-\w])+)")
NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
NESTED = {"media", "supports"}
# the screens are not printed, and Internet Explorer's high contrast mode is gone (forced colours,
# its successor, is kept)
DROPPED = re.compile(r"^(only )?print\b|-ms-high-contrast")
HEADER = "/* GOV.UK Frontend 6.6.0, the rules the children's screens use (child_css.py) */\n"


def classes_used(sources=SOURCES) -> set:
    """Every class name (govuk-, qa-, js-) written in the children's templates and script."""
    return {name for path in sources for name in CLASS.findall(path.read_text())}


def _split(selectors: str) -> list:
    """A selector list split at its top-level commas (not those inside :not(...) or :is(...))."""
    parts, depth, start = [], 0, 0
    for n, char in enumerate(selectors):
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(selectors[start:n])
            start = n + 1
    return [part.strip() for part in [*parts, selectors[start:]] if part.strip()]


def matches(selector: str, used: set) -> bool:
    """Whether a selector can match on the screens: every class it needs is used (a class inside
    :not(...) is not needed)."""
    if selector == ":root":
        return False  # the framework's colours: every var(--govuk-…) it uses has them as fallback
    needed = SELECTOR_CLASS.findall(NOT.sub("", selector))
    return all(name.replace("\\", "") in used for name in needed)


def _rules(rules, used) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [s for s in _split(tinycss2.serialize(rule.prelude)) if matches(s, used)]
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTED and rule.content:
            prelude = tinycss2.serialize(rule.prelude).strip()
            if all(DROPPED.search(query.strip()) for query in prelude.split(",")):
                continue
            inner = _rules(tinycss2.parse_rule_list(rule.content, True, True), used)
            if inner:
                out.append(f"@{rule.lower_at_keyword} {prelude}{{{inner}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword == "keyframes":
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def subset(css: str, used: set) -> str:
    """The rules of `css` that the `used` classes can match, minified, one rule after another."""
    return HEADER + _rules(tinycss2.parse_stylesheet(css, True, True), used) + "\n"


def build() -> str:
    return subset(FRAMEWORK.read_text(encoding="utf-8-sig"), classes_used())


if __name__ == "__main__":
    OUTPUT.write_text(build())
    print(f"{OUTPUT.relative_to(ROOT)}: {OUTPUT.stat().st_size} bytes")
