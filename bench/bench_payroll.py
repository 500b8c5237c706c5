#!/usr/bin/env python3
# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Payroll batch benchmark: the telesales structure against OCA's stock one.

Builds a centre of N agents (default 1,000, in teams of 25 with their team
leaders) with a quarter of data: rank history with promotions inside the
quarter, the quarter's first two months paid by done telesales payslips
(so the paid-source ledger is filled) and deductions carried over from
February. Then, in the same run and transaction, times computing the third
month's batch

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
from datetime import date

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
    return contracts


def stock_structure(env):
    """OCA's stock computation: basic from the contract wage, gross, net."""
    Category = env["hr.salary.rule.category"]
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

    return env["hr.payroll.structure"].create(
        {
            "name": "Bench stock structure",
            "code": "BENCHSTOCK",
            "parent_id": False,
            "rule_ids": [
                rule("BASIC", 1, basic, "result = contract.wage"),
                rule("GROSS", 100, gross, "result = categories.BASIC"),
                rule("NET", 200, net, "result = categories.GROSS"),
            ],
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


def timed(env, label, function):
    env.flush_all()
    env.invalidate_all()
    start = time.perf_counter()
    function()
    env.flush_all()
    seconds = time.perf_counter() - start
    print(f"  {label:<58} {seconds:8.2f} s", flush=True)
    return seconds


def bench(env, agents):
    rng = random.Random(20250331)
    print(
        f"Payroll benchmark: {agents} agents, "
        f"quarter {QUARTER[0][0]} - {QUARTER[-1][1]}"
    )
    start = time.perf_counter()
    contracts = build_centre(env, agents, rng)
    telesales = env.ref("telesales_payroll.structure_telesales")
    stock = stock_structure(env)
    print(
        f"  {'centre, rank history, contracts built':<58} "
        f"{time.perf_counter() - start:8.2f} s"
    )
    # the quarter's first two months, paid: the ledger the third month reads
    for month, period in enumerate(QUARTER[:2], start=1):
        run = batch(env, contracts, period, telesales, f"Bench M{month}")
        timed(
            env,
            f"month {month}: telesales batch computed",
            lambda run=run: run.slip_ids.compute_sheet(),
        )
        timed(
            env,
            f"month {month}: telesales batch confirmed (sources paid)",
            lambda run=run: run.slip_ids.with_context(
                without_compute_sheet=True
            ).action_payslip_done(),
        )
    february = env["hr.payslip"].search([("payslip_run_id.name", "=", "Bench M2")])
    env["telesales.deduction.carryover"].create(
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
    gather = batch(env, contracts, QUARTER[2], telesales, "Bench M3 gather").slip_ids
    gather_seconds = timed(
        env,
        "month 3: telesales figures gathered alone",
        gather._telesales_build_sources,
    )
    # two rounds on fresh batches, in opposite orders, so that neither side
    # profits from warm caches
    seconds = {"stock": [], "telesales": []}
    for round_no, order in enumerate(
        (("stock", "telesales"), ("telesales", "stock")), start=1
    ):
        for kind in order:
            run = batch(
                env,
                contracts,
                QUARTER[2],
                stock if kind == "stock" else telesales,
                f"Bench M3 {kind} {round_no}",
            )
            seconds[kind].append(
                timed(
                    env,
                    f"month 3, round {round_no}: {kind} batch computed "
                    f"({len(run.slip_ids)} payslips)",
                    run.action_telesales_compute_sheets,
                )
            )
            if kind == "telesales":
                telesales_run = run
    stock_seconds = sum(seconds["stock"]) / 2
    telesales_seconds = sum(seconds["telesales"]) / 2
    lines = env["hr.payslip.line"].search_count(
        [("slip_id", "in", telesales_run.slip_ids.ids)]
    )
    sources = env["telesales.payslip.source"].search_count(
        [("payslip_id", "in", telesales_run.slip_ids.ids)]
    )
    print(f"  telesales batch: {lines} lines, {sources} sources")
    print(
        f"RESULT agents={agents} stock_s={stock_seconds:.2f} "
        f"telesales_s={telesales_seconds:.2f} "
        f"ratio={telesales_seconds / stock_seconds:.2f} gather_s={gather_seconds:.2f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--agents", type=int, default=1000)
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
            bench(env, args.agents)
        finally:
            cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
