# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from ..wizards.telesales_call_import import CallImportError
from .telesales_api_auth import authenticate_client, bad_request, read_json_body

_logger = logging.getLogger(__name__)


class TelesalesCallApi(http.Controller):
    """Dialers push call records here.

    ``POST /telesales/api/calls`` with ``Authorization: Bearer <dialer key>``
    (an Odoo API key of scope ``telesales_dialer``, see telesales.dialer,
    checked by :func:`authenticate_client`) and a JSON body
    ``{"calls": [{…}, …]}`` (or a bare list), each record keyed by the column
    names of the dialer's mapping. Answers:

    - 401 when the key is missing, unknown or its dialer archived;
    - 400 ``{"error", "rows": [{"row", "error"}], "bad_rows"}`` when the body
      or a record is invalid (records numbered from 1, each error naming the
      column): not JSON, nested too deeply, a value that is a list or an
      object, holds a NUL character, is too long, a start outside the years
      1990-2099, or a mapping whose timezone is unknown; nothing is written;
    - 200 ``{"received", "created", "skipped", "violations"}``: re-sending
      records creates nothing twice (``skipped`` counts them).
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
        env = dialer.env
        payload, refusal = read_json_body()
        if refusal:
            return refusal
        records = payload.get("calls") if isinstance(payload, dict) else payload
        if not isinstance(records, list) or not records:
            return self._bad_request(
                'the body must be {"calls": [...]} or a list of call records'
            )
        env = env(context=dict(env.context, allowed_company_ids=dialer.company_id.ids))
        try:
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
    def _bad_request(message, **details):
        return bad_request(message, **details)
