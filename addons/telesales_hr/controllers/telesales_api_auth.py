# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import logging

from odoo import SUPERUSER_ID
from odoo.http import request

_logger = logging.getLogger(__name__)


def authenticate_client(model, what):
    """The pushing system of the request: ``(record, None)`` when the header
    ``Authorization: Bearer <key>`` holds the key of an active record of
    ``model`` (a ``telesales.api.client.mixin``), else ``(None, response)``,
    the 401 JSON answer ``{"error": "missing or invalid <what>"}``.

    Checked here rather than with ``auth="bearer"``, which takes only global
    keys, i.e. keys that also open every RPC of their user; each model has
    its own key scope, so a key opens one endpoint only.
    """
    env = request.env(user=SUPERUSER_ID, context={})
    authorization = request.httprequest.headers.get("Authorization") or ""
    scheme, _sep, key = authorization.partition(" ")
    client = env[model]
    if scheme.lower() == "bearer":
        client = client._authenticate(key.strip())
    if client:
        return client, None
    _logger.warning(
        "Refused push to %s from %s: missing or invalid %s",
        request.httprequest.path,
        request.httprequest.remote_addr,
        what,
    )
    return None, request.make_json_response(
        {"error": f"missing or invalid {what}"},
        status=401,
        headers=[("WWW-Authenticate", 'Bearer realm="telesales"')],
    )


def bad_request(message, status=400, **details):
    """A 4xx JSON answer of the telesales endpoints."""
    return request.make_json_response({"error": message, **details}, status=status)


def read_json_body():
    """(payload, refusal): the request's JSON body, or the 400 answer that
    says why it is not JSON (never a 500, however deep or broken)."""
    try:
        return json.loads(request.httprequest.get_data() or b"null"), None
    except RecursionError:
        return None, bad_request("the body is not JSON: it is nested too deeply")
    except ValueError as error:
        return None, bad_request(f"the body is not JSON: {str(error)[:200]}")


def read_json_records(key, noun, limit):
    """(records, refusal): the non-empty list of the body (``{key: [...]}`` or
    a bare list) of at most ``limit`` items, or the 400 answer saying why
    not; checked before anything is read from the records."""
    payload, refusal = read_json_body()
    if refusal:
        return None, refusal
    records = payload.get(key) if isinstance(payload, dict) else payload
    if not isinstance(records, list) or not records:
        return None, bad_request(
            f'the body must be {{"{key}": [...]}} or a list of {noun}'
        )
    if len(records) > limit:
        return None, bad_request(f"at most {limit} {key} per push, not {len(records)}")
    return records, None
