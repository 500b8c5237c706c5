# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Large pushes of a dialer, imported in the background (OCA queue_job).

``POST /telesales/api/calls`` imports a push of up to ``job_threshold``
records at once. A larger push (a chunk of a dialer's day) is checked for
what needs no conversion, stored (``telesales.call.push``, JSON) and
imported by one job, :meth:`TelesalesDialer._job_import_push`: one job per
chunk, never one per call. Its ``identity_key`` (dialer, mapping, content)
makes one job of the same chunk pushed again while it waits or runs; the
import is idempotent on the external id, so a retried job creates nothing
twice. The dialer asks ``GET /telesales/api/calls/jobs/<uuid>`` for the
outcome, which the job returns as JSON (kept in the job's result).
"""

import hashlib
import json

import psycopg2

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.queue_job.exception import RetryableJobError

from ..wizards.telesales_call_import import CallImportError
from .telesales_job import job_identity, job_threshold

#: pushes of more records than this are imported in a job
BACKGROUND_RECORDS = 10_000
#: a push of more records is refused (system parameter
#: ``telesales_hr.call_api_max_records``)
MAX_RECORDS = 100_000
#: jobs of this push still to come: the same records are not enqueued again
UNFINISHED = ("wait_dependencies", "pending", "enqueued", "started")
JOB_METHOD = "_job_import_push"
#: what the status endpoint says of the job's state
PUSH_STATES = {
    "wait_dependencies": "queued",
    "pending": "queued",
    "enqueued": "queued",
    "started": "running",
    "done": "done",
    "cancelled": "cancelled",
    "failed": "failed",
}


class TelesalesDialer(models.Model):
    _inherit = "telesales.dialer"

    def _push_max_records(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("telesales_hr.call_api_max_records")
        )
        try:
            return int(value) if value else MAX_RECORDS
        except ValueError:
            return MAX_RECORDS

    def _push_in_background(self, records):
        return len(records) > job_threshold(
            self.env, "call_api_records", BACKGROUND_RECORDS
        )

    def _push_enqueue(self, records):
        """Check ``records`` cheaply (raises what :meth:`_import_records`
        raises for them), store them, enqueue their import. Returns the job
        (``uuid``): the one already waiting for the same records, if any."""
        self.ensure_one()
        mapping = self.mapping_id
        Import = self.env["telesales.call.import"]
        Import._check_records(records, mapping)
        # only the mapped keys: the rest is never read, and may be deep
        header = Import._records_header(mapping)
        data = json.dumps(
            [
                {name: record[name] for name in header if name in record}
                for record in records
            ],
            separators=(",", ":"),
        )
        checksum = hashlib.sha1(data.encode()).hexdigest()
        identity = job_identity(
            "call_api", self.id, mapping.id, self.company_id.id, checksum
        )
        waiting = (
            self.env["queue.job"]
            .sudo()
            .search(
                [("identity_key", "=", identity), ("state", "in", UNFINISHED)],
                limit=1,
            )
        )
        if waiting:
            return waiting
        Push = self.env["telesales.call.push"].sudo()
        push = Push.search(
            [("dialer_id", "=", self.id), ("checksum", "=", checksum)], limit=1
        ) or Push.create(
            {
                "dialer_id": self.id,
                "checksum": checksum,
                "record_count": len(records),
                "payload": data,
            }
        )
        # the job runs as the dialer's technical user (its user in the job
        # queue), with the rights of the push itself
        user = self.sudo().user_id
        dialer = (self.with_user(user) if user else self).sudo()
        dialer = dialer.with_context(allowed_company_ids=self.company_id.ids)
        return dialer.with_delay(
            channel="root.telesales.import",
            description=self.env._(
                "Import %(count)s calls pushed by %(dialer)s",
                count=len(records),
                dialer=self.name,
            ),
            identity_key=identity,
        )._job_import_push(push.id, mapping.id, len(records))

    # ------------------------------------------------------------- the job
    def _job_import_push(self, push_id, mapping_id, record_count):
        """Job: import the records of a push, all-or-nothing. Returns the
        outcome as JSON: the answer a synchronous push would have had."""
        self.ensure_one()
        push = self.env["telesales.call.push"].sudo().browse(push_id).exists()
        if not push:
            # deleted by the job that imported them (this job run again
            # after its commit): they are all there
            outcome = {
                "received": record_count,
                "created": 0,
                "skipped": record_count,
                "violations": 0,
            }
            return json.dumps(outcome)
        records = json.loads(push.payload)
        Import = self.env["telesales.call.import"]
        try:
            result = Import._import_records(
                records, mapping_id, company=self.company_id, dialer=self
            )
        except CallImportError as error:
            outcome = {
                "error": error.args[0].split("\n", 1)[0],
                "rows": [{"row": row, "error": reason} for row, reason in error.errors],
                "bad_rows": error.bad_rows,
            }
        except UserError as error:
            # not the records: the set-up (a mapping made unusable after the
            # push was accepted); retried later, failed after the last retry
            raise RetryableJobError(str(error.args[0])) from error
        except psycopg2.DataError as error:
            # refused by PostgreSQL: the import's savepoint is rolled back
            outcome = {
                "error": "a record holds a value the database refuses: "
                f"{error.pgerror}"
            }
        else:
            outcome = {
                "received": result["rows"],
                "created": result["created"],
                "skipped": result["skipped"],
                "violations": result["violations"],
            }
            push.unlink()  # imported: the calls are the record
        # a refused push is kept (a run again refuses it again, the same
        # chunk pushed once its cause is fixed imports it), until the
        # autovacuum; the job is done either way: retrying changes nothing
        return json.dumps(outcome)

    def _push_job_failed(self, exc_message=None, **_kw):
        """queue_job's ``on_fail_method``: the import failed for good; HR
        sees why on the dialer (the dialer sees it on the status URL)."""
        self.sudo().message_post(
            body=self.env._(
                "A background import of pushed calls failed and will not be "
                "retried: %(reason)s",
                reason=exc_message or self.env._("unknown error"),
            )
        )

    # ---------------------------------------------------------- the status
    def _push_job_status(self, uuid):
        """The answer of the status endpoint for the job ``uuid`` of this
        dialer, None when this dialer has no such job."""
        self.ensure_one()
        job = (
            self.env["queue.job"]
            .sudo()
            .search(
                [
                    ("uuid", "=", uuid),
                    ("model_name", "=", self._name),
                    ("method_name", "=", JOB_METHOD),
                ],
                limit=1,
            )
        )
        if not job or job.records.ids != self.ids:
            return None
        status = {
            "job": job.uuid,
            "state": PUSH_STATES.get(job.state, job.state),
            "received": job.args[2] if len(job.args) > 2 else None,
            # a started run counts once queue_job stores it, at its end
            "attempts": job.retry + (job.state == "started"),
        }
        if job.state == "done":
            try:
                outcome = json.loads(job.result or "{}")
            except ValueError:
                outcome = {}
            status.update(outcome)
            if "error" in outcome:
                status["state"] = "failed"
        elif job.state == "failed":
            status["error"] = (
                "the import failed on the server, nothing was written: "
                f"{(job.exc_message or job.exc_name or 'unknown error')[:500]}"
            )
        elif job.state == "cancelled":
            status["error"] = "the import was cancelled, nothing was written"
        return status
