# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

_COMMITTEE = "telesales_quality.group_quality_committee"


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
    # the one record of the membership is the group, which the access
    # rights and record rules use; this field shows and edits it per company
    # (settings screen)
    telesales_committee_user_ids = fields.Many2many(
        "res.users",
        string="Quality Committee",
        compute="_compute_telesales_committee_user_ids",
        inverse="_inverse_telesales_committee_user_ids",
        help="Members of the quality committee (品质管理委员会): every member must "
        "approve a serious case or an appeal decision.",
    )
    # the headcount gate's QA KPI (telesales_hr's gate, extended here)
    telesales_gate_min_qa_pass_rate = fields.Float(
        string="Minimum QA Pass Rate (%)", default=90.0
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

    def _telesales_committee_users(self):
        """The quality committee of the company: the internal users of the
        company in the committee group."""
        self.ensure_one()
        return self.env.ref(_COMMITTEE).users.filtered(
            lambda user: not user.share and self in user.company_ids
        )

    @api.depends_context("uid")
    def _compute_telesales_committee_user_ids(self):
        for company in self:
            company.telesales_committee_user_ids = company._telesales_committee_users()

    def _inverse_telesales_committee_user_ids(self):
        """Members chosen in Settings join the committee group; those removed
        leave it (the group holds no other membership)."""
        group = self.env.ref(_COMMITTEE)
        for company in self:
            members = company._telesales_committee_users()
            wanted = company.telesales_committee_user_ids
            # written with the editor's rights: the settings screen is an
            # administrator's, who manages the users' groups
            (wanted - members).write({"groups_id": [Command.link(group.id)]})
            (members - wanted).write({"groups_id": [Command.unlink(group.id)]})

    def _telesales_liability_rate(self, role, severity):
        """Percentage of an agent's points charged to a supervisor."""
        self.ensure_one()
        return self[f"telesales_liability_{role}_{severity}"]
