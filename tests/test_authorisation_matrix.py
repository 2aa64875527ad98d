"""The declared authorisation matrix.

Every route × every role × their own objects and others', allowed or denied as declared.

The routes come from `app.url_map`, so a new route fails `test_the_declaration_covers_every_route`
until it is declared
below (and an entry for a route that has gone fails too). Each role runs on a fresh world
(tests/authz_world.py):
anonymous, the leads of agencies A and B, the reviewer assigned to A's challenge event (a QA
sub-group member), a
reviewer assigned to nothing (a peer reviewer), and the admin. "Own" objects are the role's own
agency's records (A
for everyone but lead B; for the assigned reviewer, the event they visit) and their own
declarations; "others'" are the
other agency's and someone else's. A route with nothing owned in its URL is asked once and counts
for both.

Allowed: anything but 401/403/404 or a redirect to sign in (a re-rendered invalid form, a redirect
elsewhere, a file, a
PDF). Denied: a signed-in person gets 403 or 404 and exactly one AuditEvent "denied" is written; an
anonymous visitor is
sent to sign in (or refused 400/403/404) and nothing is recorded, since there is nobody to record.
An allowed GET writes
no AuditEvent at all: no route changes data on GET. A GET is asked again as htmx when the page has a
fragment (and
always for anonymous visitors, who then get an HX-Redirect to sign in).

POSTs carry a valid CSRF token (anonymous visitors' from /sign-in: auth.login's POST being allowed
proves it) and no
other data, so most allowed ones re-render an invalid form (changing a password, cancelling or
reopening need a reason
or the current password) and change nothing; those that do change something (removing a document,
withdrawing a
declaration or a visitor, copying a survey) run after every GET, and signing out runs last.
"""

import pytest
from peewee import fn

from qa.audit import AuditEvent
from qa.builds import service as pdf_builds
from qa.reports import builds
from tests.authz_world import ROLES, build, keep_a_form, objects
from tests.conftest import Client

SIGNED_IN = ROLES[1:]
LEADS = ("lead_a", "lead_b")


class Who:
    """Who may call a route: per role, (allowed on their own objects, allowed on others')."""

    def __init__(self, name, both=(), own=()):
        self.name, self.cells = (
            name,
            {role: (role in both or role in own, role in both) for role in ROLES},
        )

    def __repr__(self):
        return self.name


PUBLIC = Who("PUBLIC", both=ROLES)
SIGNED_IN_ANY = Who("SIGNED_IN_ANY", both=SIGNED_IN)
# a person's own conflicts and dates, nobody else's
OWN_DECLARATIONS = Who("OWN_DECLARATIONS", own=SIGNED_IN)
ADMIN_ONLY = Who("ADMIN_ONLY", both=["admin"])
LEADS_ONLY = Who("LEADS_ONLY", both=LEADS)  # the lead's own agency is implied: nothing in the URL
LEAD_OWN = Who("LEAD_OWN", own=LEADS)
LEAD_OWN_OR_ADMIN = Who("LEAD_OWN_OR_ADMIN", own=LEADS, both=["admin"])
# the QA sub-group: admins and sub-group reviewers
SUBGROUP = Who("SUBGROUP", both=["assigned", "admin"])
# a return or action: its lead and the sub-group
AGENCY_RECORDS = Who("AGENCY_RECORDS", own=LEADS, both=["assigned", "admin"])
# the action register (a lead's lists only their own)
REGISTER = Who("REGISTER", both=[*LEADS, "assigned", "admin"])
# the event's visitors and its agency's lead
EVENT_PEOPLE = Who("EVENT_PEOPLE", own=[*LEADS, "assigned"], both=["admin"])
VISITORS_OR_ADMIN = Who("VISITORS_OR_ADMIN", own=["assigned"], both=["admin"])
VISITORS = Who("VISITORS", own=["assigned"])
# the data set's scorecard: every agency lead and the sub-group
DATA_SET_READERS = Who("DATA_SET_READERS", both=[*LEADS, "assigned", "admin"])
# a case audit: the sub-group, and the leads of agencies with a case in it (a named auditor too)
CASE_AUDIT = Who("CASE_AUDIT", both=[*LEADS, "assigned", "admin"])

