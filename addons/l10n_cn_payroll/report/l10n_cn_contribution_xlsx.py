# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .l10n_cn_contribution_report import AMOUNTS


class L10nCnContributionXlsx(models.AbstractModel):
    """Contributions per city and month, both sides, for the payslips (or
    batches) selected: a grouped read of the contributions report."""

    _name = "report.l10n_cn_payroll.contribution_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "China Contributions XLSX"

    def groups(self, objs):
        slips = objs.slip_ids if objs._name == "hr.payslip.run" else objs
        slips.check_access("read")
        return self.env["l10n_cn.contribution.report"]._read_group(
            [("payslip_id", "in", slips.ids)],
            ["city_id", "month:month"],
            [f"{name}:sum" for name, _label in AMOUNTS] + ["__count"],
            order="month:month, city_id",
        )

    def generate_xlsx_report(self, workbook, data, objs):
        header = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "#,##0.00"})
        sheet = workbook.add_worksheet(self.env._("Contributions"))
        titles = [self.env._("City"), self.env._("Month"), self.env._("Payslips")]
        labels = dict(self.env["l10n_cn.contribution.report"]._fields.items())
        titles += [
            labels[name].get_description(self.env)["string"] for name, _l in AMOUNTS
        ]
        for col, title in enumerate(titles):
            sheet.write_string(0, col, title, header)
        for row, group in enumerate(self.groups(objs), start=1):
            city, month, *amounts = group
            count = amounts.pop()
            sheet.write_string(row, 0, city.name or "")
            sheet.write_string(row, 1, month.strftime("%Y-%m") if month else "")
            sheet.write_number(row, 2, count)
            for col, amount in enumerate(amounts, start=3):
                sheet.write_number(row, col, amount or 0.0, money)
