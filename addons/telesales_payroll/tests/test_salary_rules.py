# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common import APRIL, SIHF, PayrollCase


@tagged("post_install", "-at_install")
class TestSalaryRules(PayrollCase):
    def test_base_wage_of_the_rank_not_the_contract(self):
        """A full month pays the base wage of the rank held; the contract
        wage (99,999) is not used; gross and net follow."""
        slip = self.payslip(self.agent_a2)
        slip.compute_sheet()
        lines = self.lines(slip)
        self.assertEqual(lines["TS_BASE"], 1780.0)
        self.assertEqual(lines["GROSS"], 1780.0)
        self.assertEqual(lines["NET"], 1780.0 - SIHF)
        self.assertNotIn("TS_MGMT", lines)
        self.assertNotIn(99999.0, lines.values())
        source = slip.telesales_source_ids.filtered(
            lambda row: row.rule_code == "TS_BASE"
        )
        self.assertEqual(source.source_ref, self.agent_a2.telesales_rank_history_ids)
        self.assertEqual((source.date_from, source.date_to), APRIL)

    def test_rank_change_inside_the_month(self):
        """S1 until 15 April, S2 from 16 April: 11 working days each, the
        wage and the commission split by rank."""
        self.set_rank(self.agent_a1, self.s2, date(2025, 4, 16), origin="review")

        def premium(employees, date_from, date_to):
            amount = 20000.0 if date_to <= date(2025, 4, 15) else 30000.0
            return dict.fromkeys(employees.ids, amount)

        with self.fake_sources(premium=premium):
            slip = self.payslip(self.agent_a1)
            slip.compute_sheet()
        lines = self.lines(slip)
        self.assertEqual(lines["TS_BASE"], 1580 * 11 / 22 + 1780 * 11 / 22)
        self.assertAlmostEqual(lines["TS_COMM"], 20000 * 0.03 + 30000 * 0.035)
        self.assertAlmostEqual(lines["GROSS"], 1680 + 1650)
        base_rows = slip.telesales_source_ids.filtered(
            lambda row: row.rule_code == "TS_BASE"
        )
        self.assertEqual(
            base_rows.mapped(lambda row: (row.date_from, row.date_to, row.amount)),
            [
                (date(2025, 4, 1), date(2025, 4, 15), 790.0),
                (date(2025, 4, 16), date(2025, 4, 30), 890.0),
            ],
        )
        self.assertEqual(base_rows[1].source_ref.rank_id, self.s2)

    def test_hired_inside_the_month(self):
        """A contract starting on 16 April pays 11 of 22 working days."""
        newcomer = self.env["hr.employee"].create(
            {
                "name": "New Hire",
                "department_id": self.team_a1.id,
                "resource_calendar_id": self.calendar.id,
            }
        )
        self.set_rank(newcomer, self.t0, date(2025, 4, 16), origin="initial")
        self.make_contract(newcomer, start=date(2025, 4, 16))
        with self.fake_sources(kpi={newcomer: True}):
            slip = self.payslip(newcomer)
            slip.compute_sheet()
        self.assertEqual(self.lines(slip)["TS_BASE"], 690.0)
        self.assertEqual(self.lines(slip)["TS_NEWCOMER"], 325.0)

    def test_newcomer_allowance_needs_the_kpi(self):
        with self.fake_sources(kpi={self.agent_a1b: True}):
            passed = self.payslip(self.agent_a1b)
            passed.compute_sheet()
        with self.fake_sources(kpi={self.agent_a1b: False}):
            failed = self.payslip(self.agent_a1b)
            failed.compute_sheet()
        self.assertEqual(self.lines(passed)["TS_NEWCOMER"], 650.0)
        self.assertEqual(self.lines(passed)["GROSS"], 1380.0 + 650.0)
        self.assertNotIn("TS_NEWCOMER", self.lines(failed))
        self.assertEqual(self.lines(failed)["GROSS"], 1380.0)

    def test_management_allowance_for_team_leaders_only(self):
        """A D2 team leader gets the D2 allowance; a D2 agent leading no team
        does not."""
        self.set_rank(self.agent_b1, self.d2, date(2025, 4, 1))
        leader = self.payslip(self.tl_b1)
        agent = self.payslip(self.agent_b1)
        (leader | agent).compute_sheet()
        self.assertEqual(self.lines(leader)["TS_BASE"], 2380.0)
        self.assertEqual(self.lines(leader)["TS_MGMT"], 2000.0)
        self.assertEqual(self.lines(leader)["GROSS"], 4380.0)
        self.assertEqual(self.lines(agent)["TS_BASE"], 2380.0)
        self.assertNotIn("TS_MGMT", self.lines(agent))

    def test_referral_bonus(self):
        april = self.make_milestone(self.agent_a2, date(2025, 4, 20), 100.0)
        self.make_milestone(self.agent_a2, date(2025, 5, 20), 100.0)  # next month
        slip = self.payslip(self.agent_a2)
        slip.compute_sheet()
        self.assertEqual(self.lines(slip)["TS_REF"], 100.0)
        self.assertEqual(self.lines(slip)["GROSS"], 1880.0)
        row = slip.telesales_source_ids.filtered(lambda r: r.rule_code == "TS_REF")
        self.assertEqual(row.source_ref, april)

    def test_deductions_within_the_cap(self):
        """Attendance rows of the period, quality points × 5 and the
        supervisor's liability (capped at 20% of the management allowance)."""
        self.make_compliance(self.tl_a1, date(2025, 4, 3), 50.0)
        self.make_compliance(self.tl_a1, date(2025, 3, 31), 80.0)  # other month
        with self.fake_sources(
            quality={self.tl_a1: 10},
            liability={self.tl_a1: 500.0},
        ):
            slip = self.payslip(self.tl_a1)
            slip.compute_sheet()
        lines = self.lines(slip)
        self.assertEqual(lines["GROSS"], 2180.0 + 1500.0)
        self.assertEqual(lines["TS_ATT_DED"], -50.0)
        self.assertEqual(lines["TS_QA_DED"], -50.0)
        self.assertEqual(lines["TS_LIAB_DED"], -300.0)  # 20% of 1,500
        self.assertEqual(lines["NET"], 3680.0 - 400.0 - SIHF)
        self.assertNotIn("TS_CARRY_NEXT", lines)
        liability = slip.telesales_source_ids.filtered(
            lambda r: r.rule_code == "TS_LIAB_DED"
        )
        self.assertEqual(liability.amount_due, 300.0)
        self.assertEqual(liability.amount, -300.0)

    def test_every_line_traces_to_its_sources(self):
        self.make_compliance(self.agent_a2, date(2025, 4, 7), 30.0)
        with self.fake_sources(premium={self.agent_a2: 10000.0}):
            slip = self.payslip(self.agent_a2)
            slip.compute_sheet()
        for line in slip.line_ids.filtered(lambda line: line.code.startswith("TS_")):
            self.assertTrue(line.telesales_source_ids, line.code)
            self.assertAlmostEqual(
                sum(line.telesales_source_ids.mapped("amount")), line.total
            )
        action = slip.line_ids.filtered(
            lambda line: line.code == "TS_BASE"
        ).action_view_telesales_sources()
        self.assertEqual(self.Source.search(action["domain"]).rule_code, "TS_BASE")
        base = slip.telesales_source_ids.filtered(lambda r: r.rule_code == "TS_BASE")
        self.assertEqual(
            base.action_open_source()["res_model"], "telesales.rank.history"
        )
        self.assertEqual(slip.telesales_source_count, 3)

    def test_other_structures_untouched(self):
        """A payslip on another structure gets no telesales figures."""
        stock = self.env["hr.payroll.structure"].create(
            {
                "name": "Stock",
                "code": "STOCK",
                "rule_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Basic",
                            "code": "BASIC",
                            "sequence": 1,
                            "category_id": self.env.ref(
                                "l10n_cn_payroll.category_basic"
                            ).id,
                            "amount_select": "code",
                            "amount_python_compute": "result = contract.wage",
                        },
                    ),
                ],
            }
        )
        slip = self.payslip(self.agent_a2)
        slip.struct_id = stock
        slip.compute_sheet()
        self.assertFalse(slip.is_telesales)
        self.assertEqual(self.lines(slip), {"BASIC": 99999.0})
        self.assertFalse(slip.telesales_source_ids)
