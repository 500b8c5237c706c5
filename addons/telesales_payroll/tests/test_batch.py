# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.tests import tagged

from .common import APRIL, PayrollCase


@tagged("post_install", "-at_install")
class TestBatch(PayrollCase):
    def sources(self):
        self.make_compliance(self.agent_a1, date(2025, 4, 3), 120.0)
        self.make_compliance(self.agent_b1, date(2025, 4, 22), 900.0)
        return self.fake_sources(
            premium={
                employee: 5000.0 * (index + 1)
                for index, employee in enumerate(self.staff)
            },
            quality={self.agent_a1b: 12, self.tl_a1: 40},
            liability={self.tl_a1: 250.0, self.tl_b1: 90.0},
        )

    def run_batch(self, user=None):
        Run = (
            self.env["hr.payslip.run"].with_user(user)
            if user
            else self.env["hr.payslip.run"]
        )
        run = Run.create(
            {
                "name": "April 2025",
                "date_start": APRIL[0],
                "date_end": APRIL[1],
                "struct_id": self.structure.id,
            }
        )
        for employee in self.staff:
            self.payslip(employee, run=run, user=user)
        return run

    def test_batch_equals_single_payslips(self):
        """HR computes the whole batch at once; each result equals the same
        payslip computed on its own."""
        self.set_rank(self.agent_a1, self.s2, date(2025, 4, 16))
        with self.sources():
            run = self.run_batch(user=self.hr_user)
            run.with_user(self.hr_user).action_telesales_compute_sheets()
            singles = {}
            for employee in self.staff:
                slip = self.payslip(employee)
                slip.compute_sheet()
                singles[employee] = self.lines(slip)
        self.assertEqual(len(run.slip_ids), len(self.staff))
        for slip in run.slip_ids:
            self.assertEqual(slip.state, "verify")
            self.assertEqual(
                self.lines(slip), singles[slip.employee_id], slip.employee_id.name
            )
        self.assertEqual(
            self.lines(run.slip_ids.filtered(lambda s: s.employee_id == self.tl_a1))[
                "TS_LIAB_DED"
            ],
            -250.0,
        )
        self.assertGreater(len({line["NET"] for line in singles.values()}), 3)

    def test_batch_queries_do_not_grow_with_payslips(self):
        """Gathering the telesales figures costs the same queries for 2 or
        7 payslips: one per source for all employees (the city's cap and
        floor and the pay policies included)."""
        with self.sources():
            small = self.run_batch().slip_ids[:2]
            large = self.run_batch().slip_ids
            counts = []
            for slips in (small, large):
                # the statutory figures (l10n_cn_payroll, one payslip at a
                # time) are computed first by compute_sheet
                slips.l10n_cn_prepare()
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.env.cr.sql_log_count
                slips.browse(slips.ids)._telesales_build_sources()
                self.env.flush_all()
                counts.append(self.env.cr.sql_log_count - before)
        self.assertLessEqual(counts[1], counts[0], counts)
        self.assertEqual(
            len(
                large.telesales_source_ids.filtered(lambda r: r.rule_code == "TS_BASE")
            ),
            7,
        )
