# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TelesalesFlag(models.Model):
    """A payslip left out deductions whose pay policy the employee had not
    acknowledged (劳动合同法 §4): HR has the policy acknowledged or drops the
    case."""

    _inherit = "telesales.flag"

    flag_type = fields.Selection(
        selection_add=[
            ("pay_policy_unacknowledged", "Deduction Under an Unacknowledged Policy")
        ],
        ondelete={"pay_policy_unacknowledged": "cascade"},
    )
