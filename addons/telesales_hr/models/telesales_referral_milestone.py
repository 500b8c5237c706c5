# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError

HR = "telesales_hr.group_telesales_hr"


class TelesalesReferralMilestone(models.Model):
    """One referral bonus: earned when the hire reaches a milestone.

    pending → due (daily cron: the hire was still employed on the due date)
    → approved (HR) → paid (payroll, exactly once); or cancelled with a
    reason (the hire left first, or HR decided so). Nothing approved or paid
    is ever deleted.

    Payroll API: ``_payable(employees, date_to)``, ``_mark_paid(payslip)``,
    ``_release_payment()``.

    The state, the decision and the payment fields change only in those
    steps (``telesales.workflow.mixin``); amount and due date only while
    the bonus is pending or due.
    """

    _name = "telesales.referral.milestone"
    _description = "Telesales Referral Bonus"
    _inherit = [
        "telesales.workflow.mixin",
        "telesales.mail.author",
        "mail.thread",
        "mail.activity.mixin",
    ]

    _workflow_fields = frozenset(
        {
            "referral_id",
            "kind",
            "cancel_reason",
            "approved_by_id",
            "date_approved",
            "date_paid",
            "payment_reference",
        }
    )
    _workflow_editable = {
        "pending": frozenset({"amount", "date_due"}),
        "due": frozenset({"amount", "date_due"}),
    }
    _workflow_deletable_states = ("pending",)
    _workflow_transitions = {
        "action_approve": (("due",), (HR,)),
        "_cancel": (("pending", "due", "approved", "cancelled"), None),
        "_make_due": (("pending",), None),
        "_mark_paid": (("approved",), None),
        "_release_payment": (("paid", "approved"), None),
    }
    _order = "date_due desc, id desc"

    referral_id = fields.Many2one(
        "telesales.referral",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    employee_id = fields.Many2one(
        related="referral_id.referrer_id",
        string="Referrer",
        store=True,
        index=True,
        help="Employee paid the bonus.",
    )
    department_id = fields.Many2one(
        related="referral_id.referrer_department_id",
        string="Referrer's Team",
        store=True,
        index=True,
    )
    hire_id = fields.Many2one(
        related="referral_id.employee_id", string="Referred Hire", store=True
    )
    hire_department_id = fields.Many2one(
        related="referral_id.department_id", string="Hire's Team", store=True
    )
    company_id = fields.Many2one(
        related="referral_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kind = fields.Selection(
        [
            ("one_month", "First Month of Employment"),
            ("probation", "Probation Passed"),
        ],
        string="Milestone",
        required=True,
        readonly=True,
    )
    date_due = fields.Date(
        string="Due Date",
        required=True,
        index=True,
        tracking=True,
        help="The hire must still be employed on this date to earn the bonus.",
    )
    amount = fields.Monetary(required=True, tracking=True)
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("due", "Due"),
            ("approved", "Approved"),
            ("paid", "Paid"),
            ("cancelled", "Cancelled"),
        ],
        default="pending",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
    )
    cancel_reason = fields.Text(readonly=True, tracking=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    date_approved = fields.Date(string="Approved On", readonly=True)
    date_paid = fields.Date(string="Paid On", readonly=True, tracking=True)
    payment_reference = fields.Char(
        readonly=True,
        tracking=True,
        help="The payslip that paid the bonus.",
    )
    _sql_constraints = [
        (
            "kind_uniq",
            "unique(referral_id, kind)",
            "A referral earns each milestone bonus once.",
        ),
        ("amount_positive", "CHECK(amount >= 0)", "A bonus cannot be negative."),
    ]

    @api.depends("kind", "referral_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for milestone in self:
            milestone.display_name = self.env._(
                "%(milestone)s: %(hire)s",
                milestone=kinds.get(milestone.kind, ""),
                hire=milestone.hire_id.name or "",
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_earned(self):
        if self.filtered(lambda m: m.state != "pending"):
            raise UserError(
                self.env._(
                    "Referral bonuses that are due, approved, paid or cancelled "
                    "are never deleted; cancel them with a reason instead."
                )
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def _workflow_require_group(self, xmlids, message):
        # the system itself (crons, module data) runs every step
        if self.env.uid == SUPERUSER_ID:
            return None
        return super()._workflow_require_group(xmlids, message)

    def _check_hr(self):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(HR):
            raise AccessError(
                self.env._(
                    "Only telesales HR officers approve or cancel referral bonuses."
                )
            )

    def action_approve(self):
        self._check_hr()
        for milestone in self:
            if self.env.user in milestone.sudo().employee_id.user_id:
                raise AccessError(
                    self.env._(
                        "%(record)s is your own referral bonus: another HR "
                        "officer approves it.",
                        record=milestone._workflow_record_label(),
                    )
                )
        with self._workflow_begin("action_approve", self.env._("approved")):
            self.write(
                {
                    "state": "approved",
                    "approved_by_id": self.env.user.id,
                    "date_approved": fields.Date.context_today(self),
                }
            )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_cancel(self):
        """Open the wizard asking for the reason."""
        self._check_hr()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel Referral Bonus"),
            "res_model": "telesales.referral.milestone.cancel",
            "view_mode": "form",
            "target": "new",
            "context": {"default_milestone_ids": self.ids},
        }

    def _cancel(self, reason):
        """Cancel with a mandatory reason; a paid bonus cannot be cancelled
        (cancel its payslip first). Locks the bonuses first."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason to cancel a referral bonus."))
        self._workflow_lock()
        paid = self.filtered(lambda m: m.state == "paid")
        if paid:
            raise UserError(
                self.env._(
                    "Paid referral bonuses cannot be cancelled: %(bonuses)s. "
                    "Cancel the payslip that paid them first.",
                    bonuses=", ".join(paid.mapped("display_name")),
                )
            )
        to_cancel = self.filtered(lambda m: m.state != "cancelled")
        with to_cancel._workflow_begin("_cancel", self.env._("cancelled")):
            to_cancel.sudo().write(
                {"state": "cancelled", "cancel_reason": reason.strip()}
            )
        to_cancel.activity_unlink(["mail.mail_activity_data_todo"])
        return to_cancel

    def _make_due(self):
        """The hire reached the milestone: HR gets an activity to approve."""
        with self._workflow_begin("_make_due", self.env._("due")):
            self.sudo().write({"state": "due"})
        for milestone in self:
            approver = milestone.company_id._telesales_referral_approver()
            if approver:
                milestone.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Approve referral bonus"),
                    note=self.env._(
                        "%(referrer)s earned %(amount)s %(currency)s: %(milestone)s.",
                        referrer=milestone.employee_id.name,
                        amount=milestone.amount,
                        currency=milestone.currency_id.name or "",
                        milestone=milestone.display_name,
                    ),
                    user_id=approver.id,
                )
