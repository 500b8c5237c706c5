"""Real concurrent transactions for the concurrency tests.

``tools/test.sh`` copies the fresh test database (with its demo data) into a
throw-away database, ``$TELESALES_CONCURRENCY_DB``. These helpers open that
database's registry and run functions in threads, each with its own cursor
and transaction, released together by a barrier, each committing its work:
what PostgreSQL lets through is what a production server would let through.
Nothing is mocked.
"""

import os
import threading

import pytest

import odoo
from odoo import api
from odoo.modules.registry import Registry
from odoo.tools import config


def database():
    name = os.environ.get("TELESALES_CONCURRENCY_DB")
    if not name:
        pytest.fail(
            "TELESALES_CONCURRENCY_DB is not set: run the suite with tools/test.sh, "
            "which creates the throw-away database of the concurrency tests."
        )
    return name


def registry():
    """The throw-away database's registry, loaded with ``test_enable`` off:
    pytest-odoo turns it on, and loading a registry then runs Odoo's own
    test loader, which fails without test tags."""
    enabled = config["test_enable"]
    config["test_enable"] = False
    try:
        return Registry(database())
    finally:
        config["test_enable"] = enabled


def transaction(func, uid=odoo.SUPERUSER_ID, context=None):
    """Run ``func(env)`` in a transaction of its own and commit it."""
    with registry().cursor() as cr:
        env = api.Environment(cr, uid, dict(context or {}))
        result = func(env)
        cr.commit()
        return result


def run_together(*calls, timeout=60):
    """Run each ``(func, uid)`` of ``calls`` in its own thread and transaction
    at the same moment. Each transaction commits when ``func(env)`` returns and
    rolls back when it raises. Returns one ``(result, exception)`` per call,
    in order."""
    reg = registry()
    barrier = threading.Barrier(len(calls))
    outcomes = [(None, None)] * len(calls)

    def run(index, func, uid):
        try:
            with reg.cursor() as cr:
                env = api.Environment(cr, uid, {})
                env.user._is_internal()  # load the user before the race starts
                barrier.wait(timeout)
                result = func(env)
                cr.commit()
            outcomes[index] = (result, None)
        except Exception as error:  # noqa: BLE001 - reported to the test
            outcomes[index] = (None, error)

    threads = [
        threading.Thread(target=run, args=(index, func, uid), daemon=True)
        for index, (func, uid) in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive(), "a concurrent transaction hung"
    return outcomes