DECLARED = {
    PUBLIC: """
        auth.login GET POST             main.healthz GET                respond.start GET POST
        respond.about GET POST          respond.question GET POST       respond.ready GET POST
        respond.thanks GET              respond.contact_request POST    respond.you_said GET
        respond.choose_language POST
        respond.privacy GET             respond.quick_exit GET
        respond.group GET               respond.next_person POST
        schools.ask_account GET POST    schools.account_sent GET
        schools.set_password GET POST   # a one-time link's page: the link is the key
        schools.sign GET POST           # the signed link is the key: a forged one signs nothing
    """,
    SIGNED_IN_ANY: """
        main.home GET                   account.show GET                account.change_password POST
        case_audits.index GET
        account.add_conflict POST       account.add_unavailable POST    auth.logout POST
        account.set_sectors POST        account.add_date_preference POST
        auth.resume GET                 sessions.keepalive POST         challenge.home GET
    """,
    OWN_DECLARATIONS: """
        account.withdraw_conflict POST  account.withdraw_unavailable POST
        account.withdraw_date_preference POST
        builds.show GET                 builds.download GET             # their own PDF builds
    """,
    CASE_AUDIT: """
        case_audits.show GET
    """,
    LEADS_ONLY: """
        section11.your_return GET       section11.start POST            voices.ours GET
        dataset.your_return GET POST
    """,
    LEAD_OWN: """
        section11.rating GET POST       section11.check GET             section11.submit POST
        section11.upload POST           section11.remove_document POST  section11.add_action POST
        section11.remove_action POST
        case_audits.grade POST          case_audits.summary POST        case_audits.submit POST
    """,
    AGENCY_RECORDS: """
        schools.sign_off_page GET
        section11.show GET              section11.pdf GET               section11.download GET
        actions.show GET                actions.download GET
        case_audits.case GET            case_audits.case_return GET     # each view recorded
    """,
    LEAD_OWN_OR_ADMIN: """
        schools.ask POST
        actions.save POST               actions.add_note POST           actions.upload POST
        actions.look_back POST
    """,
    REGISTER: """
        actions.index GET
    """,
    SUBGROUP: """
        case_audits.combined GET        case_audits.combined_pdf GET    # before the meeting
        case_audits.outputs GET         case_audits.report_pdf GET
        case_audits.briefing_pdf GET    # and everyone signed in once the board agreed it
        scrutiny.overview GET           scrutiny.heatmap_page GET       scrutiny.export_csv GET
        schools.overview GET            schools.heatmap GET
        scrutiny.report_pdf GET         scrutiny.review GET POST
        surveys.index GET               surveys.results GET             surveys.summary_pdf GET
        reviews.index GET               reviews.new GET POST            reviews.show GET
        reviews.edit GET POST           reviews.planning POST           reviews.add_action POST
        reviews.assurance GET           reviews.assure POST             reviews.dip_sample POST
        reviews.dip_outcome POST        reviews.theme_report GET        reviews.theme_report_pdf GET
        reviews.decide POST
        workplan.index GET              workplan.new GET POST           workplan.edit GET POST
        workplan.delete POST            workplan.progress GET           workplan.commentary POST
        workplan.progress_pdf GET
        meetings.index GET              meetings.new GET POST           meetings.edit GET POST
        meetings.show GET               meetings.attendance POST        meetings.add_due POST
        meetings.remove_attendance POST meetings.add_item POST          meetings.add_action POST
        meetings.agenda_item GET POST   meetings.minutes_pdf GET        meetings.invite GET
        scrutiny_themes.index GET       scrutiny_themes.new GET POST    scrutiny_themes.show GET
        scrutiny_themes.edit GET POST   scrutiny_themes.add_finding POST
        scrutiny_themes.add_recommendation POST scrutiny_themes.report_pdf GET
        scrutiny_themes.cite GET POST   scrutiny_themes.upload POST     scrutiny_themes.download GET
        scrutiny_themes.remove_evidence POST
        dataset.comment POST            dataset.propose POST            dataset.raise_action POST
        dataset.highlight_pdf GET
    """,
    DATA_SET_READERS: """
        dataset.scorecard GET           dataset.indicator GET
    """,
    EVENT_PEOPLE: """
        challenge.event GET             challenge.invite GET            challenge.outcome GET
        challenge.event_pdf GET
    """,
    VISITORS_OR_ADMIN: """
        challenge.findings_page GET     challenge.agreement GET         challenge.document GET
    """,
    VISITORS: """
        challenge.field GET POST        challenge.save_finding POST     challenge.summary GET POST
        challenge.recommend POST        challenge.withdraw POST         challenge.agree POST
    """,
    ADMIN_ONLY: """
        audit.index GET                 cycles.index GET                cycles.new GET POST
        cycles.edit GET POST            frameworks.index GET POST       frameworks.show GET POST
        frameworks.standard_edit GET POST
        people.sectors GET POST         people.sector_edit GET POST     people.agencies GET
        people.agency_new GET POST      people.agency_edit GET POST
        people.agency_toggle GET POST
        people.people GET               people.person_new GET POST      people.person_edit GET POST
        pairing_people.show GET         pairing_people.add_conflict POST
        pairing_people.withdraw_conflict POST       pairing_people.add_unavailable POST
        pairing_people.withdraw_unavailable POST    pairing_people.add_never POST
        pairing_people.withdraw_never POST
        pairing_people.set_sectors POST     pairing_people.add_date_preference POST
        pairing_people.withdraw_date_preference POST
        pairing.proposal GET            pairing.apply POST              pairing.choose GET
        pairing.pin POST                pairing.unpin POST
        actions.new GET POST            actions.quarter GET             scrutiny.reopen POST
        challenge.calendar GET          challenge.selection_page GET    challenge.choose POST
        challenge.schedule GET POST     challenge.assign POST           challenge.unassign POST
        challenge.cancel GET POST       challenge.held POST             challenge.reopen GET POST
        challenge.report_page GET       challenge.report_pdf GET        challenge.reported POST
        reports.annual_page GET         reports.annual_pdf POST         reports.build GET
        reports.download GET
        surveys.new GET POST            surveys.starter POST            surveys.show GET
        surveys.edit GET POST           surveys.status POST             surveys.copy POST
        surveys.question GET POST       surveys.tag GET POST            surveys.move POST
        surveys.delete POST             surveys.preview GET
        surveys.links GET POST          surveys.close POST              surveys.qr_svg GET
        surveys.qr_png GET              surveys.poster GET              surveys.paper POST
        surveys.review POST             surveys.answers_csv GET         surveys.contacts GET
        surveys.delete_contact POST     surveys.discard_burst POST
        surveys.settings GET POST       surveys.remove_term POST
        surveys.statements GET POST     surveys.statement GET POST
        surveys.translations_index GET  surveys.translation GET POST
        partnership.settings GET POST
        reviews.themes GET POST         reviews.theme_edit GET POST
        surveys.reviewers POST
        surveys.review_queue GET        surveys.review_in_queue POST  # and the people named
        dataset.indicators GET          dataset.adopt_starter POST      dataset.returns_status GET
        dataset.indicator_new GET POST  dataset.indicator_edit GET POST dataset.localities GET POST
        dataset.upload GET POST         dataset.comparators GET POST    dataset.comparator_add POST
        dataset.figures GET POST
        case_audits.new GET POST        case_audits.edit GET POST
        workplan.priorities GET POST    workplan.remove_priority POST
        case_audits.new_case GET POST   case_audits.edit_case GET POST  case_audits.reopen POST
        case_audits.add_auditor POST    case_audits.remove_auditor POST
        case_audits.auditors_meeting GET                case_audits.attendance POST
        case_audits.add_theme POST      case_audits.agree GET POST      # a view of a case, recorded
        case_audits.recommend POST
        schools.register_import GET POST                schools.register_apply POST
        schools.settings GET            schools.setting GET POST        schools.requests GET
        schools.decide POST             schools.account_rules GET POST
        schools.extend GET POST         schools.visits_page GET POST    schools.propose_visits POST
        schools.sign_off_needs GET POST
        yearly_report.page GET          yearly_report.start POST        yearly_report.pdf GET
        yearly_report.save_section POST yearly_report.add_section POST  yearly_report.dates POST
        yearly_report.move_section POST yearly_report.remove_section POST
        yearly_report.sign_off POST
    """,
}

