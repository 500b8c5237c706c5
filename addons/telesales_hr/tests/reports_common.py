# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Sales of the test centre in 2025 Q2 and helpers reading the XLSX exports
back with openpyxl.

agent_a1 (S1, team A1): 10 Apr 10,000; 5 May 20,000; 20 Jun 4,000 cancelled
agent_a1b (T0, team A1): 12 Apr 5,000; 20 Apr 3,000 refunded 10 May
agent_a2 (S2, team A2): 15 Apr 7,000; 18 Apr 2,000 refunded 25 Apr
agent_b1 (S3, team B1): 1 Jun 15,000
"""

import io
from datetime import date

from openpyxl import load_workbook

from .sales_common import TelesalesSalesCase


class TelesalesReportCase(TelesalesSalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lines = (
            cls.sell(cls.agent_a1, date(2025, 4, 10), 10000)
            | cls.sell(cls.agent_a1, date(2025, 5, 5), 20000)
            | cls.sell(cls.agent_a1, date(2025, 6, 20), 4000, state="cancelled")
            | cls.sell(cls.agent_a1b, date(2025, 4, 12), 5000)
            | cls.sell(
                cls.agent_a1b,
                date(2025, 4, 20),
                3000,
                state="refunded",
                refund_date=date(2025, 5, 10),
            )
            | cls.sell(cls.agent_a2, date(2025, 4, 15), 7000)
            | cls.sell(
                cls.agent_a2,
                date(2025, 4, 18),
                2000,
                state="refunded",
                refund_date=date(2025, 4, 25),
            )
            | cls.sell(cls.agent_b1, date(2025, 6, 1), 15000)
        )
        # an explicit target for agent_a1 in April; the other months fall
        # back to the rank's monthly target
        cls.Target.create(
            {"employee_id": cls.agent_a1.id, "month": date(2025, 4, 1), "amount": 8000}
        )
        cls.Target.create(
            {
                "department_id": cls.team_a1.id,
                "month": date(2025, 4, 1),
                "amount": 20000,
            }
        )

    def render(self, report_name, docids=None, data=None, user=None):
        """Render an XLSX report as ``user`` (default: the HR officer) the
        way the web client does, and open it with openpyxl."""
        Report = self.env["ir.actions.report"].with_user(user or self.hr_user)
        content, file_type = Report._render_xlsx(report_name, docids, data or {})
        self.assertEqual(file_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"), "an xlsx file is a zip archive")
        return load_workbook(io.BytesIO(content), data_only=True)

    @staticmethod
    def rows(worksheet):
        return [list(row) for row in worksheet.iter_rows(values_only=True)]

    def table(self, worksheet, header_row=0):
        """(header, data rows, totals row, rows below the totals) of a sheet."""
        rows = self.rows(worksheet)
        header = rows[header_row]
        body = rows[header_row + 1 :]
        end = next(i for i, row in enumerate(body) if row[0] == "Total")
        return header, body[:end], body[end], body[end + 1 :]

    def subtotals(self, below):
        """{label: [rows, sums...]} of the "Totals by ..." block."""
        rows = [row for row in below if any(cell is not None for cell in row)]
        self.assertTrue(rows and str(rows[0][0]).startswith("Totals by"), rows)
        return {
            row[0]: [cell for cell in row[1:] if cell is not None] for row in rows[2:]
        }
