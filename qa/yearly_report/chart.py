"""A small horizontal bar chart drawn as SVG for the yearly report, with its text alternative;
the figures it shows are always given as text beside it as well."""

import base64
from html import escape

WIDTH, BAR, GAP, LABEL = 360, 18, 8, 120
COLOURS = ("#00703c", "#d4351c", "#1d70b8", "#505a5f")


def bars_svg(bars, label) -> str:
    """An SVG of [(name, value)] bars; "" when every value is 0. `label` is the chart's text
    alternative (role="img" with a <title>)."""
    if not any(value for _, value in bars):
        return ""
    top = max(value for _, value in bars)
    height = len(bars) * (BAR + GAP)
    rows = []
    for n, (name, value) in enumerate(bars):
        y = n * (BAR + GAP)
        length = (WIDTH - LABEL - 40) * value / top
        rows.append(
            f'<text x="0" y="{y + 13}" font-size="12" fill="#0b0c0c">{escape(name)}</text>'
            f'<rect x="{LABEL}" y="{y}" width="{length:.1f}" height="{BAR}" '
            f'fill="{COLOURS[n % len(COLOURS)]}"/>'
            f'<text x="{LABEL + length + 4:.1f}" y="{y + 13}" font-size="12" '
            f'fill="#0b0c0c">{value}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
        f'height="{height}" role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>'
        + "".join(rows)
        + "</svg>"
    )


def data_uri(svg) -> str:
    """The chart as an <img> source for the PDF (xhtml2pdf draws no inline SVG)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode() if svg else ""


def alt_text(bars, label) -> str:
    """The chart's text alternative: what it shows, with every figure."""
    return f"{label}: " + ", ".join(f"{name} {value}" for name, value in bars) + "."
