# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.payroll.models.base_browsable import BaseBrowsableObject


class HrPayslip(models.Model):
    """Telesales figures on OCA payslips.

    Before OCA evaluates the salary rules, ``compute_sheet`` gathers the
    telesales figures of all the payslips being computed at once (one query
    per source for all their employees) and stores them as
    ``telesales.payslip.source`` rows; OCA's ``get_payroll_dict`` hook hands
    the sums per rule code to the rules of the telesales structure, which read
    them as ``telesales.<CODE>``. Confirming a payslip marks its sources paid,
    cancelling it releases them.

    The concepts live in their own files: ``hr_payslip_gather.py`` (what the
    payslips need, one query per source), ``hr_payslip_rows.py`` (the source
    rows of one payslip), ``hr_payslip_paid.py`` (the paid-once ledger); the
    arithmetic is in ``telesales_payroll_tools.py``.
    """

    _inherit = "hr.payslip"

    telesales_source_ids = fields.One2many(
        "telesales.payslip.source",
        "payslip_id",
        string="Telesales Sources",
        readonly=True,
    )
    telesales_source_count = fields.Integer(compute="_compute_telesales_source_count")
    telesales_carryover_ids = fields.One2many(
        "telesales.deduction.carryover",
        "origin_payslip_id",
        string="Deductions Carried Over",
        readonly=True,
    )
    is_telesales = fields.Boolean(
        compute="_compute_is_telesales",
        help="The payslip's structure is the telesales one (or derives from it).",
    )

    @api.depends("telesales_source_ids")
    def _compute_telesales_source_count(self):
        for slip in self:
            slip.telesales_source_count = len(slip.telesales_source_ids)

    @api.depends("struct_id", "contract_id.struct_id")
    def _compute_is_telesales(self):
        telesales = self._telesales_filter()
        for slip in self:
            slip.is_telesales = slip in telesales

    def _telesales_filter(self):
        """The payslips of this recordset computed with a telesales structure."""
        enabled = {}
        slip_ids = []
        for slip in self:
            struct = slip.struct_id or slip.contract_id.struct_id
            if struct.id not in enabled:
                enabled[struct.id] = bool(struct) and struct._telesales_enabled()
            if enabled[struct.id]:
                slip_ids.append(slip.id)
        return self.browse(slip_ids)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_telesales_history(self):
        """A payslip that carried deductions keeps them on record, even
        cancelled: the carry-over ledger points to it."""
        if self.sudo().telesales_carryover_ids:
            raise UserError(
                self.env._(
                    "Payslip %(payslip)s carried deductions to later months; it is "
                    "kept (cancelled) as their origin.",
                    payslip=self.sudo()
                    .telesales_carryover_ids[0]
                    .origin_payslip_id.display_name,
                )
            )

    # ------------------------------------------------------------------
    # OCA payroll hooks
    # ------------------------------------------------------------------
    def _telesales_refuse_done(self):
        done = self._telesales_filter().filtered(lambda slip: slip.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "Payslip %(payslip)s is done: its telesales amounts are paid. "
                    "Cancel it or refund it instead of computing it again.",
                    payslip=done[0].number or done[0].name,
                )
            )

    def compute_sheet(self):
        # the telesales sources of the payslips are built for all of them
        # once l10n_cn_payroll has reset their statutory figures
        # (``_l10n_cn_before_rules``, hr_payslip_cn.py)
        self._telesales_refuse_done()
        return super().compute_sheet()

    def get_payroll_dict(self, contracts):
        """OCA's hook for the values of the salary rules (``payroll.*``):
        the telesales amounts of the payslip by rule code."""
        res = super().get_payroll_dict(contracts)
        res["telesales"] = BaseBrowsableObject(self._telesales_amounts())
        return res

    def _get_baselocaldict(self, contracts):
        localdict = super()._get_baselocaldict(contracts)
        # the rules of the telesales structure read ``telesales.<CODE>``
        localdict["telesales"] = localdict["payroll"].dict["telesales"]
        return localdict

    def action_payslip_done(self):
        res = super().action_payslip_done()
        self._telesales_filter().filtered(
            lambda slip: not slip.credit_note
        )._telesales_mark_paid()
        return res

    def action_payslip_cancel(self):
        telesales = self._telesales_filter().filtered(lambda slip: slip.state == "done")
        res = super().action_payslip_cancel()
        telesales.filtered(lambda slip: not slip.credit_note)._telesales_release()
        # Cancelling a refund gives the refunded payslip its sources back.
        refunds = telesales.filtered("credit_note")
        if refunds:
            self.search(
                [("refunded_id", "in", refunds.ids), ("state", "=", "done")]
            )._telesales_mark_paid()
        return res

    def refund_sheet(self):
        res = super().refund_sheet()
        # The refund reverses the payment: its sources may be paid again by a
        # corrected payslip.
        self._telesales_filter().filtered(
            lambda slip: slip.state == "done" and not slip.credit_note
        )._telesales_release()
        return res

    def _telesales_amounts(self):
        """{rule code: amount} of this payslip's sources. OCA evaluates the
        rules payslip by payslip: reading the sources of the first one reads
        those of every payslip computed with it (the ORM prefetches them)."""
        self.ensure_one()
        amounts = defaultdict(float)
        for row in self.sudo().telesales_source_ids:
            amounts[row.rule_code] += row.amount
            amounts["TS_CARRY_NEXT"] += row.amount_carried
        # sums of amounts in cents, without the float residue of the additions
        currency = (self.company_id or self.env.company).currency_id
        return {code: currency.round(amount) for code, amount in amounts.items()}

    def action_view_telesales_sources(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_payroll.action_telesales_payslip_source"
        )
        action["domain"] = [("payslip_id", "=", self.id)]
        action["context"] = {"search_default_group_rule_code": 1}
        return action

    # ------------------------------------------------------------------
    # Building the sources (set-based, for the whole recordset)
    # ------------------------------------------------------------------
    def _telesales_build_sources(self):
        """Recompute the telesales sources of these draft payslips."""
        Source = self.env["telesales.payslip.source"].sudo()
        # order="id": the model's order sorts by payslip, a join with it
        old = Source.search([("payslip_id", "in", self.ids)], order="id")
        with old._workflow_step():
            old.unlink()
        if not self:
            return Source
        # prefetch on exactly these payslips, however the recordset was built
        slips = self.with_prefetch(self.ids)
        data = slips._telesales_gather()
        vals_list = []
        for slip in slips:
            vals_list += slip._telesales_slip_rows(data)
        with Source._workflow_step(model_wide=True):
            sources = Source.create(vals_list)
        if data.get("flags"):
            # the HR flags of deductions left out (hr_payslip_cn.py), at once;
            # one per employee and period, as raised payslip by payslip
            flags = {}
            for vals in data["flags"]:
                key = (vals["employee_id"], vals["period_start"], vals["period_end"])
                flags.setdefault(key, vals)
            self.env["telesales.flag"].sudo()._raise_flags(list(flags.values()))
        # the rules read the new rows through the payslips
        self.invalidate_recordset(["telesales_source_ids"])
        return sources
