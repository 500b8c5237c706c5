# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Background jobs (OCA queue_job): each entry point enqueues its job in its
channel, the job performed does the work and tells the user, the same work
enqueued twice is one job (identity_key), and a job run again changes
nothing. Jobs are trapped with queue_job's ``trap_jobs`` (no runner, no
waiting) or stored for real and loaded with ``Job.load``."""

import base64
import io
import tempfile
from datetime import date
from pathlib import Path

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .call_common import TelesalesCallCase
from .compliance_common import DAY, ComplianceCase
from .job_common import Job, trap_jobs
from .reports_common import TelesalesReportCase


def set_threshold(env, key, value):
    env["ir.config_parameter"].sudo().set_param(
        f"telesales_hr.job_threshold_{key}", str(value)
    )


def stored_jobs(env, method_name):
    return env["queue.job"].sudo().search([("method_name", "=", method_name)])


@tagged("post_install", "-at_install")
class TestCallImportJobs(TelesalesCallCase):
    def wizard(self, rows):
        return self.Import.create(
            {
                "file": base64.b64encode(self.csv_bytes(rows)),
                "filename": "march.csv",
                "mapping_id": self.generic.id,
            }
        )

    def rows(self):
        return [
            self.row("j1", "2025-03-03 10:15:00"),
            self.row("j2", "2025-03-03 10:20:00", agent="b1"),
        ]

    def test_wizard_enqueues_one_job_per_file(self):
        """A file above the threshold goes to a job (channel import); the job
        imports it, reports on the wizard, and run again creates nothing."""
        set_threshold(self.env, "call_import_bytes", 0)
        wizard = self.wizard(self.rows())
        with trap_jobs() as trap:
            wizard.action_import()
            trap.assert_jobs_count(1)
            trap.assert_jobs_count(1, only=self.Import._job_import_attachment)
            job = trap.enqueued_jobs[0]
            self.assertEqual(job.channel, "root.telesales.import")
            self.assertEqual(wizard.state, "queued")
            self.assertFalse(self.calls("j1", "j2"))
            trap.perform_enqueued_jobs()
        self.assertEqual(len(self.calls("j1", "j2")), 2)
        self.assertEqual(wizard.state, "done")
        self.assertIn("2 calls created", wizard.result)
        self.assertIn("2 calls created", wizard.telesales_job_message)
        # run again (a retry after the commit): nothing changes
        job.perform()
        self.assertEqual(len(self.calls("j1", "j2")), 2)

    def test_small_file_stays_synchronous(self):
        wizard = self.wizard(self.rows())
        with trap_jobs() as trap:
            wizard.action_import()
            trap.assert_jobs_count(0)
        self.assertEqual(wizard.state, "done")
        self.assertEqual(len(self.calls("j1", "j2")), 2)

    def test_same_file_twice_is_one_job(self):
        """identity_key: the same file enqueued twice while the first waits
        is one stored job."""
        first = self.wizard(self.rows()).action_import_background()
        self.assertTrue(first)
        self.wizard(self.rows()).action_import_background()
        jobs = stored_jobs(self.env, "_job_import_attachment")
        self.assertEqual(len(jobs), 1)
        self.assertEqual(jobs.channel, "root.telesales.import")
        Job.load(self.env, jobs.uuid).perform()
        self.assertEqual(len(self.calls("j1", "j2")), 2)

    def test_refused_file_tells_why(self):
        """A bad row: nothing written, the job is not an error (a retry would
        refuse it again), the wizard names the row."""
        wizard = self.wizard([self.row("k1", "not a date")])
        with trap_jobs() as trap:
            wizard.action_import_background()
            trap.perform_enqueued_jobs()
        self.assertEqual(wizard.state, "failed")
        self.assertIn("row 2", wizard.result)
        self.assertFalse(self.calls("k1"))

    def committed_progress(self, job_uuid=None):
        """The progress of ``job_uuid`` (of every job) as another
        transaction sees it."""
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT progress FROM telesales_job_progress "
                "WHERE %(uuid)s IS NULL OR job_uuid = %(uuid)s",
                {"uuid": job_uuid},
            )
            return [progress for (progress,) in cr.fetchall()]

    def forget_progress(self, job_uuid):
        with self.registry.cursor() as cr:
            cr.execute(
                "DELETE FROM telesales_job_progress WHERE job_uuid = %s", [job_uuid]
            )

    def test_progress_committed_while_the_job_runs(self):
        """The wizard's job writes the rows read after each loaded chunk
        through a cursor of its own, committed at once: another transaction
        reads it although the job's own transaction (here the test's) never
        commits; the synchronous import writes none."""
        set_threshold(self.env, "call_import_bytes", 0)
        wizard = self.wizard(self.rows())
        with trap_jobs() as trap:
            wizard.action_import()
            job = trap.enqueued_jobs[0]
            self.addCleanup(self.forget_progress, job.uuid)
            self.assertEqual(self.committed_progress(job.uuid), [])
            trap.perform_enqueued_jobs()
        self.assertEqual(self.committed_progress(job.uuid), ["2 of 2 rows imported…"])
        # the job's transaction did not write it (it would not see it: its
        # snapshot is older than that commit)
        Progress = self.env["telesales.job.progress"]
        self.assertFalse(Progress.search([("job_uuid", "=", job.uuid)]))
        self.assertEqual(wizard.telesales_job_progress, "2 of 2 rows done.")
        # outside a job the hook writes nothing
        before = self.committed_progress()
        self.Import._import_progress(10, 20)
        self.import_rows([self.row("j3", "2025-03-03 10:25:00")])
        self.assertEqual(self.committed_progress(), before)

    def test_wizard_shows_live_progress_while_running(self):
        """The wizard shows the job's last progress while it runs, its own
        once it has ended."""
        wizard = self.wizard(self.rows())
        wizard.action_import_background()
        job = stored_jobs(self.env, "_job_import_attachment")
        self.assertEqual(wizard.telesales_job_state, "pending")
        self.assertEqual(
            wizard.telesales_job_live_progress, wizard.telesales_job_progress
        )
        self.env["telesales.job.progress"].create(
            {"job_uuid": job.uuid, "progress": "412,000 rows imported…"}
        )
        job.state = "started"
        wizard.invalidate_recordset()
        self.assertEqual(wizard.telesales_job_live_progress, "412,000 rows imported…")
        self.assertEqual(wizard.action_refresh()["res_id"], wizard.id)
        job.state = "done"
        wizard.invalidate_recordset()
        self.assertEqual(
            wizard.telesales_job_live_progress, wizard.telesales_job_progress
        )

    def test_directory_one_job_per_file(self):
        with tempfile.TemporaryDirectory() as folder:
            for name, call_id in (("a.csv", "d1"), ("b.csv", "d2")):
                Path(folder, name).write_bytes(
                    self.csv_bytes([self.row(call_id, "2025-03-03 10:15:00")])
                )
            with trap_jobs() as trap:
                self.Import._cron_enqueue_directory(folder, self.generic.id)
                trap.assert_jobs_count(2, only=self.Import._job_import_path)
                trap.perform_enqueued_jobs()
            self.assertEqual(len(self.calls("d1", "d2")), 2)
            # twice while waiting: still one job per file
            self.Import._cron_enqueue_directory(folder, self.generic.id)
            self.Import._cron_enqueue_directory(folder, self.generic.id)
            self.assertEqual(len(stored_jobs(self.env, "_job_import_path")), 2)


@tagged("post_install", "-at_install")
class TestComplianceJobs(ComplianceCase):
    def test_large_recompute_is_a_job(self):
        self.perfect_day(self.agent_a1)
        set_threshold(self.env, "compliance_agent_days", 0)
        Wizard = self.env["telesales.compliance.compute"]
        wizard = Wizard.with_user(self.manager_a_user).create(
            {"date_from": DAY, "date_to": DAY, "department_ids": [self.team_a1.id]}
        )
        with trap_jobs() as trap:
            action = wizard.action_compute()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(1, only=Wizard._job_compute_compliance)
            self.assertEqual(trap.enqueued_jobs[0].channel, "root.telesales.compliance")
            self.assertFalse(self.Compliance.search([("date", "=", DAY)]))
            trap.perform_enqueued_jobs()
        row = self.row(self.agent_a1)
        self.assertTrue(row.compliant)
        figures = ["dials", "connected_calls", "compliant", "first_call_time"]
        figures = [name for name in figures if name in row._fields]
        before = row.read(figures)
        # performed again: the same row, the same figures
        wizard.action_compute()  # enqueues again (stored: nothing trapped)
        jobs = stored_jobs(self.env, "_job_compute_compliance")
        wizard.action_compute()
        self.assertEqual(len(stored_jobs(self.env, "_job_compute_compliance")), 1)
        Job.load(self.env, jobs.uuid).perform()
        self.assertEqual(self.row(self.agent_a1), row)
        self.assertEqual(row.read(figures), before)

    def test_small_recompute_stays_synchronous(self):
        self.perfect_day(self.agent_a1)
        wizard = (
            self.env["telesales.compliance.compute"]
            .with_user(self.manager_a_user)
            .create(
                {"date_from": DAY, "date_to": DAY, "department_ids": [self.team_a1.id]}
            )
        )
        with trap_jobs() as trap:
            action = wizard.action_compute()
            trap.assert_jobs_count(0)
        self.assertEqual(action["type"], "ir.actions.act_window")
        self.assertTrue(self.row(self.agent_a1).compliant)


@tagged("post_install", "-at_install")
class TestExportJobs(TelesalesReportCase):
    def test_large_export_is_an_attachment(self):
        """Above the threshold the export is a job (channel export) that stores
        the file for the user; run again, it replaces the same attachment."""
        set_threshold(self.env, "export_records", -1)
        wizard = (
            self.env["telesales.report.export"]
            .with_user(self.hr_user)
            .create(
                {
                    "report_key": "premium",
                    "date_from": date(2025, 4, 1),
                    "date_to": date(2025, 6, 30),
                }
            )
        )
        Export = self.env["telesales.report.export"]
        with trap_jobs() as trap:
            action = wizard.action_export()
            self.assertEqual(action["tag"], "display_notification")
            trap.assert_jobs_count(1, only=Export._job_export)
            job = trap.enqueued_jobs[0]
            self.assertEqual(job.channel, "root.telesales.export")
            trap.perform_enqueued_jobs()
        attachment = self.env["ir.attachment"].browse(job.result)
        self.assertEqual(attachment.create_uid, self.hr_user)
        self.assertFalse(attachment.res_model)
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        self.assertTrue(book.worksheets)
        # the user is told, with the link
        message = self.env["mail.message"].search(
            [("partner_ids", "in", self.hr_user.partner_id.ids)], limit=1
        )
        self.assertIn(f"/web/content/{attachment.id}", message.body)
        # another user may not read it
        with self.assertRaises(AccessError):
            attachment.with_user(self.manager_a_user).read(["raw"])
        # run again: the same attachment
        job.perform()
        self.assertEqual(job.result, attachment.id)
