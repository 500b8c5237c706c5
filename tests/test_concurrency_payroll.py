"""Paid once, in real concurrent transactions (issue 11): two payslips of the
same employee and month confirmed at the same moment pay the base wage once;
the database itself refuses a second paid row of the same days."""

import uuid
from datetime import date

import psycopg2.errors
import pytest
from ts_concurrency import run_together, transaction

from odoo import Command
from odoo.exceptions import UserError
from odoo.tools import mute_logger

YEAR = 2901  # months no demo payslip covers
MARCH = (date(YEAR, 3, 1), date(YEAR, 3, 31))


def _setup(env, slips=2):
    """A payroll officer, an agent holding S1 on a telesales contract, and
    ``slips`` computed payslips of March for the agent (committed)."""
    tag = uuid.uuid4().hex[:8]
    company = env.ref("base.main_company")
    user = env["res.users"].create(
        {
            "name": f"Concurrent payroll {tag}",
            "login": f"conc_payroll_{tag}",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [Command.set(env.ref("telesales_hr.group_telesales_hr").ids)],
        }
    )
    agent = env["hr.employee"].create(
        {
            "name": f"Concurrency payee {tag}",
            "company_id": company.id,
            # statutory payroll: a contribution city and a declared base
            "l10n_cn_city_id": env.ref("l10n_cn_payroll.city_shanghai").id,
        }
    )
    env["l10n_cn.contribution.base"].create(
        {"employee_id": agent.id, "date_from": date(YEAR, 1, 1), "si_base": 8000.0}
    )
    env["telesales.rank.history"].create(
        {
            "employee_id": agent.id,
            "rank_id": env.ref("telesales_hr.rank_s1").id,
            "date_start": date(YEAR, 1, 1),
            "origin": "initial",
        }
    )
    structure = env.ref("telesales_payroll.structure_telesales")
    contract = env["hr.contract"].create(
        {
            "name": f"Contract {tag}",
            "employee_id": agent.id,
            "struct_id": structure.id,
            "wage": 99999,
            "date_start": date(YEAR, 1, 1),
            "resource_calendar_id": company.resource_calendar_id.id,
            "state": "open",
        }
    )
    payslips = env["hr.payslip"].create(
        [
            {
                "employee_id": agent.id,
                "contract_id": contract.id,
                "struct_id": structure.id,
                "date_from": MARCH[0],
                "date_to": MARCH[1],
            }
            for _index in range(slips)
        ]
    )
    payslips._compute_name()
    payslips.with_user(user).compute_sheet()
    return user.id, agent.id, payslips.ids


def _confirm(slip_id):
    def confirm(env):
        env["hr.payslip"].browse(slip_id).action_payslip_done()

    return confirm


def _paid_base(env, employee_id):
    return env["telesales.payslip.source"].search(
        [
            ("employee_id", "=", employee_id),
            ("rule_code", "=", "TS_BASE"),
            ("state", "=", "paid"),
        ]
    )


def test_two_payslips_of_one_month_confirmed_together_pay_once():
    uid, agent_id, slip_ids = transaction(_setup)
    with mute_logger("odoo.sql_db"):
        outcomes = run_together(*((_confirm(slip_id), uid) for slip_id in slip_ids))
    errors = [error for _result, error in outcomes if error]
    assert len(errors) == 1, outcomes
    # a clear message naming the employee and the period, not a raw
    # database error
    assert isinstance(errors[0], UserError), repr(errors[0])
    assert "Concurrency payee" in str(errors[0])
    assert str(MARCH[0]) in str(errors[0])

    def check(env):
        slips = env["hr.payslip"].browse(slip_ids)
        assert sorted(slips.mapped("state")) == ["done", "verify"]
        paid = _paid_base(env, agent_id)
        assert paid.payslip_id == slips.filtered(lambda s: s.state == "done")
        assert sum(paid.mapped("amount")) == env.ref("telesales_hr.rank_s1").base_wage
        loser = slips.filtered(lambda s: s.state == "verify")
        # the losing transaction left nothing behind
        assert set(loser.telesales_source_ids.mapped("state")) == {"draft"}
        # computed again, it leaves the paid month out and pays nothing
        loser.with_user(uid).action_payslip_done()
        assert not loser.telesales_source_ids.filtered(
            lambda r: r.rule_code == "TS_BASE"
        )
        assert _paid_base(env, agent_id) == paid

    transaction(check)


def test_one_payslip_confirmed_twice_at_once_pays_once():
    uid, agent_id, slip_ids = transaction(lambda env: _setup(env, slips=1))
    with mute_logger("odoo.sql_db"):
        outcomes = run_together(
            (_confirm(slip_ids[0]), uid), (_confirm(slip_ids[0]), uid)
        )
    errors = [error for _result, error in outcomes if error]
    # the second waits for the lock of the first, then finds it confirmed
    # (a serialization failure, which the server retries into that message)
    assert len(errors) == 1, outcomes
    assert isinstance(errors[0], UserError | psycopg2.errors.SerializationFailure)

    def check(env):
        assert env["hr.payslip"].browse(slip_ids).state == "done"
        assert (
            sum(_paid_base(env, agent_id).mapped("amount"))
            == env.ref("telesales_hr.rank_s1").base_wage
        )

    transaction(check)


def test_database_refuses_a_second_paid_row():
    """Below the ORM: the exclusion constraint refuses a paid range of days
    overlapping one already paid, the check constraint a paid row without
    key."""
    _uid, agent_id, slip_ids = transaction(_setup)

    def pay_first(env):
        env["hr.payslip"].browse(slip_ids[0]).action_payslip_done()

    transaction(pay_first)

    def force(env):
        other = env["telesales.payslip.source"].search(
            [("payslip_id", "=", slip_ids[1]), ("rule_code", "=", "TS_BASE")]
        )
        assert other and other.state == "draft"
        cr = env.cr
        with mute_logger("odoo.sql_db"):
            with pytest.raises(psycopg2.errors.ExclusionViolation):
                with cr.savepoint(flush=False):
                    cr.execute(
                        "UPDATE telesales_payslip_source SET state = 'paid' "
                        "WHERE id = %s",
                        [other.id],
                    )
            # one day overlapping is enough
            with pytest.raises(psycopg2.errors.ExclusionViolation):
                with cr.savepoint(flush=False):
                    cr.execute(
                        "UPDATE telesales_payslip_source SET state = 'paid', "
                        "date_from = %s, date_to = %s WHERE id = %s",
                        [MARCH[1], date(YEAR, 4, 30), other.id],
                    )
            with pytest.raises(psycopg2.errors.CheckViolation):
                with cr.savepoint(flush=False):
                    cr.execute(
                        "UPDATE telesales_payslip_source SET state = 'paid', "
                        "is_period = false, res_id = NULL WHERE id = %s",
                        [other.id],
                    )
        # the next days are free: the constraint does not refuse a split
        cr.execute(
            "UPDATE telesales_payslip_source SET state = 'paid', "
            "date_from = %s, date_to = %s WHERE id = %s",
            [date(YEAR, 4, 1), date(YEAR, 4, 30), other.id],
        )
        cr.rollback()

    transaction(force)
    assert agent_id
