# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers for the sales ledger and review tests."""

from datetime import date
from itertools import count

from .common import TelesalesCase

_SEQ = count(1)


class TelesalesSalesCase(TelesalesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Premium = cls.env["telesales.premium"]
        cls.Target = cls.env["telesales.target"]
        cls.Review = cls.env["telesales.rank.review"]

    @classmethod
    def sell(
        cls, employee, day, amount, state="effective", refund_date=False, ref=None
    ):
        return cls.Premium.create(
            {
                "external_id": ref or f"T-{next(_SEQ):06d}",
                "employee_id": employee.id,
                "date": day,
                "amount": amount,
                "state": state,
                "refund_date": refund_date,
            }
        )

    @classmethod
    def add_agents(cls, count, team, year=2025, quarter=2):
        """`count` agents in `team` across the whole ladder (every fifth one
        started inside the quarter) with six sales each in the quarter."""
        month = 3 * (quarter - 1) + 1
        employees = cls.env["hr.employee"].create(
            [
                {"name": f"Scale Agent {team.name} {i}", "department_id": team.id}
                for i in range(count)
            ]
        )
        cls.History.create(
            [
                {
                    "employee_id": emp.id,
                    "rank_id": cls.ranks[i % len(cls.ranks)].id,
                    "date_start": date(2025, 1, 1)
                    if i % 5
                    else date(year, month + 1, 1),
                    "origin": "initial",
                }
                for i, emp in enumerate(employees)
            ]
        )
        cls.Premium.create(
            [
                {
                    "external_id": f"SCALE-{emp.id}-{k}",
                    "employee_id": emp.id,
                    "date": date(year, month + k % 3, 1 + k),
                    "amount": 10000 + 5000 * ((i + k) % 9),
                }
                for i, emp in enumerate(employees)
                for k in range(6)
            ]
        )
        return employees
