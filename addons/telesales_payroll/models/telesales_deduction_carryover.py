# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TelesalesDeductionCarryover(models.Model):
    """Deductions a done payslip could not make, owed by the next months.

    The deduction cap (a share of the month's wage) and the minimum wage limit
    what a payslip deducts (SPEC §6); the rest is written here by the payslip
    when it is done. The next done payslip of the employee deducts the open
    rows first, still under the cap, marks them consumed and carries what is
    still left in a new row. Rows are never deleted: cancelling the origin
    payslip cancels its row, and only while no later payslip consumed it.
    Only the payslips write the rows (workflow steps): every field is frozen
    for clients, superuser included.
    """

    _name = "telesales.deduction.carryover"
    _description = "Telesales Deduction Carried Over"
    _inherit = ["telesales.team.mixin", "telesales.workflow.mixin"]
    _workflow_fields = frozenset(
        {"amount", "date", "origin_payslip_id", "consumed_payslip_id"}
    )
    _workflow_editable = {}
    _workflow_deletable_states = ()
    _order = "date desc, id desc"

    date = fields.Date(
        string="Month End",
        required=True,
        index=True,
        readonly=True,
        help="Last day of the period of the payslip that carried the amount.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount = fields.Monetary(required=True, readonly=True)
    origin_payslip_id = fields.Many2one(
        "hr.payslip",
        string="Carried by",
        required=True,
        readonly=True,
        index=True,
        ondelete="restrict",
    )
    consumed_payslip_id = fields.Many2one(
        "hr.payslip",
        string="Deducted by",
        readonly=True,
        index=True,
        ondelete="restrict",
        help="The done payslip that deducted this amount first (what it could "
        "not deduct it carried again in a new row).",
    )
    state = fields.Selection(
        [("open", "Open"), ("consumed", "Deducted"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        readonly=True,
        index=True,
    )
    note = fields.Text(readonly=True)

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")  # who may, before how
        if not self._workflow_creating():
            raise UserError(
                self.env._(
                    "Deductions are carried over by the payslip that could not "
                    "make them, when it is confirmed; they cannot be created by "
                    "hand."
                )
            )
        return super().create(vals_list)

    @api.depends("employee_id", "date", "amount")
    def _compute_display_name(self):
        for row in self:
            row.display_name = self.env._(
                "%(employee)s: %(amount)s carried from %(date)s",
                employee=row.employee_id.name,
                amount=row.currency_id.format(row.amount)
                if row.currency_id
                else row.amount,
                date=row.date,
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Carried deductions are never deleted; cancel the payslip that "
                "carried them instead."
            )
        )
