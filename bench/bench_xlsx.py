#!/usr/bin/env python3
# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Peak memory and time of a streamed XLSX export, 10,000 vs 1,000,000 rows.

    tools/bench.sh xlsx                      # both sizes
    tools/bench.sh xlsx --sizes 10000,100000 # other sizes

The rows are premium ledger lines (``telesales.premium``) of one month,
inserted once with COPY (not timed) into one team per size; the export is
``report.telesales_hr.premium_xlsx``, i.e. the streaming base every telesales
export uses, run as a telesales HR officer (record rules applied) and
written to a temporary file (xlsxwriter ``constant_memory`` + file target).

Each export runs in a fresh process (the registry loaded, a warm-up export
done) and measures:

- seconds of the export;
- RSS peak delta: the highest resident set size sampled every 20 ms during
  the export minus the RSS just before it (whole process: Python, libpq,
  xlsxwriter, zlib);
- tracemalloc peak: Python allocations during the export (a second run,
  tracemalloc slows Python down; ``--no-tracemalloc`` skips it);
- size of the final .xlsx file;
- the reference, in the same process: the same rows and columns read by a
  plain server-side cursor and written by xlsxwriter alone (no Odoo).

Memory is flat when the 1,000,000-row peaks are close to the 10,000-row
ones (ratio near 1) while the rows grow 100 times.
"""

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from datetime import date, timedelta

from sizes import add_size_option, smoke_wanted

BENCH_MONTH = date(2025, 3, 1)
# the same team size for every row count: only the rows change (the names
# of distinct agents are cached up to _xlsx_name_cache_size, see the README)
AGENTS = 20 if smoke_wanted() else 200
BENCH_LOGIN = "telesales_bench_hr"


def odoo_env(conf, db):
    """(registry, environment factory) with the project's configuration."""
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", conf, "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    return odoo, registry


# ----------------------------------------------------------------------
# Data: one team per size, its agents, N ledger lines inserted with COPY
# ----------------------------------------------------------------------
class CopySource(io.RawIOBase):
    """A read-only file producing COPY lines on demand (no list of rows)."""

    def __init__(self, lines):
        self._lines = lines
        self._buffer = b""

    def readable(self):
        return True

    def readinto(self, target):
        while len(self._buffer) < len(target):
            chunk = b"".join(line.encode() for line in _take(self._lines, 5000))
            if not chunk:
                break
            self._buffer += chunk
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size


def _take(iterator, count):
    for _index in range(count):
        try:
            yield next(iterator)
        except StopIteration:
            return


def ensure_data(odoo, registry, sizes):
    """Create the bench HR user, one team per size with its agents and the
    size's ledger lines, unless they exist. Returns {size: team id}."""
    teams = {}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        company = env.ref("base.main_company")
        if not env["res.users"].search([("login", "=", BENCH_LOGIN)]):
            env["res.users"].create(
                {
                    "name": "Bench HR",
                    "login": BENCH_LOGIN,
                    "company_id": company.id,
                    "company_ids": [(6, 0, [company.id])],
                    "groups_id": [
                        (6, 0, [env.ref("telesales_hr.group_telesales_hr").id])
                    ],
                }
            )
        rank = env.ref("telesales_hr.rank_s1")
        for size in sizes:
            name = f"Bench Team {size}"
            team = env["hr.department"].search([("name", "=", name)], limit=1)
            if not team:
                team = env["hr.department"].create(
                    {"name": name, "company_id": company.id}
                )
            teams[size] = team.id
            agents = env["hr.employee"].search(
                [("department_id", "=", team.id)], order="id"
            )
            if len(agents) < AGENTS:
                agents |= env["hr.employee"].create(
                    [
                        {
                            "name": f"Bench Agent {size}-{i:04d}",
                            "department_id": team.id,
                            "company_id": company.id,
                        }
                        for i in range(len(agents), AGENTS)
                    ]
                )
                env["telesales.rank.history"].create(
                    [
                        {
                            "employee_id": agent.id,
                            "rank_id": rank.id,
                            "date_start": BENCH_MONTH - timedelta(days=365),
                            "origin": "initial",
                        }
                        for agent in agents
                        if not agent.telesales_rank_id
                    ]
                )
            agents = agents[:AGENTS]
            cr.execute(
                "SELECT COUNT(*), COUNT(DISTINCT employee_id) FROM telesales_premium"
                " WHERE department_id = %s",
                [team.id],
            )
            if cr.fetchone() == (size, len(agents)):
                continue
            cr.execute(
                "DELETE FROM telesales_premium WHERE department_id = %s", [team.id]
            )
            env.flush_all()
            started = time.perf_counter()
            source = CopySource(_ledger_lines(size, agents.ids, team.id, company.id))
            cr.copy_expert(
                "COPY telesales_premium (external_id, employee_id, department_id,"
                " company_id, date, amount, state, refund_date, policy_ref,"
                " create_uid, write_uid, create_date, write_date) FROM STDIN",
                io.BufferedReader(source, buffer_size=1 << 20),
            )
            cr.execute("ANALYZE telesales_premium")
            print(
                f"[bench] inserted {size:,} ledger lines with COPY in "
                f"{time.perf_counter() - started:.1f} s (not timed below)",
                file=sys.stderr,
            )
        cr.commit()
    return teams


