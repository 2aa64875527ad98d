"""The demo's schools: four in five returned, a few signed off by the head and noted by the
chair of governors, the non-returners chased, six settings sampled for verification visits;
loading twice adds nothing."""

from qa.schools import returns_demo as demo
from qa.schools.models import Chase, SampledSetting, Setting, SignOff, VisitSample
from qa.section11.models import Return


def test_the_demo_schools_returned_signed_chased_and_sampled(app, people, cycles, settings):
    demo.load(None)  # after the register's loader, here the five settings of the fixture
    settings = list(Setting.select())
    agencies = [s.agency_id for s in settings]
    this = Return.cycle == cycles["this"]
    returned = Return.select().where(
        Return.agency.in_(agencies), Return.status == "submitted", this
    )
    assert returned.count() == len(settings) - len(settings) // 5  # 96 of 120
    noted = SignOff.select().where(SignOff.role == "chair", SignOff.signed_at.is_null(False))
    assert noted.count() == 4
    drafts = Return.select().where(Return.agency.in_(agencies), Return.status == "draft", this)
    assert drafts.count() == len(settings) // 5  # the rest started and stopped part-way
    late = {c.setting_id for c in Chase.select()}
    assert len(late) == len(settings) - returned.count()
    assert VisitSample.select().count() == 1  # of six, or all when fewer
    assert SampledSetting.select().count() == min(6, len(settings))
    assert all(c.reason for c in SampledSetting.select())  # its visits proposed on the page
    before = (Return.select().count(), SignOff.select().count(), Chase.select().count())
    demo.load(None)
    assert (Return.select().count(), SignOff.select().count(), Chase.select().count()) == before


def test_the_whole_demo_has_four_in_five_of_its_120_settings_returned(app, demo_partnership):
    from qa.cycles.models import Cycle

    this = Cycle.get(Cycle.name == "2026-27")
    agencies = [s.agency_id for s in Setting.select()]
    assert len(agencies) == 120
    mine = Return.select().where(Return.agency.in_(agencies), Return.cycle == this)
    assert mine.where(Return.status == "submitted").count() == 96
    assert (
        SignOff.select().where(SignOff.role == "chair", SignOff.signed_at.is_null(False)).count()
        == 4
    )
    assert len({c.setting_id for c in Chase.select()}) == 24
    assert SampledSetting.select().count() == 6