# What fills each URL argument, from objects(world, role, own): by argument name, unless the
# endpoint says otherwise.
ARGUMENTS = {
    "action_id": lambda o: o.action.id,
    "audit_id": lambda o: o.case_audit.id,
    "auditor_id": lambda o: o.auditor.id,
    "case_id": lambda o: o.case.id,
    "grade_id": lambda o: o.case_grade.id,
    "agency_id": lambda o: o.third_agency.id,
    "build_id": lambda o: o.build.id,
    "conflict_id": lambda o: o.conflict.id,
    "cycle_id": lambda o: o.cycle.id,
    "document_id": lambda o: o.rating_document.id,
    "entry_id": lambda o: o.unavailable.id,
    "event_id": lambda o: o.event.id,
    "finding_id": lambda o: o.finding.id,
    "flag_id": lambda o: o.flag.id,
    "burst_id": lambda o: o.burst.id,
    "framework_id": lambda o: o.framework.id,
    "link_id": lambda o: o.link.id,
    "pair_id": lambda o: o.never_pair.id,
    "person_id": lambda o: o.person.id,
    "question_id": lambda o: o.question.id,
    "rating_id": lambda o: o.rating.id,
    "recommendation_id": lambda o: o.recommendation.id,
    "request_id": lambda o: o.contact.id,
    "return_id": lambda o: o.ret.id,
    "review_action_id": lambda o: o.review_action.id,
    "review_id": lambda o: o.review.id,
    "sector_id": lambda o: o.sector.id,
    "setting_id": lambda o: o.setting.id,
    "standard_id": lambda o: o.standard.id,
    "statement_id": lambda o: o.statement.id,
    "survey_id": lambda o: o.survey.id,
    "term_id": lambda o: o.term.id,
    "theme_id": lambda o: o.theme.id,
    "visitor_id": lambda o: o.visitor.id,
    "code": lambda o: o.link.code,
    "pdf_id": lambda o: o.pdf.id,
    "name": lambda o: "strengths",
    "number": lambda o: 1,
    "role": lambda o: "lead",
    "language": lambda o: "pl",
    "indicator_id": lambda o: o.indicator.id,
    "item_id": lambda o: o.workplan_item.id,
    "priority_id": lambda o: o.priority.id,
    "meeting_id": lambda o: o.meeting.id,
    "agenda_id": lambda o: o.agenda_item.id,
    "attendance_id": lambda o: o.attendance.id,
    "token": lambda o: "not-a-genuine-link",
}
OVERRIDES = {
    "workplan.delete": {"item_id": lambda o: o.spare_item.id},  # the edited item stays
    "account.withdraw_date_preference": {"entry_id": lambda o: o.date_preference.id},
    "pairing_people.withdraw_date_preference": {"entry_id": lambda o: o.date_preference.id},
    "actions.download": {"document_id": lambda o: o.action_document.id},
    "section11.remove_action": {"action_id": lambda o: o.plan.id},
    "case_audits.case_return": {"return_id": lambda o: o.case_return.id},
    "case_audits.summary": {"return_id": lambda o: o.case_return.id},
    "case_audits.submit": {"return_id": lambda o: o.case_return.id},
    "case_audits.reopen": {"return_id": lambda o: o.case_return.id},
    "respond.you_said": {"code": lambda o: o.survey.public_code},
    **{
        f"scrutiny_themes.{name}": {
            "theme_id": lambda o: o.scrutiny_theme.id,
            "kind": lambda o: "indicator",
            "evidence_id": lambda o: o.scrutiny_evidence.id,
            "document_id": lambda o: o.scrutiny_document.id,
        }
        for name in ("show", "edit", "add_finding", "add_recommendation", "report_pdf", "cite")
        + ("upload", "download", "remove_evidence")
    },
}
# without a role the pin form has no page to go back to (a 404 that is not a refusal)
DATA = {"pairing.pin": {"role": "lead"}}
LAST = ("auth.logout",)  # after everything else: it ends the session
# GETs that record the view itself (a case audit's case or return): one "viewed" line each, and
# nothing else written.
RECORDS_VIEWS = {
    "case_audits.case",
    "case_audits.case_return",
    "case_audits.combined",
    "case_audits.combined_pdf",
    "case_audits.agree",
    "case_audits.edit_case",
}


