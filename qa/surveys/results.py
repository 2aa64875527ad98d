"""Pure: per-question counts and percentages for a set of responses, with small numbers suppressed."""
from collections import defaultdict

from qa.surveys import kinds, suppression


def summarise(questions, answers, responses: int, threshold=suppression.THRESHOLD):
    """`questions`: dicts with id, kind, prompt, options; `answers`: (response id, question id, value).

    Returns one dict per question: answered (responses that answered it), rows of label/count/percent
    (count None when suppressed), and texts for free-text questions. When the whole group has fewer
    than `threshold` responses, every question is suppressed.
    """
    by_question = defaultdict(list)
    for response_id, question_id, value in answers:
        by_question[question_id].append((response_id, value))
    group_hidden = suppression.too_small(responses, threshold)
    summary = []
    for question in questions:
        given = by_question.get(question["id"], [])
        answered = len({response_id for response_id, _ in given})
        item = {"question": question, "answered": answered, "suppressed": group_hidden or suppression.too_small(answered, threshold),
                "rows": [], "texts": []}
        if question["kind"] in kinds.FREE_TEXT:
            item["texts"] = [] if item["suppressed"] else [value for _, value in given]
        else:
            item["rows"] = _rows(question, given, answered, item["suppressed"], threshold)
        summary.append(item)
    return summary


def _rows(question, given, answered, hidden, threshold):
    counts = {value: 0 for value, _ in kinds.choices(question["kind"], question["options"])}
    for _, value in given:
        if value in counts:
            counts[value] += 1
    shown = {value: None for value in counts} if hidden else suppression.cells(counts, threshold)
    rows = []
    for value, label in kinds.choices(question["kind"], question["options"]):
        count = shown[value]
        pct = suppression.percent(count, answered) if count is not None else None
        rows.append({"value": value, "label": label, "count": count, "percent": pct})
    return rows
