# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TelesalesReferralMilestone(models.Model):
    """The payroll API (telesales_payroll): the bonuses a payslip pays, paid
    exactly once."""

    _inherit = "telesales.referral.milestone"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _payable(self, employees, date_to):
        """Approved, unpaid bonuses of ``employees`` (the referrers) due on or
        before ``date_to``: what a payslip ending on ``date_to`` pays."""
        return self.search(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "approved"),
                ("date_due", "<=", date_to),
            ]
        )

    def _mark_paid(self, payslip):
        """Record that ``payslip`` paid these bonuses. Each bonus is paid
        exactly once: the rows are locked, then it raises if one is paid
        already or not approved (two payslips confirmed at the same moment
        pay it once: the second waits for the first, then sees it paid)."""
        self._workflow_lock()
        paid = self.filtered(lambda m: m.state == "paid")
        if paid:
            raise UserError(
                self.env._(
                    "A referral bonus is paid exactly once: %(bonuses)s already "
                    "paid by %(payslips)s.",
                    bonuses=", ".join(paid.mapped("display_name")),
                    payslips=", ".join(set(paid.mapped("payment_reference")) - {False}),
                )
            )
        not_approved = self.filtered(lambda m: m.state != "approved")
        if not_approved:
            raise UserError(
                self.env._(
                    "Only approved referral bonuses can be paid: %(bonuses)s.",
                    bonuses=", ".join(not_approved.mapped("display_name")),
                )
            )
        date_paid = (
            "date_to" in payslip._fields and payslip.date_to
        ) or fields.Date.context_today(self)
        vals = {
            "state": "paid",
            "date_paid": date_paid,
            "payment_reference": payslip.display_name
            or f"{payslip._name},{payslip.id}",
        }
        with self._workflow_begin("_mark_paid", self.env._("paid")):
            self.sudo().write(vals)
        return True

    def _release_payment(self):
        """The payslip that paid these bonuses was cancelled: they are
        approved and payable again."""
        self._workflow_lock()
        paid = self.filtered(lambda m: m.state == "paid")
        vals = {"state": "approved", "date_paid": False, "payment_reference": False}
        with paid._workflow_begin("_release_payment", self.env._("released")):
            paid.sudo().write(vals)
        return paid
