# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Exports of large periods in the background (OCA queue_job).

When the period holds more records than the threshold, the export wizard
enqueues :meth:`_job_export` instead of downloading: the job renders the same
report (the streaming XLSX base, record rules of the user applied: the job
runs as the user), stores it as a private attachment of the user and sends
them a notification with the link. The ``identity_key`` (user, report, data)
makes one job of the same export asked twice; running it again makes the
same file.
"""

import json

from odoo import api, models
from odoo.exceptions import UserError

from ..models.telesales_job import job_identity, job_threshold

#: records above which an export runs in the background
BACKGROUND_RECORDS = 100_000


class TelesalesReportExport(models.TransientModel):
    _inherit = "telesales.report.export"

    def action_export(self):
        report, data = self._export_data()
        Model = self.env[report.model]
        limit = job_threshold(self.env, "export_records", BACKGROUND_RECORDS)
        if Model.search_count(data["domain"], limit=limit + 1) <= limit:
            return super().action_export()
        return self._enqueue_export(report, data)

    def action_export_background(self):
        report, data = self._export_data()
        return self._enqueue_export(report, data)

    def _enqueue_export(self, report, data):
        name = self._export_file_name(report, data)
        key = job_identity(
            "export",
            self.env.uid,
            report.id,
            json.dumps(data, sort_keys=True, default=str),
        )
        job = (
            self.env[self._name]
            .with_delay(
                channel="root.telesales.export",
                description=self.env._("Export %(file)s", file=name),
                identity_key=key,
            )
            ._job_export(report.id, data, name, key)
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "title": self.env._("Export prepared in the background"),
                "message": self.env._(
                    "%(file)s is large: it is prepared in the background (job "
                    "%(job)s) and you are notified with a link to download it.",
                    file=name,
                    job=job.uuid,
                ),
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _export_file_name(self, report, data):
        date_from = data.get("date_from") or ""
        date_to = data.get("date_to") or ""
        return f"{report.name} {date_from} {date_to}.xlsx"

    @api.model
    def _job_export(self, report_id, data, name, key):
        """Job: render the export, store it for the user, notify them.
        Returns the attachment's id. Run again (``key``: the job's identity),
        it replaces the same attachment."""
        report = self.env["ir.actions.report"].browse(report_id).exists()
        if not report:
            raise UserError(self.env._("The export is no longer available."))
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            report.report_name, None, data
        )
        # no res_model: only its creator (the user) and the administrator read it
        Attachment = self.env["ir.attachment"]
        attachment = Attachment.search(
            [
                ("res_model", "=", False),
                ("create_uid", "=", self.env.uid),
                ("description", "=", key),
            ],
            limit=1,
        )
        vals = {
            "name": name,
            "raw": content,
            "description": key,
            "mimetype": "application/vnd.openxmlformats-officedocument."
            "spreadsheetml.sheet",
        }
        if attachment:
            attachment.write(vals)
        else:
            attachment = Attachment.create(vals)
        self.env["telesales.job.mixin"]._telesales_notify(
            self.env._("Export ready: %(file)s", file=name),
            self.env._("%(file)s is ready to download.", file=name),
            link=(
                f"/web/content/{attachment.id}?download=true",
                self.env._("Download %(file)s", file=name),
            ),
        )
        return attachment.id

    @api.model
    def _telesales_job_failed(self, exc_message=None, **kw):
        """queue_job's ``on_fail_method``: the job failed for good."""
        Jobs = self.env["telesales.job.mixin"]
        Jobs._telesales_notify(
            self.env._("Export failed"),
            Jobs._telesales_job_failed_message(exc_message),
            level="danger",
        )
