#!/usr/bin/env python3
# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Generate a dialer export of N agents x D working days of calls.

Deterministic (seeded): the same arguments always give the same file. Agents
are ``bench0001`` …; days are consecutive working days (Mon-Fri) from
2025-01-06; each agent dials ``--dials`` numbers a day one after the other
from about 09:00 (lunch 12:00-13:30), ~40 % connected, talk 30-600 s, with a
few calls to the do-not-call numbers of :func:`dnc_numbers` and a few late
ones. ``--format vicidial`` writes the VICIdial preset's columns,
``generic`` the Generic CSV preset's.

    python3 bench/generate_calls.py --agents 100 --days 100 --dials 100 \\
        --out bench/out/calls.csv            # 1,000,000 rows
"""

import argparse
import csv
import random
from datetime import date, datetime, timedelta, timezone

START = date(2025, 1, 6)  # a Monday
BEIJING = timezone(timedelta(hours=8))

VICIDIAL_HEADER = [
    "call_date",
    "lead_id",
    "uniqueid",
    "phone_number",
    "user",
    "campaign_id",
    "length_in_sec",
    "status",
    "talk_sec",
    "wait_sec",
    "pause_sec",
    "dispo_sec",
]
GENERIC_HEADER = [
    "call_id",
    "agent",
    "callee_number",
    "start",
    "direction",
    "connected",
    "ring_seconds",
    "talk_seconds",
    "wait_seconds",
    "pause_seconds",
    "wrapup_seconds",
    "duration_seconds",
    "recording",
    "disposition",
    "lead",
]


def agent_login(number):
    return f"bench{number:04d}"


def working_days(count):
    day, days = START, []
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def dnc_numbers(count=1000, seed=7):
    rng = random.Random(seed)
    return [
        f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}" for _i in range(count)
    ]


def rows(agents, days, dials, fmt="vicidial", seed=42):
    """Yield the rows (lists of strings) of the export, header excluded."""
    rng = random.Random(seed)
    listed = dnc_numbers()
    vicidial = fmt == "vicidial"
    lead = 100000
    for day in working_days(days):
        midnight = datetime(day.year, day.month, day.day, tzinfo=BEIJING)
        for agent in range(1, agents + 1):
            login = agent_login(agent)
            clock = 9 * 3600 + rng.randint(0, 1500)
            lunch = False
            for k in range(dials):
                if not lunch and clock >= 12 * 3600:
                    clock = 13 * 3600 + 1800 + rng.randint(0, 900)
                    lunch = True
                connected = rng.random() < 0.4
                ring = rng.randint(3, 25) if connected else rng.randint(15, 40)
                talk = int(rng.triangular(30, 600, 240)) if connected else 0
                wait = rng.randint(2, 30)
                pause = rng.randint(30, 300) if rng.random() < 0.03 else 0
                wrapup = rng.randint(10, 60) if connected else rng.randint(2, 8)
                roll = rng.random()
                number = (
                    rng.choice(listed)
                    if roll < 0.0005
                    else f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
                )
                start = midnight + timedelta(seconds=clock)
                lead += 1
                if connected:
                    status = rng.choices(
                        ["NI", "CALLBK", "SALE", "NP"], [60, 25, 5, 10]
                    )[0]
                else:
                    status = rng.choices(["NA", "B", "AA", "DC"], [60, 20, 15, 5])[0]
                if vicidial:
                    yield [
                        start.strftime("%Y-%m-%d %H:%M:%S"),
                        str(lead),
                        f"{int(start.timestamp())}.{agent:04d}{k:03d}",
                        number,
                        login,
                        "BENCH",
                        str(ring + talk),
                        status,
                        str(talk),
                        str(wait),
                        str(pause),
                        str(wrapup),
                    ]
                else:
                    call_id = f"{login}-{day:%Y%m%d}-{k:04d}"
                    yield [
                        call_id,
                        login,
                        number,
                        start.strftime("%Y-%m-%d %H:%M:%S"),
                        "outbound",
                        "1" if connected else "0",
                        str(ring),
                        str(talk),
                        str(wait),
                        str(pause),
                        str(wrapup),
                        str(ring + talk),
                        f"rec/{call_id}.mp3" if connected else "",
                        status,
                        str(lead),
                    ]
                clock += ring + talk + wait + pause + wrapup


def write_csv(path, agents, days, dials, fmt="vicidial", seed=42):
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(VICIDIAL_HEADER if fmt == "vicidial" else GENERIC_HEADER)
        writer.writerows(rows(agents, days, dials, fmt, seed))
    return agents * days * dials


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--agents", type=int, default=100)
    parser.add_argument("--days", type=int, default=100)
    parser.add_argument(
        "--dials", type=int, default=100, help="dials per agent and day"
    )
    parser.add_argument("--format", choices=["vicidial", "generic"], default="vicidial")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    count = write_csv(
        args.out, args.agents, args.days, args.dials, args.format, args.seed
    )
    print(f"{args.out}: {count} rows")  # noqa: T201


if __name__ == "__main__":
    main()
