# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from .common import APRIL, PayrollCase

REPORT = "telesales_payroll.action_report_payslip_run_summary_xlsx"


@tagged("post_install", "-at_install")
class TestSummaryXlsx(PayrollCase):
    def test_summary_per_employee_and_rule(self):
        run = self.env["hr.payslip.run"].create(
            {"name": "April 2025", "date_start": APRIL[0], "date_end": APRIL[1]}
        )
        self.make_compliance(self.agent_b1, date(2025, 4, 9), 60.0)
        with self.fake_sources(kpi={}, premium={self.agent_a2: 20000.0}):
            slips = self.Payslip
            for employee in self.staff:
                slips |= self.payslip(employee, run=run)
            run.action_telesales_compute_sheets()
        rejected = self.payslip(self.agent_a1, run=run)
        rejected.action_payslip_cancel()
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.auditor)
            ._render_xlsx(REPORT, run.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        header = rows[1]
        self.assertEqual(header[:2], ["Employee", "Team"])
        codes = header[2:]
        self.assertEqual(codes[:3], ["TS_BASE", "TS_NEWCOMER", "TS_MGMT"])
        self.assertIn("TS_COMM", codes)
        self.assertLess(codes.index("GROSS"), codes.index("TS_ATT_DED"))
        self.assertLess(codes.index("TS_ATT_DED"), codes.index("NET"))
        body = rows[3:-1]
        self.assertEqual(
            len(body), len(self.staff)
        )  # one row per employee, rejected left out
        by_name = {row[0]: dict(zip(codes, row[2:], strict=True)) for row in body}
        for slip in slips:
            lines = self.lines(slip)
            for code in codes:
                self.assertAlmostEqual(
                    by_name[slip.employee_id.name][code], lines.get(code, 0.0)
                )
        totals = dict(zip(codes, rows[-1][2:], strict=True))
        self.assertIn("Total", rows[-1][0])
        for code in codes:
            self.assertAlmostEqual(
                totals[code], sum(row[code] for row in by_name.values())
            )
        self.assertEqual(by_name[self.agent_a2.name]["TS_COMM"], 700.0)
        self.assertEqual(by_name[self.agent_b1.name]["TS_ATT_DED"], -60.0)
