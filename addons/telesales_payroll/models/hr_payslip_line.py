# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HrPayslipLine(models.Model):
    _inherit = "hr.payslip.line"  # pylint: disable=consider-merging-classes-inherited

    telesales_source_ids = fields.Many2many(
        "telesales.payslip.source",
        string="Telesales Sources",
        compute="_compute_telesales_source_ids",
        help="The records this line's amount comes from.",
    )

    @api.depends("code", "slip_id.telesales_source_ids")
    def _compute_telesales_source_ids(self):
        for line in self:
            sources = line.slip_id.telesales_source_ids
            if line.code == "TS_CARRY_NEXT":
                line.telesales_source_ids = sources.filtered("amount_carried")
            else:
                line.telesales_source_ids = sources.filtered(
                    lambda row, code=line.code: row.rule_code == code
                )

    def action_view_telesales_sources(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_payroll.action_telesales_payslip_source"
        )
        action["domain"] = [("id", "in", self.telesales_source_ids.ids)]
        action["name"] = self.name
        return action
