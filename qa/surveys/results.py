"""Pure: per-question counts and percentages for a set of responses.

With small numbers suppressed.
"""

from dataclasses import dataclass, field
from itertools import product

from qa.surveys import kinds, suppression


def summarise(questions, counts, answered, texts, responses: int, threshold=suppression.THRESHOLD):
    """One dict per question, from figures the database has already added up.

    `questions`: dicts with id, kind, prompt, options; `counts`: {(question id, value): n};
    `answered`: {question id: responses that answered it}; `texts`: {question id: [free text]}.
    Each result has answered, suppressed, rows of label/count/percent (count None when hidden),
    and texts. A group of fewer than `threshold` responses shows no figures and no free text.
    """
    group_hidden = suppression.too_small(responses, threshold)
    summary = []
    for question in questions:
        qid, given = question["id"], answered.get(question["id"], 0)
        hidden = group_hidden or suppression.too_small(given, threshold)
        item = {
            "question": question,
            "answered": given,
            "suppressed": hidden,
            "rows": [],
            "texts": [],
        }
        if question["kind"] in kinds.FREE_TEXT:
            item["texts"] = [] if hidden else list(texts.get(qid, []))
        else:
            item["rows"] = _rows(question, counts, given, hidden, threshold)
        summary.append(item)
    return summary


def _rows(question, counts, answered, hidden, threshold):
    choices = kinds.choices(question["kind"], question["options"])
    raw = {value: counts.get((question["id"], value), 0) for value, _ in choices}
    shown = {value: None for value in raw} if hidden else suppression.cells(raw, threshold)
    return [
        {
            "value": value,
            "label": label,
            "count": shown[value],
            "percent": suppression.percent(shown[value], answered)
            if shown[value] is not None
            else None,
        }
        for value, label in choices
    ]


def by_setting(rows, threshold=suppression.THRESHOLD):
    """[(label, count)] → [(label, count or None)]: a setting with fewer than `threshold` shows
    "fewer than 5"."""
    return [(label, None if 0 < count < threshold else count) for label, count in rows]


def compare(summary, before):
    """This summary with each answer's share last year ("before", None when hidden or not asked),
    matched by question key and answer."""
    then = {
        (item["question"].get("key"), row["value"]): row["percent"]
        for item in before
        for row in item["rows"]
    }
    asked = {item["question"].get("key") for item in before if not item["suppressed"]}
    compared = []
    for item in summary:
        key = item["question"].get("key")
        rows = [
            {**row, "before": then.get((key, row["value"])) if key in asked else None}
            for row in item["rows"]
        ]
        compared.append({**item, "rows": rows, "compared": key in asked})
    return compared


KEPT = 256  # protected tables kept: a staff survey's make a few seconds' work


_kept = {}


def protect(counts, trees, threshold=suppression.THRESHOLD, hidden=()):
    """`suppression.protect`, kept for the same counts: the filters of one survey's results, its
    PDF and its tables by setting ask for the same tables again and again."""
    key = (
        frozenset(counts.items()),
        tuple(frozenset(tree.items()) for tree in trees),
        threshold,
        frozenset(hidden),
    )
    if key not in _kept:
        if len(_kept) >= KEPT:
            del _kept[next(iter(_kept))]
        _kept[key] = suppression.protect(counts, trees, threshold, hidden)
    return _kept[key]


@dataclass
class Figures:
    """Every count of a survey, by its smallest groups, for `protected`: `dims` the leaves of each
    dimension (settings, age bands, …), `trees` their parents (an agency's sector), `responses`
    {leaves: n}, `counts` {(question id, answer, leaves): n} for questions answered once,
    `answered` {(question id, leaves): responses} for "choose several" and written ones, `picked`
    {(question id, answer, leaves): n} for "choose several"."""

    dims: list
    trees: list
    responses: dict
    counts: dict = field(default_factory=dict)
    answered: dict = field(default_factory=dict)
    picked: dict = field(default_factory=dict)

    def atoms(self):
        return list(product(*self.dims))

    def people(self, threshold=suppression.THRESHOLD):
        """Responses in every group, protected."""
        atoms = self.atoms()
        return protect({a: self.responses.get(a, 0) for a in atoms}, self.trees, threshold)


def protected(questions, figures: Figures, group, texts, threshold=suppression.THRESHOLD):
    """(responses in `group`, or None when hidden; a summary as `summarise` gives) with every
    figure protected across all the groups of the survey at once (complementary suppression):
    switching filters never gives back a figure hidden on another view."""
    people = figures.people(threshold)
    outside = [(*g, None) for g in people.hidden]
    atoms = figures.atoms()
    trees = [*figures.trees, {}]
    summary = []
    for question in questions:
        qid = question["id"]
        if question["kind"] in kinds.FREE_TEXT or question["kind"] == "choose_many":
            given = {(*a, "answered"): figures.answered.get((qid, a), 0) for a in atoms}
            shown = protect(given, trees, threshold, outside)
        else:
            values = [value for value, _ in kinds.choices(question["kind"], question["options"])]
            given = {(*a, v): figures.counts.get((qid, v, a), 0) for a in atoms for v in values}
            shown = protect(given, trees, threshold, outside)
        answered = shown.count((*group, None))
        item = {
            "question": question,
            "answered": answered,
            "suppressed": answered is None,
            "rows": [],
            "texts": [],
        }
        if question["kind"] in kinds.FREE_TEXT:
            # written answers keep their own rule: listed when the group shows and at least
            # `threshold` wrote one
            raw = shown.totals.get((*group, None), 0)
            listed = people.count(group) is not None and not suppression.too_small(raw, threshold)
            item["texts"] = list(texts.get(qid, [])) if listed else []
        elif question["kind"] == "choose_many":
            hidden = [g for g in shown.hidden if g[-1] is None]
            item["rows"] = _picked_rows(question, figures, group, answered, hidden, threshold)
        else:
            item["rows"] = [
                _row(value, label, shown.count((*group, value)), answered)
                for value, label in kinds.choices(question["kind"], question["options"])
            ]
        summary.append(item)
    return people.count(group), summary


def _row(value, label, count, answered):
    hidden = count is None or answered is None
    return {
        "value": value,
        "label": label,
        "count": None if hidden else count,
        "percent": None if hidden else suppression.percent(count, answered),
    }


def _picked_rows(question, figures, group, answered, hidden, threshold):
    """ "Choose several": each answer is its own yes or no among those who answered."""
    rows, atoms = [], figures.atoms()
    for value, label in kinds.choices(question["kind"], question["options"]):
        given = {}
        for a in atoms:
            picked = figures.picked.get((question["id"], value, a), 0)
            given[(*a, "picked")] = picked
            given[(*a, "not")] = figures.answered.get((question["id"], a), 0) - picked
        shown = protect(given, [*figures.trees, {}], threshold, hidden)
        rows.append(_row(value, label, shown.count((*group, "picked")), answered))
    return rows


def counts_by(figures: Figures, people, dim, labels):
    """[(label, count or None)] of the groups one dimension splits all responses into, as
    protected: `labels` [(leaf or node, label)] in the order shown."""
    width = len(figures.dims)
    return [
        (label, people.count(tuple(node if d == dim else None for d in range(width))))
        for node, label in labels
    ]
