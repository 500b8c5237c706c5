# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The paid-once ledger: a done payslip marks its sources paid (and what
they pay), a cancelled or refunded one releases them; deductions it could not
deduct are carried to the next months."""

from collections import defaultdict

import psycopg2

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import SQL

PAID_LOCK = "telesales_payslip_paid"


def _lock_rows(records):
    """SELECT … FOR UPDATE the records and drop their cached values."""
    if records:
        records.flush_recordset()
        records.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s ORDER BY id FOR UPDATE",
                SQL.identifier(records._table),
                tuple(records.ids),
            )
        )
        records.invalidate_recordset()
    return records


class HrPayslip(models.Model):
    _inherit = "hr.payslip"  # pylint: disable=consider-merging-classes-inherited

    def _telesales_mark_paid(self):
        """Mark the sources of these done payslips paid, refusing anything a
        done payslip paid already."""
        if not self:
            return
        self.env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [PAID_LOCK])
        Source = self.env["telesales.payslip.source"].sudo()
        # lock the rows deciding the payment and what they pay, then decide on
        # what is committed
        rows = Source.search([("payslip_id", "in", self.ids)])._workflow_lock()
        rows = rows.filtered(lambda row: row.state != "paid")
        for model, row_ids in self._telesales_source_records(rows).items():
            _lock_rows(self.env[model].sudo().browse(row_ids).exists())
        rows._check_payable()
        try:
            # the unique index and the exclusion constraint refuse what a
            # concurrent transaction has just paid (invisible to this one)
            with self.env.cr.savepoint(flush=False):
                rows._mark_paid()
        except psycopg2.IntegrityError as error:
            raise self._telesales_paid_concurrently_error(rows) from error
        ids_by_model = defaultdict(list)
        for row in rows:
            ids_by_model[row.res_model].append(row.id)
        by_model = defaultdict(
            lambda: self.env["telesales.payslip.source"],
            {
                model: self.env["telesales.payslip.source"].browse(row_ids)
                for model, row_ids in ids_by_model.items()
            },
        )
        if by_model["telesales.daily.compliance"]:
            self.env["telesales.daily.compliance"].browse(
                by_model["telesales.daily.compliance"].mapped("res_id")
            )._telesales_set_paid(True)
        Milestone = self.env["telesales.referral.milestone"].sudo()
        for slip in by_model["telesales.referral.milestone"].payslip_id:
            Milestone.browse(
                by_model["telesales.referral.milestone"]
                .filtered(lambda row, slip=slip: row.payslip_id == slip)
                .mapped("res_id")
            )._mark_paid(slip)
        self._telesales_settle_carryover(
            by_model["telesales.deduction.carryover"], rows
        )

    @api.model
    def _telesales_source_records(self, rows):
        """{model: record ids} of the source records these rows pay."""
        result = defaultdict(set)
        for row in rows:
            if not row.is_period and row.res_model in self.env and row.res_id:
                result[row.res_model].add(row.res_id)
        return result

    def _telesales_paid_concurrently_error(self, rows):
        slip = rows.payslip_id[:1] or self[:1]
        return UserError(
            self.env._(
                "Payslip %(payslip)s of %(employee)s (%(start)s to %(end)s) pays "
                "amounts that another payslip confirmed at the same moment has "
                "just paid. Compute payslip %(payslip)s again to leave them out.",
                payslip=slip.number or slip.name,
                employee=slip.employee_id.name,
                start=slip.date_from,
                end=slip.date_to,
            )
        )

    def _telesales_settle_carryover(self, carried_in, rows):
        """Consume the carried deductions these payslips deducted and carry
        what they could not deduct to the next months."""
        Carry = self.env["telesales.deduction.carryover"].sudo()
        for slip in carried_in.payslip_id:
            Carry.browse(
                carried_in.filtered(
                    lambda row, slip=slip: row.payslip_id == slip
                ).mapped("res_id")
            )._workflow_write({"state": "consumed", "consumed_payslip_id": slip.id})
        carried = defaultdict(float)
        notes = defaultdict(list)
        for row in rows.filtered("amount_carried"):
            carried[row.payslip_id] += row.amount_carried
            notes[row.payslip_id].append(f"{row.name}: {row.amount_carried:.2f}")
        with Carry._workflow_step(model_wide=True):
            Carry.create(
                [
                    {
                        "employee_id": slip.employee_id.id,
                        "company_id": slip.company_id.id,
                        "date": slip.date_to,
                        "amount": amount,
                        "origin_payslip_id": slip.id,
                        "note": "\n".join(notes[slip]),
                    }
                    for slip, amount in carried.items()
                    if amount > 0
                ]
            )

    def _telesales_release(self):
        """Release the sources of these payslips (cancelled or refunded)."""
        if not self:
            return
        Carry = self.env["telesales.deduction.carryover"].sudo()
        carried = Carry.search(
            [("origin_payslip_id", "in", self.ids), ("state", "!=", "cancelled")]
        )
        used = carried.filtered(lambda row: row.state == "consumed")
        if used:
            raise UserError(
                self.env._(
                    "Payslip %(payslip)s carried deductions that payslip %(later)s "
                    "has deducted since. Cancel or refund %(later)s first.",
                    payslip=used[0].origin_payslip_id.number
                    or used[0].origin_payslip_id.name,
                    later=used[0].consumed_payslip_id.number
                    or used[0].consumed_payslip_id.name,
                )
            )
        carried._workflow_write({"state": "cancelled"})
        Carry.search([("consumed_payslip_id", "in", self.ids)])._workflow_write(
            {"state": "open", "consumed_payslip_id": False}
        )
        rows = self.sudo().telesales_source_ids.filtered(
            lambda row: row.state == "paid"
        )
        self.env["telesales.daily.compliance"].browse(
            rows.filtered(
                lambda row: row.res_model == "telesales.daily.compliance"
            ).mapped("res_id")
        )._telesales_set_paid(False)
        milestones = (
            self.env["telesales.referral.milestone"]
            .sudo()
            .browse(
                rows.filtered(
                    lambda row: row.res_model == "telesales.referral.milestone"
                ).mapped("res_id")
            )
        )
        if milestones:
            milestones._release_payment()
        rows._workflow_write({"state": "released"})
