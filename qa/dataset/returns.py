"""A data return sent from its page or a CSV file: checked whole, then written in one go."""

from datetime import date

from flask import current_app, g, request

from qa.dataset import csvfiles, entry, queries, rules, service
from qa.dataset.models import Indicator, Locality
from qa.uploads import too_large_text

OPEN_QUARTERS = 8  # how far back a lead may enter or correct figures on the page


def period_asked(text, today=None):
    """The quarter in a query string when it is one of the last OPEN_QUARTERS, else the quarter
    agencies are asked for now."""
    now = rules.last_closed(today or date.today())
    wanted = (text or "").strip().upper()
    return wanted if wanted in rules.recent(now, OPEN_QUARTERS) else now


def send(who, agency, period, posted):
    """(errors, rows): the return of `agency` (every indicator's, when None) checked and, when it
    has no errors, saved. A figure someone else saved in the meantime is found by checking again,
    and shown."""
    for _ in range(2):
        rows = queries.return_page(agency, period)
        errors, writes = entry.check(rows, posted, period)
        if errors:
            return errors, rows
        try:
            whose = agency.name if agency else who.name
            summary = f"{whose} sent figures for {rules.period_label(period)}"
            service.save_figures(who, writes, summary)
            return [], rows
        except service.Stale:
            continue
    return [
        ("main-content", "Figures are being changed by someone else: check them and send again")
    ], rows


def csv_upload(field="file"):
    """(bytes, None) of the CSV posted in `field`, or (None, what is wrong)."""
    limit = current_app.config["MAX_UPLOAD_BYTES"]
    if g.get("too_large"):
        return None, too_large_text(limit)
    upload = request.files.get(field)
    if not upload or not upload.filename:
        return None, "Select a CSV file"
    if not upload.filename.lower().endswith(".csv"):
        return None, "The selected file must be a CSV file (.csv)"
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        return None, too_large_text(limit)
    return data, None


def import_figures(who, data):
    """(errors, how many written): every row checked; nothing written unless all are good."""
    codes = {i.code: i for i in Indicator.select()}
    places = {p.name.lower(): p for p in Locality.select()}
    existing = queries.figures_of([i.id for i in codes.values()], list(_periods_in(data)))
    errors, writes = csvfiles.read_figures(data, codes, places, existing)
    if errors:
        return errors, 0
    try:
        service.save_figures(who, writes, f"Imported figures from a CSV file ({len(writes)} rows)")
    except service.Stale:
        return ["Some of these figures were changed while the file was read: upload it again"], 0
    return [], len(writes)


def import_comparators(who, data):
    errors, rows = csvfiles.read_comparators(data, {i.code: i for i in Indicator.select()})
    if errors:
        return errors, 0
    service.save_comparators(who, rows, f"Imported {len(rows)} comparators from a CSV file")
    return [], len(rows)


def _periods_in(data):
    """Every period-like word in the file, to read only the figures it could touch."""
    text = data.decode("utf-8-sig", "replace").upper()
    return set(rules.PERIOD_ANYWHERE.findall(text))
