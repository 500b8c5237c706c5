# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date

import xlsxwriter
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .sales_common import TelesalesSalesCase

IMPORT_OPTIONS = {
    "has_headers": True,
    "separator": ",",
    "quoting": '"',
    "encoding": "utf-8",
    "date_format": "%Y-%m-%d",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
}
FIELDS = [
    "external_id",
    "employee_id",
    "date",
    "amount",
    "state",
    "refund_date",
    "policy_ref",
]


@tagged("post_install", "-at_install")
class TestPremiumLedger(TelesalesSalesCase):
    # ------------------------------------------------------------------
    # Effective premium (SPEC §3)
    # ------------------------------------------------------------------
    def test_effective_premium_refund_rules(self):
        """Cancelled never counts; refunded in the sale month (or without a
        date) counts nowhere; refunded in a later month counts in the sale
        month and is deducted in the refund month."""
        agent = self.agent_a1
        self.sell(agent, date(2025, 3, 3), 10000)
        self.sell(agent, date(2025, 3, 4), 7000, state="cancelled")
        self.sell(agent, date(2025, 3, 5), 5000, "refunded", date(2025, 3, 28))
        self.sell(agent, date(2025, 3, 6), 3000, "refunded")
        self.sell(agent, date(2025, 3, 7), 2000, "refunded", date(2025, 4, 2))
        self.sell(self.agent_a2, date(2025, 3, 7), 999)
        by_month = self.Premium._effective_premium_by_month(
            agent, date(2025, 3, 1), date(2025, 4, 30)
        )
        self.assertEqual(
            by_month,
            {
                (agent.id, date(2025, 3, 1)): 12000.0,
                (agent.id, date(2025, 4, 1)): -2000.0,
            },
        )
        # a quarter keeps the sale, the next one bears the refund
        self.assertEqual(
            self.Premium._effective_premium(agent, date(2025, 1, 1), date(2025, 3, 31)),
            {agent.id: 12000.0},
        )
        self.assertEqual(
            self.Premium._effective_premium(
                agent | self.agent_a2, date(2025, 4, 1), date(2025, 6, 30)
            ),
            {agent.id: -2000.0},
        )
        # boundaries are inclusive
        self.assertEqual(
            self.Premium._effective_premium(agent, date(2025, 3, 3), date(2025, 3, 3)),
            {agent.id: 10000.0},
        )
        self.assertEqual(
            self.Premium._effective_premium(
                self.Premium.employee_id, date(2025, 1, 1), date(2025, 1, 2)
            ),
            {},
        )

    def test_team_premium_by_month_keeps_the_team_of_the_sale(self):
        line = self.sell(self.agent_a1, date(2025, 5, 10), 4000)
        self.assertEqual(line.department_id, self.team_a1)
        self.agent_a1.department_id = self.team_a2
        self.sell(self.agent_a1, date(2025, 6, 10), 1000)
        result = self.Premium._team_premium_by_month(
            self.team_a1 | self.team_a2, date(2025, 5, 1), date(2025, 6, 30)
        )
        self.assertEqual(
            result,
            {
                (self.team_a1.id, date(2025, 5, 1)): 4000.0,
                (self.team_a2.id, date(2025, 6, 1)): 1000.0,
            },
        )

    def test_constraints(self):
        with self.assertRaisesRegex(ValidationError, "X-NEG.*positive"):
            self.sell(self.agent_a1, date(2025, 5, 1), -10, ref="X-NEG")
        with self.assertRaisesRegex(ValidationError, "X-ZERO"):
            self.sell(self.agent_a1, date(2025, 5, 1), 0, ref="X-ZERO")
        with self.assertRaisesRegex(ValidationError, "before the sale date"):
            self.sell(
                self.agent_a1, date(2025, 5, 10), 100, "refunded", date(2025, 5, 9)
            )
        with self.assertRaisesRegex(ValidationError, "only a refunded line"):
            self.sell(
                self.agent_a1, date(2025, 5, 10), 100, "effective", date(2025, 5, 19)
            )
        self.sell(self.agent_a1, date(2025, 5, 1), 100, ref="X-DUP")
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.cr.savepoint(),
        ):
            self.sell(self.agent_a2, date(2025, 5, 2), 200, ref="X-DUP")
        # the same external id in another company is another line
        other = self.env["res.company"].create({"name": "Other Telesales Co"})
        employee = self.env["hr.employee"].create(
            {"name": "Other Agent", "company_id": other.id}
        )
        line = self.sell(employee, date(2025, 5, 1), 100, ref="X-DUP")
        self.assertEqual(line.company_id, other)

    # ------------------------------------------------------------------
    # Import with Odoo's importer
    # ------------------------------------------------------------------
    def _csv(self, rows):
        lines = [",".join(FIELDS)] + [",".join(str(v) for v in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()

    def _import(
        self, content, file_type="text/csv", file_name="premium.csv", user=None
    ):
        wizard = (
            self.env["base_import.import"]
            .with_user(user or self.hr_user)
            .create(
                {
                    "res_model": "telesales.premium",
                    "file": content,
                    "file_name": file_name,
                    "file_type": file_type,
                }
            )
        )
        return wizard.execute_import(FIELDS, FIELDS, dict(IMPORT_OPTIONS))

    def _rows(self):
        return [
            ["CRM-1", "Agent A1", "2025-04-02", "12000", "effective", "", "POL-1"],
            [
                "CRM-2",
                "Agent A1",
                "2025-04-03",
                "8000",
                "refunded",
                "2025-05-03",
                "POL-2",
            ],
            ["CRM-3", "Agent A2", "2025-04-04", "5000", "cancelled", "", "POL-3"],
        ]

    def _ledger(self):
        lines = self.Premium.search(
            [("external_id", "like", "CRM-")], order="external_id"
        )
        return [
            (
                line.external_id,
                line.employee_id,
                line.date,
                line.amount,
                line.state,
                line.refund_date,
                line.policy_ref,
            )
            for line in lines
        ]

    def test_import_csv_idempotent(self):
        result = self._import(self._csv(self._rows()))
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 3)
        first = self._ledger()
        self.assertEqual(
            first[1],
            (
                "CRM-2",
                self.agent_a1,
                date(2025, 4, 3),
                8000.0,
                "refunded",
                date(2025, 5, 3),
                "POL-2",
            ),
        )
        self.assertEqual(first[0][1].department_id, self.team_a1)
        # the same file again: nothing changes
        again = self._import(self._csv(self._rows()))
        self.assertFalse(again["messages"], again["messages"])
        self.assertEqual(sorted(again["ids"]), sorted(result["ids"]))
        self.assertEqual(self._ledger(), first)
        self.assertEqual(
            self.Premium.search_count([("external_id", "like", "CRM-")]), 3
        )
        # a later export of the sales system updates the same line
        rows = self._rows()
        rows[0][4:6] = ["refunded", "2025-06-01"]
        self._import(self._csv(rows))
        line = self.Premium.search([("external_id", "=", "CRM-1")])
        self.assertEqual(
            (line.id in result["ids"], line.state, line.refund_date),
            (True, "refunded", date(2025, 6, 1)),
        )
        self.assertEqual(
            self.Premium.search_count([("external_id", "like", "CRM-")]), 3
        )

    def test_import_xlsx(self):
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = book.add_worksheet()
        for col, name in enumerate(FIELDS):
            sheet.write(0, col, name)
        for row_index, row in enumerate(self._rows(), start=1):
            for col, value in enumerate(row):
                if FIELDS[col] == "amount":
                    sheet.write_number(row_index, col, float(value))
                else:
                    sheet.write_string(row_index, col, value)
        book.close()
        content = buffer.getvalue()
        xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        result = self._import(content, xlsx, "premium.xlsx")
        self.assertFalse(result["messages"], result["messages"])
        self.assertEqual(len(result["ids"]), 3)
        again = self._import(content, xlsx, "premium.xlsx")
        self.assertEqual(sorted(again["ids"]), sorted(result["ids"]))
        self.assertEqual(
            self.Premium.search_count([("external_id", "like", "CRM-")]), 3
        )

    def test_import_bad_file_refused_whole(self):
        """One bad row refuses the whole file; each bad row is named."""
        rows = self._rows() + [
            ["CRM-4", "Agent A1", "2025-04-05", "-300", "effective", "", "POL-4"],
            ["CRM-5", "", "2025-04-06", "300", "effective", "", "POL-5"],
            ["CRM-6", "Agent A1", "2025-04-07", "300", "lost", "", "POL-6"],
            [
                "CRM-7",
                "Agent A1",
                "2025-04-07",
                "300",
                "refunded",
                "2025-04-01",
                "POL-7",
            ],
        ]
        with mute_logger("odoo.sql_db", "odoo.models"):
            result = self._import(self._csv(rows))
        self.assertFalse(result["ids"])
        errors = [m for m in result["messages"] if m["type"] == "error"]
        by_row = {m["rows"]["from"]: m["message"] for m in errors if m.get("rows")}
        # rows are 0-based data rows (the importer adds the header in the UI)
        self.assertIn("CRM-4", by_row[3])
        self.assertIn("positive", by_row[3])
        self.assertIn("Agent", by_row[4])
        self.assertIn("lost", by_row[5])
        self.assertIn("CRM-7", by_row[6])
        self.assertEqual(set(by_row), {3, 4, 5, 6})
        self.assertFalse(self.Premium.search([("external_id", "like", "CRM-")]))

    def test_import_needs_rights(self):
        result = self._import(self._csv(self._rows()[:1]), user=self.manager_a_user)
        self.assertFalse(result["ids"])
        self.assertFalse(self.Premium.search([("external_id", "like", "CRM-")]))

    # ------------------------------------------------------------------
    # Report
    # ------------------------------------------------------------------
    def test_premium_month_report(self):
        self.sell(self.agent_a1, date(2025, 5, 3), 10000)
        self.sell(self.agent_a1, date(2025, 5, 4), 6000, "refunded", date(2025, 6, 2))
        self.Target.create(
            {
                "employee_id": self.agent_a1.id,
                "month": date(2025, 5, 1),
                "amount": 20000,
            }
        )
        self.env.flush_all()
        rows = self.env["telesales.premium.month"].search(
            [("employee_id", "=", self.agent_a1.id)], order="month"
        )
        self.assertEqual(
            [(r.month, r.premium, r.target, r.department_id) for r in rows],
            [
                (date(2025, 5, 1), 16000.0, 20000.0, self.team_a1),
                # no recorded target in June: the rank's (S1) default target
                (date(2025, 6, 1), -6000.0, 15000.0, self.team_a1),
            ],
        )
        self.assertAlmostEqual(rows[0].achievement, 80.0)

    # ------------------------------------------------------------------
    # Access
    # ------------------------------------------------------------------
    def test_access(self):
        """Agents read their own lines, team leaders their team's, managers
        their unit's; HR and auditors all; only HR writes, auditors nothing."""
        for agent in self.agents:
            self.sell(agent, date(2025, 5, 5), 1000)

        def visible(user):
            return self.Premium.with_user(user).search([]).employee_id & self.agents

        self.assertEqual(visible(self.agent_a1_user), self.agent_a1)
        self.assertEqual(visible(self.tl_a1_user), self.agent_a1 | self.agent_a1b)
        self.assertEqual(
            visible(self.manager_a_user), self.agent_a1 | self.agent_a1b | self.agent_a2
        )
        self.assertEqual(visible(self.director_user), self.agents)
        self.assertEqual(visible(self.hr_user), self.agents)
        self.assertEqual(visible(self.auditor), self.agents)
        report = self.env["telesales.premium.month"]
        self.assertEqual(
            report.with_user(self.agent_a2_user).search([]).employee_id & self.agents,
            self.agent_a2,
        )
        self.assertEqual(
            report.with_user(self.auditor).search([]).employee_id & self.agents,
            self.agents,
        )
        line = self.Premium.search([("employee_id", "=", self.agent_a1.id)])
        for user in (
            self.agent_a1_user,
            self.tl_a1_user,
            self.manager_a_user,
            self.auditor,
        ):
            with self.assertRaises(AccessError):
                line.with_user(user).amount = 5
            with self.assertRaises(AccessError):
                self.Premium.with_user(user).create(
                    {"external_id": "NO", "employee_id": self.agent_a1.id, "amount": 1}
                )
        with self.assertRaises(AccessError):
            line.with_user(self.hr_user).unlink()
        line.with_user(self.hr_user).write({"state": "cancelled"})
        self.assertEqual(line.state, "cancelled")
