# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: daily compliance of 2,000 agents × 22 working days.

Generates once (not timed) 2,000 agents in 100 teams working Monday to Friday
09:00-18:00 (Asia/Shanghai), their April 2025 calls (200 a day: 400,000 a day,
8.8 million in the month, made by PostgreSQL with one INSERT … SELECT
generate_series per day) and attendances (COPY, with a few late arrivals,
absences and proxy punches), then times
``telesales.daily.compliance._compute_for_range`` for the month (first
computation, then two recomputations rewriting the rows) and for one day (the
nightly job), against the reference measured in the same run: one GROUP BY of
the month's calls per agent and day. Each computation commits, as the cron and
the jobs do; what they wrote is deleted afterwards, so runs compare.

    tools/bench.sh compliance [--agents 2000] [--calls 200]
Target: the month's recomputation within 3× of the GROUP BY.
"""

import argparse
import io
import random
import time
from contextlib import closing
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
    parser.add_argument("--agents", type=int, default=2000)
    parser.add_argument(
        "--calls", type=int, default=200, help="calls per agent and working day"
    )
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
    now = datetime(2025, 5, 1)
    uid = env.uid
    cr = env.cr

    started = time.perf_counter()
    total = generate_calls(cr, agents, days, calls_per_day, company.id)
    print(
        f"  calls: {total} rows by INSERT … SELECT generate_series "
        f"({time.perf_counter() - started:.1f} s)"
    )

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
    return agents


# One working day of calls, made in PostgreSQL (9 million rows would take
# minutes to build in Python and pipe through COPY): per agent a weak day now
# and then (12 %), the first call 09:00-09:28 (up to 09:43 on a weak day),
# one call 13:30-13:55, the others between the first and 17:30; 80 % of the
# calls connected (60 % on a weak day) with 150-480 s of talk. The rows are
# written in the order of their start, as a dialer's daily import would be,
# so the table lies by time like a real one.
CALLS_OF_DAY = """
WITH agent AS MATERIALIZED (
    SELECT emp, team, random() < 0.12 AS weak
      FROM unnest(%(ids)s::int[], %(teams)s::int[]) AS a(emp, team)
), agent_day AS MATERIALIZED (
    SELECT emp, team, weak,
           32400 + floor(random() * (1701 + CASE WHEN weak THEN 900 ELSE 0 END))::int
               AS first,
           48600 + floor(random() * 1501)::int AS afternoon
      FROM agent
), calls AS MATERIALIZED (
    SELECT emp, team, n,
           CASE n WHEN 1 THEN first WHEN 2 THEN afternoon
                  ELSE first + 60 + floor(random() * (63000 - first - 60 + 1))::int
           END AS sec,
           random() < CASE WHEN weak THEN 0.6 ELSE 0.8 END AS connected,
           3 + floor(random() * 23)::int AS ring,
           150 + floor(random() * 331)::int AS talk,
           5 + floor(random() * 26)::int AS wrapup
      FROM agent_day CROSS JOIN generate_series(1, %(calls)s) AS n
), numbered AS (
    SELECT *, %(offset)s + row_number() OVER (ORDER BY sec, emp, n) AS seq
      FROM calls
)
INSERT INTO telesales_call (
    employee_id, department_id, company_id, external_id, callee_number,
    callee_normalized, start, direction, connected, ring_seconds, talk_seconds,
    wait_seconds, pause_seconds, wrapup_seconds, violation_dnc, violation_window,
    violation_cap, is_violation, call_date)
SELECT emp, team, %(company)s, 'B' || lpad(seq::text, 8, '0'),
       '138' || lpad(seq::text, 8, '0'), '138' || lpad(seq::text, 8, '0'),
       %(midnight)s::timestamp + sec * interval '1 second', 'outbound', connected,
       ring, CASE WHEN connected THEN talk ELSE 0 END, 0, 0, wrapup,
       FALSE, FALSE, FALSE, FALSE, %(day)s::date
  FROM numbered
 ORDER BY seq
