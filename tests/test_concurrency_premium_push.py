# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Pushes of the same premium line at the same moment, in real concurrent
transactions on committed data (issue 14): one line per external id, and a
line that becomes cancelled or refunded does so once.

Each call runs as the endpoint does (``/telesales/api/premium`` calls
``telesales.premium._push_lines`` as the superuser; Odoo's HTTP layer replays
a request that hit a serialization failure, as ``retrying`` does here).
"""

import uuid
from functools import partial

import psycopg2
from ts_concurrency import run_together, transaction

from odoo.service.model import retrying

from odoo.addons.telesales_hr.models.telesales_premium_push import PremiumPushError


def _setup(env, tag):
    employee = env["hr.employee"].create(
        {"name": f"Push agent {tag}", "telesales_dialer_login": f"push-{tag}"}
    )
    system = env["telesales.sales.system"].create({"name": f"CRM {tag}"})
    return employee.id, system.id


def _push(system_id, lines, env):
    system = env["telesales.sales.system"].browse(system_id)
    return retrying(partial(env["telesales.premium"]._push_lines, lines, system), env)


def _lines(ref, env):
    lines = env["telesales.premium"].search([("external_id", "=", ref)])
    return [(line.state, str(line.refund_date or "")) for line in lines]


def test_same_new_line_twice_at_once():
    """Both push the same new line: one creates it, the other is refused by
    the unique index (the endpoint answers 409: send again) or, when it
    comes second, finds it and changes nothing."""
    tag = uuid.uuid4().hex[:8]
    _employee, system_id = transaction(partial(_setup, tag=tag))
    ref = f"CONC-{tag}"
    line = {"external_id": ref, "agent": f"push-{tag}", "date": "2025-03-03"}
    line["amount"] = 1000
    outcomes = run_together(
        (partial(_push, system_id, [line]), 1),
        (partial(_push, system_id, [line]), 1),
    )
    created = [result["created"] for result, error in outcomes if not error]
    errors = [error for _result, error in outcomes if error]
    assert sorted(created) in ([1], [0, 1]), outcomes
    assert all(
        isinstance(error, psycopg2.IntegrityError | PremiumPushError)
        or "unique" in str(error)
        for error in errors
    ), errors
    assert transaction(partial(_lines, ref)) == [("effective", "")]


def test_cancel_and_refund_at_once():
    """A cancellation and a refund of the same line at once: the row lock
    makes one wait; replayed, it finds the line final and is refused."""
    tag = uuid.uuid4().hex[:8]
    _employee, system_id = transaction(partial(_setup, tag=tag))
    ref = f"CONC-{tag}"
    line = {"external_id": ref, "agent": f"push-{tag}", "date": "2025-03-03"}
    line["amount"] = 1000
    transaction(partial(_push, system_id, [line]))
    cancel = dict(line, state="cancelled")
    refund = dict(line, state="refunded", refund_date="2025-04-10")
    outcomes = run_together(
        (partial(_push, system_id, [cancel]), 1),
        (partial(_push, system_id, [refund]), 1),
    )
    applied = [index for index, (_r, error) in enumerate(outcomes) if not error]
    refused = [error for _result, error in outcomes if error]
    assert len(applied) == 1 and len(refused) == 1, outcomes
    assert isinstance(refused[0], PremiumPushError), refused
    assert refused[0].conflict
    expected = [("cancelled", "")] if applied == [0] else [("refunded", "2025-04-10")]
    assert transaction(partial(_lines, ref)) == expected
