# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo centre's payroll, as installed with the demo data of the three
modules: last month's batch computed at install from the demo's premium,
compliance, KPI and referral records, its XLSX summary, and this month's
payslips of the agents whose demo cases were applied this month."""

import io
from collections import defaultdict
from datetime import date

import openpyxl
from dateutil.relativedelta import relativedelta

from odoo.tests import TransactionCase, new_test_user, tagged

REPORT = "telesales_payroll.action_report_payslip_run_summary_xlsx"


@tagged("post_install", "-at_install")
class TestPayrollDemo(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.structure = cls.env.ref("telesales_payroll.structure_telesales")
        cls.first = date.today().replace(day=1) - relativedelta(months=1)
        cls.last = cls.first + relativedelta(months=1, days=-1)
        cls.batch = cls.env["hr.payslip.run"].search(
            [("struct_id", "=", cls.structure.id), ("date_start", "=", cls.first)]
        )
        cls.slips = cls.batch.slip_ids

    @staticmethod
    def lines(slip):
        return {line.code: line.total for line in slip.line_ids}

    def total(self, code):
        lines = self.slips.line_ids.filtered(lambda line: line.code == code)
        return sum(lines.mapped("total"))

    def sources(self, code):
        return self.slips.telesales_source_ids.filtered(
            lambda row: row.rule_code == code
        )

    def year_sources(self, code):
        """Sources of the demo year's telesales batches up to last month."""
        batches = self.env["hr.payslip.run"].search(
            [
                ("struct_id", "=", self.structure.id),
                ("date_start", ">=", self.first.replace(month=1)),
                ("date_start", "<=", self.first),
            ]
        )
        return batches.slip_ids.telesales_source_ids.filtered(
            lambda row: row.rule_code == code
        )

    def test_last_month_batch_pays_every_source(self):
        self.assertEqual(len(self.batch), 1, "the payroll demo computes last month")
        contracts = self.env["hr.contract"].search(
            [
                ("struct_id", "=", self.structure.id),
                ("state", "=", "open"),
                ("date_start", "<=", self.last),
            ]
        )
        self.assertGreaterEqual(len(contracts), 40)
        self.assertEqual(self.slips.employee_id, contracts.employee_id)
        self.assertEqual(set(self.slips.mapped("state")), {"verify"})
        codes = set(self.slips.line_ids.mapped("code"))
        self.assertLessEqual(
            {"TS_BASE", "TS_MGMT", "TS_COMM", "TS_ATT_DED", "NET"}, codes
        )
        for slip in self.slips:
            for line in slip.line_ids.filtered(lambda line: line.code[:3] == "TS_"):
                rows = slip.telesales_source_ids.filtered(
                    lambda row, code=line.code: row.rule_code == code
                )
                if line.code == "TS_CARRY_NEXT":
                    total = sum(slip.telesales_source_ids.mapped("amount_carried"))
                else:
                    total = sum(rows.mapped("amount"))
                self.assertAlmostEqual(total, line.total, 2, slip.name)

        # commission: the rank's rate × the month's effective premium
        employees = self.slips.employee_id
        periods = self.env["telesales.rank.history"]._rank_periods(
            employees, self.first, self.last
        )
        checked = 0
        for slip in self.slips:
            employee = slip.employee_id
            if len(periods.get(employee.id, [])) != 1:
                continue  # rank changed inside the month: split by period
            rank, start, end = periods[employee.id][0]
            # commission on the sales of the period the rank is held
            held = self.env["telesales.premium"]._effective_premium(
                employee, start, end
            )
            expected = round(held.get(employee.id, 0.0) * rank.commission_rate, 2)
            self.assertAlmostEqual(
                self.lines(slip).get("TS_COMM", 0.0), expected, 2, employee.name
            )
            checked += bool(expected)
        self.assertGreater(checked, 30)

        # every compliance day with a deduction is deducted or carried over
        days = self.env["telesales.daily.compliance"].search(
            [
                ("employee_id", "in", employees.ids),
                ("date", ">=", self.first),
                ("date", "<=", self.last),
                ("attendance_deduction", "!=", 0),
            ]
        )
        rows = self.sources("TS_ATT_DED")
        self.assertTrue(days)
        self.assertEqual(
            sorted(rows.mapped("res_id")), sorted(days.ids), "one row per day"
        )
        for row in rows:
            self.assertAlmostEqual(
                -row.amount + row.amount_carried, row.source_ref.attendance_deduction
            )

        # the approved referral bonuses due by the end of the month: paid by
        # the payslips of the month they fell due (the months of the year
        # before last month are done), the others by last month's
        bonuses = self.env["telesales.referral.milestone"].search(
            [
                ("employee_id", "in", employees.ids),
                ("state", "in", ("approved", "paid")),
                ("date_due", "<=", self.last),
            ]
        )
        self.assertTrue(bonuses)
        self.assertEqual(
            sorted(self.year_sources("TS_REF").mapped("res_id")), sorted(bonuses.ids)
        )
        self.assertAlmostEqual(
            sum(self.year_sources("TS_REF").mapped("amount")),
            sum(bonuses.mapped("amount")),
        )
        self.assertEqual(
            sorted(self.sources("TS_REF").mapped("res_id")),
            sorted(bonuses.filtered(lambda m: m.state == "approved").ids),
        )

    def test_batch_recomputed_and_summary_xlsx(self):
        before = {slip: self.lines(slip) for slip in self.slips}
        self.batch.action_telesales_compute_sheets()
        for slip, lines in before.items():
            self.assertEqual(self.lines(slip), lines, slip.name)
        auditor = new_test_user(
            self.env,
            login="ts_demo_auditor",
            groups="telesales_hr.group_telesales_auditor",
        )
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(auditor)
            ._render_xlsx(REPORT, self.batch.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        codes = rows[1][2:]
        body, totals = rows[3:-1], dict(zip(codes, rows[-1][2:], strict=True))
        self.assertEqual(len(body), len(self.slips.employee_id))
        self.assertLessEqual({"TS_BASE", "TS_COMM", "NET", "CN_IIT"}, set(codes))
        for code in ("TS_BASE", "TS_COMM", "TS_ATT_DED", "NET", "CN_PEN_EE", "CN_IIT"):
            self.assertAlmostEqual(totals[code], self.total(code), 2, code)

    def test_this_month_penalties_and_liability(self):
        """The quality demo applies its cases today: this month's payslips of
        the agents deduct their points, their team leaders' the liability."""
        first = date.today().replace(day=1)
        last = first + relativedelta(months=1, days=-1)
        cases = self.env["telesales.discipline"].search(
            [
                ("state", "=", "applied"),
                ("period", "=", first),
                ("points", ">", 0),
                ("employee_id", "in", self.slips.employee_id.ids),
            ]
        )
        self.assertTrue(cases, "the quality demo applies cases this month")
        points = defaultdict(float)
        for case in cases:
            points[case.employee_id] += case.points
        liabilities = self.env["telesales.liability"]._compute_month(first)
        leaders = liabilities.supervisor_id & self.slips.employee_id
        self.assertTrue(leaders)
        slips = self.env["hr.payslip"].create(
            [
                {
                    "employee_id": employee.id,
                    "contract_id": employee.contract_id.id,
                    "struct_id": self.structure.id,
                    "date_from": first,
                    "date_to": last,
                }
                for employee in set(points) | set(leaders)
            ]
        )
        slips.compute_sheet()
        value = self.env.company.telesales_point_value
        for slip in slips:
            employee = slip.employee_id
            rows = slip.telesales_source_ids
            quality = rows.filtered(lambda row: row.rule_code == "TS_QA_DED")
            self.assertAlmostEqual(
                sum(quality.mapped("amount_due")),
                points.get(employee, 0.0) * value,
                2,
                employee.name,
            )
            liability = rows.filtered(lambda row: row.rule_code == "TS_LIAB_DED")
            charged = liabilities.filtered(
                lambda rec, e=employee: rec.supervisor_id == e
            )
            self.assertAlmostEqual(
                sum(liability.mapped("amount_due")),
                sum(charged.mapped("amount")),
                2,
                employee.name,
            )
        self.assertTrue(
            slips.telesales_source_ids.filtered(
                lambda row: row.rule_code == "TS_LIAB_DED" and row.amount_due > 0
            ),
            "a team leader with a management allowance answers for a case",
        )
