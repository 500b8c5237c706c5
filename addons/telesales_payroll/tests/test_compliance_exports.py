# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from openpyxl import load_workbook

from odoo.tests import tagged

from odoo.addons.telesales_hr.tests.compliance_common import DAY, ComplianceCase


@tagged("post_install", "-at_install")
class TestComplianceExports(ComplianceCase):
    def render(self, report_name, records, user):
        content, file_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(report_name, records.ids, {})
        )
        self.assertEqual(file_type, "xlsx")
        sheet = load_workbook(io.BytesIO(content), data_only=True).worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_daily_compliance_and_attendance_exceptions(self):
        """Compliance by agent and day with totals; the exceptions sheet
        keeps the late day only; an agent's export holds their own row."""
        self.perfect_day(self.agent_a1)
        self.day_calls(self.agent_a2, DAY)
        self.punch(self.agent_a2, check_in="09:20:00")  # 20 minutes late
        rows = self.compute(self.agent_a1 | self.agent_a2)
        self.assertEqual(len(rows), 2)

        table = self.render("telesales_hr.daily_compliance_xlsx", rows, self.hr_user)
        self.assertEqual(table[0][:3], ["Date", "Agent", "Team"])
        body = [row for row in table[1:] if row[1] in ("Agent A1", "Agent A2")]
        self.assertEqual(len(body), 2)
        total = next(row for row in table if row[0] == "Total")
        self.assertEqual(total[3], sum(rows.mapped("dials")))

        table = self.render(
            "telesales_hr.attendance_exception_xlsx", rows, self.hr_user
        )
        agents = [row[1] for row in table[1:] if row[1] in ("Agent A1", "Agent A2")]
        self.assertEqual(agents, ["Agent A2"], "only the late day is an exception")
        total = next(row for row in table if row[0] == "Total")
        self.assertAlmostEqual(
            total[-1], self.row(self.agent_a2).attendance_deduction, places=2
        )
        self.assertGreater(total[-1], 0)

        own = self.render(
            "telesales_hr.daily_compliance_xlsx", rows, self.agent_a1_user
        )
        self.assertEqual(
            [
                row[1]
                for row in own[1:]
                if isinstance(row[1], str) and row[1].startswith("Agent")
            ],
            ["Agent A1"],
        )
