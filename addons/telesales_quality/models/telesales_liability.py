# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import calendar
from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

HR = "telesales_hr.group_telesales_hr"


class TelesalesLiability(models.Model):
    """A supervisor's joint liability (连带管理责任) for one month.

    The direct supervisor (team leader) is charged 60 / 80 / 100 % and the
    indirect supervisor (manager) 30 / 40 / 50 % of the points their agents
    lost in the month for general / serious / major violations (company
    settings). This module keeps the facts, in points; telesales_payroll
    values them (the point value) and caps them (a share of the management
    allowance) once, as it owns every amount of money.
    Lines trace every charge to its case. Computed for a month by a monthly
    cron or the button; confirmed and cancelled records are never recomputed.

    Every field is the computation's or the workflow's
    (``telesales.workflow.mixin``): a client changes none of them, in any
    state; HR confirms or cancels (with a reason) through the buttons.
    """

    _name = "telesales.liability"
    _description = "Supervisor Joint Liability"
    _inherit = ["telesales.workflow.mixin", "telesales.mail.author", "mail.thread"]
    _order = "month desc, supervisor_id"

    _workflow_fields = frozenset(
        {
            "month",
            "company_id",
            "supervisor_id",
            "line_ids",
            "cancel_reason",
        }
    )
    _workflow_editable = {}
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        # confirming a confirmed liability changes nothing
        "action_confirm": (("draft", "confirmed"), (HR,)),
        "action_cancel": (("draft", "confirmed"), (HR,)),
    }
    _rec_name = "supervisor_id"

    month = fields.Date(required=True, index=True, help="First day of the month.")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    supervisor_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="restrict",
    )
    line_ids = fields.One2many("telesales.liability.line", "liability_id")
    points = fields.Float(
        string="Liability Points", compute="_compute_points", store=True
    )
    state = fields.Selection(
        [("draft", "Computed"), ("confirmed", "Confirmed"), ("cancelled", "Cancelled")],
        required=True,
        default="draft",
        tracking=True,
    )
    cancel_reason = fields.Text(tracking=True)

    @api.depends("line_ids.points")
    def _compute_points(self):
        for liability in self:
            liability.points = sum(liability.line_ids.mapped("points"))

    def action_confirm(self):
        with self._workflow_begin("action_confirm", self.env._("confirmed")):
            self.filtered(lambda rec: rec.state == "draft").write(
                {"state": "confirmed"}
            )
        return True

    def action_cancel(self, reason):
        if not (reason or "").strip():
            raise UserError(self.env._("A cancellation needs a reason."))
        with self._workflow_begin("action_cancel", self.env._("cancelled")):
            self.write({"state": "cancelled", "cancel_reason": reason.strip()})
        return True

    def action_open_cancel_wizard(self):
        return self.env["telesales.reason.wizard"]._open(self, "action_cancel")

    @api.model
    def _compute_month(self, month, companies=None):
        """(Re)compute the draft liabilities of ``month`` (any date in it)."""
        month = fields.Date.to_date(month).replace(day=1)
        month_end = month.replace(day=calendar.monthrange(month.year, month.month)[1])
        companies = companies or self.env.company
        self = self.sudo()
        existing = self.search(
            [("month", "=", month), ("company_id", "in", companies.ids)]
        )
        frozen = {
            (rec.company_id.id, rec.supervisor_id.id)
            for rec in existing
            if rec.state != "draft"
        }
        existing.filtered(lambda rec: rec.state == "draft").unlink()
        cases = self.env["telesales.discipline"].search(
            [
                ("company_id", "in", companies.ids),
                ("state", "=", "applied"),
                ("period", "=", month),
                ("case_type", "=", "violation"),
                ("points", ">", 0),
            ]
        )
        charges = defaultdict(list)  # (company, supervisor) -> line vals
        for case in cases:
            company = case.company_id
            for role, supervisor in (
                ("direct", case.direct_supervisor_id),
                ("indirect", case.indirect_supervisor_id),
            ):
                if not supervisor or supervisor == case.employee_id:
                    continue
                rate = company._telesales_liability_rate(role, case.severity)
                charges[(company, supervisor)].append(
                    {
                        "discipline_id": case.id,
                        "employee_id": case.employee_id.id,
                        "role": role,
                        "severity": case.severity,
                        "agent_points": case.points,
                        "rate": rate,
                        "points": case.points * rate / 100.0,
                    }
                )
        vals_list = [
            {
                "month": month,
                "company_id": company.id,
                "supervisor_id": supervisor.id,
                "line_ids": [fields.Command.create(vals) for vals in lines],
            }
            for (company, supervisor), lines in charges.items()
            if (company.id, supervisor.id) not in frozen
        ]
        vals_list = self._prepare_month_values(vals_list, month_end)
        Line = self.env["telesales.liability.line"]
        with (
            self._workflow_step(model_wide=True),
            Line._workflow_step(model_wide=True),
        ):
            return self.create(vals_list)

    @api.model
    def _prepare_month_values(self, vals_list, month_end):
        """The values of the liabilities a month computes; telesales_payroll
        adds what it values and caps the points with."""
        return vals_list

    @api.model
    def _cron_compute_last_month(self):
        last_month = date.today().replace(day=1) - relativedelta(months=1)
        cases = self.env["telesales.discipline"]._read_group(
            [("state", "=", "applied"), ("period", "=", last_month)], ["company_id"]
        )
        companies = self.env["res.company"].browse([c.id for (c,) in cases])
        companies |= self.search([("month", "=", last_month)]).company_id
        if companies:
            self._compute_month(last_month, companies)
