# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Chinese payroll arithmetic, free of the ORM so it can be tested on plain
values (and checked against worked examples by hand).

Money is computed with :class:`decimal.Decimal` and rounded half-up, as the
tax bureau's withholding client does: binary floats would turn 3,390.10 into
3,390.0999999 and the cents of a year's cumulative tax would drift.

Brackets are passed in as ``[(upper, rate_percent, quick_deduction), ...]``
sorted by ``upper``; the last bracket has ``upper`` ``None`` (no limit). The
tables themselves are data records (``l10n_cn.iit.table``), never constants.
"""

from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")

#: rounding rules a city may use for contributions: quantum and mode
ROUNDING_RULES = {
    "cent": (CENT, ROUND_HALF_UP),
    "jiao": (Decimal("0.1"), ROUND_HALF_UP),
    "yuan": (Decimal("1"), ROUND_HALF_UP),
    "cent_down": (CENT, ROUND_DOWN),
    "yuan_up": (Decimal("1"), ROUND_CEILING),
}


def D(value):
    """A Decimal of a float, int, str or Decimal, through its shortest repr
    (``D(0.1)`` is 0.1, not 0.1000000000000000055...)."""
    if isinstance(value, Decimal):
        return value
    if value is None or value is False:
        return ZERO
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def money(value):
    """Round to the cent, half-up."""
    return D(value).quantize(CENT, rounding=ROUND_HALF_UP)


def clamp_base(base, floor, ceiling):
    """The contribution base within the city's floor and ceiling.

    A floor or ceiling of 0 means "none" (a company may leave one open).
    """
    base = D(base)
    floor, ceiling = D(floor), D(ceiling)
    if floor and base < floor:
        base = floor
    if ceiling and base > ceiling:
        base = ceiling
    return base


def round_contribution(amount, rule="cent"):
    """Round a contribution by the city's rounding rule (see ROUNDING_RULES)."""
    quantum, mode = ROUNDING_RULES[rule or "cent"]
    return D(amount).quantize(quantum, rounding=mode).quantize(CENT)


def contribution(base, rate_percent, rule="cent", fixed=0):
    """base × rate % (+ a fixed amount, e.g. Beijing's 3 yuan for serious
    illness), rounded by the city's rule."""
    amount = D(base) * D(rate_percent) / Decimal(100) + D(fixed)
    return round_contribution(amount, rule)


def minimum_wage_due(minimum_wage, share, own_contributions=0, excludes=False):
    """What the wage for the normal hours of a month must reach.

    ``share`` is the part of the month's working days the employee was
    employed (a mid-month hire earns the minimum wage of the days worked).
    Where the city's minimum wage excludes the employee's own social
    insurance and housing fund (Shanghai, Beijing), those are added in full:
    they are due for the whole month, and pay after them must still reach the
    minimum wage.
    """
    due = money(D(minimum_wage) * D(share))
    if excludes:
        due += money(own_contributions)
    return due


def minimum_wage_topup(due, wage):
    """The top-up (最低工资补差) that raises ``wage`` to ``due``; never negative."""
    return max(ZERO, money(D(due) - D(wage)))


def find_bracket(amount, brackets):
    """(rate_percent, quick_deduction) of the bracket ``amount`` falls in;
    an upper bound belongs to its bracket ("up to 36,000")."""
    amount = D(amount)
    for upper, rate, quick in brackets:
        if upper is None or upper is False or amount <= D(upper):
            return D(rate), D(quick)
    upper, rate, quick = brackets[-1]
    return D(rate), D(quick)


def tax_on_table(amount, brackets):
    """amount × rate − quick deduction, never negative, to the cent."""
    amount = D(amount)
    if amount <= 0:
        return ZERO.quantize(CENT), ZERO, ZERO
    rate, quick = find_bracket(amount, brackets)
    tax = amount * rate / Decimal(100) - quick
    return money(max(tax, ZERO)), rate, quick


def cumulative_taxable(
    cum_income,
    cum_basic_deduction,
    cum_social=0,
    cum_special=0,
    cum_other=0,
    cum_tax_free=0,
):
    """Cumulative taxable income (国家税务总局公告2018年第61号):
    cumulative income − tax-free income − basic deduction (5,000 × months)
    − employee social insurance and housing fund − special additional
    deductions − other deductions allowed by law. Not floored here: the
    caller shows a negative base as it is, the tax on it is 0."""
    return money(
        D(cum_income)
        - D(cum_tax_free)
        - D(cum_basic_deduction)
        - D(cum_social)
        - D(cum_special)
        - D(cum_other)
    )


def cumulative_withholding(
    cum_income,
    cum_basic_deduction,
    cum_social,
    cum_special,
    withheld_before,
    brackets,
    cum_other=0,
    cum_tax_free=0,
):
    """This month's withholding by the cumulative method.

    tax = (cumulative taxable × rate − quick deduction) − tax already
    withheld this year; a negative result refunds nothing (0), the excess
    stays withheld and the annual reconciliation settles it.

    Returns a dict: taxable, rate, quick, cumulative_tax, tax.
    """
    taxable = cumulative_taxable(
        cum_income,
        cum_basic_deduction,
        cum_social,
        cum_special,
        cum_other,
        cum_tax_free,
    )
    cumulative_tax, rate, quick = tax_on_table(taxable, brackets)
    tax = max(cumulative_tax - money(withheld_before), ZERO)
    return {
        "taxable": taxable,
        "rate": rate,
        "quick": quick,
        "cumulative_tax": cumulative_tax,
        "tax": money(tax),
    }


def annual_bonus_tax(bonus, monthly_brackets):
    """Separate taxation of the annual one-off bonus (财政部 税务总局公告
    2023年第30号, until 2027-12-31): the rate and quick deduction of the
    monthly table at bonus / 12, applied once to the whole bonus.

    Returns (tax, rate, quick).
    """
    bonus = D(bonus)
    if bonus <= 0:
        return ZERO.quantize(CENT), ZERO, ZERO
    rate, quick = find_bracket(bonus / Decimal(12), monthly_brackets)
    return money(max(bonus * rate / Decimal(100) - quick, ZERO)), rate, quick


def months_employed(year, month, start_date, first_job_of_year=False):
    """Months employed here this year up to ``month`` (inclusive).

    Counted from the month employment here started (a hire in March counts
    March); from January under 国家税务总局公告2020年第13号 when this is the
    employee's first salary of the year.
    """
    if first_job_of_year or not start_date or start_date.year < year:
        return month
    if start_date.year > year:
        return 0
    return max(month - start_date.month + 1, 0)


def months_covered(year, first_month, last_month, date_from, date_to):
    """How many months of ``year`` from ``first_month`` to ``last_month``
    (inclusive) a row valid from ``date_from`` to ``date_to`` (open when
    empty) touches: a deduction counts for the whole month it starts or ends
    in, as the tax bureau counts it."""
    count = 0
    for month in range(max(first_month, 1), last_month + 1):
        key = (year, month)
        if (date_from.year, date_from.month) <= key and (
            not date_to or (date_to.year, date_to.month) >= key
        ):
            count += 1
    return count