def declared():
    """{(endpoint, method): Who}, and the lines declared twice."""
    table, twice = {}, []
    for who, text in DECLARED.items():
        for line in text.split("\n"):
            for entry in _entries(line.split("#")[0]):
                endpoint, methods = entry[0], entry[1:]
                for method in methods:
                    twice += [f"{endpoint} {method}"] if (endpoint, method) in table else []
                    table[endpoint, method] = who
    return table, twice


def _entries(line):
    """'a.b GET POST   c.d GET' -> [['a.b', 'GET', 'POST'], ['c.d', 'GET']]."""
    entries = []
    for word in line.split():
        if word.isupper():
            entries[-1].append(word)
        else:
            entries.append([word])
    return entries


def routes(app):
    """[(rule, method)] for every route but static files, by endpoint.

    A fixed order, whatever order the capabilities register in: one role's cells share a world, and
    a cell that withdraws a declaration (the admin's pairing page) must come after the cells that
    expect to find it (the person's own account page), every run.
    """
    return [
        (rule, method)
        for rule in sorted(app.url_map.iter_rules(), key=lambda rule: (rule.endpoint, rule.rule))
        if rule.endpoint != "static"
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    ]


def test_the_declaration_covers_every_route(app):
    table, twice = declared()
    present = {(rule.endpoint, method) for rule, method in routes(app)}
    assert not sorted(present - set(table)), (
        f"routes missing from DECLARED (say who may call them): {sorted(present - set(table))}"
    )
    assert not sorted(set(table) - present), (
        f"DECLARED names routes that no longer exist: {sorted(set(table) - present)}"
    )
    assert not twice, f"declared twice: {twice}"
    unfilled = sorted(
        {
            (rule.endpoint, name)
            for rule, _ in routes(app)
            for name in rule.arguments
            if name not in ARGUMENTS and name not in OVERRIDES.get(rule.endpoint, {})
        }
    )
    assert not unfilled, (
        f"URL arguments with nothing to fill them in ARGUMENTS or OVERRIDES: {unfilled}"
    )


