# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers for the sales ledger and review tests."""

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
    def sell(cls, employee, day, amount, state="effective", refund_date=False, ref=None):
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
