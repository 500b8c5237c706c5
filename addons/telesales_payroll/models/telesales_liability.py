# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .telesales_payroll_tools import cap_liability, liability_cap


class TelesalesLiability(models.Model):
    """The money of a supervisor's joint liability (telesales_quality keeps
    its facts, in points): the points × the point value, and the cap, a share
    of the management allowance of the rank held at month end, as the month's
    figures to show. The payslip deducts the valued points and caps them once,
    on the management allowance it pays (``hr_payslip_rows.py``), with the
    same rule (``liability_cap``, ``cap_liability``)."""

    _inherit = "telesales.liability"

    currency_id = fields.Many2one(related="company_id.currency_id")
    point_value = fields.Monetary(readonly=True)
    amount_uncapped = fields.Monetary(compute="_compute_amounts", store=True)
    management_allowance = fields.Monetary(
        readonly=True, help="Of the rank the supervisor held at month end."
    )
    cap_percent = fields.Float(readonly=True)
    cap_amount = fields.Monetary(compute="_compute_amounts", store=True)
    amount = fields.Monetary(
        compute="_compute_amounts",
        store=True,
        help="Deducted from the supervisor's pay (capped).",
    )
    capped = fields.Boolean(compute="_compute_amounts", store=True)

    @api.model
    def _workflow_guarded_fields(self):
        # the month's snapshot of the settings and the rank: the computation's
        return super()._workflow_guarded_fields() | {
            "point_value",
            "management_allowance",
            "cap_percent",
        }

    @api.depends("points", "point_value", "management_allowance", "cap_percent")
    def _compute_amounts(self):
        for liability in self:
            uncapped = liability.points * liability.point_value
            cap = liability_cap(liability.management_allowance, liability.cap_percent)
            liability.amount_uncapped = uncapped
            liability.cap_amount = cap
            liability.amount = cap_liability([uncapped], cap)[0]
            liability.capped = uncapped > cap

    @api.model
    def _prepare_month_values(self, vals_list, month_end):
        """The point value and the cap of the month, and the management
        allowance of the rank each supervisor holds at month end."""
        vals_list = super()._prepare_month_values(vals_list, month_end)
        supervisors = self.env["hr.employee"].browse(
            {vals["supervisor_id"] for vals in vals_list}
        )
        ranks = self.env["telesales.rank.history"]._rank_at(supervisors, month_end)
        for vals in vals_list:
            company = self.env["res.company"].browse(vals["company_id"])
            rank = ranks.get(vals["supervisor_id"])
            vals.update(
                point_value=company.telesales_point_value,
                management_allowance=rank.management_allowance if rank else 0.0,
                cap_percent=company.telesales_liability_cap_percent,
            )
        return vals_list

    @api.model
    def _liability_amounts(self, employees, date_from, date_to):
        """Liability of supervisors for the months of [date_from, date_to],
        not cancelled, valued at the point value: what payroll deducts, before
        the payslip's cap. Returns ``{employee id: amount}``."""
        if not employees:
            return {}
        month_from = fields.Date.to_date(date_from).replace(day=1)
        groups = self.sudo()._read_group(
            [
                ("supervisor_id", "in", employees.ids),
                ("state", "!=", "cancelled"),
                ("month", ">=", month_from),
                ("month", "<=", date_to),
            ],
            ["supervisor_id"],
            ["amount_uncapped:sum"],
        )
        return {supervisor.id: amount for supervisor, amount in groups}
