# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Recomputes of the same day at the same moment, and a recompute while
payroll marks the day paid, in real concurrent transactions on committed
data (issue 11): the (agent, day) row keeps its id, there is one row and one
deduction per breach, and a paid day keeps its money.

Each call runs as Odoo's RPC layer and cron run one (``odoo.service.model
.retrying``: a serialization failure is rolled back and the call replayed).
"""

import uuid
from datetime import date, datetime
from functools import partial

import pytz
from ts_concurrency import run_together, transaction

from odoo import Command
from odoo.service.model import retrying
from odoo.tests import new_test_user

DAY = date(2025, 4, 2)
TZ = pytz.timezone("Asia/Shanghai")


def _utc(clock):
    hour, minute = (int(part) for part in clock.split(":"))
    local = TZ.localize(datetime(DAY.year, DAY.month, DAY.day, hour, minute))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def _agent_day(env, tag):
    """A new agent (rank S1 since 2025) working 09:00-18:00, 20 minutes late
    on DAY and without calls, its day computed; and a new HR officer."""
    hr_user = new_test_user(
        env, login=f"comp_conc_{tag}_hr", groups="telesales_hr.group_telesales_hr"
    )
    calendar = env["resource.calendar"].create(
        {
            "name": f"Concurrency {tag}",
            "tz": "Asia/Shanghai",
            "attendance_ids": [
                Command.create(
                    {
                        "name": name,
                        "dayofweek": str(weekday),
                        "hour_from": start,
                        "hour_to": end,
                        "day_period": period,
                    }
                )
                for weekday in range(5)
                for name, start, end, period in (
                    ("Morning", 9, 12, "morning"),
                    ("Afternoon", 13, 18, "afternoon"),
                )
            ],
        }
    )
    employee = env["hr.employee"].create(
        {
            "name": f"Concurrency agent {tag}",
            "resource_calendar_id": calendar.id,
            "tz": "Asia/Shanghai",
        }
    )
    env["telesales.rank.history"].create(
        {
            "employee_id": employee.id,
            "rank_id": env.ref("telesales_hr.rank_s1").id,
            "date_start": date(2025, 1, 1),
            "origin": "initial",
        }
    )
    env["hr.attendance"].create(
        {
            "employee_id": employee.id,
            "check_in": _utc("09:20"),
            "check_out": _utc("18:30"),
        }
    )
    rows = env["telesales.daily.compliance"]._compute_for_range(DAY, DAY, employee)
    assert len(rows) == 1 and rows.late_minutes == 20
    return employee.id, rows.id, hr_user.id


def _recompute(employee_id, env):
    def compute():
        wizard = env["telesales.compliance.compute"].create(
            {
                "date_from": DAY,
                "date_to": DAY,
                "employee_ids": [Command.set([employee_id])],
            }
        )
        return wizard.action_compute()

    return retrying(compute, env)


def _pay(row_id, env):
    row = env["telesales.daily.compliance"].sudo().browse(row_id)
    return retrying(row._telesales_set_paid, env)


def _late_by(employee_id, minutes, env):
    env["hr.attendance"].search([("employee_id", "=", employee_id)]).write(
        {"check_in": _utc(f"09:{minutes:02d}")}
    )


def _state(employee_id, env):
    rows = env["telesales.daily.compliance"].search(
        [("employee_id", "=", employee_id), ("date", "=", DAY)]
    )
    deductions = env["telesales.kpi.deduction"].search(
        [("employee_id", "=", employee_id), ("origin", "=", "compliance")]
    )
    return (
        rows.ids,
        rows.late_minutes,
        rows.attendance_deduction,
        rows.locked,
        sorted(deductions.mapped("breach_type")),
    )


def test_two_recomputes_at_once_keep_the_row():
    tag = uuid.uuid4().hex[:8]
    employee_id, row_id, hr_uid = transaction(partial(_agent_day, tag=tag))
    before = transaction(partial(_state, employee_id))
    transaction(partial(_late_by, employee_id, 5))
    outcomes = run_together(
        (partial(_recompute, employee_id), hr_uid),
        (partial(_recompute, employee_id), hr_uid),
    )
    assert [error for _result, error in outcomes] == [None, None]
    ids, late, _amount, locked, breaches = transaction(partial(_state, employee_id))
    assert ids == [row_id]
    assert (late, locked) == (5, False)
    assert len(breaches) == len(set(breaches)) and breaches == before[4]


def test_recompute_while_payroll_pays_the_day():
    tag = uuid.uuid4().hex[:8]
    employee_id, row_id, hr_uid = transaction(partial(_agent_day, tag=tag))
    before = transaction(partial(_state, employee_id))
    transaction(partial(_late_by, employee_id, 45))
    outcomes = run_together(
        (partial(_recompute, employee_id), hr_uid),
        (partial(_pay, row_id), hr_uid),
    )
    assert [error for _result, error in outcomes] == [None, None]
    ids, late, amount, locked, _breaches = transaction(partial(_state, employee_id))
    assert ids == [row_id] and locked
    # paid as it was, or recomputed before payroll locked it: never half
    assert (late, amount) in ((20, before[2]), (45, amount))
    if late == 45:
        assert amount != before[2]
