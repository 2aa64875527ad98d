"""Pure: per-question counts and percentages for a set of responses.

With small numbers suppressed.
"""

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
