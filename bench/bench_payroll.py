#!/usr/bin/env python3
# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payroll batch benchmark: the telesales structure against OCA's stock one.

Builds a centre of N agents (default 1,000, in teams of 25 with their team
leaders) with a quarter of data: rank history with promotions inside the
quarter; the records of the other modules the payslips read (premium ledger,
daily compliance rows with late days, KPI deductions, approved referral
bonuses, applied disciplinary cases and the team leaders' liability); the
quarter's first two months paid by done telesales payslips (so the
paid-source ledger is filled and the paid compliance days and bonuses are
locked) and deductions carried over from February. Then, in the same run and
transaction, times computing the third month's batch

* with a stock OCA structure (BASIC = contract wage, GROSS, NET), and
* with the telesales structure (rank wage prorated by working days, split
  on rank changes, allowances, commission, deductions under the cap,
  carry-over, sources),

and prints both durations (mean of two rounds on fresh batches, run in
opposite orders) and their ratio. Everything is rolled back at the
end: the database is left as it was.

Usage (tools/bench.sh payroll does this):
    python bench/bench_payroll.py -c .odoo/odoo.conf -d <db with the modules>
"""

import argparse
import random
import sys
import time
from datetime import date, timedelta

from sizes import add_size_option

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

QUARTER = [
    (date(2025, 1, 1), date(2025, 1, 31)),
    (date(2025, 2, 1), date(2025, 2, 28)),
    (date(2025, 3, 1), date(2025, 3, 31)),
]
TEAM_SIZE = 25


def build_centre(env, agents, rng):
    """Employees, teams, calendar, rank history and contracts."""
    company = env.company
    company.currency_id = env.ref("base.CNY")
    ranks = env["telesales.rank"]._ladder(company)[:6]
    for rank, rate in zip(ranks, [0.02, 0.03, 0.035, 0.04, 0.045, 0.05], strict=False):
        rank.commission_rate = rate
    ranks[-2:].management_allowance = 1500
    calendar = env["resource.calendar"].create(
        {
            "name": "Bench week",
            "tz": "Asia/Shanghai",
            "attendance_ids": [
                (
                    0,
                    0,
                    {
                        "name": f"{day}{period}",
                        "dayofweek": str(day),
                        "hour_from": start,
                        "hour_to": end,
                        "day_period": period,
                    },
                )
                for day in range(5)
                for period, start, end in (("morning", 9, 12), ("afternoon", 13, 18))
            ],
        }
    )
    teams_count = max(1, agents // TEAM_SIZE)
    Employee = env["hr.employee"].with_context(tracking_disable=True)
    leaders = Employee.create(
        [
            {"name": f"Bench leader {i}", "resource_calendar_id": calendar.id}
            for i in range(teams_count)
        ]
    )
    teams = env["hr.department"].create(
        [
            {"name": f"Bench team {i}", "manager_id": leader.id}
            for i, leader in enumerate(leaders)
        ]
    )
    for leader, team in zip(leaders, teams, strict=True):
        leader.department_id = team
    staff = Employee.create(
        [
            {
                "name": f"Bench agent {i}",
                "department_id": teams[i % teams_count].id,
                "resource_calendar_id": calendar.id,
            }
            for i in range(agents - teams_count)
        ]
    )
    staff |= leaders
    history = []
    for employee in staff:
        level = len(ranks) - 1 if employee in leaders else rng.randrange(len(ranks) - 1)
        history.append(
            (employee, ranks[level], date(2024, rng.choice([1, 4, 7, 10]), 1))
        )
        if rng.random() < 0.2 and level + 1 < len(ranks) - (employee not in leaders):
            # promoted inside the quarter: the month's wage is split
            history.append(
                (
                    employee,
                    ranks[level + 1],
                    date(2025, rng.choice([2, 3]), rng.choice([1, 11, 16])),
                )
            )
    env["telesales.rank.history"].create(
        [
            {
                "employee_id": emp.id,
                "rank_id": rank.id,
                "date_start": start,
                "origin": "initial",
            }
            for emp, rank, start in history
        ]
    )
    structure = env.ref("telesales_payroll.structure_telesales")
    contracts = env["hr.contract"].create(
        [
            {
                "name": f"Bench contract {employee.name}",
                "employee_id": employee.id,
                "struct_id": structure.id,
                "wage": employee.telesales_rank_id.base_wage or 2000,
                "date_start": date(2024, 1, 1),
                "resource_calendar_id": calendar.id,
                "state": "open",
            }
            for employee in staff
        ]
    )
    # statutory payroll (l10n_cn_payroll): a contribution city and a base each
    staff.write({"l10n_cn_city_id": env.ref("l10n_cn_payroll.city_shanghai").id})
    env["l10n_cn.contribution.base"].create(
        [
            {"employee_id": employee.id, "date_from": date(2024, 1, 1), "si_base": 8000}
            for employee in staff
        ]
    )
    return contracts


def build_sources(env, contracts, rng):
    """The records of the other modules the telesales payslips read, for the
    quarter, made through their models (the compliance rows with the bulk
    writer ``_compute_for_range`` itself uses)."""
    from odoo.addons.telesales_hr.models.bulk import bulk_insert

    company = env.company
    quiet = {"tracking_disable": True, "mail_create_nolog": True}
    employees = contracts.employee_id
    leaders = employees.filtered(lambda emp: emp.department_id.manager_id == emp)
    agents = employees - leaders
    start, end = QUARTER[0][0], QUARTER[-1][1]
    weekdays = [
        start + timedelta(days=n)
        for n in range((end - start).days + 1)
        if (start + timedelta(days=n)).weekday() < 5
    ]
    # premium ledger: about 10 sales a month per agent, some cancelled or
    # refunded later
    premium = []
    for employee in agents:
        for seq in range(30):
            day = rng.choice(weekdays)
            draw = rng.random()
            state, refund = "effective", False
            if draw < 0.04:
                state = "cancelled"
            elif draw < 0.08:
                state = "refunded"
                refund = min(day + timedelta(days=rng.randrange(5, 50)), end)
            premium.append(
                {
                    "external_id": f"BENCH-{employee.id}-{seq}",
                    "employee_id": employee.id,
                    "date": day,
                    "amount": rng.choice([1200.0, 2400.0, 3600.0, 6000.0]),
                    "state": state,
                    "refund_date": refund,
                }
            )
    env["telesales.premium"].create(premium)
    # the published pay policies the deductions stand on (劳动合同法 §4),
    # acknowledged by everyone when hired, as in a centre that deducts
    Policy = env["l10n_cn.pay.policy"]
    for code in ("TELESALES_ATTENDANCE", "TELESALES_DISCIPLINE"):
        policy = Policy.create({"name": f"Bench {code}", "code": code})
        policy.write({"state": "published", "date_published": date(2023, 12, 1)})
        env["l10n_cn.pay.policy.ack"].create(
            [
                {
                    "policy_id": policy.id,
                    "employee_id": emp.id,
                    "date": date(2024, 1, 1),
                }
                for emp in employees
            ]
        )
    # daily compliance: one row per person and working day, 8 % late
    rows = []
    for employee in employees:
        for day in weekdays:
            late = rng.random() < 0.08
            amount = rng.choice([4.0, 8.0, 120.0]) if late else 0.0
            rows.append(
                {
                    "employee_id": employee.id,
                    "department_id": employee.department_id.id,
                    "company_id": company.id,
                    "date": day,
                    "locked": False,
                    "compliant": not late,
                    "late_minutes": 20 if late else 0,
                    "late_tier": "major" if late else "none",
                    "late_deduction": amount,
                    "attendance_deduction": amount,
                }
            )
    bulk_insert(env["telesales.daily.compliance"], rows)
    # KPI: a tenth of the agents lose 25 points in a month (trainees then
    # lose their newcomer allowance)
    env["telesales.kpi.deduction"].with_context(**quiet).create(
        [
            {
                "employee_id": employee.id,
                "date": period[0] + timedelta(days=9),
                "points": 25,
                "breach_type": "other",
                "reason": "Bench",
            }
            for employee in agents
            for period in QUARTER
            if rng.random() < 0.1
        ]
    )
    # referrals: 5 % of the agents referred a hire; the daily cron makes the
    # bonuses due and HR approves them
    referrers = agents.filtered(lambda emp: rng.random() < 0.05)
    hires = (
        env["hr.employee"]
        .with_context(**quiet)
        .create(
            [
                {"name": f"Bench hire {i}", "department_id": emp.department_id.id}
                for i, emp in enumerate(referrers)
            ]
        )
    )
    env["telesales.referral"].with_context(**quiet).create(
        [
            {
                "referrer_id": referrer.id,
                "employee_id": hire.id,
                "date_start": date(2024, 12, rng.randrange(1, 29)),
            }
            for referrer, hire in zip(referrers, hires, strict=True)
        ]
    )
    Milestone = env["telesales.referral.milestone"].with_context(**quiet)
    Milestone._cron_referral_milestones(end).filtered(
        lambda m: m.state == "due"
    ).action_approve()
    # discipline: 3 % of the agents get a case applied each month, their team
    # leaders answer for it (the workflow's effects are not the point here)
    levels = [
        env.ref("telesales_quality.level_public"),
        env.ref("telesales_quality.level_warning"),
    ]
    Case = env["telesales.discipline"].with_context(**quiet)
    for period in QUARTER:
        picked = agents.filtered(lambda emp: rng.random() < 0.03)
        cases = Case.create(
            [
                {
                    "employee_id": employee.id,
                    "level_id": rng.choice(levels).id,
                    "severity": "general",
                    "date": period[0] + timedelta(days=5),
                    "facts": "Bench",
                }
                for employee in picked
            ]
        )
        cases._workflow_write(
            {
                "state": "applied",
                "date_applied": period[0] + timedelta(days=12),
                "period": period[0],
            }
        )
        env["telesales.liability"]._compute_month(period[0])


def stock_structure(env, statutory):
    """OCA's stock computation: basic from the contract wage, gross, net.

    With ``statutory`` (l10n_cn_payroll's China Statutory structure, the
    parent of the telesales structure), the same rules sit under it: the
    parent's NET (gross less the employee's social insurance, housing fund
    and income tax) replaces the stock NET, so both structures compute the
    same Chinese statutory payroll and the difference is the telesales layer.
    Without it, the bare three rules of OCA."""
    Category = env["hr.salary.rule.category"]
    if statutory:
        basic = env.ref("l10n_cn_payroll.category_basic")
        gross = env.ref("l10n_cn_payroll.category_gross")
    else:
        basic = Category.create({"name": "Bench basic", "code": "BASIC"})
        gross = Category.create({"name": "Bench gross", "code": "GROSS"})
        net = Category.create({"name": "Bench net", "code": "NET"})

    def rule(code, sequence, category, python):
        return (
            0,
            0,
            {
                "name": code,
                "code": code,
                "sequence": sequence,
                "category_id": category.id,
                "amount_select": "code",
                "amount_python_compute": python,
            },
        )

    rules = [
        rule("BASIC", 1, basic, "result = contract.wage"),
        # the statutory parent's minimum-wage top-up is an allowance (ALW)
        rule(
            "GROSS",
            100,
            gross,
            "result = categories.BASIC + categories.ALW"
            if statutory
            else "result = categories.BASIC",
        ),
    ]
    if not statutory:
        rules.append(rule("NET", 200, net, "result = categories.GROSS"))
    suffix = " on China Statutory" if statutory else ""
    return env["hr.payroll.structure"].create(
        {
            "name": f"Bench stock structure{suffix}",
            "code": "BENCHSTOCKCN" if statutory else "BENCHSTOCK",
            "parent_id": env.ref("l10n_cn_payroll.structure_cn_statutory").id
            if statutory
            else False,
            "rule_ids": rules,
        }
    )


def batch(env, contracts, period, structure, name):
    run = env["hr.payslip.run"].create(
        {
            "name": name,
            "date_start": period[0],
            "date_end": period[1],
            "struct_id": structure.id,
        }
    )
    env["hr.payslip"].create(
        [
            {
                "name": f"{name} {contract.employee_id.name}",
                "employee_id": contract.employee_id.id,
                "contract_id": contract.id,
                "struct_id": structure.id,
                "date_from": period[0],
                "date_to": period[1],
                "payslip_run_id": run.id,
            }
            for contract in contracts
        ]
    )
    return run


def process(run, step):
    """What the queue_job chain of the batch's Compute / Confirm buttons runs
    (``hr.payslip.run._telesales_enqueue``), synchronously: each chunk of
    payslips (``_job_process_slips``), then the closing job (``_job_finish``,
    which closes a confirmed batch). Each job starts with an empty cache, as
    in the job runner."""
    from odoo.addons.telesales_hr.models.telesales_job import job_threshold
    from odoo.addons.telesales_payroll.models.hr_payslip_run import CHUNK

    env = run.env
    slips = run._telesales_open_slips()
    size = max(1, job_threshold(env, "payslip_chunk", CHUNK))
    ids = slips.ids
    for index in range(0, len(ids), size):
        run._job_process_slips(
            step, ids[index : index + size], min(index + size, len(ids)), len(ids)
        )
        env.flush_all()
        env.invalidate_all()
    run._job_finish(step)


def timed(env, label, function, profile=None):
    env.flush_all()
    env.invalidate_all()
    start = time.perf_counter()
    if profile is not None:
        profile.enable()
    function()
    env.flush_all()
    if profile is not None:
        profile.disable()
    seconds = time.perf_counter() - start
    print(f"  {label:<58} {seconds:8.2f} s", flush=True)
    return seconds


def bench(env, agents, rounds, profile_path=None):
    rng = random.Random(20250331)
    print(
        f"Payroll benchmark: {agents} agents, "
        f"quarter {QUARTER[0][0]} - {QUARTER[-1][1]}"
    )
    start = time.perf_counter()
    contracts = build_centre(env, agents, rng)
    structures = {
        "telesales": env.ref("telesales_payroll.structure_telesales"),
        "stock": stock_structure(env, statutory=True),
        "bare": stock_structure(env, statutory=False),
    }
    print(
        f"  {'centre, rank history, contracts built':<58} "
        f"{time.perf_counter() - start:8.2f} s"
    )
    start = time.perf_counter()
    build_sources(env, contracts, rng)
    env.flush_all()
    counts = ", ".join(
        f"{env[model].search_count([])} {label}"
        for model, label in (
            ("telesales.premium", "premium lines"),
            ("telesales.daily.compliance", "compliance rows"),
            ("telesales.kpi.deduction", "KPI deductions"),
            ("telesales.referral.milestone", "referral bonuses"),
            ("telesales.discipline", "cases"),
            ("telesales.liability", "liabilities"),
        )
    )
    print(
        f"  {'sources of the other modules built':<58} "
        f"{time.perf_counter() - start:8.2f} s"
    )
    print(f"  sources: {counts}")
    # the quarter's first two months, paid: the ledger the third month reads
    for month, period in enumerate(QUARTER[:2], start=1):
        run = batch(env, contracts, period, structures["telesales"], f"Bench M{month}")
        timed(
            env,
            f"month {month}: telesales batch confirmed (sources paid)",
            lambda run=run: process(run, "confirm"),
        )
    february = env["hr.payslip"].search([("payslip_run_id.name", "=", "Bench M2")])
    # carried deductions, as February's payslips would have left them: they
    # are created only inside a workflow step (the payslip's confirmation)
    Carry = env["telesales.deduction.carryover"]
    with Carry._workflow_step(model_wide=True):
        Carry.create(
            [
                {
                    "employee_id": slip.employee_id.id,
                    "date": slip.date_to,
                    "amount": rng.choice([50.0, 120.0, 300.0]),
                    "origin_payslip_id": slip.id,
                }
                for slip in february
                if rng.random() < 0.3
            ]
        )
    Source = env["telesales.payslip.source"]
    paid_count = Source.search_count([("state", "=", "paid")])
    open_count = env["telesales.deduction.carryover"].search_count(
        [("state", "=", "open")]
    )
    print(f"  ledger: {paid_count} paid sources, {open_count} open carry-overs")
    # the planner's statistics of a database in use (autovacuum's ANALYZE),
    # on the rows this transaction wrote
    env.flush_all()
    env.cr.execute("ANALYZE")
    # March, computed then confirmed as HR does it, by each structure on a
    # fresh batch of the same payslips, inside a savepoint rolled back so
    # that every batch confirms the same payslips against the same ledger;
    # rounds in alternating orders, so that neither side profits from warm
    # caches
    kinds = ("stock", "telesales", "bare")
    seconds = {(kind, step): [] for kind in kinds for step in ("compute", "confirm")}
    confirmed = {kind: [] for kind in kinds}
    for round_no in range(1, rounds + 1):
        order = kinds if round_no % 2 else kinds[::-1]
        for kind in order:
            savepoint = env.cr.savepoint()
            run = batch(
                env, contracts, QUARTER[2], structures[kind], f"Bench M3 {kind}"
            )
            count = len(run.slip_ids)
            for step in ("compute", "confirm"):
                seconds[kind, step].append(
                    timed(
                        env,
                        f"month 3, round {round_no}: {kind} batch {step} "
                        f"({count} payslips)",
                        lambda run=run, step=step: process(run, step),
                    )
                )
            env.flush_all()
            done = env["hr.payslip"].search_count(
                [("payslip_run_id", "=", run.id), ("state", "=", "done")]
            )
            confirmed[kind].append(done)
            if kind == "telesales" and round_no == 1:
                lines = env["hr.payslip.line"].search_count(
                    [("slip_id.payslip_run_id", "=", run.id)]
                )
                sources = env["telesales.payslip.source"].search_count(
                    [("payslip_id.payslip_run_id", "=", run.id), ("state", "=", "paid")]
                )
                print(
                    f"  telesales batch: {lines} lines, {sources} paid sources, "
                    f"batch {run.state}"
                )
            savepoint.close(rollback=True)
            env.invalidate_all()
    if len({n for counts in confirmed.values() for n in counts} | {agents}) != 1:
        raise AssertionError(
            f"not every batch confirmed {agents} payslips: {confirmed}"
        )
    if profile_path:
        # one more batch of the reference and of the telesales structure,
        # each profiled, not counted (cProfile slows what it watches)
        import cProfile

        for kind in ("stock", "telesales"):
            profile = cProfile.Profile()
            with env.cr.savepoint(flush=True) as savepoint:
                run = batch(
                    env, contracts, QUARTER[2], structures[kind], "Bench profiled"
                )
                for step in ("compute", "confirm"):
                    timed(
                        env,
                        f"month 3, profiled: {kind} batch {step}",
                        lambda run=run, step=step: process(run, step),
                        profile=profile,
                    )
                savepoint.close(rollback=True)
            env.invalidate_all()
            profile.dump_stats(f"{profile_path}.{kind}")
            print(f"  profile of that batch in {profile_path}.{kind}")
    if not rounds:
        return

    def mean(kind, step):
        return sum(seconds[kind, step]) / len(seconds[kind, step])

    total = {kind: mean(kind, "compute") + mean(kind, "confirm") for kind in kinds}
    print(
        f"  mean of {rounds} rounds, {agents} payslips confirmed by each batch: "
        + ", ".join(
            f"{kind} {mean(kind, 'compute'):.2f} + {mean(kind, 'confirm'):.2f} "
            f"= {total[kind]:.2f} s"
            for kind in kinds
        )
    )
    print(
        f"RESULT agents={agents} stock_compute_s={mean('stock', 'compute'):.2f} "
        f"stock_confirm_s={mean('stock', 'confirm'):.2f} "
        f"telesales_compute_s={mean('telesales', 'compute'):.2f} "
        f"telesales_confirm_s={mean('telesales', 'confirm'):.2f} "
        f"ratio={total['telesales'] / total['stock']:.2f} "
        f"bare_compute_s={mean('bare', 'compute'):.2f} "
        f"bare_confirm_s={mean('bare', 'confirm'):.2f} "
        f"ratio_bare={total['telesales'] / total['bare']:.2f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--agents", type=int, default=2000)
    parser.add_argument(
        "--rounds", type=int, default=2, help="rounds of the three batches (mean)"
    )
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="cProfile of one more stock and telesales batch, in FILE.stock and "
        "FILE.telesales (--rounds 0: only those)",
    )
    add_size_option(parser, agents=30, rounds=1)
    args = parser.parse_args()
    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"]
    )
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(
            cr, SUPERUSER_ID, {"tracking_disable": True, "mail_notrack": True}
        )
        try:
            bench(env, args.agents, args.rounds, args.profile)
        finally:
            cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