def _ledger_lines(size, agent_ids, team_id, company_id):
    rng = random.Random(size)
    now = "2025-04-01 00:00:00"
    for index in range(size):
        day = BENCH_MONTH + timedelta(days=rng.randrange(31))
        draw = rng.random()
        state, refund = "effective", "\\N"
        if draw < 0.03:
            state = "cancelled"
        elif draw < 0.06:
            state = "refunded"
            refund = (day + timedelta(days=rng.randrange(1, 40))).isoformat()
        amount = round(rng.uniform(100, 20000), -1)
        yield (
            f"BENCH-{size}-{index:07d}\t{agent_ids[index % len(agent_ids)]}\t"
            f"{team_id}\t{company_id}\t{day.isoformat()}\t{amount}\t{state}\t"
            f"{refund}\tP{size}{index:07d}\t1\t1\t{now}\t{now}\n"
        )


# ----------------------------------------------------------------------
# One measured export (child process)
# ----------------------------------------------------------------------
def _rss_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class RssSampler(threading.Thread):
    def __init__(self, interval=0.02):
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = _rss_bytes()
        self._stop_event = threading.Event()

    def run(self):
        while not self._stop_event.is_set():
            self.peak = max(self.peak, _rss_bytes())
            time.sleep(self.interval)

    def stop(self):
        self._stop_event.set()
        self.join()
        self.peak = max(self.peak, _rss_bytes())


def measure(conf, db, size, team_id, trace, out_dir):
    odoo, registry = odoo_env(conf, db)
    import gc

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        user = env["res.users"].search([("login", "=", BENCH_LOGIN)])
        env = env(user=user.id)
        report = env["report.telesales_hr.premium_xlsx"].with_context(
            active_model="telesales.premium"
        )
        domain = [("department_id", "=", team_id)]
        # warm-up: imports, prepared formats, name of the team and agents
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as warm:
            report._xlsx_write(warm.name, None, {"domain": [*domain, ("id", "<", 0)]})
        path = os.path.join(out_dir, f"premium_{size}.xlsx")
        gc.collect()
        before = _rss_bytes()
        if trace:
            tracemalloc.start()
        sampler = RssSampler()
        sampler.start()
        started = time.perf_counter()
        written = report._xlsx_write(path, None, {"domain": domain})
        seconds = time.perf_counter() - started
        sampler.stop()
        trace_peak = tracemalloc.get_traced_memory()[1] if trace else None
        if trace:
            tracemalloc.stop()
        plain_seconds = xlsxwriter_alone(cr, team_id, out_dir, size)
        result = {
            "size": size,
            "rows": sum(written.values()),
            "seconds": seconds,
            "plain_seconds": plain_seconds,
            "rss_before": before,
            "rss_peak_delta": sampler.peak - before,
            "tracemalloc_peak": trace_peak,
            "file_size": os.path.getsize(path),
        }
        cr.rollback()
    print(json.dumps(result))


def xlsxwriter_alone(cr, team_id, out_dir, size):
    """The reference: the same rows and columns read by a plain server-side
    cursor and written by xlsxwriter alone (constant_memory, the same
    formats, a total), without Odoo. Returns its seconds."""
    import xlsxwriter

    path = os.path.join(out_dir, f"plain_{size}.xlsx")
    started = time.perf_counter()
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = workbook.add_worksheet("Premium")
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    money = workbook.add_format({"num_format": "#,##0.00"})
    headers = ["Date", "External ID", "Policy / Order", "Agent", "Team", "Premium",
               "State", "Refund Date"]  # fmt: skip
    for col, header in enumerate(headers):
        sheet.write_string(0, col, header)
    cr.execute(
        """
        DECLARE bench_plain CURSOR FOR
        SELECT p.date, p.external_id, p.policy_ref, e.name,
               d.name->>'en_US', p.amount, p.state, p.refund_date
          FROM telesales_premium p
          JOIN hr_employee e ON e.id = p.employee_id
     LEFT JOIN hr_department d ON d.id = p.department_id
         WHERE p.department_id = %s
      ORDER BY p.date, p.id
        """,
        [team_id],
    )
    row_no, total = 0, 0.0
    while rows := (cr.execute("FETCH 2000 FROM bench_plain") or cr.fetchall()):
        for day, external_id, policy, agent, team, amount, state, refund in rows:
            row_no += 1
            sheet.write_datetime(row_no, 0, day, date_format)
            sheet.write_string(row_no, 1, external_id or "")
            sheet.write_string(row_no, 2, policy or "")
            sheet.write_string(row_no, 3, agent or "")
            sheet.write_string(row_no, 4, team or "")
            sheet.write_number(row_no, 5, amount, money)
            sheet.write_string(row_no, 6, state)
            if refund:
                sheet.write_datetime(row_no, 7, refund, date_format)
            total += amount
    sheet.write_formula(row_no + 1, 5, f"=SUBTOTAL(9,F2:F{row_no + 1})", money, total)
    cr.execute("CLOSE bench_plain")
    workbook.close()
    return time.perf_counter() - started


