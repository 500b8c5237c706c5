# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TelesalesRank(models.Model):
    """A step of the agents' rank ladder (职级): wage, allowance, threshold, rate."""

    _name = "telesales.rank"
    _description = "Telesales Rank"
    _order = "company_id, sequence, id"
    # shown as "[S1] 专员一级": found by either part
    _rec_names_search = ["code", "name"]

    sequence = fields.Integer(
        required=True,
        default=10,
        help="Position on the ladder: a higher sequence is a higher rank.",
    )
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    base_wage = fields.Monetary(
        string="Base Monthly Wage", help="底薪: paid in full for a full month."
    )
    newcomer_allowance = fields.Monetary(
        help="Paid on top of the base wage in a month whose KPI score reaches "
        "the pass line (trainees)."
    )
    quarter_threshold = fields.Monetary(
        string="Quarter Premium Threshold",
        help="Effective premium over a quarter needed to reach and to keep this rank.",
    )
    commission_rate = fields.Float(
        digits=(5, 4),
        help="Share of the month's effective premium paid as commission "
        "(0.05 means 5%).",
    )
    management_allowance = fields.Monetary(
        help="Monthly allowance of a team leader holding this rank, if any."
    )
    monthly_target = fields.Monetary(
        string="Default Monthly Target",
        help="Premium an agent of this rank is expected to bring each month "
        "when no individual target is set.",
    )
    employee_count = fields.Integer(compute="_compute_employee_count")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A rank code must be unique per company.",
        ),
        (
            "threshold_positive",
            "CHECK(quarter_threshold >= 0)",
            "The quarter premium threshold cannot be negative.",
        ),
        (
            "commission_rate_range",
            "CHECK(commission_rate >= 0 AND commission_rate <= 1)",
            "The commission rate must be between 0 and 1.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for rank in self:
            rank.display_name = f"[{rank.code}] {rank.name}" if rank.code else rank.name

    def _compute_employee_count(self):
        # through the public employees: auditors and agents read the ladder
        # without HR rights on hr.employee
        groups = self.env["hr.employee.public"]._read_group(
            [("telesales_rank_id", "in", self.ids)],
            ["telesales_rank_id"],
            ["__count"],
        )
        counts = {rank.id: count for rank, count in groups}
        for rank in self:
            rank.employee_count = counts.get(rank.id, 0)

    def _ladder(self, company=None):
        """All active ranks of a company, lowest first."""
        company = company or self.env.company
        return self.search([("company_id", "=", company.id)], order="sequence, id")

    def _step(self, steps):
        """The rank `steps` places above (negative: below) this one on its
        company's ladder, stopping at either end."""
        self.ensure_one()
        ladder = self._ladder(self.company_id)
        index = list(ladder).index(self) if self in ladder else 0
        index = max(0, min(len(ladder) - 1, index + steps))
        return ladder[index]

    def action_view_employees(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr.open_view_employee_list_my"
        )
        action["domain"] = [("telesales_rank_id", "=", self.id)]
        action["context"] = {}
        if not self.env["hr.employee"].has_access("read"):
            # auditors: the public employee list (the rank is public)
            action["res_model"] = "hr.employee.public"
            action["views"] = [(False, "list"), (False, "kanban"), (False, "form")]
            action.pop("view_id", None)
            action.pop("search_view_id", None)
        return action
