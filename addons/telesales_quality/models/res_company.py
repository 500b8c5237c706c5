# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    """Quality and discipline defaults of SPEC §6, all configurable."""

    _inherit = "res.company"

    telesales_qa_pass_score = fields.Float(
        string="QA Pass Line",
        default=80.0,
        help="An inspected call passes when its score reaches this line.",
    )
    telesales_qa_appeal_days = fields.Integer(
        string="Appeal Deadline (Working Days)",
        default=3,
        help="Working days of the agent's schedule, after the publication of an "
        "inspection, to acknowledge or appeal it.",
    )
    telesales_point_value = fields.Monetary(
        string="Value of a Quality Point",
        default=5.0,
        help="Amount deducted per behaviour-quality point (行为品质分), before tax.",
    )
    telesales_quality_base_points = fields.Float(
        string="Monthly Behaviour-Quality Score",
        default=100.0,
        help="Score each agent starts the month with. Levels that reset the "
        "score (probation, dismissal) deduct all of it; a month never loses "
        "more than this.",
    )
    telesales_coaching_days = fields.Integer(
        string="Offline Coaching (Working Days)",
        default=1,
        help="Working days an agent is taken offline for coaching after a "
        "warning or worse (at least one).",
    )
    telesales_committee_user_ids = fields.Many2many(
        "res.users",
        "res_company_telesales_committee_rel",
        "company_id",
        "user_id",
        string="Quality Committee",
        help="Members of the quality committee (品质管理委员会): every member must "
        "approve a serious case or an appeal decision.",
    )
    # Joint liability of supervisors (连带管理责任), in percent of the points
    # their agents lost in the month, by severity of the violation.
    telesales_liability_direct_general = fields.Float(
        string="Direct Supervisor, General", default=60.0
    )
    telesales_liability_direct_serious = fields.Float(
        string="Direct Supervisor, Serious", default=80.0
    )
    telesales_liability_direct_major = fields.Float(
        string="Direct Supervisor, Major", default=100.0
    )
    telesales_liability_indirect_general = fields.Float(
        string="Indirect Supervisor, General", default=30.0
    )
    telesales_liability_indirect_serious = fields.Float(
        string="Indirect Supervisor, Serious", default=40.0
    )
    telesales_liability_indirect_major = fields.Float(
        string="Indirect Supervisor, Major", default=50.0
    )
    telesales_liability_cap_percent = fields.Float(
        string="Liability Cap (% of Management Allowance)",
        default=20.0,
        help="A supervisor's monthly liability never exceeds this share of "
        "their management allowance.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies.telesales_committee_user_ids._telesales_join_committee()
        return companies

    def write(self, vals):
        res = super().write(vals)
        if "telesales_committee_user_ids" in vals:
            self.telesales_committee_user_ids._telesales_join_committee()
        return res

    def _telesales_liability_rate(self, role, severity):
        """Percentage of an agent's points charged to a supervisor."""
        self.ensure_one()
        return self[f"telesales_liability_{role}_{severity}"]
