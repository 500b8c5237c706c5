# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The minimum wage on the payslip (最低工资).

The wage for a month's normal hours may not be below the city's minimum wage
(《最低工资规定》第十二条). Where it is, the salary rule CN_MIN_TOPUP pays the
difference (最低工资补差), inside the gross, so it is taxed and counted like
the rest of the wage. A mid-month hire or leaver earns the minimum wage of the
working days employed. In Shanghai and Beijing the minimum wage excludes the
employee's own social insurance and housing fund, so pay after them must reach
it. The figures used are kept on the payslip.
"""

from datetime import datetime, time, timedelta

import pytz

from odoo import fields, models

from .cn_tax import D, minimum_wage_due, minimum_wage_topup

DAY = timedelta(days=1)
#: the time off the minimum wage is not due for (事假 and other unpaid types)
UNPAID_DOMAIN = [
    ("time_type", "=", "leave"),
    ("holiday_id.holiday_status_id.unpaid", "=", True),
]


class HrPayslip(models.Model):
    _inherit = "hr.payslip"  # pylint: disable=consider-merging-classes-inherited

    l10n_cn_minimum_wage_id = fields.Many2one(
        "l10n_cn.minimum.wage", string="Minimum Wage Used", readonly=True
    )
    l10n_cn_minimum_wage_share = fields.Float(
        string="Share of the Month Employed",
        digits=(16, 4),
        readonly=True,
        help="Working days of the period inside the contract, less unpaid "
        "time off, divided by the working days of the period (the employee's "
        "working schedule, public holidays excluded).",
    )
    l10n_cn_minimum_wage_due = fields.Float(
        string="Minimum Pay Due",
        digits="Payroll",
        readonly=True,
        help="The minimum wage × the share of the month employed, plus the "
        "employee's own social insurance and housing fund where the city's "
        "minimum wage excludes them. The wage for the normal hours is topped "
        "up to this amount.",
    )

    def l10n_cn_minimum_wage_topup(self, categories):
        """The top-up of this payslip (positive), for the rule CN_MIN_TOPUP:
        the minimum pay due minus the wage counted towards it, on this
        payslip so far and on the employee's done payslips of the same
        period (the minimum is topped up once a month, not once a payslip)."""
        self.ensure_one()
        self.l10n_cn_prepare()
        if not self.l10n_cn_minimum_wage_id or self.credit_note:
            return 0.0
        counted = sum(
            getattr(categories, code) for code in self._l10n_cn_minimum_wage_codes()
        )
        topup = minimum_wage_topup(self.l10n_cn_minimum_wage_due, counted)
        if topup:
            topup = minimum_wage_topup(
                self.l10n_cn_minimum_wage_due,
                counted + self._l10n_cn_minimum_wage_paid_before(),
            )
        return float(topup)

    def _l10n_cn_minimum_wage_codes(self):
        """The salary rule categories of the wage counted towards the minimum
        wage: basic wage and allowances (the top-up itself is an allowance).
        A structure with other categories of normal-hours pay (commission,
        say) adds them. Overtime, the annual one-off bonus and tax-free
        income do not count."""
        return ("BASIC", "ALW")

    def _l10n_cn_minimum_wage_paid_before(self):
        """The wage counted towards the minimum wage on the employee's other
        done payslips overlapping this period (refunds negative)."""
        others = self.sudo().search(
            [
                ("employee_id", "=", self.employee_id.id),
                ("company_id", "=", self.company_id.id),
                ("state", "=", "done"),
                ("id", "!=", self._origin.id or 0),
                ("date_from", "<=", self.date_to),
                ("date_to", ">=", self.date_from),
            ]
        )
        codes = set(self._l10n_cn_minimum_wage_codes())
        total = 0.0
        for line in others.line_ids:
            category = line.category_id
            while category and category.code not in codes:
                category = category.parent_id
            if category:
                total += -line.total if line.slip_id.credit_note else line.total
        return total

    def l10n_cn_minimum_wage_floor(self):
        """What pay after deductions must reach for a whole month in the
        employee's city: the minimum wage, plus the employee's own SI and HF
        where the city's minimum wage excludes them (Shanghai, Beijing).

        For other modules capping deductions (e.g. a telesales payroll):
        returns a dict ``minimum_wage``, ``contributions``, ``floor``,
        ``cap_percent`` (the city's deduction cap) and ``city``.
        """
        self.ensure_one()
        self.l10n_cn_prepare()
        row = self.l10n_cn_minimum_wage_id
        contributions = self.l10n_cn_employee_si_hf()
        floor = minimum_wage_due(
            row.amount, 1, contributions, excludes=row.excludes_contributions
        )
        return {
            "city": self.l10n_cn_city_id,
            "minimum_wage": row.amount,
            "contributions": contributions,
            "floor": float(floor),
            "cap_percent": self.l10n_cn_city_id.deduction_cap_percent,
        }

    def _l10n_cn_minimum_wage_values(self, city, amounts, hours_memo=None):
        """The minimum wage row, the share of the month and the pay due, for
        the payslip's values (``amounts``: the contributions just computed;
        ``hours_memo``: see ``_l10n_cn_month_share``)."""
        row = city.minimum_wage_at(self.date_from)
        share = self._l10n_cn_month_share(hours_memo)
        own = sum(D(amount) for kind, amount in amounts.items() if kind.endswith("_ee"))
        due = minimum_wage_due(
            row.amount, share, own, excludes=row.excludes_contributions
        )
        if not share:
            # not a day of normal work in the period: no minimum is due
            due = 0
        return {
            "l10n_cn_minimum_wage_id": row.id,
            "l10n_cn_minimum_wage_share": share,
            "l10n_cn_minimum_wage_due": float(due) if row else 0.0,
        }

    def _l10n_cn_unpaid_resources(self, hours_memo, start, end):
        """The resources of the payslips prepared together (``hours_memo``'s
        ``"payslips"``, else this one) with unpaid time off around the
        interval, read once: the others have none to count, and reading
        each employee's leaves one by one is what took a batch's time."""
        key = ("unpaid", start, end)
        if key not in hours_memo:
            slips = hours_memo.get("payslips") or self
            rows = (
                self.env["resource.calendar.leaves"]
                .sudo()
                ._read_group(
                    UNPAID_DOMAIN
                    + [
                        ("resource_id", "in", slips.employee_id.resource_id.ids),
                        # a day of margin each side: the leaves are stored
                        # in UTC, the interval is the schedule's local days
                        ("date_from", "<=", datetime.combine(end, time.max) + DAY),
                        ("date_to", ">=", datetime.combine(start, time.min) - DAY),
                    ],
                    ["resource_id"],
                )
            )
            hours_memo[key] = {resource.id for (resource,) in rows}
        return hours_memo[key]

    def _l10n_cn_month_share(self, hours_memo=None):
        """The share of the period's working hours the minimum wage is due
        for: the hours inside the contract, less unpaid leave (事假 and other
        time off of a type marked unpaid), over the period's working hours, on
        the contract's schedule (public holidays excluded). Paid leave counts
        as normal work (《最低工资规定》第三条). 1 without a schedule.

        ``hours_memo``: {(schedule, first day, last day): hours}, shared by
        the payslips prepared together (a batch has a few schedules and
        one period)."""
        self.ensure_one()
        contract = self.contract_id
        calendar = (
            contract.resource_calendar_id or self.employee_id.resource_calendar_id
        )
        if not calendar:
            return 1.0
        tz = pytz.timezone(calendar.tz or "UTC")

        hours_memo = {} if hours_memo is None else hours_memo

        def hours(day_from, day_to):
            key = (calendar.id, day_from, day_to)
            if key not in hours_memo:
                hours_memo[key] = period_hours(day_from, day_to)
            return hours_memo[key]

        def period_hours(day_from, day_to):
            intervals = calendar._work_intervals_batch(
                tz.localize(datetime.combine(day_from, time.min)),
                tz.localize(datetime.combine(day_to, time.max)),
            )[False]
            return sum((stop - begin).total_seconds() for begin, stop, _m in intervals)

        period = hours(self.date_from, self.date_to)
        if not period:
            return 1.0
        start = max(self.date_from, contract.date_start or self.date_from)
        end = min(self.date_to, contract.date_end or self.date_to)
        if start > end:
            return 0.0
        # sudo: a payroll officer need not be a time-off officer to count
        # the unpaid days of the employees they pay
        unpaid = []
        if self.employee_id.resource_id.id in self._l10n_cn_unpaid_resources(
            hours_memo, start, end
        ):
            unpaid = self.employee_id.sudo().list_leaves(
                tz.localize(datetime.combine(start, time.min)),
                tz.localize(datetime.combine(end, time.max)),
                calendar=calendar.sudo(),
                domain=UNPAID_DOMAIN,
            )
        # most payslips cover their whole period: its hours are already known
        contracted = (
            period
            if (start, end) == (self.date_from, self.date_to)
            else hours(start, end)
        )
        employed = contracted - sum(h for _day, h, _leave in unpaid) * 3600
        return round(max(employed, 0.0) / period, 4)
