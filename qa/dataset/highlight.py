"""What the scorecard, an indicator's page and the board's highlight report show, assembled from
queries.py and judged by rules.py."""

from qa.dataset import charts, queries, rules
from qa.dataset.models import AREAS, Locality
from qa.ids import parse_id
from qa.pdf import render_pdf
from qa.people.models import Agency


def _filters(args):
    """The scorecard's filters from a query string: unknown ids and junk are ignored."""
    agency_id, locality_id = parse_id(args.get("agency")), parse_id(args.get("locality"))
    return {
        "agency": Agency.get_or_none(Agency.id == agency_id) if agency_id else None,
        "cohort": (args.get("cohort") or "").strip()[:200],
        "locality": Locality.get_or_none(Locality.id == locality_id) if locality_id else None,
    }


def with_charts(lines):
    """Each scorecard line with its trend chart and the chart's figures in words."""
    for line in lines:
        ind = line["indicator"]
        words = ", ".join(
            f"{rules.short_label(p)} {rules.shown(v, ind.unit)}" for p, v in line["trend"]
        )
        line["trend_text"] = f"{ind.name} by quarter: {words}" if words else "No figures yet"
        line["chart"] = charts.trend_svg(line["trend"], ind.target, line["trend_text"])
    return lines


def scorecard_page(args, today, user):
    """The scorecard's page: its lines for the filters in `args`, the filters' choices, and for an
    agency lead the figures their agency still has to send."""
    filters = _filters(args)
    locality = filters["locality"]
    lines = queries.scorecard({**filters, "locality": locality.id if locality else None}, today)
    return {
        "lines": with_charts(lines),
        "filters": filters,
        "agencies": queries.supplying_agencies(),
        "cohorts": queries.cohorts(),
        "localities": queries.localities(),
        "areas": AREAS,
        "period": rules.last_closed(today),
        "owed": queries.owed_by(user.agency, today) if user.role == "agency_lead" else [],
    }


def latest_period(indicator, today):
    """The quarter commentary is about: the latest with a figure, else the one asked for now."""
    line = queries.scorecard({"indicator": indicator.id}, today, only=indicator.id)
    return (line[0]["period"] if line else None) or rules.last_closed(today)


def indicator_page(indicator, today):
    figures, earlier, comparators, comments = queries.history(indicator)
    by_period = {}
    for fig in figures:
        by_period.setdefault(fig.period, {})[fig.locality_id] = fig
    lines = queries.scorecard({}, today, only=indicator.id)
    return {
        "indicator": indicator,
        "line": with_charts(lines)[0] if lines else None,
        "supplier": queries.supplier_name(indicator),
        "periods": sorted(by_period, reverse=True),
        "by_period": by_period,
        "earlier": earlier,
        "localities": queries.localities() if indicator.by_locality else [],
        "comparators": _by_period(comparators),
        "comments": comments,
        "areas": AREAS,
    }


def _by_period(comparators):
    """[(period, {area: Comparator}, sources in words)], newest period first."""
    periods = {}
    for comp in comparators:
        periods.setdefault(comp.period, {})[comp.area] = comp
    rows = []
    for period in sorted(periods, reverse=True):
        found, sources = periods[period], {}
        for comp in found.values():
            published = f", published {comp.published:%-d %B %Y}" if comp.published else ""
            sources.setdefault(comp.source + published, None)
        rows.append((period, found, "; ".join(sources)))
    return rows


def exceptions(lines):
    """The lines the board should see first: red, worsening, or worse than statistical
    neighbours, each with why."""
    found = []
    for line in lines:
        why = []
        if line["rag"] == "R":
            why.append("red against its target")
        if line["direction"] == "worsening":
            why.append("worsening")
        neighbours = next(c for c in line["comparisons"] if c["area"] == "neighbours")
        if neighbours["position"] == "worse":
            why.append("worse than statistical neighbours")
        if why:
            found.append({**line, "why": why})
    return found


def highlight_report(today):
    lines = with_charts(queries.scorecard({}, today))
    return {"lines": lines, "exceptions": exceptions(lines), "period": rules.last_closed(today)}


def board_summary(today):
    """For the board's annual report: how many indicators are red, amber, green or not rated, and
    the exceptions."""
    report = highlight_report(today)
    counts = dict.fromkeys(("R", "A", "G", None), 0)
    for line in report["lines"]:
        counts[line["rag"]] += 1
    return {**report, "counts": counts}


def annual_section(cycle, today):
    """The data set's section of the board's annual report: the indicators at the end of the
    cycle (or today, if sooner), exceptions first."""
    return board_summary(min(today, cycle.ends))


def pdf(today):
    return render_pdf("pdf/dataset_highlight.html", today=today, **highlight_report(today))
