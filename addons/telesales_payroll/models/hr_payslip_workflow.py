# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow guard of the payslip (telesales_hr's ``telesales.workflow.mixin``).

A payslip moves only through OCA's buttons, wrapped here: each one checks the
caller's access, locks the payslips (``SELECT … FOR UPDATE``), re-checks their
state and opens the step in which it writes. A done payslip pays: it never
goes back to draft, is never deleted, and its lines, dates, employee, contract,
structure and sources are frozen for every caller; cancelling or refunding it
releases its sources. The lines, worked days and inputs of a done or cancelled
payslip are frozen with it (``telesales.payslip.part``).
"""

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.telesales_hr.models.telesales_workflow_mixin import ALL

#: what a client may still toggle on a done or cancelled payslip (display only)
DISPLAY_FIELDS = frozenset({"hide_child_lines", "hide_invisible_lines"})
# filing a paid payslip in a batch (or out of it) changes no amount
FILING_FIELDS = frozenset({"payslip_run_id", "note"})


class HrPayslip(models.Model):
    _name = "hr.payslip"
    _inherit = ["hr.payslip", "telesales.workflow.mixin"]

    _workflow_fields = frozenset({"refunded_id", "telesales_source_ids"})
    _workflow_editable = {
        "draft": ALL,
        "verify": ALL,
        "done": DISPLAY_FIELDS | FILING_FIELDS,
        "cancel": DISPLAY_FIELDS | FILING_FIELDS,
    }
    _workflow_deletable_states = ("draft", "cancel")
    _workflow_transitions = {
        "compute_sheet": (("draft", "verify"), None),
        "action_payslip_draft": (("draft", "verify", "cancel"), None),
        "action_payslip_done": (("draft", "verify"), None),
        "action_payslip_cancel": (("draft", "verify", "done"), None),
        "refund_sheet": (("done",), None),
    }

    def _workflow_record_label(self):
        self.ensure_one()
        return self.env._(
            "Payslip %(payslip)s of %(employee)s (%(start)s to %(end)s)",
            payslip=self.number or self.name or self.id,
            employee=self.employee_id.name,
            start=self.date_from,
            end=self.date_to,
        )

    def _telesales_begin(self, action, label):
        """Access (ACL and record rules of a write), lock, state, step."""
        self.check_access("write")
        return self._workflow_begin(action, label)

    # ------------------------------------------------------------ creation
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state") not in (None, False, "draft") or vals.get(
                "telesales_source_ids"
            ):
                raise UserError(
                    self.env._(
                        "A payslip is created in draft: its state and its "
                        "telesales sources are set by Compute Sheet and Confirm."
                    )
                )
        return super().create(vals_list)

    # ------------------------------------------------------------- actions
    def compute_sheet(self):
        self._workflow_lock()
        self._telesales_refuse_done()
        with self._telesales_begin("compute_sheet", self.env._("computed")):
            return super().compute_sheet()

    def action_payslip_draft(self):
        self._workflow_lock()
        done = self.filtered(lambda slip: slip.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "%(payslip)s is done: its amounts are paid, so it never goes "
                    "back to draft. Cancel it or refund it instead.",
                    payslip=done[0]._workflow_record_label(),
                )
            )
        with self._telesales_begin("action_payslip_draft", self.env._("set to draft")):
            return super().action_payslip_draft()

    def action_payslip_done(self):
        # OCA's ``without_compute_sheet`` is its own key for the refunds it
        # confirms inside refund_sheet's step; sent by a client, the sheet is
        # computed as OCA's setting says (here, for the whole recordset: OCA
        # reads its setting on one payslip only)
        skip = (
            self.env.context.get("without_compute_sheet") and self._workflow_in_step()
        )
        with self._telesales_begin("action_payslip_done", self.env._("confirmed")):
            if not skip:
                self.filtered(
                    lambda slip: not slip.prevent_compute_on_confirm
                ).compute_sheet()
            return super(
                HrPayslip, self.with_context(without_compute_sheet=True)
            ).action_payslip_done()

    def action_payslip_cancel(self):
        with self._telesales_begin("action_payslip_cancel", self.env._("cancelled")):
            return super().action_payslip_cancel()

    def refund_sheet(self):
        # the refund is a copy of the payslip (its link to the refunded one
        # included), made and confirmed inside the step
        self.check_access("write")
        self._workflow_lock()
        for slip in self:
            if slip.credit_note:
                raise UserError(
                    self.env._(
                        "%(payslip)s is a refund: it is cancelled, not refunded.",
                        payslip=slip._workflow_record_label(),
                    )
                )
            if slip.refunded_id and slip.refunded_id.state != "cancel":
                raise UserError(
                    self.env._(
                        "%(payslip)s is refunded already by %(refund)s: a payment "
                        "is reversed once. Cancel that refund first to refund the "
                        "payslip again.",
                        payslip=slip._workflow_record_label(),
                        refund=slip.refunded_id.number or slip.refunded_id.name,
                    )
                )
        with (
            self._telesales_begin("refund_sheet", self.env._("refunded")),
            self.browse()._workflow_step(model_wide=True),
        ):
            return super().refund_sheet()

    # ------------------------------------------------------------ deletion
    def unlink(self):
        """Only a draft or cancelled payslip is deleted; its computed (or
        released) sources go with it, a paid source never does (the link to
        the payslip is ``ondelete="restrict"``)."""
        self._workflow_lock()
        kept = self.filtered(lambda slip: slip.state not in ("draft", "cancel"))
        if kept:
            raise UserError(
                self.env._(
                    "%(payslip)s is %(state)s: it is never deleted. Cancel it or "
                    "refund it instead.",
                    payslip=kept[0]._workflow_record_label(),
                    state=kept[0]._workflow_state_label(),
                )
            )
        sources = self.sudo().telesales_source_ids
        paid = sources.filtered(lambda row: row.state == "paid")
        if paid:
            raise UserError(
                self.env._(
                    "%(payslip)s still pays %(what)s: it is never deleted.",
                    payslip=paid[0].payslip_id._workflow_record_label(),
                    what=paid[0].name,
                )
            )
        self.check_access("unlink")
        with sources._workflow_step():
            sources.unlink()
        return super().unlink()


class TelesalesPayslipPart(models.AbstractModel):
    """Lines, worked days and inputs: frozen with their done or cancelled
    payslip, whoever writes, unless the payslip's own action writes them."""

    _name = "telesales.payslip.part"
    _description = "Telesales Payslip Part Guard"

    #: the many2one to the payslip
    _telesales_payslip_field = "payslip_id"

    def _telesales_check_payslips(self, slips):
        slips = slips.sudo().exists()
        frozen = slips.filtered(
            lambda slip: slip.state in ("done", "cancel")
            and not slip._workflow_in_step()
        )
        if frozen:
            slip = frozen[0]
            raise UserError(
                self.env._(
                    "%(payslip)s is %(state)s: its %(part)s can no longer be "
                    "changed.",
                    payslip=slip._workflow_record_label(),
                    state=slip._workflow_state_label(),
                    part=self.env["ir.model"].sudo()._get(self._name).name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        fname = self._telesales_payslip_field
        self._telesales_check_payslips(
            self.env["hr.payslip"].browse(
                {vals[fname] for vals in vals_list if vals.get(fname)}
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        fname = self._telesales_payslip_field
        slips = self.sudo()[fname]
        if vals.get(fname):
            slips |= self.env["hr.payslip"].browse(vals[fname])
        self._telesales_check_payslips(slips)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_payslip_frozen(self):
        self._telesales_check_payslips(self.sudo()[self._telesales_payslip_field])


class HrPayslipLine(models.Model):
    _name = "hr.payslip.line"
    _inherit = ["hr.payslip.line", "telesales.payslip.part"]
    _telesales_payslip_field = "slip_id"


class HrPayslipWorkedDays(models.Model):
    _name = "hr.payslip.worked_days"
    _inherit = ["hr.payslip.worked_days", "telesales.payslip.part"]


class HrPayslipInput(models.Model):
    _name = "hr.payslip.input"
    _inherit = ["hr.payslip.input", "telesales.payslip.part"]
