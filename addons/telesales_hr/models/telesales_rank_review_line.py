# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

DECISIONS = [
    ("promote", "Promote"),
    ("keep", "Keep"),
    ("demote", "Demote"),
    ("exempt", "Exempt"),
]
OVERRIDE_FIELDS = frozenset({"override_rank_id", "override_reason"})
#: who may override a decision (HR officers are managers too)
OVERRIDE_GROUP = "telesales_hr.group_telesales_manager"


class TelesalesRankReviewLine(models.Model):
    """One agent of a quarterly review: figures, computed decision and the
    reviewer's override. Only the override is ever edited by hand, by a
    manager or HR, while the review is draft or submitted; the rest is
    written only inside the review's steps (compute, apply)."""

    _name = "telesales.rank.review.line"
    _check_company_auto = True
    _inherit = ["telesales.workflow.mixin"]
    _description = "Quarterly Rank Review Line"

    # the line's state is its review's
    _workflow_state_field = "review_state"
    _workflow_fields = frozenset(
        {
            "review_id",
            "company_id",
            "employee_id",
            "department_id",
            "current_rank_id",
            "rank_start",
            "months_held",
            "premium",
            "threshold",
            "promotion_threshold",
            "decision",
            "proposed_rank_id",
            "promotion_blocked",
            "block_reason",
            "is_overridden",
            "final_rank_id",
            "change",
            "history_id",
        }
    )
    _workflow_editable = {"draft": OVERRIDE_FIELDS, "submitted": OVERRIDE_FIELDS}
    # deleted only by the review's computation, while it is draft
    _workflow_deletable_states = ()
    _order = "review_id, department_id, employee_id"
    _rec_name = "employee_id"

    review_id = fields.Many2one(
        "telesales.rank.review", required=True, ondelete="cascade", index=True
    )
    review_state = fields.Selection(related="review_id.state", string="Review State")
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="review_id.currency_id")
    employee_id = fields.Many2one(
        "hr.employee",
        string="Agent",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Team",
        index=True,
        help="Team of the agent at the review.",
    )
    current_rank_id = fields.Many2one(
        "telesales.rank", required=True, ondelete="restrict", check_company=True
    )
    rank_start = fields.Date(
        string="Rank Held Since",
        help="Start of the current rank, if inside the quarter.",
    )
    months_held = fields.Integer(
        help="Months of the quarter in which the current rank was held (a "
        "started month counts); 3 for the whole quarter."
    )
    premium = fields.Monetary(
        string="Quarter Premium",
        help="Effective premium of the quarter: cancelled and refunded policies "
        "excluded, a refund in a later month deducted in that month.",
    )
    threshold = fields.Monetary(
        string="Keep Threshold",
        help="Current rank's quarter threshold × months held / 3.",
    )
    promotion_threshold = fields.Monetary(
        help="Next rank's quarter threshold × months held / 3.",
    )
    decision = fields.Selection(DECISIONS, required=True)
    proposed_rank_id = fields.Many2one(
        "telesales.rank", required=True, ondelete="restrict", check_company=True
    )
    promotion_blocked = fields.Boolean(
        help="Another module reported a reason not to promote this agent in "
        "the quarter (e.g. a penalty of warning or worse): at most keep.",
    )
    block_reason = fields.Text()
    override_rank_id = fields.Many2one(
        "telesales.rank",
        ondelete="restrict",
        check_company=True,
        domain="[('company_id', '=', company_id)]",
        help="Rank decided by the reviewer instead of the proposed one.",
    )
    override_reason = fields.Text(help="Mandatory with an override rank.")
    is_overridden = fields.Boolean(compute="_compute_final_rank_id", store=True)
    final_rank_id = fields.Many2one(
        "telesales.rank",
        compute="_compute_final_rank_id",
        store=True,
    )
    change = fields.Selection(
        [("up", "Up"), ("same", "Same"), ("down", "Down")],
        compute="_compute_final_rank_id",
        store=True,
        help="Final rank compared to the current rank.",
    )
    history_id = fields.Many2one(
        "telesales.rank.history",
        string="Rank History Entry",
        readonly=True,
        copy=False,
        help="Entry written when the review was applied.",
    )

    _sql_constraints = [
        (
            "review_employee_uniq",
            "unique(review_id, employee_id)",
            "An agent appears once in a review.",
        ),
    ]

    @api.depends("proposed_rank_id", "override_rank_id", "current_rank_id")
    def _compute_final_rank_id(self):
        for line in self:
            final = line.override_rank_id or line.proposed_rank_id
            line.final_rank_id = final
            line.is_overridden = bool(line.override_rank_id)
            current = line.current_rank_id
            if not final or not current:
                line.change = False
            elif (final.sequence, final.id) > (current.sequence, current.id):
                line.change = "up"
            elif (final.sequence, final.id) < (current.sequence, current.id):
                line.change = "down"
            else:
                line.change = "same"

    @api.constrains("override_rank_id", "override_reason")
    def _check_override_reason(self):
        for line in self.filtered("override_rank_id"):
            if not (line.override_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Overriding the decision for %(employee)s needs a "
                        "written reason.",
                        employee=line.employee_id.name,
                    )
                )
            if line.override_rank_id.company_id != line.company_id:
                raise ValidationError(
                    self.env._(
                        "The override rank of %(employee)s is not on the ladder of "
                        "the review's company.",
                        employee=line.employee_id.name,
                    )
                )

    def _workflow_state(self):
        self.ensure_one()
        return self.review_id.state

    def _workflow_state_label(self, state=None):
        self.ensure_one()
        return self.review_id._workflow_state_label(state)

    def _workflow_check_client_write(self, vals):
        result = super()._workflow_check_client_write(vals)
        if (
            OVERRIDE_FIELDS & set(vals)
            and self.env.uid != SUPERUSER_ID
            and not self.env.user.has_group(OVERRIDE_GROUP)
        ):
            raise AccessError(
                self.env._(
                    "Only telesales managers and HR officers may override the "
                    "decision of %(record)s.",
                    record=self[:1]._workflow_record_label(),
                )
            )
        return result

    def write(self, vals):
        before = {line.id: (line.final_rank_id, line.override_reason) for line in self}
        result = super().write(vals)
        if OVERRIDE_FIELDS & set(vals):
            for line in self:
                old_rank, old_reason = before[line.id]
                if (old_rank, old_reason) != (line.final_rank_id, line.override_reason):
                    line._post_override(old_rank)
        return result

    def _post_override(self, old_rank):
        """The override is tracked on the review's chatter."""
        if self.override_rank_id:
            body = self.env._(
                "Override for %(employee)s: %(old)s → %(new)s (computed: %(decision)s "
                "to %(proposed)s). Reason: %(reason)s",
                employee=self.employee_id.name,
                old=old_rank.display_name,
                new=self.override_rank_id.display_name,
                decision=self._decision_label(),
                proposed=self.proposed_rank_id.display_name,
                reason=self.override_reason,
            )
        else:
            body = self.env._(
                "Override removed for %(employee)s: back to the computed %(proposed)s.",
                employee=self.employee_id.name,
                proposed=self.proposed_rank_id.display_name,
            )
        self.review_id.message_post(body=body)

    @api.ondelete(at_uninstall=False)
    def _unlink_workflow_deletable(self):
        """Lines go only when their draft review is computed again (or its
        period changes); a client never removes an agent from a review."""
        if self._workflow_in_step() and all(
            line.review_id.state == "draft" for line in self
        ):
            return
        for line in self:
            raise UserError(
                self.env._(
                    "%(record)s: the agents of a review change only when the "
                    "draft review is computed again; its lines are never deleted "
                    "by hand.",
                    record=line._workflow_record_label(),
                )
            )

    def _decision_label(self):
        selection = self._fields["decision"]._description_selection(self.env)
        return dict(selection).get(self.decision, "")

    def _history_reason(self):
        self.ensure_one()
        if self.override_rank_id:
            return self.env._(
                "Quarterly review %(review)s, overridden: %(reason)s",
                review=self.review_id.name,
                reason=self.override_reason,
            )
        return self.env._(
            "Quarterly review %(review)s: %(decision)s (quarter premium %(premium)s).",
            review=self.review_id.name,
            decision=self._decision_label(),
            premium=self.currency_id.format(self.premium),
        )
