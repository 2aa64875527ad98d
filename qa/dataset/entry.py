"""Checking a data return as posted: each figure a number, a note where a figure moved past its
tolerance, a reason for each correction, and no figure someone else changed meanwhile.

Works on the rows of `queries.return_page` and the posted fields; writes nothing.
"""

from qa.dataset import rules


def slot_name(indicator, locality):
    return f"v-{indicator.id}-{locality.id if locality else 'all'}"


def seen_name(indicator, locality):
    return f"seen-{indicator.id}-{locality.id if locality else 'all'}"


def write(figure, ind, period, place, value, note, reason):
    """One figure to save, as `service.save_figures` takes it: new when `figure` is None, else a
    correction of it."""
    return {
        "figure": figure,
        "indicator": ind.id,
        "period": period,
        "locality": place.id if place else None,
        "value": value,
        "note": note,
        "reason": reason,
        "label": ind.name + (f" in {place.name}" if place else ""),
    }


def check(rows, posted, period):
    """(errors, writes): errors as [(field id, message)] in page order; writes as the dicts
    `service.save_figures` takes, only when there are no errors."""
    errors, writes = [], []
    for row in rows:
        ind = row["indicator"]
        note = (posted.get(f"note-{ind.id}") or "").strip()
        reason = (posted.get(f"reason-{ind.id}") or "").strip()
        corrected = False
        for slot in row["slots"]:
            place, figure = slot["locality"], slot["figure"]
            name = slot_name(ind, place)
            where = f"{ind.name}{' in ' + place.name if place else ''}"
            typed = (posted.get(name) or "").strip()
            seen = posted.get(seen_name(ind, place), "0")
            if figure is not None and seen != str(figure.version):
                errors.append(
                    (
                        name,
                        f"Someone changed {where} since you opened this page: it now reads "
                        f"{rules.shown(figure.value, ind.unit)}. Check it and send again",
                    )
                )
                continue
            if not typed:
                if figure is not None:
                    errors.append((name, f"Enter {where}: a figure once sent can be corrected"))
                continue
            value = rules.parse_number(typed)
            if value is None:
                errors.append((name, f"Enter {where} as a number, like 12 or 4.5"))
                continue
            wrong = rules.figure_problem(value, ind.unit)
            if wrong:
                errors.append((name, f"{where} {wrong}"))
                continue
            changed = figure is not None and (figure.value != value or figure.note != note)
            corrected = corrected or (figure is not None and figure.value != value)
            if figure is None or changed:
                kept = note if place is None else ""
                writes.append(write(figure, ind, period, place, value, kept, reason))
            if place is None:
                last = slot["last"].value if slot["last"] else None
                if rules.needs_note(value, last, ind.tolerance) and not note:
                    errors.append(
                        (
                            f"note-{ind.id}",
                            f"Say why {ind.name} moved from {rules.shown(last, ind.unit)} to "
                            f"{rules.shown(value, ind.unit)}: more than its tolerance",
                        )
                    )
        if corrected and not reason:
            errors.append((f"reason-{ind.id}", f"Say why {ind.name} is being corrected"))
    return errors, ([] if errors else writes)
