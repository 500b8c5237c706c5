# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2

from odoo import fields, http
from odoo.exceptions import UserError
from odoo.http import request

from ..models.telesales_premium_push import MAX_ERRORS, MAX_LINES, PremiumPushError
from .telesales_api_auth import authenticate_client, bad_request, read_json_records

_logger = logging.getLogger(__name__)


class TelesalesPremiumApi(http.Controller):
    """Sales or CRM systems push premium lines here.

    ``POST /telesales/api/premium`` with ``Authorization: Bearer <key>`` (an
    Odoo API key of scope ``telesales_sales`` of a telesales.sales.system,
    checked like the dialers' keys) and a JSON body ``{"lines": [{…}, …]}``
    (or a bare list) of ``{external_id, agent, date, amount, state,
    refund_date, policy_ref}`` (see ``telesales.premium._push_lines``).
    Answers:

    - 401 when the key is missing, unknown or its system archived;
    - 400 ``{"error", "rows": [{"row", "field", "error"}], "bad_rows"}``
      when the body or a line is invalid (lines numbered from 1, the first
      1000 refusals listed, ``bad_rows`` counting every refused line); 409 with
      the same body when every refused line is valid but conflicts with the
      ledger (a changed amount, agent or date, a final state, a paid month);
      nothing is written;
    - 200 ``{"received", "created", "updated", "unchanged"}``: re-sending a
      line changes nothing.
    """

    @http.route(
        "/telesales/api/premium",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def push_premium(self, **kwargs):
        system, refusal = authenticate_client(
            "telesales.sales.system", "sales system key"
        )
        if refusal:
            return refusal
        records, refusal = read_json_records("lines", "premium lines", MAX_LINES)
        if refusal:
            return refusal
        env = system.env(context={"allowed_company_ids": system.company_id.ids})
        try:
            result = env["telesales.premium"]._push_lines(records, system)
        except PremiumPushError as error:
            return self._bad_request(
                error.args[0],
                status=409 if error.conflict else 400,
                rows=[
                    {"row": row, "field": field, "error": reason}
                    for row, field, reason in error.errors[:MAX_ERRORS]
                ],
                bad_rows=len({row for row, _field, _reason in error.errors}),
            )
        except UserError as error:
            return self._bad_request(str(error.args[0]))
        except psycopg2.IntegrityError as error:
            # a concurrent push created the same external id first: the
            # savepoint is rolled back; sending again finds the line
            _logger.warning("Concurrent premium push of %s: %s", system.name, error)
            return self._bad_request(
                "a line was pushed at the same time by another request; "
                "send the lines again",
                status=409,
            )
        except psycopg2.DataError as error:
            _logger.warning("Refused premium push of %s: %s", system.name, error)
            return self._bad_request(
                f"a line holds a value the database refuses: {error.pgerror}"
            )
        system.sudo().last_push_date = fields.Datetime.now()
        return request.make_json_response(result)

    @staticmethod
    def _bad_request(message, status=400, **details):
        return bad_request(message, status=status, **details)