def url(rule, filled):
    fillers = {**ARGUMENTS, **OVERRIDES.get(rule.endpoint, {})}
    return rule.build(
        {name: fillers[name](filled) for name in rule.arguments}, append_unknown=False
    )[1]


def cells(app, world, role, table):
    """[(rule, method, url, which, allowed)]: own and others' objects, or once ("both") when the URL
    is the same; GETs first."""
    found = []
    for rule, method in routes(app):
        if (rule.endpoint, method) not in table:
            continue  # test_the_declaration_covers_every_route says so
        own, other = url(rule, objects(world, role, True)), url(rule, objects(world, role, False))
        may_own, may_other = table[rule.endpoint, method].cells[role]
        if own == other:
            assert may_own == may_other, (
                f"{rule.endpoint} has nothing owned in its URL, so {role} cannot differ between "
                "own and others'"
            )
            found.append((rule, method, own, "both", may_own))
        else:
            found += [
                (rule, method, own, "own", may_own),
                (rule, method, other, "others'", may_other),
            ]
    return sorted(found, key=lambda cell: (cell[0].endpoint in LAST, cell[1] != "GET"))


def client_for(app, world, role):
    client = Client(app)
    if role == "anonymous":
        # a real token: a refusal is about who is asking, never about CSRF
        client.refresh_token("/sign-in")
        return client
    assert client.sign_in(world.users[role].email).status_code == 302
    keep_a_form(client, role)
    return client


