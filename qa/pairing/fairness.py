"""The fairest pairing beside the plain proposal: what the admin gives up, and gains, for it."""

from dataclasses import dataclass

from qa.pairing import planning
from qa.pairing.data import LEAD, PEER


@dataclass
class Trade:
    """The plain proposal beside the fairest one: the worst-fitting event of each and the totals."""

    plain_worst: int
    plain_event: object  # ChallengeEvent fitting the plain proposal worst
    fair_worst: int
    fair_event: object
    plain_total: int
    fair_total: int
    moved: list  # Change: each slot the fairest fills differently

    @property
    def same(self):
        return not self.moved


def fairest(plan):
    """The fairest proposal for the plan's events beside the plan's own, or None when it is not
    offered (nothing paired, the greedy answer cannot pair everything, or not proven in time)."""
    from qa.pairing import solver

    data = plan.data
    found = solver.propose_fairest(
        data.events, data.people, data.context, time_limit_s=planning.TIME_LIMIT_S
    )
    if found is None or plan.proposal.worst_fit is None:
        return None
    shown = {row.record.id: (row.pairing.lead_id, row.pairing.peer_id) for row in plan.rows}
    fair_plan = planning.Plan(
        plan.cycle,
        data,
        found,
        [
            planning.Row(
                data.records[e.id],
                e,
                found.pairing_for(e.id),
                planning.Slot(LEAD),
                planning.Slot(PEER),
            )
            for e in data.events
        ],
    )
    (plain_worst, plain_id), (fair_worst, fair_id) = plan.proposal.worst_fit, found.worst_fit
    return Trade(
        plain_worst,
        data.records[plain_id],
        fair_worst,
        data.records[fair_id],
        plan.proposal.total_cost,
        found.total_cost,
        planning.changes(fair_plan, shown),
    )
