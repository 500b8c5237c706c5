# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What an attendance day costs (SPEC §4), as plain functions.

telesales_hr judges the day (tiers in minutes, absence in half days); the
money is payroll's: a share of the day's base wage, rounded to the currency
like every amount of a payslip. ``params``: the company's settings
(``minor_pct``, ``major_pct`` in %, ``half_factor``, ``full_factor`` in day
wages, ``rounding`` of the currency).
"""

from odoo.tools import float_round


def money(amount, rounding):
    # most days deduct nothing: 0 needs no rounding (44,000 days a month for
    # 2,000 agents, five amounts each)
    return float_round(amount, precision_rounding=rounding) if amount else 0.0


def day_wage(base_wage, month_days, rounding):
    """The base wage of the rank divided by the working days of the month in
    the agent's schedule (0 when the month has none)."""
    return money(base_wage / month_days, rounding) if month_days else 0.0


def tier_amount(tier, wage, params):
    """Deduction of a late arrival or early leave tier (the "absence" tier
    costs nothing here: it counts as half a day of absence)."""
    if tier == "minor":
        return wage * params["minor_pct"] / 100
    if tier == "major":
        return wage * params["major_pct"] / 100
    return 0.0


def absence_amount(absence, wage, params):
    return {
        "none": 0.0,
        "half": params["half_factor"] * wage,
        "full": params["full_factor"] * wage,
    }[absence]


def day_deductions(base_wage, month_days, facts, params):
    """The money fields of a compliance day from its facts (``late_tier``,
    ``early_tier``, ``absence``): each deduction rounded, their sum rounded."""
    rounding = params["rounding"]
    wage = day_wage(base_wage, month_days, rounding)
    late = money(tier_amount(facts.get("late_tier", "none"), wage, params), rounding)
    early = money(tier_amount(facts.get("early_tier", "none"), wage, params), rounding)
    absence = money(absence_amount(facts["absence"], wage, params), rounding)
    return {
        "day_wage": wage,
        "late_deduction": late,
        "early_deduction": early,
        "absence_deduction": absence,
        "attendance_deduction": money(late + early + absence, rounding),
    }
