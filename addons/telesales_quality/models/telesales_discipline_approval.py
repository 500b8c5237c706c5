# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesDisciplineApproval(models.Model):
    """One approver's decision on a disciplinary case.

    A general case gets one line for the HR officers' group (any of them
    decides); a serious one gets one line per member of the quality
    committee, and the case is approved only when every line is approved
    (consensus, 达成一致意见). The same lines carry the committee's vote on
    an appeal decision. Written only by the case's workflow methods
    (telesales.workflow.mixin).
    """

    _name = "telesales.discipline.approval"
    _description = "Disciplinary Case Approval"
    _inherit = ["telesales.workflow.mixin"]
    _order = "discipline_id, round desc, id"

    # every field is the workflow's: lines are created by action_submit and
    # action_propose_appeal_decision, decided by action_approve, action_reject
    # and action_cancel of the case, never written nor deleted otherwise
    _workflow_state_field = "decision"
    _workflow_fields = frozenset(
        {
            "discipline_id",
            "stage",
            "round",
            "user_id",
            "group_id",
            "decided_by_id",
            "date",
            "reason",
        }
    )
    _workflow_editable = {}
    _workflow_deletable_states = ()

    discipline_id = fields.Many2one(
        "telesales.discipline", required=True, ondelete="restrict", index=True
    )
    company_id = fields.Many2one(related="discipline_id.company_id", store=True)
    stage = fields.Selection(
        [("approval", "Approval of the Case"), ("appeal", "Decision on the Appeal")],
        required=True,
        default="approval",
    )
    round = fields.Integer(
        required=True, default=1, help="Each submission starts a new round."
    )
    user_id = fields.Many2one(
        "res.users", string="Approver", help="Committee member who must decide."
    )
    group_id = fields.Many2one(
        "res.groups", string="Approver Group", help="Any member of it decides."
    )
    decision = fields.Selection(
        [
            ("pending", "Pending"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancelled", "Not Needed"),
        ],
        required=True,
        default="pending",
    )
    decided_by_id = fields.Many2one("res.users")
    date = fields.Datetime(string="Decided On")
    reason = fields.Text(help="Why the approver rejected (mandatory for a rejection).")

    def _is_approver(self, user):
        self.ensure_one()
        if self.user_id:
            return self.user_id == user
        return self.group_id in user.groups_id

    def _approvers(self):
        """Users who may decide the lines (for their activities)."""
        users = self.env["res.users"]
        for line in self:
            if line.user_id:
                users |= line.user_id
            else:
                users |= line.group_id.users.filtered(
                    lambda u, c=line.company_id: not u.share and c in u.company_ids
                )
        return users

    def _workflow_record_label(self):
        self.ensure_one()
        return self.env._(
            "The vote of %(approver)s on the case %(case)s",
            approver=(self.user_id or self.group_id).display_name,
            case=self.discipline_id.name,
        )
