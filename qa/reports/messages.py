"""Key messages for the board in plain English, worked out from the report's figures (pure.

No Flask, no database).
"""


def _plural(n, one, many):
    return f"{n} {one if n == 1 else many}"


def key_messages(data):
    out = []
    s11 = data["section11"]
    line = (
        f"{s11['submitted']} of {s11['total']} agencies ({s11['rate']}%) sent in their "
        "Section 11 self-assessment"
    )
    if s11.get("before") and s11["before"]["submitted"]:
        line += f", against {s11['before']['submitted']} in {s11['before']['cycle'].name}"
    out.append(line + ".")
    r, a, g = (s11["ratings"][k] for k in "RAG")
    rated = r + a + g
    if rated:
        out.append(
            f"Agencies rated themselves green on {round(100 * g / rated)}% of standards; "
            f"{_plural(r, 'rating was', 'ratings were')} red and {_plural(a, 'was', 'were')} "
            "amber, each of which needs an improvement plan."
        )
    moved = s11.get("movement") or {}
    if moved.get("better") or moved.get("worse"):
        out.append(
            f"Since last year {_plural(moved.get('better', 0), 'rating has', 'ratings have')} "
            f"improved and {moved.get('worse', 0)} got worse."
        )
    ch = data["challenge"]
    if ch["reports"]:
        text = (
            f"{_plural(len(ch['reports']), 'agency was', 'agencies were')} visited for a "
            "challenge event, leading to "
            f"{_plural(ch['recommendations'], 'recommendation', 'recommendations')}"
        )
        if ch["lower"]:
            text += (
                f"; on {_plural(ch['lower'], 'standard', 'standards')} the visitors agreed a "
                "lower rating than the agency gave itself"
            )
        out.append(text + ".")
    kids = data["children"]
    if kids["responses"] or kids["you_said"]:
        out.append(
            f"{_plural(kids['responses'], 'child or young person', 'children and young people')} "
            "answered our surveys, "
            f"and we published {_plural(len(kids['you_said']), 'change', 'changes')} made "
            "because of what they told us."
        )
    staff = data["staff"]
    if staff["responses"]:
        out.append(
            f"{_plural(staff['responses'], 'practitioner', 'practitioners')} answered the staff "
            "questionnaire."
        )
    if staff.get("mismatches"):
        n = len(staff["mismatches"])
        out.append(
            f"On {_plural(n, 'standard', 'standards')}, what an agency's own staff said does not "
            "bear out its self-rating; "
            "the sub-group will test these at challenge events."
        )
    act = data["actions"]
    totals = act["totals"]
    late = totals["overdue"]
    out.append(
        f"{_plural(totals['opened'], 'action was', 'actions were')} opened this year and "
        f"{totals['done']} completed; "
        f"{late} {'is' if late == 1 else 'are'} overdue now."
    )
    if act["confirmed"] or act["not_sustained"]:
        out.append(
            "A year on, agencies confirmed the impact lasted for "
            f"{_plural(act['confirmed'], 'action', 'actions')}"
            + (
                f"; for {act['not_sustained']} it did not, and these come back to the sub-group."
                if act["not_sustained"]
                else "."
            )
        )
    return out
