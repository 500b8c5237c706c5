# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""When a referral's bonuses fall due (SPEC §5), in plain functions."""

from dateutil.relativedelta import relativedelta


def milestone_due(kind, date_start, probation_end, first_months):
    """The day a bonus of a referral started on ``date_start`` falls due: the
    first one (``one_month``) ``first_months`` months after the start, the
    other one at the end of probation."""
    if kind == "one_month":
        return date_start + relativedelta(months=first_months)
    return probation_end


def probation_end(date_start, trial_end, months):
    """``(end of probation, source)``: the contract's end of trial period when
    there is one (``source`` ``contract``), else ``months`` after the start
    (``settings``)."""
    if trial_end and trial_end >= date_start:
        return trial_end, "contract"
    return date_start + relativedelta(months=months), "settings"
