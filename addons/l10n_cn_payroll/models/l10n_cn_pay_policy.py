# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class L10nCnPayPolicy(models.Model):
    """A published version of a company rule that affects pay (e.g. a penalty
    or deduction policy). 劳动合同法 §4: such rules bind an employee only once
    made known to them, so each version records who acknowledged it."""

    _name = "l10n_cn.pay.policy"
    _description = "Pay-Affecting Policy (China)"
    _order = "code, version desc"

    name = fields.Char(required=True)
    code = fields.Char(required=True, help="The policy; its versions share it.")
    version = fields.Integer(required=True, default=1)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("withdrawn", "Withdrawn")],
        default="draft",
        required=True,
    )
    date_published = fields.Date(
        readonly=True, help="Day the version was published to the employees."
    )
    content = fields.Text(help="The text as published.")
    consultation = fields.Text(
        help="How it was discussed with the employees or their representatives "
        "(劳动合同法 §4 ¶2)."
    )
    ack_ids = fields.One2many(
        "l10n_cn.pay.policy.ack", "policy_id", string="Acknowledgements"
    )
    ack_count = fields.Integer(compute="_compute_ack_count", string="Acknowledged")

    _sql_constraints = [
        (
            "code_version_uniq",
            "unique(company_id, code, version)",
            "A policy version exists once per company.",
        ),
    ]

    @api.depends("ack_ids")
    def _compute_ack_count(self):
        for policy in self:
            policy.ack_count = len(policy.ack_ids)

    def action_publish(self):
        for policy in self:
            if policy.state != "draft":
                raise UserError(self.env._("Only a draft version can be published."))
        # the day it is made known, from which acknowledgements can bind
        self.write(
            {"state": "published", "date_published": fields.Date.context_today(self)}
        )

    def action_withdraw(self):
        self.write({"state": "withdrawn"})

    @api.model
    def in_force(self, code, on_date, company=None):
        """The latest version of ``code`` published on or before ``on_date``."""
        company = company or self.env.company
        return self.search(
            [
                ("code", "=", code),
                ("company_id", "=", company.id),
                ("state", "=", "published"),
                ("date_published", "<=", on_date),
            ],
            order="version desc",
            limit=1,
        )

    def binds(self, employee, on_date):
        """Whether this version binds ``employee`` on ``on_date``: published,
        and acknowledged by the employee on or before that day."""
        self.ensure_one()
        return bool(
            self.state == "published"
            and self.date_published
            and self.date_published <= on_date
            and self.ack_ids.filtered(
                lambda ack: ack.employee_id == employee and ack.date <= on_date
            )
        )

    def unacknowledged(self, employees):
        """The employees among ``employees`` who have not acknowledged this
        version: a case under it against them is to be flagged to HR."""
        self.ensure_one()
        return employees - self.ack_ids.employee_id


class L10nCnPayPolicyAck(models.Model):
    _name = "l10n_cn.pay.policy.ack"
    _description = "Policy Acknowledgement (China)"
    _order = "policy_id, date desc"

    policy_id = fields.Many2one(
        "l10n_cn.pay.policy", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="policy_id.company_id", store=True)
    employee_id = fields.Many2one("hr.employee", required=True, index=True)
    date = fields.Date(required=True)
    method = fields.Selection(
        [
            ("signature", "Signed receipt"),
            ("electronic", "Electronic confirmation"),
            ("training", "Training attendance"),
        ],
        required=True,
        default="signature",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "policy_employee_uniq",
            "unique(policy_id, employee_id)",
            "An employee acknowledges a policy version once.",
        ),
    ]
