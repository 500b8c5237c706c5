# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import api, fields, models

_NON_DIGITS = re.compile(r"[^\d+]")


class TelesalesDnc(models.Model):
    """Do-not-call list (客户明确表示不要再次联系)."""

    _name = "telesales.dnc"
    _description = "Do-not-call Number"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"
    _rec_name = "number"

    number = fields.Char(required=True, tracking=True)
    number_normalized = fields.Char(
        compute="_compute_number_normalized", store=True, index=True
    )
    reason = fields.Char(tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "number_company_uniq",
            "unique(number_normalized, company_id)",
            "This number is already on the do-not-call list.",
        ),
    ]

    @api.depends("number")
    def _compute_number_normalized(self):
        for entry in self:
            entry.number_normalized = self._normalize_number(entry.number)

    @api.model
    def _normalize_number(self, number):
        """Canonical form of a Chinese number, so that '+86 138-0013-8000',
        '008613800138000' and '13800138000' match, and '010-8888 6666' and
        '01088886666' match: digits only, without the country prefix."""
        if not number:
            return False
        digits = _NON_DIGITS.sub("", number)
        if digits.startswith("+"):
            digits = digits[1:]
        digits = digits.replace("+", "")
        if digits.startswith("0086"):
            digits = digits[4:]
        elif digits.startswith("86") and len(digits) >= 12:
            digits = digits[2:]
        # a landline written without its trunk 0 after +86 (+86 10 8888 6666)
        if len(digits) in (10, 11) and not digits.startswith(("0", "1")):
            digits = "0" + digits
        elif len(digits) == 10 and digits[0] == "1" and digits[1] == "0":
            digits = "0" + digits
        return digits
