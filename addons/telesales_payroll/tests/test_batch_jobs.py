# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payslip batches in the background (OCA queue_job): a chain of chunks then
a closing job, each chunk processing only its payslips still open, so a job
retried after a failure, or run twice, changes nothing."""

from unittest.mock import patch

from odoo.tests import tagged

from odoo.addons.queue_job.exception import RetryableJobError
from odoo.addons.telesales_hr.tests.job_common import trap_jobs

from .common import APRIL, PayrollCase


def set_param(env, key, value):
    env["ir.config_parameter"].sudo().set_param(
        f"telesales_hr.job_threshold_{key}", str(value)
    )


@tagged("post_install", "-at_install")
class TestBatchJobs(PayrollCase):
    def run_batch(self):
        run = (
            self.env["hr.payslip.run"]
            .with_user(self.hr_user)
            .create(
                {
                    "name": "April 2025",
                    "date_start": APRIL[0],
                    "date_end": APRIL[1],
                    "struct_id": self.structure.id,
                }
            )
        )
        for employee in self.staff:
            self.payslip(employee, run=run, user=self.hr_user)
        return run

    def premium(self):
        return self.fake_sources(
            premium={
                employee: 1000.0 * (index + 1)
                for index, employee in enumerate(self.staff)
            }
        )

    def snapshot(self, run):
        return {
            slip.id: (
                slip.state,
                self.lines(slip),
                sorted(slip.telesales_source_ids.ids),
            )
            for slip in run.slip_ids
        }

    def test_small_batch_confirms_at_once(self):
        with self.premium():
            run = self.run_batch()
            with trap_jobs() as trap:
                run.action_telesales_confirm_sheets()
                trap.assert_jobs_count(0)
        self.assertEqual(set(run.slip_ids.mapped("state")), {"done"})
        self.assertEqual(run.state, "close")

    def test_confirm_in_chunks(self):
        """Above the threshold: one job per chunk of payslips in the payroll
        channel, then the job closing the batch; the batch shows the
        progress and the user gets the result."""
        set_param(self.env, "payslips", 0)
        set_param(self.env, "payslip_chunk", 3)
        chunks = -(-len(self.staff) // 3)
        with self.premium():
            run = self.run_batch()
            with trap_jobs() as trap:
                action = run.action_telesales_confirm_sheets()
                self.assertEqual(action["tag"], "display_notification")
                trap.assert_jobs_count(chunks, only=run._job_process_slips)
                trap.assert_jobs_count(1, only=run._job_finish)
                self.assertEqual(
                    {job.channel for job in trap.enqueued_jobs},
                    {"root.telesales.payroll"},
                )
                self.assertEqual(set(run.slip_ids.mapped("state")), {"draft"})
                self.assertIn("0 of", run.telesales_job_progress)
                trap.perform_enqueued_jobs()
        self.assertEqual(set(run.slip_ids.mapped("state")), {"done"})
        self.assertEqual(run.state, "close")
        self.assertIn("is done", run.telesales_job_message)
        message = self.env["mail.message"].search(
            [("partner_ids", "in", self.hr_user.partner_id.ids)], limit=1
        )
        self.assertIn(run.name, message.subject)

    def test_same_batch_twice_is_one_chain(self):
        set_param(self.env, "payslips", 0)
        with self.premium():
            run = self.run_batch()
            run.action_telesales_compute_sheets()
            Job = self.env["queue.job"].sudo()
            count = Job.search_count([("model_name", "=", "hr.payslip.run")])
            self.assertEqual(count, 2)  # one chunk, the closing job
            run.action_telesales_compute_sheets()
            self.assertEqual(
                Job.search_count([("model_name", "=", "hr.payslip.run")]), count
            )
            self.assertEqual(run.telesales_job_state, "pending")

    def test_retry_after_failure_changes_nothing(self):
        """A chunk fails with a retryable error after its work: its
        transaction is rolled back; the retry does the work; run once more,
        it changes nothing."""
        set_param(self.env, "payslips", 0)
        set_param(self.env, "payslip_chunk", 3)
        Run = type(self.env["hr.payslip.run"])
        original = Run._telesales_job_report
        failures = []

        def flaky(records, *args, **kwargs):
            if not failures:
                failures.append(True)
                raise RetryableJobError("could not serialize access")
            return original(records, *args, **kwargs)

        with self.premium():
            run = self.run_batch()
            with trap_jobs() as trap:
                run.action_telesales_confirm_background()
                chunks = sorted(
                    (
                        job
                        for job in trap.enqueued_jobs
                        if job.method_name == "_job_process_slips"
                    ),
                    key=lambda job: job.args[2],
                )
                first = chunks[0]
                slips = self.env["hr.payslip"].browse(first.args[1])
                with patch.object(Run, "_telesales_job_report", flaky):
                    with self.assertRaises(RetryableJobError):
                        first.perform()
                    self.assertEqual(set(slips.mapped("state")), {"draft"})
                    first.perform()  # the retry
                self.assertEqual(set(slips.mapped("state")), {"done"})
                before = self.snapshot(run)
                first.perform()  # once more: nothing changes
                self.assertEqual(self.snapshot(run), before)
                trap.perform_enqueued_jobs()
        self.assertEqual(set(run.slip_ids.mapped("state")), {"done"})
        self.assertEqual(run.state, "close")
