# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from ..wizards.telesales_call_import import CallImportError
from .telesales_api_auth import authenticate_client, bad_request, read_json_records

_logger = logging.getLogger(__name__)

STATUS_URL = "/telesales/api/calls/jobs/{uuid}"


class TelesalesCallApi(http.Controller):
    """Dialers push call records here.

    ``POST /telesales/api/calls`` with ``Authorization: Bearer <dialer key>``
    (an Odoo API key of scope ``telesales_dialer``, see telesales.dialer,
    checked by :func:`authenticate_client`) and a JSON body
    ``{"calls": [{…}, …]}`` (or a bare list) of at most 100,000 records
    (system parameter ``telesales_hr.call_api_max_records``),
    each keyed by the column names of the dialer's mapping. Answers:

    - 401 when the key is missing, unknown or its dialer archived;
    - 400 ``{"error", "rows": [{"row", "error"}], "bad_rows"}`` when the body
      or a record is invalid (records numbered from 1, each error naming the
      column): not JSON, nested too deeply, too many records, a value that is
      a list or an object, holds a NUL character, is too long, a start
      outside the years 1990-2099, or a mapping whose timezone is unknown;
      nothing is written;
    - 200 ``{"received", "created", "skipped", "violations"}``: re-sending
      records creates nothing twice (``skipped`` counts them);
    - 202 ``{"job", "state", "received", "status_url"}`` for a push of more
      than 10,000 records (``telesales_hr.job_threshold_call_api_records``):
      it is imported in the background (see telesales_dialer_push.py), the
      200 or 400 answer above is then given by ``GET status_url``. A push
      refused there (a bad value found on conversion) wrote nothing.
    """

    @http.route(
        "/telesales/api/calls",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def push_calls(self, **kwargs):
        dialer, refusal = authenticate_client("telesales.dialer", "dialer key")
        if refusal:
            return refusal
        records, refusal = read_json_records(
            "calls", "call records", dialer._push_max_records()
        )
        if refusal:
            return refusal
        env = dialer.env
        env = env(context=dict(env.context, allowed_company_ids=dialer.company_id.ids))
        dialer = dialer.with_env(env)
        try:
            if dialer._push_in_background(records):
                return self._queued(dialer, dialer._push_enqueue(records), records)
            result = env["telesales.call.import"]._import_records(
                records, dialer.mapping_id, company=dialer.company_id, dialer=dialer
            )
        except CallImportError as error:
            return self._bad_request(
                error.args[0].split("\n", 1)[0],
                rows=[{"row": row, "error": reason} for row, reason in error.errors],
                bad_rows=error.bad_rows,
            )
        except UserError as error:
            return self._bad_request(str(error.args[0]))
        except psycopg2.DataError as error:
            # a value PostgreSQL refuses that the converter let through: the
            # import's savepoint is rolled back, nothing is written
            _logger.warning("Refused call push of %s: %s", dialer.name, error)
            return self._bad_request(
                f"a record holds a value the database refuses: {error.pgerror}"
            )
        dialer.sudo().last_push_date = fields.Datetime.now()
        return request.make_json_response(
            {
                "received": result["rows"],
                "created": result["created"],
                "skipped": result["skipped"],
                "violations": result["violations"],
            }
        )

    @staticmethod
    def _queued(dialer, job, records):
        dialer.sudo().last_push_date = fields.Datetime.now()
        url = STATUS_URL.format(uuid=job.uuid)
        return request.make_json_response(
            {
                "job": job.uuid,
                "state": "queued",
                "received": len(records),
                "status_url": url,
            },
            headers=[("Location", url)],
            status=202,
        )

    @http.route(
        "/telesales/api/calls/jobs/<string:uuid>",
        type="http",
        auth="none",
        methods=["GET"],
        csrf=False,
        save_session=False,
        readonly=True,
    )
    def push_status(self, uuid, **kwargs):
        """``{"job", "state", "received", "attempts", …}`` of a push imported
        in the background: ``state`` is ``queued``, ``running``, ``done``
        (with the 200 answer's counts), ``failed`` (with the 400 answer's
        ``error``, ``rows`` and ``bad_rows`` when the records were refused;
        nothing was written) or ``cancelled``. 404 for a job that is not
        this dialer's."""
        dialer, refusal = authenticate_client("telesales.dialer", "dialer key")
        if refusal:
            return refusal
        status = dialer._push_job_status(uuid) if len(uuid) <= 64 else None
        if status is None:
            return self._bad_request("no such job for this dialer", status=404)
        return request.make_json_response(status)

    @staticmethod
    def _bad_request(message, **details):
        return bad_request(message, **details)
