# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    """Colleagues without HR rights read employees through this view: the rank
    is public inside the centre, like the job title."""

    _inherit = "hr.employee.public"

    telesales_rank_id = fields.Many2one("telesales.rank", readonly=True)
    telesales_rank_date = fields.Date(readonly=True)
    is_telesales_agent = fields.Boolean(readonly=True)
    telesales_dialer_login = fields.Char(readonly=True)
