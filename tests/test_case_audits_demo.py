"""The demo's case audits: two completed in earlier years with themes and actions, one under way
with some agencies not yet returned; loading twice adds nothing."""

from qa.actions.models import Action
from qa.case_audits import demo
from qa.case_audits.models import AgreedGrade, CaseAudit, CaseReturn, CaseTheme


def test_the_demo_has_two_completed_audits_and_one_under_way(demo_partnership):
    audits = {a.topic: a for a in CaseAudit.select()}
    assert len(audits) == 3
    done = [a for a in audits.values() if a.status in ("agreed", "published")]
    assert sorted(a.cycle.name for a in done) == ["2024-25", "2025-26"]
    for found in done:
        cases = [case.id for case in found.cases]
        assert CaseTheme.select().where(CaseTheme.case.in_(cases)).exists()
        assert AgreedGrade.select().where(AgreedGrade.case.in_(cases)).exists()
        assert found.summary
    assert Action.select().where(Action.source == "case_audit").count() == 2
    live = audits["Adolescents at risk of exploitation"]
    returns = CaseReturn.select().join_from(CaseReturn, CaseReturn.case.rel_model)
    statuses = {r.status for r in returns.where(CaseReturn.case.in_(list(live.cases)))}
    assert statuses == {"draft", "submitted"}  # some agencies not yet returned
    before = (CaseAudit.select().count(), CaseReturn.select().count())
    demo.load(None)
    assert (CaseAudit.select().count(), CaseReturn.select().count()) == before
