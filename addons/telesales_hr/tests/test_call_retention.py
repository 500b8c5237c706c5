# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Raw calls of paid days are deleted after the company's retention, in
batches; unpaid days, violations and referenced calls are kept."""

from datetime import date

from odoo.tests import tagged

from .compliance_common import DAY, ComplianceCase

TODAY = date(2025, 7, 15)  # April is three months back


@tagged("post_install", "-at_install")
class TestCallRetention(ComplianceCase):
    def setUp(self):
        super().setUp()
        self.Call = self.env["telesales.call"]
        self.perfect_day(self.agent_a1)
        self.perfect_day(self.agent_a2)
        self.compute(self.agent_a1 | self.agent_a2)
        self.row(self.agent_a1)._telesales_set_paid()  # payroll paid a1's day

    def calls(self, employee):
        return self.Call.search_count(
            [("employee_id", "=", employee.id), ("call_date", "=", DAY)]
        )

    def purge(self, months, limit=50_000):
        self.company.telesales_call_retention_months = months
        cutoff = self.Call._retention_cutoff(self.company, today=TODAY)
        return cutoff, self.Call._purge_calls(self.company, cutoff, limit=limit)

    def test_zero_keeps_every_call(self):
        self.company.telesales_call_retention_months = 0
        self.assertIsNone(self.Call._retention_cutoff(self.company, today=TODAY))
        self.assertEqual(self.Call._cron_purge_calls(), 0)

    def test_paid_days_purged_in_batches_others_kept(self):
        before_a1, before_a2 = self.calls(self.agent_a1), self.calls(self.agent_a2)
        self.assertTrue(before_a1 > 20 and before_a2 > 20)
        # a violation of a1 that day is evidence: kept
        violation = self.Call.search(
            [("employee_id", "=", self.agent_a1.id), ("call_date", "=", DAY)],
            limit=1,
        )
        self.env.cr.execute(
            "UPDATE telesales_call SET is_violation = TRUE WHERE id = %s",
            [violation.id],
        )
        # retention of 4 months from July: April is still kept
        cutoff, deleted = self.purge(4)
        self.assertEqual((cutoff, deleted), (date(2025, 3, 1), 0))
        cutoff, deleted = self.purge(3, limit=10)
        self.assertEqual((cutoff, deleted), (date(2025, 4, 1), 0))
        cutoff, deleted = self.purge(2, limit=10)
        self.assertEqual(cutoff, date(2025, 5, 1))
        self.assertEqual(deleted, 10)
        _cutoff, deleted = self.purge(2)
        self.assertEqual(deleted, before_a1 - 10 - 1)
        self.assertEqual(self.calls(self.agent_a1), 1)
        self.assertTrue(violation.exists())
        # a2's day is not paid: every call kept; the compliance rows stay
        self.assertEqual(self.calls(self.agent_a2), before_a2)
        self.assertTrue(self.row(self.agent_a1).locked)
        self.assertEqual(self.purge(2)[1], 0)

    def test_referenced_calls_are_kept(self):
        """A foreign key to a call (here a flag's source table stand-in: a
        throw-away table) keeps that call."""
        call = self.Call.search(
            [("employee_id", "=", self.agent_a1.id), ("call_date", "=", DAY)],
            limit=1,
        )
        self.env.cr.execute(
            "CREATE TABLE telesales_test_call_ref"
            " (call_id integer REFERENCES telesales_call (id))"
        )
        self.env.cr.execute(
            "INSERT INTO telesales_test_call_ref VALUES (%s)", [call.id]
        )
        self.purge(2)
        self.assertTrue(call.exists())
        self.assertEqual(self.calls(self.agent_a1), 1)
