# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import time

from odoo import SUPERUSER_ID, api, fields, models

#: a running job writes its progress at most this often (seconds)
PROGRESS_SECONDS = 3


class TelesalesJobProgress(models.TransientModel):
    """The progress of a running background job, shown to its user while
    it runs.

    A job's transaction commits only when it ends, so its progress is
    written through a cursor of its own, committed at once. It goes to this
    row, which the job's transaction never writes: had the job's record
    (the wizard) been updated by that other cursor, the job's own final
    write to it would fail to serialize (REPEATABLE READ), and had the job
    written that record first, the other cursor would wait for the job
    forever. No foreign key either (``create_uid`` is the superuser): the
    records the job works on may not be committed yet.
    """

    _name = "telesales.job.progress"
    _description = "Telesales Background Job Progress"

    job_uuid = fields.Char(required=True, index=True, readonly=True)
    progress = fields.Char(readonly=True)

    @api.model
    def _write_now(self, job_uuid, progress):
        """Write ``progress`` of the job ``job_uuid``, committed at once."""
        with self.env.registry.cursor() as cr:
            Progress = api.Environment(cr, SUPERUSER_ID, {})[self._name]
            line = Progress.search([("job_uuid", "=", job_uuid)], limit=1)
            if line:
                line.progress = progress
            else:
                Progress.create({"job_uuid": job_uuid, "progress": progress})

    @api.model
    def _progress_by_job(self, job_uuids):
        """{job uuid: its last progress}."""
        lines = self.sudo().search_read(
            [("job_uuid", "in", list(job_uuids))], ["job_uuid", "progress"]
        )
        return {line["job_uuid"]: line["progress"] for line in lines}


class ProgressSink:
    """Where a job reports its progress: the job's uuid, and when it last
    wrote (a job writes at most every PROGRESS_SECONDS). Passed by the job
    itself (never through the context), see telesales_call_import_job.py."""

    __slots__ = ("job_uuid", "last")

    def __init__(self, job_uuid):
        self.job_uuid = job_uuid
        self.last = None

    def due(self):
        now = time.monotonic()
        if self.last is not None and now - self.last < PROGRESS_SECONDS:
            return False
        self.last = now
        return True
