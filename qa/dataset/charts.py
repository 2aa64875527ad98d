"""Small trend charts drawn on the server as SVG: a line through each quarter's figure, with the
target as a dashed line. The figures are always given as text beside the chart as well."""

import base64
from html import escape

WIDTH, HEIGHT, PAD = 160, 40, 4


def trend_svg(points, target=None, label="Trend"):
    """An SVG line for [(period, value)]; empty for fewer than two figures. `label` is its text
    alternative (role="img" with a <title>)."""
    if len(points) < 2:
        return ""
    values = [v for _, v in points] + ([target] if target is not None else [])
    low, high = min(values), max(values)
    span = (high - low) or 1.0

    def y(value):
        return PAD + (HEIGHT - 2 * PAD) * (1 - (value - low) / span)

    step = (WIDTH - 2 * PAD) / (len(points) - 1)
    line = " ".join(f"{PAD + i * step:.1f},{y(v):.1f}" for i, (_, v) in enumerate(points))
    last_x, last_y = PAD + (len(points) - 1) * step, y(points[-1][1])
    target_line = (
        f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
        'stroke="#505a5f" stroke-dasharray="3 2" stroke-width="1"/>'
        if target is not None
        else ""
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{target_line}"
        f'<polyline points="{line}" fill="none" stroke="#1d70b8" stroke-width="2"/>'
        f'<circle cx="{last_x:.1f}" cy="{last_y:.1f}" r="3" fill="#1d70b8"/></svg>'
    )


def data_uri(svg):
    """The chart as an <img> source, for the PDF (xhtml2pdf draws no inline SVG)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode() if svg else ""
