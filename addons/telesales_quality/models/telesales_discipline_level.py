# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesDisciplineLevel(models.Model):
    """A step of the disciplinary ladder (处罚) and what it does (SPEC §6).

    The seven levels of the regulation ship as data; a company changes their
    points and effects here instead of in code.
    """

    _name = "telesales.discipline.level"
    _description = "Disciplinary Level"
    _order = "sequence, id"

    sequence = fields.Integer(
        required=True, default=10, help="A higher sequence is a heavier penalty."
    )
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    points = fields.Float(
        help="Behaviour-quality points (行为品质分) deducted in the month.",
    )
    reset_score = fields.Boolean(
        string="Score Set to Zero",
        help="The month's whole behaviour-quality score is deducted.",
    )
    committee_required = fields.Boolean(
        string="Quality Committee Decides",
        help="Cases of this level go to the quality committee whatever their "
        "severity (the regulation: demerit and above).",
    )
    block_promotion = fields.Boolean(
        string="No Promotion This Quarter",
        help="Reported to the quarterly rank review as a promotion block.",
    )
    coaching = fields.Boolean(
        string="Offline Coaching",
        help="The agent is taken offline for coaching (坐席辅导) for the "
        "configured number of working days, at least one.",
    )
    rank_steps_down = fields.Integer(
        string="Ranks Down", help="Steps down the rank ladder, stopping at the lowest."
    )
    to_lowest_rank = fields.Boolean(string="Down to the Lowest Rank")
    remove_from_post = fields.Boolean(
        string="Removed from Post",
        help="A team leader or manager stops leading their team or unit.",
    )
    cancel_annual_bonus = fields.Boolean(
        string="Annual Bonus Cancelled",
        help="The employee loses the year's annual bonus (取消当年度奖金分配资格).",
    )
    observation_months = fields.Integer(
        help="Months of observation (察看期) after the decision: any new case "
        "in them is proposed as a dismissal.",
    )
    dismissal = fields.Boolean(help="Employment ends when the case is applied.")
    company_id = fields.Many2one("res.company", help="Empty: every company.")

    _sql_constraints = [
        (
            "rank_steps_positive",
            "CHECK(rank_steps_down >= 0 AND observation_months >= 0 AND points >= 0)",
            "Points, rank steps and observation months cannot be negative.",
        ),
    ]

    def _effect_labels(self):
        """Human-readable effects, for the form and the decision letter."""
        self.ensure_one()
        labels = []
        if self.reset_score:
            labels.append(self.env._("Behaviour-quality score of the month set to 0"))
        elif self.points:
            # formatted outside the call: the term extractor evaluates every
            # string token inside _() and fails on an f-string
            points = f"{self.points:g}"
            labels.append(
                self.env._(
                    "%(points)s behaviour-quality points deducted", points=points
                )
            )
        if self.coaching:
            labels.append(self.env._("Offline coaching of at least one working day"))
        if self.block_promotion:
            labels.append(self.env._("No promotion in the quarter"))
        if self.to_lowest_rank:
            labels.append(self.env._("Down to the lowest rank"))
        elif self.rank_steps_down:
            labels.append(
                self.env._("Down %(steps)s rank(s)", steps=self.rank_steps_down)
            )
        if self.remove_from_post:
            labels.append(self.env._("Removed from a team leader or manager post"))
        if self.cancel_annual_bonus:
            labels.append(self.env._("Annual bonus of the year cancelled"))
        if self.observation_months:
            labels.append(
                self.env._(
                    "%(months)s months of observation: a new violation leads to "
                    "dismissal",
                    months=self.observation_months,
                )
            )
        if self.dismissal:
            labels.append(self.env._("Employment ends"))
        return labels or [self.env._("Recorded")]
