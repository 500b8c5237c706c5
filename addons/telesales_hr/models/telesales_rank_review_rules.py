# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The quarterly rank review's rules (SPEC §3) in plain functions: quarters,
how long the current rank was held, and the decision for one agent.

A rank is any object with ``id``, ``sequence`` and ``quarter_threshold``
(telesales.rank records in the model); the ladder is ordered lowest first.
"""

from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.tools import float_compare, float_round


def quarter_dates(year, quarter):
    """First and last day of ``quarter`` (1 to 4) of ``year``."""
    date_from = date(year, 3 * (quarter - 1) + 1, 1)
    return date_from, date_from + relativedelta(months=3, days=-1)


def previous_quarter(day):
    """(year, quarter) of the last quarter closed before ``day``."""
    quarter = (day.month - 1) // 3 + 1
    return (day.year - 1, 4) if quarter == 1 else (day.year, quarter - 1)


def held_since(periods):
    """The day the current rank (of the last of ``periods``, ``[(rank,
    start, end)]`` in order) started: the same rank re-entered the day after
    it ended (e.g. a correction) does not restart it."""
    current, held_start = periods[-1][0], periods[-1][1]
    for rank, start, end in reversed(periods[:-1]):
        if rank != current or end + relativedelta(days=1) != held_start:
            break
        held_start = start
    return held_start


def months_held(held_start, date_from, date_to):
    """Months of the quarter ``date_from``–``date_to`` the rank was held:
    3, or the months from the one it started in when inside the quarter."""
    if held_start <= date_from:
        return 3
    return (date_to.year - held_start.year) * 12 + date_to.month - held_start.month + 1


def rank_decision(current, ladder, premium, months, blocked, promotion_mode, rounding):
    """The decision for an agent holding ``current`` for ``months`` months
    of the quarter with ``premium`` in it.

    Thresholds are pro rata of the months held, rounded to the currency's
    ``rounding``; a promotion reaches the next rank (``promotion_mode``
    ``step``) or the highest rank reached (``jump``); ``blocked``: a
    promotion is kept instead; below the current threshold it is one rank
    down, except for the lowest rank. Returns ``{"decision",
    "proposed_rank", "threshold", "promotion_threshold"}``.
    """

    def key(rank):
        return (rank.sequence, rank.id)

    def prorated(rank):
        return float_round(
            rank.quarter_threshold * months / 3, precision_rounding=rounding
        )

    def reaches(rank):
        return float_compare(premium, prorated(rank), precision_rounding=rounding) >= 0

    higher = [rank for rank in ladder if key(rank) > key(current)]
    lower = [rank for rank in ladder if key(rank) < key(current)]
    next_rank = higher[0] if higher else False
    result = {
        "threshold": prorated(current),
        "promotion_threshold": prorated(next_rank) if next_rank else 0.0,
    }
    if next_rank and reaches(next_rank):
        if blocked:
            result.update(decision="keep", proposed_rank=current)
        elif promotion_mode == "jump":
            reached = [rank for rank in higher if reaches(rank)]
            result.update(decision="promote", proposed_rank=reached[-1])
        else:
            result.update(decision="promote", proposed_rank=next_rank)
    elif reaches(current) or not lower:
        # a trainee (lowest rank) stays where they are
        result.update(decision="keep", proposed_rank=current)
    else:
        result.update(decision="demote", proposed_rank=lower[-1])
    return result
