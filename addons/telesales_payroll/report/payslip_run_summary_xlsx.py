# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import models


class PayslipRunSummaryXlsx(models.AbstractModel):
    """Payroll summary of a payslip batch: one row per employee, one column
    per salary rule code, a totals row (OCA report_xlsx, xlsxwriter).

    The rows are streamed (xlsxwriter ``constant_memory``) from two grouped
    queries per batch, so a centre's month stays small in memory. Refunds
    (credit notes) count negative; rejected payslips are left out.
    """

    _name = "report.telesales_payroll.payslip_run_summary_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Telesales Payroll Summary XLSX"

    def get_workbook_options(self):
        return {"constant_memory": True}

    def generate_xlsx_report(self, workbook, data, objs):
        formats = {
            "title": workbook.add_format({"bold": True, "font_size": 13}),
            "header": workbook.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1}
            ),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "total": workbook.add_format(
                {"bold": True, "num_format": "#,##0.00", "top": 1}
            ),
            "total_label": workbook.add_format({"bold": True, "top": 1}),
        }
        for batch in objs:
            batch.check_access("read")
            self._write_batch(workbook.add_worksheet(batch.name[:31]), batch, formats)

    def _summary(self, batch):
        """(columns, rows): columns are (code, name) in rule order; rows are
        (employee, {code: total}) in employee name order."""
        Line = self.env["hr.payslip.line"]
        domain = [
            ("slip_id.payslip_run_id", "=", batch.id),
            ("slip_id.state", "!=", "cancel"),
        ]
        totals = defaultdict(lambda: defaultdict(float))
        names = {}
        orders = {}
        for sign, credit_note in ((1, False), (-1, True)):
            groups = Line._read_group(
                domain + [("slip_id.credit_note", "=", credit_note)],
                ["employee_id", "code", "salary_rule_id"],
                ["total:sum", "sequence:min"],
            )
            for employee, code, rule, total, sequence in groups:
                code = code or rule.name
                totals[employee][code] += sign * total
                names.setdefault(code, rule.name)
                orders[code] = min(orders.get(code, sequence), sequence)
        columns = sorted(names.items(), key=lambda item: (orders[item[0]], item[0]))
        rows = sorted(totals.items(), key=lambda item: (item[0].name or "", item[0].id))
        return columns, rows

    def _write_batch(self, sheet, batch, formats):
        columns, rows = self._summary(batch)
        env = self.env
        sheet.write(
            0,
            0,
            env._(
                "Payroll summary: %(batch)s, %(start)s to %(end)s",
                batch=batch.name,
                start=batch.date_start,
                end=batch.date_end,
            ),
            formats["title"],
        )
        header = [env._("Employee"), env._("Team")] + [code for code, _name in columns]
        sheet.write_row(1, 0, header, formats["header"])
        sheet.write_row(
            2, 0, ["", ""] + [name for _code, name in columns], formats["header"]
        )
        sheet.set_column(0, 1, 24)
        sheet.set_column(2, 1 + len(columns), 14)
        sheet.freeze_panes(3, 2)
        grand = defaultdict(float)
        row_index = 3
        for employee, amounts in rows:
            sheet.write(row_index, 0, employee.name)
            sheet.write(row_index, 1, employee.department_id.name or "")
            for col, (code, _name) in enumerate(columns, start=2):
                sheet.write_number(
                    row_index, col, amounts.get(code, 0.0), formats["money"]
                )
                grand[code] += amounts.get(code, 0.0)
            row_index += 1
        sheet.write(
            row_index,
            0,
            env._("Total (%(count)s employees)", count=len(rows)),
            formats["total_label"],
        )
        sheet.write(row_index, 1, "", formats["total_label"])
        for col, (code, _name) in enumerate(columns, start=2):
            sheet.write_number(row_index, col, round(grand[code], 2), formats["total"])
