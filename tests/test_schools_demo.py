"""The demo's schools: 120 settings from the shipped register file, in the data set's four
localities and every kind, with two account requests waiting; loading twice adds nothing."""

from peewee import fn

from qa.dataset.demo import LOCALITIES
from qa.dataset.models import Locality
from qa.schools import demo
from qa.schools.models import AccountRequest, Setting


def test_the_demo_imports_120_settings_across_phases_and_localities(app, people):
    for n, name in enumerate(LOCALITIES):
        Locality.create(name=name, position=n)
    demo.load(None)
    assert Setting.select().count() == 120
    per_place = dict(
        Setting.select(Setting.locality, fn.COUNT(Setting.id)).group_by(Setting.locality).tuples()
    )
    assert per_place == {name: 30 for name in LOCALITIES}
    kinds = {k for (k,) in Setting.select(Setting.kind).distinct().tuples()}
    assert kinds == {"school", "independent", "early_years", "further_education"}
    phases = {p for (p,) in Setting.select(Setting.phase).distinct().tuples()}
    assert {"Primary", "Secondary", "Nursery", "16 plus"} <= phases
    assert AccountRequest.select().where(AccountRequest.status == "pending").count() == 2
    demo.load(None)
    assert Setting.select().count() == 120 and AccountRequest.select().count() == 2
