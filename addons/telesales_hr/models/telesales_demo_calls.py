# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import random
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models

from .telesales_dnc import normalize_number


class TelesalesDemo(models.AbstractModel):
    _inherit = "telesales.demo"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _telesales_demo_calls(self, weeks=13, seed=2026, agents=None):
        """A quarter of dialer traffic for the telesales agents that exist,
        loaded through the bulk importer (deterministic for a given day).

        Per agent and working day: 40-120 outbound dials made one after the
        other from about 09:00 with a lunch break, ~40% connected, talk
        30-600 s, and a few violations: early or late calls, calls to the
        demo do-not-call numbers, one day over the dial cap.
        Returns the number of calls created (``agents``: default every
        telesales agent).
        """
        if agents is None:
            agents = self.env["hr.employee"].search(
                [("is_telesales_agent", "=", True)], order="id"
            )
        if not agents:
            return 0
        rng = random.Random(seed)
        today = fields.Date.context_today(self)
        days = [today - timedelta(days=n) for n in range(weeks * 7, 0, -1)]
        days = [day for day in days if day.weekday() < 5]
        for agent in agents.filtered(lambda a: not a.telesales_dialer_login):
            agent.telesales_dialer_login = f"agent{agent.id:04d}"
        dnc_numbers = [_demo_number(rng, mobile=True) for _i in range(12)]
        created = 0
        Import = self.env["telesales.call.import"]
        mapping = self.env.ref("telesales_hr.call_mapping_generic")
        for company in agents.company_id:
            listed = set(
                self.env["telesales.dnc"]
                .with_context(active_test=False)
                .search([("company_id", "=", company.id)])
                .mapped("number_normalized")
            )
            self.env["telesales.dnc"].create(
                [
                    {
                        "number": number,
                        "company_id": company.id,
                        "date_listed": datetime.combine(days[0], time(1)),
                        "reason": self.env._(
                            "The customer asked not to be called again."
                        ),
                    }
                    for number in dnc_numbers
                    if normalize_number(number) not in listed
                ]
            )
            company_agents = agents.filtered(lambda a, c=company: a.company_id == c)
            rows = _demo_call_rows(rng, company_agents, days, dnc_numbers)
            header = [
                "call_id", "agent", "callee_number", "start", "direction",
                "connected", "ring_seconds", "talk_seconds", "wait_seconds",
                "pause_seconds", "wrapup_seconds", "duration_seconds",
                "recording", "disposition", "lead",
            ]  # fmt: skip
            result = Import._import_rows(
                header, rows, mapping, company, self.env["telesales.dialer"],
                source_name="demo calls",
            )  # fmt: skip
            created += result["created"]
        return created


def _demo_number(rng, mobile=None):
    """A random Chinese number: a mobile, or (``mobile`` None) mostly one."""
    if mobile or (mobile is None and rng.random() < 0.85):
        return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
    area = rng.choice(["10", "21", "20", "755", "571", "28"])
    local = rng.randrange(10**7, 10**8) if len(area) == 2 else rng.randrange(10**7)
    return f"0{area}-{local}"


def _demo_call_rows(rng, agents, days, dnc_numbers):
    """The export rows of ``agents`` on ``days`` (see _telesales_demo_calls)."""
    cap_day = (agents[0].id, days[len(days) // 2])
    for agent in agents:
        tz = pytz.timezone(agent._telesales_tz())
        connect_rate = rng.uniform(0.32, 0.48)
        for day in days:
            offset = tz.utcoffset(datetime.combine(day, time(12)))
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            suffix = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
            burst = (agent.id, day) == cap_day
            dials = 205 if burst else rng.randint(40, 120)
            # mostly 09:00-09:25, sometimes late, rarely before the window
            clock = 9 * 3600 + rng.randint(0, 1500)
            if rng.random() < 0.1:
                clock += 1800
            if rng.random() < 0.01:
                clock = 9 * 3600 - rng.randint(60, 600)
            lunch_taken = False
            for k in range(dials):
                if not lunch_taken and clock >= 12 * 3600:
                    clock = int(13.5 * 3600) + rng.randint(0, 1200)
                    lunch_taken = True
                if clock >= 18 * 3600 and (burst or rng.random() > 0.02):
                    break
                connected = not burst and rng.random() < connect_rate
                ring = rng.randint(3, 25) if connected else rng.randint(15, 40)
                talk = int(rng.triangular(30, 600, 420)) if connected else 0
                wait = rng.randint(2, 40) if not burst else 1
                pause = rng.randint(30, 300) if rng.random() < 0.05 else 0
                wrapup = rng.randint(10, 90) if connected else rng.randint(2, 10)
                if rng.random() < 0.0003:
                    number = rng.choice(dnc_numbers)
                else:
                    number = _demo_number(rng)
                if connected:
                    disposition = rng.choices(
                        ["NI", "CALLBK", "SALE", "NP"], [60, 25, 5, 10]
                    )[0]
                else:
                    disposition = rng.choices(["NA", "B", "AA", "DC"], [60, 20, 15, 5])[
                        0
                    ]
                call_id = f"demo-{agent.id}-{day.strftime('%Y%m%d')}-{k:03d}"
                yield [
                    call_id,
                    agent.telesales_dialer_login,
                    number,
                    f"{day} {clock // 3600:02d}:{clock // 60 % 60:02d}:"
                    f"{clock % 60:02d}{suffix}",
                    "outbound",
                    "1" if connected else "0",
                    str(ring),
                    str(talk),
                    str(wait),
                    str(pause),
                    str(wrapup),
                    str(ring + talk),
                    f"rec/{day.strftime('%Y%m%d')}/{call_id}.mp3" if connected else "",
                    disposition,
                    "",
                ]
                clock += ring + talk + wrapup + wait + pause