def run_child(args, size, team_id, trace, out_dir):
    command = [
        sys.executable,
        os.path.abspath(__file__),
        "-c",
        args.config,
        "-d",
        args.database,
        "--child",
        str(size),
        "--team",
        str(team_id),
        "--out",
        out_dir,
    ]
    if trace:
        command.append("--trace")
    output = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def mib(value):
    return f"{value / 1048576:8.1f} MiB" if value is not None else "       -    "


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", required=True, help="Odoo configuration")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--sizes", default="10000,200000")
    parser.add_argument("--no-tracemalloc", action="store_true")
    parser.add_argument("--keep-files", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--team", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    add_size_option(parser, sizes="200,400", no_tracemalloc=True)
    args = parser.parse_args()
    if args.child:
        measure(args.config, args.database, args.child, args.team, args.trace, args.out)
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    odoo, registry = odoo_env(args.config, args.database)
    teams = ensure_data(odoo, registry, sizes)
    results = []
    with tempfile.TemporaryDirectory(prefix="telesales_bench_") as tmp:
        out_dir = (
            os.path.join(os.path.dirname(os.path.abspath(__file__)), "out")
            if args.keep_files
            else tmp
        )
        os.makedirs(out_dir, exist_ok=True)
        for size in sizes:
            result = run_child(args, size, teams[size], False, out_dir)
            if not args.no_tracemalloc:
                traced = run_child(args, size, teams[size], True, out_dir)
                result["tracemalloc_peak"] = traced["tracemalloc_peak"]
                result["seconds_traced"] = traced["seconds"]
            results.append(result)
            print(
                f"[bench] {size:>9,} rows: {result['seconds']:7.1f} s "
                f"(xlsxwriter alone {result['plain_seconds']:.1f} s), "
                f"RSS peak +{mib(result['rss_peak_delta']).strip()}, "
                f"tracemalloc peak {mib(result.get('tracemalloc_peak')).strip()}, "
                f"file {mib(result['file_size']).strip()}",
                file=sys.stderr,
            )
    print()
    print("Streamed XLSX export of the premium ledger (constant_memory, file target)")
    print(
        f"{'rows':>10} {'seconds':>9} {'xlsxwriter alone':>17} {'ratio':>6} "
        f"{'rows/s':>9} {'RSS peak delta':>16} {'tracemalloc peak':>17} "
        f"{'file size':>13}"
    )
    for result in results:
        print(
            f"{result['rows']:>10,} {result['seconds']:>9.1f} "
            f"{result['plain_seconds']:>15.1f} s "
            f"{result['seconds'] / result['plain_seconds']:>6.2f} "
            f"{result['rows'] / result['seconds']:>9,.0f} "
            f"{mib(result['rss_peak_delta']):>16} "
            f"{mib(result.get('tracemalloc_peak')):>17} "
            f"{mib(result['file_size']):>13}"
        )
    if len(results) >= 2:
        small, large = results[0], results[-1]
        print()
        print(f"rows ratio        {large['rows'] / small['rows']:8.1f}")
        print(f"time ratio        {large['seconds'] / small['seconds']:8.1f}")
        print(
            "RSS peak ratio    "
            f"{large['rss_peak_delta'] / max(small['rss_peak_delta'], 1):8.2f}"
            f"   ({mib(small['rss_peak_delta']).strip()} -> "
            f"{mib(large['rss_peak_delta']).strip()})"
        )
        if small.get("tracemalloc_peak"):
            print(
                "tracemalloc ratio "
                f"{large['tracemalloc_peak'] / small['tracemalloc_peak']:8.2f}"
                f"   ({mib(small['tracemalloc_peak']).strip()} -> "
                f"{mib(large['tracemalloc_peak']).strip()})"
            )
        print(f"file size ratio   {large['file_size'] / small['file_size']:8.1f}")
    for result in results:
        print(
            f"RESULT rows={result['rows']} export_s={result['seconds']:.2f} "
            f"xlsxwriter_s={result['plain_seconds']:.2f} "
            f"ratio={result['seconds'] / result['plain_seconds']:.2f}"
        )


if __name__ == "__main__":
    main()
