# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Date and money arithmetic of the telesales payroll, free of the ORM so it
can be tested on plain values."""

from bisect import bisect_left, bisect_right
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo.tools import float_round

from odoo.addons.resource.models.utils import Intervals

ONE_DAY = timedelta(days=1)
# resource's Intervals carry records; these date spans carry none
_NO_RECORDS = frozenset()


def _intervals(spans):
    """Closed date spans [start, end] as resource's half-open Intervals."""
    return Intervals((start, end + ONE_DAY, _NO_RECORDS) for start, end in spans)


def _spans(intervals):
    """resource's half-open Intervals back as closed date spans."""
    return [(start, stop - ONE_DAY) for start, stop, _records in intervals]


def intersect(start, end, other_start, other_end):
    """The common part of two closed date intervals, or None."""
    common = _spans(_intervals([(start, end)]) & _intervals([(other_start, other_end)]))
    return common[0] if common else None


def subtract(start, end, covered):
    """Parts of [start, end] outside every (start, end) of `covered`."""
    return _spans(_intervals([(start, end)]) - _intervals(covered))


def month_pieces(start, end):
    """Split [start, end] at month boundaries: (start, end, month first day)."""
    pieces = []
    cursor = start
    while cursor <= end:
        month_first = cursor.replace(day=1)
        month_last = month_first + relativedelta(months=1) - ONE_DAY
        pieces.append((cursor, min(end, month_last), month_first))
        cursor = month_last + ONE_DAY
    return pieces


def prorate(rate, pieces):
    """A monthly ``rate`` paid for ``pieces`` of months, each (working days
    paid, working days of its month): (amount, days paid, the most working
    days of one of the months)."""
    amount, days, month_days = 0.0, 0, 0
    for piece_days, total_days in pieces:
        if total_days:
            amount += rate * piece_days / total_days
        days += piece_days
        month_days = max(month_days, total_days)
    return amount, days, month_days


class WorkingDays:
    """Working days per calendar, computed once for a whole batch.

    ``days`` maps a calendar id to the sorted dates it has work on; an
    employee without calendar works every day.
    """

    def __init__(self, days):
        self.days = days

    def count(self, calendar_id, start, end):
        days = self.days.get(calendar_id)
        if days is None:
            return (end - start).days + 1
        return bisect_right(days, end) - bisect_left(days, start)

    def month_count(self, calendar_id, month_first):
        month_last = month_first + relativedelta(months=1) - ONE_DAY
        return self.count(calendar_id, month_first, month_last)


def cap_deductions(gross, items, cap_rate, min_wage, rounding=0.01):
    """Deduct `items` in order while the month allows it; carry the rest.

    All deductions of the month together stay within `cap_rate` percent of the
    month's wage (`gross`) and never take the net pay below `min_wage`
    (SPEC §6). Each item is a dict with a positive ``amount_due``; this sets
    its ``applied`` and ``carried`` amounts and returns what was deducted.
    """

    # not odoo.tools.float_round: Python's round() breaks ties to even and
    # float_round (HALF-UP or HALF-EVEN) adds an epsilon, so amounts on a
    # tie would move by a cent; the deducted amounts stay as they always were
    def rnd(value):
        return round(round(value / rounding) * rounding, 10)

    allowed = max(0.0, min(gross * cap_rate / 100.0, gross - min_wage))
    allowed = rnd(allowed)
    total = 0.0
    for item in items:
        due = max(0.0, item["amount_due"])
        applied = rnd(min(due, allowed))
        allowed = rnd(allowed - applied)
        item["applied"] = applied
        item["carried"] = rnd(due - applied)
        total += applied
    return rnd(total)


def liability_cap(allowance, cap_percent):
    """The most a supervisor answers for: ``cap_percent`` % of the management
    allowance (SPEC §6, joint liability)."""
    return allowance * cap_percent / 100.0


def cap_liability(amounts, cap, rounding=None):
    """Deduct the liability ``amounts`` in order while ``cap`` allows it: the
    part of each one deducted (rounded as the currency of ``rounding`` rounds,
    when given)."""
    dues = []
    for amount in amounts:
        due = min(amount, cap)
        if rounding:
            due = float_round(due, precision_rounding=rounding)
        cap -= due
        dues.append(due)
    return dues
