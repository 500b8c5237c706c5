# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, UserError

from .telesales_rank_review import ACTIVITY_TYPE, HR, MANAGER


class TelesalesRankReview(models.Model):
    """The steps of a review (submit, approve, apply, reset, cancel) and the
    scope of the manager who takes them."""

    _inherit = "telesales.rank.review"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------
    # Scope of the caller
    # ------------------------------------------------------------------
    @api.model
    def _caller_units(self):
        """The departments the current user heads, with everything under
        them: a manager decides on the review of their own unit only."""
        managed = (
            self.env["hr.department"]
            .sudo()
            .search([("manager_id.user_id", "=", self.env.uid)])
        )
        if not managed:
            return managed
        return managed.search([("id", "child_of", managed.ids)])

    @api.model
    def _default_department_id(self):
        """A manager starts the review of the unit they head (the highest
        one, if several); HR and the system start the company's."""
        if self.env.uid == SUPERUSER_ID or self.env.user.has_group(HR):
            return False
        managed = (
            self.env["hr.department"]
            .sudo()
            .search(
                [
                    ("manager_id.user_id", "=", self.env.uid),
                    ("company_id", "in", [self.env.company.id, False]),
                ]
            )
        )
        highest = managed.sorted(
            lambda d: (len((d.parent_path or "").split("/")), d.id)
        )
        return highest[:1].id

    def _check_caller_scope(self, action):
        """Refuse a manager's step on a review that covers teams outside the
        unit they head (HR and the system act on every review). The review's
        scope and each of its agents must lie in the caller's unit."""
        if self.env.uid == SUPERUSER_ID or self.env.user.has_group(HR):
            return
        units = self._caller_units()
        for review in self:
            lines = review.sudo().line_ids
            outside = lines.filtered(lambda line: line.department_id not in units)
            if review.department_id and review.department_id not in units:
                scope = review.department_id.sudo().display_name
            elif outside:
                scope = ", ".join(
                    sorted(
                        set(
                            outside.department_id.sudo().mapped("display_name")
                            or [self.env._("no team")]
                        )
                    )
                )
            else:
                continue
            raise AccessError(
                self.env._(
                    "Review %(name)s covers %(scope)s, beyond the unit you "
                    "head: it cannot be %(action)s by you. Start the review of "
                    "your own unit (Scope), or leave it to the manager of the "
                    "whole scope or to HR.",
                    name=review.name,
                    scope=scope,
                    action=action,
                )
            )

    # ------------------------------------------------------------------
    # Flow
    # ------------------------------------------------------------------
    def _check_group(self, group_xmlid, message):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(group_xmlid):
            raise AccessError(message)

    def action_submit(self):
        self._check_group(
            MANAGER,
            self.env._("Only telesales managers may submit a quarterly review."),
        )
        with self._workflow_begin("action_submit", self.env._("submitted")):
            self._check_caller_scope(self.env._("submitted"))
            for review in self:
                if not review.sudo().line_ids:
                    raise UserError(
                        self.env._(
                            "Review %(name)s has no agent: compute it before "
                            "submitting it.",
                            name=review.name,
                        )
                    )
            self.write({"state": "submitted"})
        self.activity_feedback([ACTIVITY_TYPE])
        self._schedule_for_hr()
        return True

    def action_approve(self):
        self._check_group(
            HR,
            self.env._("Only telesales HR officers may approve a quarterly review."),
        )
        with self._workflow_begin("action_approve", self.env._("approved")):
            self.write({"state": "approved"})
        self.activity_feedback([ACTIVITY_TYPE])
        self._schedule_apply()
        return True

    def action_apply(self):
        """Write the final ranks into the rank history, starting the first
        day of the next quarter. The reviews are locked first: an applied
        review is left as it is, so applying twice (even at the same moment)
        changes nothing; a unique index on the history is the last guard."""
        self._check_group(
            HR,
            self.env._("Only telesales HR officers may apply a quarterly review."),
        )
        with self._workflow_begin("action_apply", self.env._("applied")):
            to_apply = self.filtered(lambda r: r.state == "approved")
            History = self.env["telesales.rank.history"]
            for review in to_apply:
                lines = review.line_ids.filtered(
                    lambda line: line.final_rank_id != line.current_rank_id
                    and not line.history_id
                )
                entries = History.create(
                    [
                        {
                            "employee_id": line.employee_id.id,
                            "rank_id": line.final_rank_id.id,
                            "date_start": review.effective_date,
                            "origin": "review",
                            "origin_ref": f"{line._name},{line.id}",
                            "reason": line._history_reason(),
                        }
                        for line in lines
                    ]
                )
                for line, entry in zip(lines, entries, strict=True):
                    line._workflow_write({"history_id": entry.id})
            to_apply.write({"state": "applied"})
        to_apply.activity_feedback([ACTIVITY_TYPE])
        return True

    def action_reset_draft(self):
        """Send a submitted or approved review back to its managers."""
        self._check_group(
            MANAGER,
            self.env._(
                "Only telesales managers may reset a quarterly review to draft."
            ),
        )
        with self._workflow_begin("action_reset_draft", self.env._("reset to draft")):
            self._check_caller_scope(self.env._("reset to draft"))
            if self.filtered(lambda r: r.state == "approved"):
                self._check_group(
                    HR,
                    self.env._(
                        "Only telesales HR officers may reopen an approved review."
                    ),
                )
            self.activity_unlink([ACTIVITY_TYPE])
            self.write({"state": "draft", "cancel_reason": False})
        self._schedule_for_managers()
        return True

    def action_cancel(self):
        self._check_group(
            MANAGER,
            self.env._("Only telesales managers may cancel a quarterly review."),
        )
        with self._workflow_begin("action_cancel", self.env._("cancelled")):
            self._check_caller_scope(self.env._("cancelled"))
            if self.filtered(lambda r: r.state == "approved"):
                self._check_group(
                    HR,
                    self.env._(
                        "Only telesales HR officers may cancel an approved review."
                    ),
                )
            for review in self:
                if not (review.cancel_reason or "").strip():
                    raise UserError(
                        self.env._(
                            "Write why review %(name)s is cancelled (Cancel "
                            "Reason) first.",
                            name=review.name,
                        )
                    )
            self.activity_unlink([ACTIVITY_TYPE])
            self.write({"state": "cancelled"})
        return True