"""


def generate_calls(cr, agents, days, calls_per_day, company_id):
    """The calls of ``days``, one INSERT … SELECT per day; returns their count."""
    cr.execute("SELECT setseed(0.2026)")  # the same calls on every run
    total = 0
    for day in days:
        cr.execute(
            CALLS_OF_DAY,
            {
                "ids": agents.ids,
                "teams": [agent.department_id.id for agent in agents],
                "calls": calls_per_day,
                "offset": total,
                "company": company_id,
                "midnight": utc(day, 0),
                "day": day,
            },
        )
        total += cr.rowcount
    return total


def main():
    args = parse_args()
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", args.config, "-d", args.database, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        generated = bool(env["resource.calendar"].search([("name", "=", MARK)]))
        if not generated:
            print("Generating the data (not timed)")
            started = time.perf_counter()
            generate(env, args.agents, args.calls)
            cr.commit()
    if not generated:
        # the table's hint bits and visibility map set once here, not by
        # whichever timed query reads the calls first
        vacuum(args.database, ["telesales_call", "hr_attendance"])
        print(f"  generated in {time.perf_counter() - started:.1f} s (with VACUUM)")
    # what an earlier run left, should it have stopped half-way
    reset(registry)
    try:
        references, results, summary, sizes = timed_runs(registry)
    finally:
        reset(registry)
    reference = min(references)
    recompute = results["recompute"]
    ratio = recompute / reference if reference else 0.0
    verdict = "OK" if ratio <= 3 else "ABOVE THE 3x TARGET"
    if args.smoke:
        verdict = "not judged at the smoke size"
    print(
        "reference: one GROUP BY over the month's calls: "
        + " s, ".join(f"{seconds:.2f}" for seconds in references)
        + f" s (best {reference:.2f}); best recompute / GROUP BY = {ratio:.2f} "
        f"(target 3: {verdict})"
    )
    for name, size in sizes:
        shown = f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size // 1024} kB"
        print(f"  size of {name}: {shown}")
    print(
        f"RESULT agents={summary['agents']} calls={summary['calls']} "
        f"first_s={results['first']:.2f} recompute_s={recompute:.2f} "
        f"day_s={results['day']:.2f} group_by_s={reference:.2f} "
        f"ratio={ratio:.2f}"
    )


def timed_runs(registry):
    """The reference, then the computations, each in a transaction of
    its own that commits, as the cron and the jobs run them: a recompute
    rewrites rows committed earlier (PostgreSQL then skips the foreign key
    checks of the keys it leaves as they are, which it must run again for a
    row inserted by the same transaction). ``reset`` removes what they wrote.
    Returns (references, {step: seconds}, counts, sizes)."""
    import odoo

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        agents = env["hr.employee"].search_count([("is_telesales_agent", "=", True)])
        cr.execute(
            "SELECT COUNT(*) FROM telesales_call WHERE start >= %s AND start < %s",
            [MONTH - timedelta(days=1), MONTH + timedelta(days=31)],
        )
        calls = cr.fetchone()[0]
        month_end = MONTH + timedelta(days=29)
        print(f"{agents} agents, {calls} calls in {MONTH:%B %Y}")
        # on shared cores, noise only ever adds time: the reference is
        # measured three times (before, between and after the computations)
        # and the recomputation twice, and each keeps its best run
        references = [group_by_reference(cr, MONTH, month_end)]
    results = {}
    for key, label, date_from, date_to in (
        ("first", "month, first computation", MONTH, month_end),
        ("recompute", "month, recomputation", MONTH, month_end),
        ("recompute", "month, recomputation again", MONTH, month_end),
        ("day", "one day (nightly job)", date(2025, 4, 15), date(2025, 4, 15)),
    ):
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            started = time.perf_counter()
            rows = env["telesales.daily.compliance"]._compute_for_range(
                date_from, date_to
            )
            env.flush_all()
            seconds = time.perf_counter() - started
            results[key] = min(seconds, results.get(key, seconds))
            print(f"  {label}: {len(rows)} rows in {seconds:.2f} s")
        if label == "month, recomputation":
            with registry.cursor() as cr:
                references.append(group_by_reference(cr, MONTH, month_end))
    with registry.cursor() as cr:
        references.append(group_by_reference(cr, MONTH, month_end))
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
        sizes = index_sizes(cr)
    return references, results, {"agents": agents, "calls": calls}, sizes


# what a computation writes: the days, their KPI deductions, the flags and
# the flags' chatter (the bench database holds nothing else of them)
WRITTEN = (
    "DELETE FROM mail_message WHERE model = 'telesales.flag'",
    "DELETE FROM telesales_flag",
    "DELETE FROM telesales_kpi_deduction",
    "DELETE FROM telesales_daily_compliance",
)


def reset(registry):
    """Remove what the timed computations wrote, then VACUUM their tables:
    every run starts from the calls and attendances alone, so runs compare."""
    with registry.cursor() as cr:
        for statement in WRITTEN:
            cr.execute(statement)
    vacuum(
        registry.db_name,
        [
            "telesales_daily_compliance",
            "telesales_kpi_deduction",
            "telesales_flag",
            "mail_message",
        ],
    )


def vacuum(database, tables):
    """VACUUM ANALYZE ``tables`` (outside a transaction, as it must run)."""
    import odoo

    with closing(odoo.sql_db.db_connect(database).cursor()) as cr:
        cr._cnx.autocommit = True
        for table in tables:
            cr.execute(f"VACUUM ANALYZE {table}")


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
               SUM(c.talk_seconds),
               COUNT(*) FILTER (WHERE c.violation_dnc OR c.violation_window),
               MIN(c.start), MAX(c.start)
          FROM telesales_call c
         WHERE c.start >= %s AND c.start < %s
         GROUP BY 1, 2
        """,
        [date_from - timedelta(days=1), date_to + timedelta(days=2)],
    )
    cr.fetchall()
    return time.perf_counter() - started


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
