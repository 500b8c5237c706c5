# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The payslip against the real source models of the other modules.

Nothing is patched here: the premium ledger, the KPI deductions, the daily
compliance computed from hr.attendance, referral bonuses made by a referral,
the daily cron and HR's approval, disciplinary cases driven to "applied" and
the supervisors' liability of the month feed the payslips through the
modules' public APIs.
"""

from datetime import date, datetime

import pytz
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.telesales_quality.tests.common import QualityCase

from .common import APRIL, MAY, SIHF, PayrollCase

TZ = pytz.timezone("Asia/Shanghai")


@tagged("post_install", "-at_install")
class TestSourcesAfterMerge(PayrollCase, QualityCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the rules of the other modules at their documented defaults
        cls.company.write(
            {
                "telesales_kpi_start": 100,
                "telesales_kpi_pass": 80,
                "telesales_late_minor_minutes": 10,
                "telesales_late_minor_pct": 5.0,
                "telesales_late_major_minutes": 30,
                "telesales_late_major_pct": 10.0,
                "telesales_referral_first_months": 1,
                "telesales_referral_first_amount": 100.0,
                "telesales_referral_probation_months": 2,
                "telesales_referral_probation_amount": 150.0,
                "telesales_liability_cap_percent": 20.0,
            }
        )
        cls.Premium = cls.env["telesales.premium"]
        cls.KpiDeduction = cls.env["telesales.kpi.deduction"]
        cls.Liability = cls.env["telesales.liability"]

    def source(self, slip, code):
        return slip.telesales_source_ids.filtered(lambda row: row.rule_code == code)

    # ------------------------------------------------------------------
    # Premium ledger -> commission
    # ------------------------------------------------------------------
    def test_commission_from_effective_premium(self):
        """Cancelled lines never count; a line refunded in its sale month
        counts nowhere; a line sold in March and refunded in April is taken
        back in April; May's sales wait for May."""

        def line(ref, employee, day, amount, state="effective", refund=False):
            return {
                "external_id": f"PAYTEST-{ref}",
                "employee_id": employee.id,
                "date": day,
                "amount": amount,
                "state": state,
                "refund_date": refund,
            }

        a2 = self.agent_a2
        self.Premium.create(
            [
                line("1", a2, date(2025, 4, 3), 30000.0),
                line("2", a2, date(2025, 4, 8), 10000.0, "cancelled"),
                line("3", a2, date(2025, 4, 9), 8000.0, "refunded", date(2025, 4, 25)),
                line("4", a2, date(2025, 3, 20), 5000.0, "refunded", date(2025, 4, 10)),
                line("5", a2, date(2025, 5, 2), 7000.0),
                # agent_a1 is promoted from S1 (3 %) to S2 (3.5 %) on 16 April
                line("6", self.agent_a1, date(2025, 4, 7), 20000.0),
                line("7", self.agent_a1, date(2025, 4, 22), 30000.0),
            ]
        )
        self.set_rank(self.agent_a1, self.s2, date(2025, 4, 16), origin="review")
        april = self.payslip(a2)
        may = self.payslip(a2, MAY)
        promoted = self.payslip(self.agent_a1)
        (april | may | promoted).compute_sheet()
        self.assertAlmostEqual(self.lines(april)["TS_COMM"], (30000 - 5000) * 0.035)
        self.assertAlmostEqual(self.lines(april)["GROSS"], 1780 + 875)
        self.assertAlmostEqual(self.lines(may)["TS_COMM"], 7000 * 0.035)
        self.assertAlmostEqual(
            self.lines(promoted)["TS_COMM"], 20000 * 0.03 + 30000 * 0.035
        )
        self.assertEqual(
            self.source(promoted, "TS_COMM").mapped("amount"), [600.0, 1050.0]
        )
        # the commission row opens the premium lines of its dates
        action = self.source(april, "TS_COMM").action_open_source()
        self.assertEqual(action["res_model"], "telesales.premium")
        self.assertEqual(
            sorted(self.Premium.search(action["domain"]).mapped("external_id")),
            ["PAYTEST-1", "PAYTEST-2", "PAYTEST-3"],
        )

    # ------------------------------------------------------------------
    # KPI deductions -> newcomer allowance
    # ------------------------------------------------------------------
    def test_newcomer_allowance_follows_the_kpi(self):
        """The trainee's allowance is paid when the month's KPI score (100
        minus the month's active deductions) reaches the pass line 80."""
        Deduction = self.KpiDeduction.with_user(self.hr_user)

        def deduct(day, points, breach="other"):
            return Deduction.create(
                {
                    "employee_id": self.agent_a1b.id,
                    "date": day,
                    "points": points,
                    "breach_type": breach,
                    "reason": "Payroll test",
                }
            ).with_env(self.env)

        deduct(date(2025, 3, 28), 50)  # March: not April's score
        deduct(date(2025, 4, 3), 20, "late_arrival")
        slip = self.payslip(self.agent_a1b)
        slip.compute_sheet()
        scores = self.KpiDeduction._kpi_scores(self.agent_a1b, APRIL[0])
        self.assertEqual(scores[self.agent_a1b.id], 80)
        self.assertEqual(self.lines(slip)["TS_NEWCOMER"], 650.0)  # on the line
        self.assertEqual(self.lines(slip)["GROSS"], 1380.0 + 650.0)
        below = deduct(date(2025, 4, 17), 5, "early_leave")
        slip.compute_sheet()
        self.assertNotIn("TS_NEWCOMER", self.lines(slip))  # 75
        self.assertEqual(self.lines(slip)["GROSS"], 1380.0)
        below.cancel_reason = "Wrong badge reader"
        below.with_user(self.hr_user).action_cancel()
        slip.compute_sheet()
        self.assertEqual(self.lines(slip)["TS_NEWCOMER"], 650.0)

    # ------------------------------------------------------------------
    # Daily compliance -> attendance deductions, locked once paid
    # ------------------------------------------------------------------
    def punch(self, employee, day, check_in, check_out):
        def utc(clock):
            hour, minute = (int(part) for part in clock.split(":"))
            local = TZ.localize(datetime(day.year, day.month, day.day, hour, minute))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return self.env["hr.attendance"].create(
            {
                "employee_id": employee.id,
                "check_in": utc(check_in),
                "check_out": utc(check_out),
            }
        )

    def test_compliance_rows_locked_once_paid(self):
        """20 minutes late on 8 April (major tier: 10 % of the S2 day wage),
        on time on 9 April. The payslip deducts the late day; done, the row
        is locked and a recompute keeps it; cancelled, it is released."""
        a2 = self.agent_a2
        self.punch(a2, date(2025, 4, 8), "09:20", "18:05")
        self.punch(a2, date(2025, 4, 9), "08:55", "18:05")
        days = (date(2025, 4, 8), date(2025, 4, 9))
        rows = self.Compliance._compute_for_range(*days, a2)
        late = rows.filtered(lambda row: row.date == days[0])
        on_time = rows.filtered(lambda row: row.date == days[1])
        self.assertEqual((late.late_minutes, late.late_tier), (20, "major"))
        expected = round(0.10 * round(1780 / 22, 2), 2)
        self.assertAlmostEqual(late.attendance_deduction, expected)
        self.assertEqual(on_time.attendance_deduction, 0.0)

        slip = self.payslip(a2)
        slip.action_payslip_done()
        self.assertAlmostEqual(self.lines(slip)["TS_ATT_DED"], -expected)
        self.assertEqual(self.source(slip, "TS_ATT_DED").source_ref, late)
        self.assertTrue(late.locked)
        self.assertFalse(on_time.locked)
        # the nightly recompute leaves the paid day alone
        self.Compliance._compute_for_range(*days, a2)
        self.assertTrue(late.exists())
        self.assertTrue(late.locked)
        with self.assertRaises(UserError):
            late.unlink()
        again = self.payslip(a2)
        again.compute_sheet()
        self.assertNotIn("TS_ATT_DED", self.lines(again))

        slip.action_payslip_cancel()
        self.assertFalse(late.locked)
        again.compute_sheet()
        self.assertAlmostEqual(self.lines(again)["TS_ATT_DED"], -expected)

    # ------------------------------------------------------------------
    # Referral bonuses: paid exactly once
    # ------------------------------------------------------------------
    def test_referral_milestone_paid_once(self):
        """agent_a2 referred a hire who started on 10 March: 100 after one
        month (10 April), 150 after probation (10 May). A bonus is paid once
        approved by HR, by one payslip only; cancelling the payslip makes it
        payable again."""
        hire = self.env["hr.employee"].create(
            {"name": "Referred Hire", "department_id": self.team_a2.id}
        )
        referral = self.Referral.with_user(self.hr_user).create(
            {
                "referrer_id": self.agent_a2.id,
                "employee_id": hire.id,
                "date_start": date(2025, 3, 10),
            }
        )
        milestones = referral.with_env(self.env).milestone_ids
        first = milestones.filtered(lambda m: m.kind == "one_month")
        probation = milestones - first
        self.assertEqual(
            (first.date_due, probation.date_due), (date(2025, 4, 10), date(2025, 5, 10))
        )
        self.Milestone._cron_referral_milestones(date(2025, 4, 10))
        self.assertEqual((first.state, probation.state), ("due", "pending"))
        self.assertEqual(first.activity_ids.user_id, self.hr_user)
        slip = self.payslip(self.agent_a2)
        slip.compute_sheet()
        self.assertNotIn("TS_REF", self.lines(slip), "due, not approved yet")

        first.with_user(self.hr_user).action_approve()
        slip.action_payslip_done()
        self.assertEqual(self.lines(slip)["TS_REF"], 100.0)
        self.assertEqual(self.source(slip, "TS_REF").source_ref, first)
        self.assertEqual(first.state, "paid")
        self.assertEqual(first.date_paid, APRIL[1])
        self.assertTrue(first.payment_reference)
        self.assertEqual(referral.amount_paid, 100.0)
        self.assertFalse(self.Milestone._payable(self.agent_a2, APRIL[1]))
        with self.assertRaisesText(UserError, "paid exactly once"):
            first._mark_paid(slip)

        self.Milestone._cron_referral_milestones(date(2025, 5, 10))
        probation.with_user(self.hr_user).action_approve()
        may = self.payslip(self.agent_a2, MAY)
        may.compute_sheet()
        self.assertEqual(self.lines(may)["TS_REF"], 150.0)  # April's bonus is paid

        slip.action_payslip_cancel()
        self.assertEqual((first.state, first.date_paid), ("approved", False))
        self.assertEqual(self.Milestone._payable(self.agent_a2, APRIL[1]), first)
        may.action_payslip_done()
        self.assertEqual(self.lines(may)["TS_REF"], 250.0)
        self.assertEqual((first | probation).mapped("state"), ["paid", "paid"])
        self.assertEqual(referral.state, "done")

    # ------------------------------------------------------------------
    # Disciplinary cases -> quality points; liability of the supervisors
    # ------------------------------------------------------------------
    @freeze_time("2025-04-10 10:00:00")
    def test_quality_points_and_liability(self):
        """Cases applied in April cost their points × 5 in April. Team leader
        tl_a1 answers for 60 % of a general and 80 % of a serious case of his
        agents, capped at 20 % of his management allowance (1,500); tl_a2 for
        60 % of agent_a2's general case, under the cap."""
        warning = self.apply(self.make_case(self.agent_a1, self.warning))  # 40
        self.apply(self.make_case(self.agent_a1b, self.demerit, "serious"))  # 60
        self.apply(self.make_case(self.agent_a2, self.public))  # 20
        liabilities = self.Liability._compute_month(APRIL[0])
        by_supervisor = {rec.supervisor_id: rec for rec in liabilities}
        tl_a1, tl_a2 = by_supervisor[self.tl_a1], by_supervisor[self.tl_a2]
        self.assertAlmostEqual(tl_a1.points, 0.6 * 40 + 0.8 * 60)
        self.assertAlmostEqual(tl_a1.amount_uncapped, 360.0)
        self.assertAlmostEqual(tl_a1.amount, 300.0)
        self.assertTrue(tl_a1.capped)
        self.assertAlmostEqual(tl_a2.amount, 60.0)

        people = self.agent_a1 | self.agent_a1b | self.agent_a2 | self.tl_a1
        people |= self.tl_a2
        slips = {employee: self.payslip(employee) for employee in people}
        self.Payslip.concat(*slips.values()).compute_sheet()
        lines = {employee: self.lines(slip) for employee, slip in slips.items()}
        self.assertEqual(lines[self.agent_a1]["TS_QA_DED"], -200.0)
        self.assertEqual(lines[self.agent_a1b]["TS_QA_DED"], -300.0)
        self.assertEqual(lines[self.agent_a2]["TS_QA_DED"], -100.0)
        self.assertEqual(lines[self.tl_a1]["TS_MGMT"], 1500.0)
        self.assertEqual(lines[self.tl_a1]["TS_LIAB_DED"], -300.0)
        self.assertEqual(lines[self.tl_a1]["NET"], 2180.0 + 1500.0 - 300.0 - SIHF)
        self.assertEqual(lines[self.tl_a2]["TS_LIAB_DED"], -60.0)
        self.assertNotIn("TS_QA_DED", lines[self.tl_a1])
        # May is a month without cases
        may = self.payslip(self.agent_a1, MAY)
        may.compute_sheet()
        self.assertNotIn("TS_QA_DED", self.lines(may))

        # a cancelled case costs nothing any more, nor does its liability
        warning.with_user(self.hr_user).action_cancel("Wrong agent on the recording")
        self.Liability._compute_month(APRIL[0])
        slips[self.agent_a1].compute_sheet()
        slips[self.tl_a1].compute_sheet()
        self.assertNotIn("TS_QA_DED", self.lines(slips[self.agent_a1]))
        self.assertEqual(self.lines(slips[self.tl_a1])["TS_LIAB_DED"], -240.0)
