#!/usr/bin/env python3
# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark: import dialer calls through the bulk importer and through the
ORM, in the same run, against a database with telesales_hr installed.

1. generate (once, cached in bench/out/) a VICIdial export of
   agents x days x dials rows (default 100 x 100 x 100 = 1,000,000);
2. bulk: ``telesales.call.import._import_file`` on the whole file
   (validation, COPY, INSERT … ON CONFLICT, violations), committed;
3. re-import of the same file (idempotent: nothing created);
4. the references, in the same run, each committed: a plain ``COPY`` of the
   rows the import wrote (exported first, not timed) into the same table,
   emptied (its indexes, check and foreign keys: the import's target is
   within 2x of it); the same into an empty ``LIKE telesales_call INCLUDING
   ALL`` (the indexes without the foreign keys); a raw ``COPY`` of the CSV
   file into a table of text columns;
5. ORM: the first ``--orm-sample`` rows of the same file, parsed by the same
   mapping, each written with its own ``telesales.call.create(vals)`` (the
   model computes the row's violations as on any create), committed; rows/s
   extrapolated; plus one batched ``create(vals_list)`` for reference.

Prints rows/s for each path and the ratio. Run it with ``tools/bench.sh calls``.
"""

import argparse
import csv
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import pytz

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate_calls  # noqa: E402
from sizes import add_size_option  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--config", required=True, help="Odoo configuration file")
    parser.add_argument("--database", required=True)
    parser.add_argument("--agents", type=int, default=100)
    parser.add_argument("--days", type=int, default=100)
    parser.add_argument("--dials", type=int, default=100)
    parser.add_argument("--orm-sample", type=int, default=10_000)
    parser.add_argument("--out-dir", default=str(HERE / "out"))
    add_size_option(parser, agents=5, days=3, dials=20, orm_sample=50)
    return parser.parse_args()


def say(message):
    print(message, flush=True)  # noqa: T201


def prepare(env, agents):
    """Bench agents with dialer logins on a Beijing Mon-Fri schedule, the
    do-not-call list, and an empty call table."""
    company = env.company
    calendar = env["resource.calendar"].search([("name", "=", "Bench 40h Beijing")])
    if not calendar:
        calendar = env["resource.calendar"].create(
            {"name": "Bench 40h Beijing", "tz": "Asia/Shanghai"}
        )
    team = env["hr.department"].search([("name", "=", "Bench Team")], limit=1)
    if not team:
        team = env["hr.department"].create({"name": "Bench Team"})
    Employee = env["hr.employee"].with_context(active_test=False)
    existing = set(Employee.search([]).mapped("telesales_dialer_login"))
    Employee.create(
        [
            {
                "name": f"Bench Agent {n:04d}",
                "telesales_dialer_login": generate_calls.agent_login(n),
                "department_id": team.id,
                "resource_calendar_id": calendar.id,
                "tz": "Asia/Shanghai",
                "company_id": company.id,
            }
            for n in range(1, agents + 1)
            if generate_calls.agent_login(n) not in existing
        ]
    )
    Dnc = env["telesales.dnc"].with_context(active_test=False, tracking_disable=True)
    if not Dnc.search_count([]):
        Dnc.create(
            [
                {"number": number, "date_listed": datetime(2024, 12, 1)}
                for number in generate_calls.dnc_numbers()
            ]
        )
    # CASCADE: with telesales_quality installed, inspections and cases refer to
    # calls; in the bench database they are bench data as well
    env.cr.execute("TRUNCATE telesales_call CASCADE")


def orm_vals(env, path, count, mapping, suffix):
    """The first ``count`` rows of the file as create() values, converted by
    the mapping's own row converter (so both paths validate the same way)."""
    Import = env["telesales.call.import"]
    logins = Import._dialer_logins(env.company)
    tz = pytz.timezone(mapping.timezone)
    vals_list = []
    with open(path, encoding="utf-8", newline="") as data:
        reader = csv.reader(data)
        convert = mapping._row_converter(next(reader), logins)
        for row_no, row in enumerate(reader, start=2):
            (_row_no, external_id, employee_id, callee, _normalized, start, direction,
             connected, ring, talk, wait, pause, wrapup, duration, recording,
             disposition, lead) = mapping._row_values(convert(row, row_no))  # fmt: skip
            start = tz.localize(datetime.fromisoformat(start)).astimezone(pytz.utc)
            vals_list.append(
                {
                    "external_id": external_id + suffix,
                    "employee_id": int(employee_id),
                    "callee_number": callee,
                    "start": start.replace(tzinfo=None),
                    "direction": direction,
                    "connected": connected == "t",
                    "ring_seconds": int(ring),
                    "talk_seconds": int(talk),
                    "wait_seconds": int(wait),
                    "pause_seconds": int(pause),
                    "wrapup_seconds": int(wrapup),
                    "duration_seconds": int(duration),
                    "recording_ref": recording or False,
                    "disposition": disposition or False,
                    "lead_ref": lead or False,
                }
            )
            if len(vals_list) == count:
                break
    return vals_list


CALL_COLUMNS = (
    "external_id, employee_id, department_id, company_id, dialer_id, "
    "callee_number, callee_normalized, start, call_date, direction, connected, "
    "ring_seconds, talk_seconds, wait_seconds, pause_seconds, wrapup_seconds, "
    "duration_seconds, recording_ref, disposition, lead_ref, violation_dnc, "
    "violation_window, violation_cap, is_violation"
)


def copy_references(registry, path):
    """Seconds of the references, each committed: COPY of the imported rows
    into telesales_call itself, emptied first (the same table as the import,
    with its indexes, check and foreign keys); the same into an empty table
    ``LIKE telesales_call INCLUDING ALL`` (its indexes, no foreign keys); a
    raw COPY of the CSV file into a table of text columns."""
    with tempfile.TemporaryFile("w+") as converted:
        with registry.cursor() as cr:
            cr.copy_expert(
                f"COPY (SELECT {CALL_COLUMNS} FROM telesales_call) TO STDOUT",
                converted,
            )
            cr.execute("TRUNCATE telesales_call CASCADE")
            cr.execute("DROP TABLE IF EXISTS bench_call_copy")
            cr.execute(
                "CREATE TABLE bench_call_copy (LIKE telesales_call INCLUDING ALL)"
            )
        seconds = []
        for table in ("telesales_call", "bench_call_copy"):
            converted.seek(0)
            started = time.perf_counter()
            with registry.cursor() as cr:
                cr.copy_expert(
                    f"COPY {table} ({CALL_COLUMNS}) FROM STDIN", converted, size=1 << 20
                )
            seconds.append(time.perf_counter() - started)
    with registry.cursor() as cr:
        cr.execute("DROP TABLE bench_call_copy")
        with open(path, encoding="utf-8", newline="") as data:
            width = len(next(csv.reader(data)))
        columns = ", ".join(f"c{i} text" for i in range(width))
        cr.execute(f"CREATE TABLE bench_call_raw ({columns})")
    started = time.perf_counter()
    with registry.cursor() as cr, open(path, "rb") as data:
        cr.copy_expert(
            "COPY bench_call_raw FROM STDIN WITH (FORMAT csv, HEADER true)",
            data,
            size=1 << 20,
        )
    seconds.append(time.perf_counter() - started)
    with registry.cursor() as cr:
        cr.execute("DROP TABLE bench_call_raw")
    return seconds


def main():
    args = parse_args()
    rows = args.agents * args.days * args.dials
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"calls_{args.agents}x{args.days}x{args.dials}_vicidial.csv"
    if not path.exists():
        started = time.perf_counter()
        generate_calls.write_csv(path, args.agents, args.days, args.dials)
        say(
            f"generated {path} ({rows:,} rows) in {time.perf_counter() - started:.1f} s"
        )

    import odoo
    from odoo import SUPERUSER_ID, api

    odoo.tools.config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn"], setup_logging=True
    )
    registry = odoo.modules.registry.Registry(args.database)
    mapping_xmlid = "telesales_hr.call_mapping_vicidial"

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        prepare(env, args.agents)

    # 1. bulk importer, the whole file, committed
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        result = env["telesales.call.import"]._import_file(path, mapping_xmlid)
    bulk_seconds = time.perf_counter() - started
    assert result["created"] == rows, result
    bulk_rate = rows / bulk_seconds

    # 2. the same file again: idempotent
    started = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        again = env["telesales.call.import"]._import_file(path, mapping_xmlid)
    again_seconds = time.perf_counter() - started
    assert again["created"] == 0 and again["skipped"] == rows, again

    # 3. the references: COPY of the same converted rows, raw COPY of the file
    copy_seconds, like_seconds, raw_seconds = copy_references(registry, path)

    # 4. ORM create(), one record at a time, then one batch
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        mapping = env.ref(mapping_xmlid)
        single = orm_vals(env, path, args.orm_sample, mapping, "-orm")
        batch = orm_vals(env, path, args.orm_sample, mapping, "-ormbatch")
    started = time.perf_counter()
    with registry.cursor() as cr:
        Call = api.Environment(cr, SUPERUSER_ID, {})["telesales.call"]
        for vals in single:
            Call.create(vals)
    orm_seconds = time.perf_counter() - started
    orm_rate = len(single) / orm_seconds
    started = time.perf_counter()
    with registry.cursor() as cr:
        api.Environment(cr, SUPERUSER_ID, {})["telesales.call"].create(batch)
    batch_seconds = time.perf_counter() - started
    batch_rate = len(batch) / batch_seconds

    with registry.cursor() as cr:
        cr.execute(
            "SELECT count(*), count(*) FILTER (WHERE violation_dnc),"
            " count(*) FILTER (WHERE violation_window),"
            " count(*) FILTER (WHERE violation_cap) FROM telesales_call"
        )
        total, dnc, window, cap = cr.fetchone()

    say("")
    say(f"database {args.database}: {total:,} calls "
        f"(violations: {dnc} do-not-call, {window} window, {cap} cap)")  # fmt: skip
    say(f"{'path':44} {'rows':>10} {'seconds':>9} {'rows/s':>10}")
    for label, count, seconds in (
        ("bulk importer (_import_file)", rows, bulk_seconds),
        ("bulk re-import, nothing new (idempotent)", rows, again_seconds),
        ("reference: COPY of them into telesales_call", rows, copy_seconds),
        ("  the same into a copy without foreign keys", rows, like_seconds),
        ("reference: raw COPY of the CSV file", rows, raw_seconds),
        ("ORM create() per record", len(single), orm_seconds),
        ("ORM create() one batch (reference)", len(batch), batch_seconds),
    ):
        say(f"{label:44} {count:>10,} {seconds:>9.1f} {count / seconds:>10,.0f}")
    say("")
    say(
        f"bulk / per-record ORM: {bulk_rate / orm_rate:,.0f}x "
        f"(ORM would need {rows / orm_rate / 60:,.1f} min for {rows:,} rows)"
    )
    say(f"bulk / batched ORM: {bulk_rate / batch_rate:,.1f}x")
    ratio = bulk_seconds / copy_seconds
    say(
        f"bulk importer / COPY of the same rows into the same table: {ratio:.2f}x "
        f"(target: within 2x: {'met' if ratio <= 2 else 'NOT met'}); "
        f"/ raw COPY of the file: {bulk_seconds / raw_seconds:.1f}x"
    )
    say(
        f"RESULT rows={rows} import_s={bulk_seconds:.2f} copy_s={copy_seconds:.2f} "
        f"ratio={ratio:.2f} copy_no_fk_s={like_seconds:.2f} "
        f"raw_copy_s={raw_seconds:.2f} "
        f"reimport_s={again_seconds:.2f}"
    )


if __name__ == "__main__":
    main()
