# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: daily compliance of 1,000 agents × 22 working days.

Generates once (not timed) 1,000 agents in 50 teams working Monday to Friday
09:00-18:00 (Asia/Shanghai), their April 2025 calls (~60 a day, 1.3 million,
written with COPY) and attendances (COPY, with a few late arrivals, absences
and proxy punches), then times ``telesales.daily.compliance._compute_for_range``
for the month (first computation, then a recomputation replacing the rows) and
for one day (the nightly job). The timed work is rolled back, so runs compare.

    tools/bench.sh bench/bench_compliance.py [--agents 1000] [--calls 60]
Aim: the month under 30 seconds.
"""

import argparse
import io
import random
import time
from datetime import date, datetime, timedelta

import pytz
from sizes import add_size_option

MONTH = date(2025, 4, 1)  # 22 working days
TZ = pytz.timezone("Asia/Shanghai")
MARK = "Bench 09:00-18:00"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--agents", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=60, help="calls per agent and day")
    add_size_option(parser, agents=20, calls=6)
    return parser.parse_args()


def utc(day, seconds):
    local = TZ.localize(
        datetime(day.year, day.month, day.day) + timedelta(seconds=seconds)
    )
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def copy(cr, table, columns, rows):
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v) for v in row))
        buffer.write("\n")
    buffer.seek(0)
    cr.copy_from(buffer, table, columns=columns)


def generate(env, agents_wanted, calls_per_day):
    """Org, calendar, ranks, calls and attendances; returns the agents."""
    from odoo import Command

    started = time.perf_counter()
    company = env.company
    calendar = env["resource.calendar"].create(
        {
            "name": MARK,
            "tz": "Asia/Shanghai",
            "attendance_ids": [
                Command.create(
                    {
                        "name": name,
                        "dayofweek": str(day),
                        "hour_from": start,
                        "hour_to": end,
                        "day_period": period,
                    }
                )
                for day in range(5)
                for name, start, end, period in (
                    ("Morning", 9, 12, "morning"),
                    ("Lunch", 12, 13.5, "lunch"),
                    ("Afternoon", 13.5, 18, "afternoon"),
                )
            ],
        }
    )
    Employee = env["hr.employee"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    unit = env["hr.department"].create({"name": "Bench Unit"})
    team_count = max(1, agents_wanted // 20)
    leaders = Employee.create(
        [
            {
                "name": f"Bench TL {i:02d}",
                "resource_calendar_id": calendar.id,
                "tz": "Asia/Shanghai",
            }
            for i in range(team_count)
        ]
    )
    teams = env["hr.department"].create(
        [
            {
                "name": f"Bench Team {i:02d}",
                "parent_id": unit.id,
                "manager_id": leader.id,
            }
            for i, leader in enumerate(leaders)
        ]
    )
    agents = Employee.create(
        [
            {
                "name": f"Bench Agent {i:04d}",
                "department_id": teams[i % team_count].id,
                "resource_calendar_id": calendar.id,
                "tz": "Asia/Shanghai",
            }
            for i in range(agents_wanted)
        ]
    )
    ladder = env["telesales.rank"]._ladder(company)
    env["telesales.rank.history"].create(
        [
            {
                "employee_id": agent.id,
                "rank_id": ladder[i % len(ladder)].id,
                "date_start": date(2025, 1, 1),
                "origin": "initial",
            }
            for i, agent in enumerate(agents)
        ]
    )
    env.flush_all()
    elapsed = time.perf_counter() - started
    print(f"  org: {len(agents)} agents in {team_count} teams ({elapsed:.1f} s)")

    rnd = random.Random(2026)
    days = [MONTH + timedelta(days=i) for i in range(30)]
    days = [d for d in days if d.weekday() < 5]
    team_of = {agent.id: agent.department_id.id for agent in agents}
    now = datetime(2025, 5, 1)
    uid = env.uid
    cr = env.cr

    def call_rows():
        seq = 0
        midnight = {day: utc(day, 0) for day in days}
        for agent in agents.ids:
            for day in days:
                base = midnight[day]
                weak = rnd.random() < 0.12  # a non-compliant day now and then
                first = rnd.randint(9 * 3600, 9 * 3600 + 1700 + (900 if weak else 0))
                afternoon = rnd.randint(13 * 3600 + 1800, 13 * 3600 + 1800 + 1500)
                starts = [first, afternoon] + [
                    rnd.randint(first + 60, 17 * 3600 + 1800)
                    for _i in range(calls_per_day - 2)
                ]
                for start in starts:
                    seq += 1
                    connected = rnd.random() < (0.6 if weak else 0.8)
                    talk = rnd.randint(150, 480) if connected else 0
                    number = f"138{seq:08d}"
                    yield (
                        agent, team_of[agent], company.id, f"B{seq:08d}", number,
                        number,
                        base + timedelta(seconds=start), "outbound", connected,
                        rnd.randint(3, 25), talk, 0, 0, rnd.randint(5, 30),
                        False, False, False, False, day,
                    )  # fmt: skip

    columns = (
        "employee_id", "department_id", "company_id", "external_id", "callee_number",
        "callee_normalized", "start", "direction", "connected", "ring_seconds",
        "talk_seconds", "wait_seconds", "pause_seconds", "wrapup_seconds",
        "violation_dnc", "violation_window", "violation_cap", "is_violation",
        "call_date",
    )  # fmt: skip
    started = time.perf_counter()
    rows, total = [], 0
    for row in call_rows():
        rows.append(row)
        if len(rows) == 200_000:
            copy(cr, "telesales_call", columns, rows)
            total += len(rows)
            rows = []
    copy(cr, "telesales_call", columns, rows)
    total += len(rows)
    print(f"  calls: {total} rows by COPY ({time.perf_counter() - started:.1f} s)")

    def attendance_rows():
        for index, agent in enumerate(agents.ids):
            ip = f"10.{index // 250}.{index % 250}.1"
            for day in days:
                roll = rnd.random()
                if roll < 0.01:
                    continue  # absent
                late = rnd.randint(-900, 0) if roll < 0.92 else rnd.randint(60, 2400)
                stay = (
                    rnd.randint(0, 1200)
                    if rnd.random() < 0.75
                    else rnd.randint(3600, 5400)
                )
                if rnd.random() < 0.03:
                    stay = -rnd.randint(60, 2400)  # left early
                check_in = utc(day, 9 * 3600 + late)
                check_out = utc(day, 18 * 3600 + stay)
                in_ip = ip
                if index % 100 == 1 and day.day == 8:
                    in_ip = (
                        f"10.{(index - 1) // 250}.{(index - 1) % 250}.1"  # proxy punch
                    )
                hours = (check_out - check_in).total_seconds() / 3600
                yield (agent, check_in, check_out, hours, 0.0, 0.0, in_ip, "chrome",
                       "systray", "systray", uid, now, uid, now)  # fmt: skip

    columns = (
        "employee_id", "check_in", "check_out", "worked_hours", "overtime_hours",
        "validated_overtime_hours", "in_ip_address", "in_browser", "in_mode",
        "out_mode", "create_uid", "create_date", "write_uid", "write_date",
    )  # fmt: skip
    started = time.perf_counter()
    rows = list(attendance_rows())
    copy(cr, "hr_attendance", columns, rows)
    print(
        f"  attendances: {len(rows)} rows by COPY "
        f"({time.perf_counter() - started:.1f} s)"
    )
    cr.execute("ANALYZE telesales_call")
    cr.execute("ANALYZE hr_attendance")
    return agents


def main():
    args = parse_args()
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        if not env["resource.calendar"].search([("name", "=", MARK)]):
            print("Generating the data (not timed)")
            generate(env, args.agents, args.calls)
            cr.commit()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Compliance = env["telesales.daily.compliance"]
        agents = env["hr.employee"].search([("is_telesales_agent", "=", True)])
        cr.execute(
            "SELECT COUNT(*) FROM telesales_call WHERE start >= %s AND start < %s",
            [MONTH - timedelta(days=1), MONTH + timedelta(days=31)],
        )
        calls = cr.fetchone()[0]
        month_end = MONTH + timedelta(days=29)
        print(f"{len(agents)} agents, {calls} calls in {MONTH:%B %Y}")
        env.invalidate_all()
        results = []
        for label, date_from, date_to in (
            ("month, first computation", MONTH, month_end),
            ("month, recomputation", MONTH, month_end),
            ("one day (nightly job)", date(2025, 4, 15), date(2025, 4, 15)),
        ):
            env.invalidate_all()
            started = time.perf_counter()
            rows = Compliance._compute_for_range(date_from, date_to)
            env.flush_all()
            seconds = time.perf_counter() - started
            results.append((label, seconds, len(rows)))
            print(f"  {label}: {len(rows)} rows in {seconds:.2f} s")
        cr.execute(
            "SELECT COUNT(*), COUNT(*) FILTER (WHERE compliant)"
            " FROM telesales_daily_compliance"
        )
        total, compliant = cr.fetchone()
        cr.execute(
            "SELECT flag_type, COUNT(*) FROM telesales_flag GROUP BY 1 ORDER BY 1"
        )
        flags = cr.fetchall()
        cr.execute(
            "SELECT COUNT(*) FROM telesales_kpi_deduction WHERE state = 'active'"
        )
        deductions = cr.fetchone()[0]
        print(
            f"  rows: {total} ({compliant} compliant), "
            f"KPI deductions: {deductions}, flags: {flags}"
        )
        month_seconds = results[0][1]
        verdict = "OK" if month_seconds < 30 else "SLOWER THAN THE 30 s AIM"
        print(f"compliance for the month: {month_seconds:.2f} s ({verdict})")
        cr.rollback()
        reference = group_by_reference(cr, MONTH, month_end)
        recompute = results[1][1]
        ratio = recompute / reference if reference else 0.0
        verdict = "OK" if ratio <= 3 else "ABOVE THE 3x TARGET"
        print(
            f"reference: one GROUP BY over the month's calls: {reference:.2f} s; "
            f"recompute / GROUP BY = {ratio:.2f} ({verdict})"
        )
        sizes = index_sizes(cr)
        for name, size in sizes:
            print(f"  size of {name}: {size / 2**20:.1f} MiB")
        print(
            f"RESULT agents={len(agents)} calls={calls} first_s={results[0][1]:.2f} "
            f"recompute_s={recompute:.2f} day_s={results[2][1]:.2f} "
            f"group_by_s={reference:.2f} ratio={ratio:.2f}"
        )


def group_by_reference(cr, date_from, date_to):
    """One aggregate of the month's calls per agent and local day: the
    figures the compliance day needs (dials, connected calls, talk time, first
    and last call), with nothing written."""
    started = time.perf_counter()
    cr.execute(
        """
        SELECT c.employee_id,
               ((c.start AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date AS day,
               COUNT(*), COUNT(*) FILTER (WHERE c.connected),
               SUM(c.talk_seconds), MIN(c.start), MAX(c.start)
          FROM telesales_call c
         WHERE c.start >= %s AND c.start < %s
         GROUP BY 1, 2
        """,
        [date_from - timedelta(days=1), date_to + timedelta(days=2)],
    )
    cr.fetchall()
    seconds = time.perf_counter() - started
    cr.rollback()
    return seconds


def index_sizes(cr):
    """The call table, its indexes and the compliance table, in bytes."""
    cr.execute(
        """
        SELECT 'table telesales_call', pg_relation_size('telesales_call')
        UNION ALL
        SELECT 'index ' || indexrelname, pg_relation_size(indexrelid)
          FROM pg_stat_user_indexes WHERE relname = 'telesales_call'
        UNION ALL
        SELECT 'table telesales_daily_compliance (with indexes)',
               pg_total_relation_size('telesales_daily_compliance')
        """
    )
    return cr.fetchall()


if __name__ == "__main__":
    main()
