# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import QualityCase


@tagged("post_install", "-at_install")
class TestQualityExports(QualityCase):
    def render(self, report_name, records, user):
        content, file_type = (
            self.env["ir.actions.report"]
            .with_user(user)
            ._render_xlsx(report_name, records.ids, {})
        )
        self.assertEqual(file_type, "xlsx")
        sheet = load_workbook(io.BytesIO(content), data_only=True).worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]

    def test_qa_results_and_penalty_register(self):
        passed = self.inspect(self.agent_a1)
        fatal = self.inspect(self.agent_a2, failed=self.item_abuse)
        inspections = passed | fatal
        table = self.render(
            "telesales_quality.qa_inspection_xlsx", inspections, self.hr_user
        )
        self.assertEqual(table[0][:3], ["Call Date", "Inspection", "Agent"])
        body = [row for row in table[1:] if row[1] in inspections.mapped("name")]
        self.assertEqual(len(body), 2)
        by_agent = {row[2]: row for row in body}
        self.assertEqual(by_agent["Agent A2"][6], 0, "a fatal failure scores 0")
        self.assertEqual(by_agent["Agent A1"][6], 100)
        self.assertTrue(by_agent["Agent A1"][7])
        self.assertFalse(by_agent["Agent A2"][7])
        self.assertTrue(by_agent["Agent A2"][8], "the fatal failure is shown")

        case = self.apply(self.make_case(self.agent_a1, self.public))
        table = self.render(
            "telesales_quality.discipline_register_xlsx", case, self.auditor
        )
        self.assertEqual(table[0][:3], ["Date", "Case", "Penalised Employee"])
        row = next(row for row in table[1:] if row[1] == case.name)
        self.assertEqual(row[7], 20)
        total = next(row for row in table if row[0] == "Total")
        self.assertEqual(total[7], 20)
