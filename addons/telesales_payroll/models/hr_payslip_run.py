# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payslip batches: compute, and confirm then close, at once for a small
batch, in the background (OCA queue_job, channel ``root.telesales.payroll``)
for a large one: a chain of jobs of ``CHUNK`` payslips each, then a last job
that closes the batch and tells the user. Each chunk computes (or confirms)
only its payslips still in draft or waiting, so a retried or repeated job
changes nothing; the ``identity_key`` of each job (its payslips and step)
makes one chain of the same batch enqueued twice."""

from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.queue_job.delay import chain
from odoo.addons.telesales_hr.models.telesales_job import job_identity, job_threshold

#: payslips per job (system parameter telesales_hr.job_threshold_payslip_chunk)
CHUNK = 100
#: payslips above which a batch is computed / confirmed in the background
BACKGROUND_SLIPS = 200

OPEN_STATES = ("draft", "verify")


class HrPayslipRun(models.Model):
    _name = "hr.payslip.run"
    _inherit = ["hr.payslip.run", "telesales.job.mixin"]

    def _telesales_open_slips(self):
        return self.slip_ids.filtered(lambda slip: slip.state in OPEN_STATES)

    def _telesales_background(self, slips):
        return len(slips) > job_threshold(self.env, "payslips", BACKGROUND_SLIPS)

    def action_telesales_compute_sheets(self):
        """Compute every draft payslip of the batch at once: the telesales
        figures of all of them are gathered in one pass."""
        slips = self._telesales_open_slips()
        if not slips:
            raise UserError(
                self.env._(
                    "Batch %(batch)s has no draft payslip to compute.",
                    batch=self[:1].name,
                )
            )
        if len(self) == 1 and self._telesales_background(slips):
            return self._telesales_enqueue("compute")
        return slips.compute_sheet()

    def action_telesales_confirm_sheets(self):
        """Confirm the batch's draft payslips (computed on confirmation, as
        OCA's button does) and close the batch."""
        self.ensure_one()
        slips = self._telesales_open_slips()
        if not slips:
            raise UserError(
                self.env._(
                    "Batch %(batch)s has no draft payslip to confirm.",
                    batch=self.name,
                )
            )
        if self._telesales_background(slips):
            return self._telesales_enqueue("confirm")
        self._telesales_confirm(slips)
        return self.close_payslip_run()

    @api.model
    def _telesales_confirm(self, slips):
        """Compute the payslips together (one gathering of the telesales
        figures) and confirm them. Confirming computes the whole recordset
        itself, except the payslips OCA's setting says not to: only those
        are computed first, so that no payslip is computed twice."""
        slips.filtered("prevent_compute_on_confirm").compute_sheet()
        slips.action_payslip_done()

    def action_telesales_confirm_background(self):
        return self._telesales_enqueue("confirm")

    # ------------------------------------------------------------ the jobs
    def _telesales_enqueue(self, step):
        """Enqueue the chain of chunks of ``step`` (compute / confirm) and
        the closing job; returns a notification."""
        self.ensure_one()
        self.check_access("write")
        slips = self._telesales_open_slips()
        if not slips:
            raise UserError(
                self.env._(
                    "Batch %(batch)s has no draft payslip to process.",
                    batch=self.name,
                )
            )
        size = max(1, job_threshold(self.env, "payslip_chunk", CHUNK))
        chunks = [slips[i : i + size] for i in range(0, len(slips), size)]
        total = len(slips)
        label = self._telesales_step_label(step)
        delayables = [
            self.delayable(
                channel="root.telesales.payroll",
                description=self.env._(
                    "%(step)s payslips of %(batch)s (%(index)s/%(count)s)",
                    step=label,
                    batch=self.name,
                    index=index,
                    count=len(chunks),
                ),
                identity_key=job_identity(
                    "payslip_run", self.id, step, sorted(chunk.ids)
                ),
            )._job_process_slips(step, chunk.ids, done, total)
            for index, (chunk, done) in enumerate(
                ((chunk, min((i + 1) * size, total)) for i, chunk in enumerate(chunks)),
                start=1,
            )
        ]
        final_key = job_identity("payslip_run_end", self.id, step, total)
        final = self.delayable(
            channel="root.telesales.payroll",
            description=self.env._(
                "%(step)s batch %(batch)s: done", step=label, batch=self.name
            ),
            identity_key=final_key,
        )._job_finish(step)
        graph = chain(*delayables, final)
        graph.delay()
        # the chain already waiting (same identity) is the one to follow
        existing = (
            self.env["queue.job"]
            .sudo()
            .search([("identity_key", "=", final_key)], order="id desc", limit=1)
        )
        self._telesales_job_track(
            existing or final._generated_job,
            self.env._(
                "%(step)s: 0 of %(total)s payslips done.", step=label, total=total
            ),
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Batch processed in the background"),
                "message": self.env._(
                    "%(step)s: the %(total)s payslips of %(batch)s are processed in "
                    "the background; the batch shows the progress and you are "
                    "notified when it is done.",
                    step=label,
                    total=total,
                    batch=self.name,
                ),
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _telesales_step_label(self, step):
        return {
            "compute": self.env._("Compute"),
            "confirm": self.env._("Confirm"),
        }[step]

    def _job_process_slips(self, step, slip_ids, done, total):
        """Job: compute or confirm these payslips of the batch, those still
        in draft or waiting only (run again, it changes nothing)."""
        self.ensure_one()
        slips = (
            self.env["hr.payslip"]
            .browse(slip_ids)
            .exists()
            .filtered(lambda slip: slip.state in OPEN_STATES)
        )
        if slips:
            if step == "compute":
                slips.compute_sheet()
            else:
                self._telesales_confirm(slips)
        label = self._telesales_step_label(step)
        progress = self.env._(
            "%(step)s: %(done)s of %(total)s payslips done.",
            step=label,
            done=done,
            total=total,
        )
        self._telesales_job_report(False, progress)
        return progress

    def _job_finish(self, step):
        """Job: after the last chunk, close a confirmed batch, tell the user."""
        self.ensure_one()
        label = self._telesales_step_label(step)
        left = self._telesales_open_slips()
        if step == "confirm" and not left and self.state != "close":
            self.close_payslip_run()
        if step == "confirm" and left:
            message = self.env._(
                "Batch %(batch)s: %(count)s payslips are still in draft; the "
                "batch stays open.",
                batch=self.name,
                count=len(left),
            )
            level = "warning"
        else:
            message = self.env._(
                "%(step)s of batch %(batch)s is done: %(count)s payslips.",
                step=label,
                batch=self.name,
                count=len(self.slip_ids),
            )
            level = "success"
        self._telesales_job_report(message, message)
        self._telesales_notify(
            self.env._("Payslip batch %(batch)s", batch=self.name), message, level
        )
        return message

    def _telesales_job_failed(self, exc_message=None, **kw):
        """queue_job's ``on_fail_method``: a step failed for good."""
        message = self._telesales_job_failed_message(exc_message)
        self._telesales_job_report(message, message)
        self._telesales_notify(
            self.env._("Payslip batch failed"), message, level="danger"
        )
