# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Background jobs on OCA ``queue_job``: what every telesales job shares.

A heavy step (a call file import, a compliance recompute, a payslip batch, a
large export) is enqueued as a ``queue.job`` in its channel (see
``data/queue_job_channel_data.xml``, retries there too) with an
``identity_key``: enqueuing the same work twice while it waits makes one job,
and every job is written so that running it again changes nothing.

The user who started it (queue_job runs the job as that user) sees its state
on the record that started it (:class:`TelesalesJobMixin`), gets a live
notification when it ends and a message in their inbox (with the result, or
the reason it failed).
"""

import hashlib

from markupsafe import Markup, escape

from odoo import api, fields, models

JOB_STATES = [
    ("wait_dependencies", "Waiting for the previous step"),
    ("pending", "Queued"),
    ("enqueued", "Sent to a worker"),
    ("started", "Running"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
    ("failed", "Failed"),
]


def job_identity(*parts):
    """An ``identity_key``: the same parts make the same key."""
    return hashlib.sha1("|".join(str(part) for part in parts).encode()).hexdigest()


def job_threshold(env, key, default):
    """Above this size a step runs in the background (system parameter
    ``telesales_hr.job_threshold_<key>``)."""
    value = (
        env["ir.config_parameter"].sudo().get_param(f"telesales_hr.job_threshold_{key}")
    )
    try:
        return int(value) if value not in (None, False, "") else default
    except ValueError:
        return default


class TelesalesJobMixin(models.AbstractModel):
    """The state of the background job a record started, for its form."""

    _name = "telesales.job.mixin"
    _description = "Telesales Background Job"

    telesales_job_uuid = fields.Char(string="Background Job", readonly=True, copy=False)
    telesales_job_state = fields.Selection(
        JOB_STATES,
        string="Background Job State",
        compute="_compute_telesales_job_state",
    )
    telesales_job_progress = fields.Char(
        string="Background Job Progress", readonly=True, copy=False
    )
    telesales_job_message = fields.Text(
        string="Background Job Result", readonly=True, copy=False
    )
    telesales_job_live_progress = fields.Char(
        string="Progress",
        compute="_compute_telesales_job_live_progress",
        help="While the job runs, what it reported last; else its progress.",
    )

    def _compute_telesales_job_state(self):
        """The job's state; for a chain (a batch in chunks), the first
        failed or running step wins over the last step's state."""
        Job = self.env["queue.job"].sudo()
        uuids = [uuid for uuid in self.mapped("telesales_job_uuid") if uuid]
        jobs = {job.uuid: job for job in Job.search([("uuid", "in", uuids)])}
        graphs = {}
        graph_uuids = [job.graph_uuid for job in jobs.values() if job.graph_uuid]
        if graph_uuids:
            for job in Job.search([("graph_uuid", "in", graph_uuids)]):
                graphs.setdefault(job.graph_uuid, []).append(job.state)
        for record in self:
            job = jobs.get(record.telesales_job_uuid)
            state = job.state if job else False
            steps = graphs.get(job.graph_uuid, ()) if job else ()
            if state not in ("done", "cancelled"):
                for step in ("failed", "started", "enqueued", "pending"):
                    if step in steps:
                        state = step
                        break
            record.telesales_job_state = state

    def _compute_telesales_job_live_progress(self):
        running = self.filtered(lambda r: r.telesales_job_state == "started")
        live = self.env["telesales.job.progress"]._progress_by_job(
            running.mapped("telesales_job_uuid")
        )
        for record in self:
            record.telesales_job_live_progress = (
                live.get(record.telesales_job_uuid) if record in running else None
            ) or record.telesales_job_progress

    def _telesales_job_track(self, job, progress=None):
        """Remember the job just enqueued (a ``Job`` or a ``queue.job``)."""
        self.sudo().write(
            {
                "telesales_job_uuid": job.uuid if job else False,
                "telesales_job_progress": progress
                or self.env._("Queued: it runs in the background."),
                "telesales_job_message": False,
            }
        )

    def _telesales_job_report(self, message, progress=None):
        """Write a job's outcome on the records still there (a wizard may be
        gone)."""
        records = self.sudo().exists()
        if records:
            vals = {"telesales_job_message": message}
            if progress is not None:
                vals["telesales_job_progress"] = progress
            records.write(vals)

    @api.model
    def _telesales_notify(self, title, message, level="success", link=None):
        """Tell the job's user: a live notification, and a message in their
        inbox (kept when they are offline). ``link``: ``(url, label)``."""
        user = self.env.user
        user._bus_send(
            "simple_notification",
            {
                "type": level,
                "title": title,
                "message": message,
                "sticky": level != "success",
            },
        )
        body = Markup("<p>%s</p>") % escape(message).replace("\n", Markup("<br/>"))
        if link:
            body += Markup('<p><a href="%s">%s</a></p>') % (link[0], link[1])
        self.env["mail.thread"].sudo().message_notify(
            partner_ids=user.partner_id.ids,
            subject=title,
            body=body,
            email_layout_xmlid="mail.mail_notification_light",
        )

    @api.model
    def _telesales_job_failed_message(self, exc_message=None, **_kw):
        return self.env._(
            "The background job failed and will not be retried: %(reason)s",
            reason=exc_message or self.env._("unknown error"),
        )
