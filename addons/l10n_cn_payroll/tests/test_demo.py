# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import TransactionCase, tagged

from odoo.addons.l10n_cn_payroll.models.l10n_cn_payroll_demo import (
    DEMO_YEAR,
    DONE_MONTHS,
)


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    """The demo centre in Shanghai: done payslips for the first half of the
    demo year, and the next month's batch computed."""

    def test_demo_month_batch(self):
        first = date(DEMO_YEAR, DONE_MONTHS + 1, 1)
        shanghai = self.env.ref("l10n_cn_payroll.city_shanghai")
        batch = self.env["hr.payslip.run"].search(
            [("date_start", "=", first), ("slip_ids.l10n_cn_city_id", "=", shanghai.id)]
        )
        self.assertEqual(len(batch), 1)
        slips = batch.slip_ids
        self.assertEqual(len(slips), 4)
        self.assertEqual(set(slips.mapped("state")), {"verify"})
        for slip in slips:
            codes = set(slip.line_ids.mapped("code"))
            self.assertLessEqual(
                {"CN_PEN_EE", "CN_MED_EE", "CN_HF_EE", "CN_IIT", "NET"}, codes
            )
            self.assertEqual(slip.l10n_cn_parameter_id.city_id, shanghai)
            self.assertEqual(slip.l10n_cn_parameter_id.date_from, first)
            net = sum(
                slip.line_ids.filtered(lambda line: line.code == "NET").mapped("total")
            )
            self.assertAlmostEqual(
                net,
                slip.contract_id.wage
                - slip.l10n_cn_employee_contributions
                - slip.l10n_cn_iit,
                places=2,
            )
        by_name = {slip.employee_id.name: slip for slip in slips}
        # year to date from the done payslips
        self.assertEqual(by_name["李娜"].l10n_cn_months, DONE_MONTHS + 1)
        self.assertEqual(
            by_name["李娜"].l10n_cn_cum_income, 12000.0 * (DONE_MONTHS + 1)
        )
        self.assertGreater(by_name["李娜"].l10n_cn_withheld_before, 0.0)
        self.assertEqual(by_name["李娜"].l10n_cn_cum_elderly_support, 21000.0)
        # hired in April
        self.assertEqual(by_name["王芳"].l10n_cn_months, DONE_MONTHS + 1 - 3)
        # 2020年第19号
        self.assertEqual(by_name["刘洋"].l10n_cn_cum_basic, 60000.0)
        self.assertEqual(by_name["刘洋"].l10n_cn_iit, 0.0)
        done = self.env["hr.payslip"].search(
            [("employee_id", "in", slips.employee_id.ids), ("state", "=", "done")]
        )
        self.assertEqual(len(done), 3 * DONE_MONTHS + (DONE_MONTHS - 3))
