# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Call imports in the background (OCA queue_job): one job per file.

The wizard stores the file as an attachment and enqueues
:meth:`_job_import_attachment` when the file is large (or when asked); the
directory cron enqueues :meth:`_job_import_path` for each file it finds. The
import itself is :meth:`_import_file`: all-or-nothing, and importing a file
again creates nothing twice, so a retried job changes nothing. The
``identity_key`` (the file's content, mapping, company and dialer) makes one
job of the same file enqueued twice.
"""

import contextvars
import io
import os
from pathlib import Path

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang

from ..models.telesales_job import job_identity, job_threshold
from ..models.telesales_job_progress import ProgressSink
from .telesales_call_import import CallImportError
from .telesales_call_import_engine import _move

#: files larger than this (bytes) are imported in the background
BACKGROUND_BYTES = 5_000_000

#: the progress sink of the wizard's job running in this thread: set by
#: :meth:`_job_import_attachment` around its import, read by
#: :meth:`_import_progress` (Python state, not the context: no request can
#: set it)
_PROGRESS = contextvars.ContextVar("telesales_call_import_progress", default=None)


class TelesalesCallImport(models.TransientModel):
    _name = "telesales.call.import"
    _inherit = ["telesales.call.import", "telesales.job.mixin"]

    state = fields.Selection(
        selection_add=[("queued", "In the Background")],
        ondelete={"queued": "set default"},
    )

    def action_import(self):
        self.ensure_one()
        if self.file and self._background_wanted():
            return self.action_import_background()
        return super().action_import()

    def _background_wanted(self):
        size = len(self.file or b"") * 3 // 4  # base64
        return size > job_threshold(self.env, "call_import_bytes", BACKGROUND_BYTES)

    def action_import_background(self):
        """Store the file and import it in a job; the wizard shows its state
        and the user is notified when it is done."""
        self.ensure_one()
        if not self.file:
            raise UserError(self.env._("Choose the file to import."))
        self.env["telesales.call"].check_access("create")
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.filename or "calls.csv",
                    "datas": self.file,
                    # not text/csv: Odoo would copy the words of a file of
                    # millions of rows into the attachment's search index
                    "mimetype": "application/octet-stream",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        job = (
            self.env[self._name]
            .with_delay(
                channel="root.telesales.import",
                description=self.env._(
                    "Import calls from %(file)s", file=attachment.name
                ),
                identity_key=job_identity(
                    "call_import",
                    attachment.checksum,
                    self.mapping_id.id,
                    self.company_id.id,
                    self.dialer_id.id,
                ),
            )
            ._job_import_attachment(
                attachment.id,
                self.mapping_id.id,
                self.company_id.id,
                self.dialer_id.id or False,
                self.id,
            )
        )
        self.write({"state": "queued", "file": False})
        self._telesales_job_track(job)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Calls"),
        }

    def action_refresh(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import Calls"),
        }

    # ------------------------------------------------------------ the jobs
    @api.model
    def _job_import_attachment(
        self, attachment_id, mapping_id, company_id, dialer_id, wizard_id=False
    ):
        """Job: import the stored file, tell the user, report on the wizard
        (if it is still there)."""
        attachment = self.env["ir.attachment"].sudo().browse(attachment_id).exists()
        wizard = self.browse(wizard_id).exists() if wizard_id else self.browse()
        if not attachment:
            return self.env._("The file was removed before it was imported.")
        name = attachment.name
        if attachment.store_fname:
            source = attachment._full_path(attachment.store_fname)
        else:
            source = io.BytesIO(attachment.raw)
        # the user watches the wizard: report the rows read while it runs
        job_uuid = self.env.context.get("job_uuid")
        token = _PROGRESS.set(ProgressSink(job_uuid) if wizard and job_uuid else None)
        try:
            outcome = self._job_import_one(
                source, name, mapping_id, company_id, dialer_id
            )
        finally:
            _PROGRESS.reset(token)
        wizard.sudo().write({"state": outcome["state"], "result": outcome["message"]})
        wizard._telesales_job_report(outcome["message"], outcome["progress"])
        if outcome["state"] == "done":
            attachment.unlink()  # imported: the calls are the record
        return outcome["message"]

    @api.model
    def _import_progress(self, done_rows, total_rows=None):
        """In the wizard's job: write the rows imported so far where the wizard
        shows them, through a cursor committed at once (the job's own
        commits only at its end), at most every few seconds."""
        super()._import_progress(done_rows, total_rows)
        sink = _PROGRESS.get()
        finished = total_rows is not None and done_rows >= total_rows
        if sink is None or not (sink.due() or finished):
            return
        done = formatLang(self.env, done_rows, digits=0)
        if total_rows:
            progress = self.env._(
                "%(done)s of %(total)s rows imported…",
                done=done,
                total=formatLang(self.env, total_rows, digits=0),
            )
        else:
            progress = self.env._("%(done)s rows imported…", done=done)
        self.env["telesales.job.progress"]._write_now(sink.job_uuid, progress)

    @api.model
    def _job_import_path(self, path, mapping_id, company_id=False, dialer_id=False):
        """Job: import one file of the dialer's folder, then move it to
        ``done/`` or ``failed/`` (with its errors) once committed. A file
        already moved (the job ran before) changes nothing."""
        path = Path(path)
        if not path.is_file():
            return self.env._(
                "%(file)s is no longer in the folder: already imported.",
                file=path.name,
            )
        outcome = self._job_import_one(
            path, path.name, mapping_id, company_id, dialer_id
        )
        target = path.parent / ("done" if outcome["state"] == "done" else "failed")
        report = outcome["message"] if outcome["state"] != "done" else None
        self.env.cr.postcommit.add(lambda: _move(path, target, report))
        return outcome["message"]

    @api.model
    def _job_import_one(self, source, name, mapping_id, company_id, dialer_id):
        """Import a file; a refused file is not an error of the job (a retry
        would refuse it again): the user is told why, the job is done."""
        try:
            result = self._import_file(
                str(source) if isinstance(source, Path) else source,
                mapping_id,
                company=company_id or None,
                dialer=dialer_id or None,
                source_name=name,
            )
        except (UserError, ValidationError) as error:
            message = (
                self._error_report(error)
                if isinstance(error, CallImportError)
                else str(error.args[0])
            )
            self._telesales_notify(
                self.env._("Call import refused: %(file)s", file=name),
                message,
                level="danger",
            )
            return {
                "state": "failed",
                "message": message,
                "progress": self.env._("Refused: nothing was written."),
            }
        message = self.env._(
            "%(rows)s rows read: %(created)s calls created, "
            "%(skipped)s already imported. %(violations)s "
            "compliance violations on the agent-days imported.",
            **result,
        )
        self._telesales_notify(
            self.env._("Calls imported: %(file)s", file=name), message
        )
        return {
            "state": "done",
            "message": message,
            "progress": self.env._(
                "%(rows)s of %(rows)s rows done.", rows=result["rows"]
            ),
        }

    @api.model
    def _telesales_job_failed(self, exc_message=None, **kw):
        """queue_job's ``on_fail_method``: the job failed for good."""
        self._telesales_notify(
            self.env._("Call import failed"),
            self._telesales_job_failed_message(exc_message),
            level="danger",
        )

    # ---------------------------------------------------------- directory
    @api.model
    def _cron_enqueue_directory(self, directory, mapping, company=None, dialer=None):
        """Cron: one job per ``*.csv`` of ``directory`` (oldest name first);
        a file already waiting for its job is not enqueued twice. Returns
        the jobs' uuids by file name."""
        folder = Path(directory)
        if not folder.is_dir():
            raise UserError(
                self.env._("%(folder)s is not a directory.", folder=directory)
            )
        mapping, company, dialer = self._resolve(mapping, company, dialer)
        jobs = {}
        for path in sorted(folder.glob("*.csv")):
            stat = os.stat(path)
            job = (
                self.with_delay(
                    channel="root.telesales.import",
                    description=self.env._(
                        "Import calls from %(file)s", file=path.name
                    ),
                    identity_key=job_identity(
                        "call_import_path",
                        path.resolve(),
                        stat.st_size,
                        stat.st_mtime_ns,
                        mapping.id,
                        company.id,
                        dialer.id,
                    ),
                )
            )._job_import_path(
                str(path.resolve()), mapping.id, company.id, dialer.id or False
            )
            jobs[path.name] = job.uuid
        return jobs