def verdict(response, role, endpoint):
    """'allowed', 'denied', or what else happened."""
    code = response.status_code
    sent_to = (
        response.headers.get("Location", "")
        if 300 <= code < 400
        else response.headers.get("HX-Redirect", "")
    )
    to_sign_in = sent_to.split("?")[0].endswith("/sign-in")
    if code >= 500:
        return f"a server error {code}"
    # signing out ends at the sign in page: allowed when it was done
    if endpoint == "auth.logout" and to_sign_in:
        return (
            "allowed"
            if AuditEvent.select().where(AuditEvent.verb == "signed out").exists()
            else "denied"
        )
    if role == "anonymous":
        return "denied" if to_sign_in or code in (400, 401, 403, 404) else "allowed"
    if code in (403, 404):
        return "denied"
    return f"{code}, sent to sign in" if to_sign_in or code in (400, 401) else "allowed"


def counts():
    """AuditEvents written, and refusals recorded (a "denied" line counts each refusal it stands
    for: repeated ones within a minute share one line)."""
    denials = AuditEvent.select(fn.SUM(AuditEvent.times)).where(AuditEvent.verb == "denied")
    return AuditEvent.select().count(), denials.scalar() or 0


def ask(client, method, path, data=None, htmx=False):
    """The response, and how many AuditEvents (all, and "denied") it wrote."""
    before = counts()
    response = (
        client.get(path, headers={"HX-Request": "true"} if htmx else {})
        if method == "GET"
        else client.post(path, data)
    )
    response.written = tuple(n - m for n, m in zip(counts(), before))
    return response


def check(response, role, endpoint, method, expected, where):
    """What is wrong with this cell's answer: [] when it is as declared."""
    got, (events, denials) = verdict(response, role, endpoint), response.written
    if got != expected:
        return [f"{where}: expected {expected}, got {got} ({response.status_code})"]
    if got == "denied" and role != "anonymous" and denials != 1:
        return [f"{where}: denied without an AuditEvent 'denied' ({denials} written)"]
    if got == "allowed" and method == "GET" and endpoint in RECORDS_VIEWS:
        if events != 1 or not AuditEvent.select().order_by(AuditEvent.id.desc()).get().verb == (
            "viewed"
        ):
            return [f"{where}: a view of a case must write one AuditEvent 'viewed' ({events})"]
    elif got == "allowed" and method == "GET" and events:
        return [f"{where}: a GET wrote {events} AuditEvents"]
    return []


@pytest.mark.parametrize("role", ROLES)
def test_every_route_answers_as_declared(app, people, role):
    world = build(people)
    client, table, wrong = client_for(app, world, role), declared()[0], []
    for rule, method, path, which, allowed in cells(app, world, role, table):
        expected, where = (
            "allowed" if allowed else "denied",
            f"{role} {method} {path} ({rule.endpoint}, {which} objects, declared "
            f"{table[rule.endpoint, method]})",
        )
        response = ask(client, method, path, DATA.get(rule.endpoint))
        wrong += check(response, role, rule.endpoint, method, expected, where)
        if method == "GET" and (
            role == "anonymous" or "HX-Request" in response.headers.get("Vary", "")
        ):
            # The same route asked by htmx for its fragment: anonymous visitors get an HX-Redirect
            # to sign in instead.
            wrong += check(
                ask(client, method, path, htmx=True),
                role,
                rule.endpoint,
                method,
                expected,
                f"{where} by htmx",
            )
    for thread in list(builds.RUNNING.values()):  # the board report a POST may have started
        thread.join(60)
    pdf_builds.wait()  # and the Section 11 PDFs a GET may have started
    assert not wrong, "\n".join(wrong)
