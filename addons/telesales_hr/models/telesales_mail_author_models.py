# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""``telesales.mail.author`` on the models defined in files of other topics."""

from odoo import models


# the mixin first: its method must come before mail.thread's in the MRO
class TelesalesKpiDeduction(models.Model):
    """Deductions post their tracking as the user who cancels them."""

    _name = "telesales.kpi.deduction"
    _inherit = ["telesales.mail.author", "telesales.kpi.deduction"]


class TelesalesDialer(models.Model):
    """A dialer's key events are posted by the administrator who acts."""

    _name = "telesales.dialer"
    _inherit = ["telesales.mail.author", "telesales.dialer"]
