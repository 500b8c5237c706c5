# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Gathering the figures of the payslips being computed: the days each rule
pays (the plan) and one query per source for all their employees."""

from collections import defaultdict
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, models

from .telesales_payroll_tools import WorkingDays, intersect, month_pieces, subtract

# Amounts that accrue over days: paid once per employee, rule and day.
PERIOD_CODES = (
    "TS_BASE",
    "TS_NEWCOMER",
    "TS_MGMT",
    "TS_COMM",
    "TS_QA_DED",
    "TS_LIAB_DED",
)


class HrPayslip(models.Model):
    _inherit = "hr.payslip"  # pylint: disable=consider-merging-classes-inherited

    def _telesales_gather(self):
        """Everything the payslips need, in a few queries for all of them."""
        employees = self.employee_id
        d_min = min(self.mapped("date_from"))
        d_max = max(self.mapped("date_to"))
        Source = self.env["telesales.payslip.source"]
        data = {
            "covered": Source._paid_periods(employees, d_min, d_max),
            "ranks": self._telesales_collect_ranks(employees, d_min, d_max),
            "leaders": self._telesales_collect_team_leaders(employees),
            "workdays": self._telesales_working_days(d_min, d_max),
        }
        # Which employee needs which interval from the period sources.
        plans = {slip.id: slip._telesales_plan(data) for slip in self}
        data["plans"] = plans
        requests = defaultdict(lambda: defaultdict(set))
        for slip in self:
            for code, segments in plans[slip.id].items():
                for segment in segments:
                    requests[code][segment[:2]].add(slip.employee_id.id)
        data["kpi"] = {}
        months = {
            piece[2]
            for segs in requests["TS_NEWCOMER"]
            for piece in month_pieces(*segs)
        }
        for month in months:
            for emp_id, passed in self._telesales_collect_kpi(employees, month).items():
                data["kpi"][emp_id, month] = passed
        for code, collector in (
            ("TS_COMM", self._telesales_collect_premium),
            ("TS_QA_DED", self._telesales_collect_quality_points),
            ("TS_LIAB_DED", self._telesales_collect_liability),
        ):
            data[code] = {
                interval: collector(self.env["hr.employee"].browse(emp_ids), *interval)
                for interval, emp_ids in requests[code].items()
            }
        records = (
            [
                ("TS_REF", row)
                for row in self._telesales_collect_referrals(employees, d_max)
            ]
            + [
                ("TS_ATT_DED", row)
                for row in self._telesales_collect_attendance(employees, d_min, d_max)
            ]
            + [
                ("TS_CARRY", row)
                for row in self._telesales_collect_carryover(employees, d_max)
            ]
        )
        paid = Source._paid_keys(
            [(row["res_model"], row["res_id"], code) for code, row in records]
        )
        data["records"] = defaultdict(list)
        for code, row in records:
            if (row["res_model"], row["res_id"], code) not in paid:
                data["records"][row["employee_id"]].append((code, row))
        return data

    def _telesales_window(self):
        """The payslip's dates inside its contract."""
        contract = self.contract_id
        start = max(self.date_from, contract.date_start or self.date_from)
        end = min(self.date_to, contract.date_end or self.date_to)
        return start, end

    def _telesales_calendar_id(self):
        return (
            self.contract_id.resource_calendar_id
            or self.employee_id.resource_calendar_id
        ).id

    def _telesales_plan(self, data):
        """{code: [(start, end[, rank, history id])]}: the dates this payslip
        pays for each rule that accrues by day, after removing the days already
        paid by done payslips."""
        self.ensure_one()
        emp_id = self.employee_id.id
        start, end = self._telesales_window()
        plan = {}
        if start > end:
            return plan
        for code in PERIOD_CODES:
            open_parts = subtract(start, end, data["covered"].get((emp_id, code), []))
            if code in ("TS_QA_DED", "TS_LIAB_DED"):
                plan[code] = open_parts
                continue
            if code == "TS_MGMT" and emp_id not in data["leaders"]:
                continue
            plan[code] = [
                (*part, rank, history_id)
                for rank, r_start, r_end, history_id in data["ranks"].get(emp_id, [])
                for part in filter(
                    None,
                    (intersect(p_s, p_e, r_start, r_end) for p_s, p_e in open_parts),
                )
            ]
        return plan

    # ------------------------------------------------------------------
    # Collectors: one small method per source, each one query for all
    # the employees of the payslips being computed.
    # ------------------------------------------------------------------
    @api.model
    def _telesales_collect_ranks(self, employees, date_from, date_to):
        """{employee id: [(rank, start, end, rank history id)]} held in the
        interval, from the append-only rank history."""
        History = self.env["telesales.rank.history"].sudo()
        periods = History._rank_periods(employees, date_from, date_to)
        entries = defaultdict(list)
        for entry in History.search_read(
            [("employee_id", "in", list(periods)), ("date_start", "<=", date_to)],
            ["employee_id", "date_start"],
            order="date_start, id",
            load=None,
        ):
            entries[entry["employee_id"]].append((entry["date_start"], entry["id"]))
        # one read for all the ranks involved
        ranks = self.env["telesales.rank"].browse(
            {
                rank.id
                for emp_periods in periods.values()
                for rank, _s, _e in emp_periods
            }
        )
        ranks.fetch(
            [
                "base_wage",
                "newcomer_allowance",
                "management_allowance",
                "commission_rate",
            ]
        )
        ranks = {rank.id: rank for rank in ranks}
        result = {}
        for emp_id, emp_periods in periods.items():
            result[emp_id] = [
                (
                    ranks[rank.id],
                    start,
                    end,
                    [
                        entry_id
                        for entry_start, entry_id in entries[emp_id]
                        if entry_start <= start
                    ][-1],
                )
                for rank, start, end in emp_periods
            ]
        return result

    @api.model
    def _telesales_collect_team_leaders(self, employees):
        """Ids of the employees leading a team (department manager): they get
        the management allowance of their rank."""
        groups = (
            self.env["hr.department"]
            .sudo()
            ._read_group([("manager_id", "in", employees.ids)], ["manager_id"])
        )
        return {manager.id for (manager,) in groups}

    @api.model
    def _telesales_collect_kpi(self, employees, month_first_day):
        """{employee id: the month's KPI reached the pass line}."""
        Employee = self.env["hr.employee"].sudo()
        return Employee._telesales_kpi_passed(employees, month_first_day)

    @api.model
    def _telesales_collect_premium(self, employees, date_from, date_to):
        """{employee id: effective premium of the interval}."""
        return (
            self.env["telesales.premium"]
            .sudo()
            ._effective_premium(employees, date_from, date_to)
        )

    @api.model
    def _telesales_collect_referrals(self, employees, date_to):
        """Approved, unpaid referral milestones due by `date_to`."""
        milestones = (
            self.env["telesales.referral.milestone"].sudo()._payable(employees, date_to)
        )
        return [
            {
                "employee_id": milestone.employee_id.id,
                "res_model": milestone._name,
                "res_id": milestone.id,
                "amount": milestone.amount,
                "date": milestone.date_due,
                "name": self.env._(
                    "Referral bonus: %(milestone)s", milestone=milestone.display_name
                ),
            }
            for milestone in milestones
        ]

    @api.model
    def _telesales_collect_attendance(self, employees, date_from, date_to):
        """Attendance deductions of the daily compliance rows not paid yet."""
        rows = (
            self.env["telesales.daily.compliance"]
            .sudo()
            .search_read(
                [
                    ("employee_id", "in", employees.ids),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                    ("locked", "=", False),
                    ("attendance_deduction", "!=", 0),
                ],
                ["employee_id", "date", "attendance_deduction"],
                order="date, id",
                load=None,
            )
        )
        return [
            {
                "employee_id": row["employee_id"],
                "res_model": "telesales.daily.compliance",
                "res_id": row["id"],
                "amount": row["attendance_deduction"],
                "date": row["date"],
                "name": self.env._(
                    "Attendance deduction of %(date)s", date=row["date"]
                ),
            }
            for row in rows
        ]

    @api.model
    def _telesales_collect_quality_points(self, employees, date_from, date_to):
        """{employee id: behaviour-quality points lost in the interval}."""
        return (
            self.env["telesales.discipline"]
            .sudo()
            ._quality_points(employees, date_from, date_to)
        )

    @api.model
    def _telesales_collect_liability(self, employees, date_from, date_to):
        """{employee id: supervisor liability charged in the interval, valued
        (``telesales_liability.py``), capped by the payslip}."""
        return (
            self.env["telesales.liability"]
            .sudo()
            ._liability_amounts(employees, date_from, date_to)
        )

    @api.model
    def _telesales_collect_carryover(self, employees, date_to):
        """Open deductions carried by done payslips before `date_to`."""
        rows = (
            self.env["telesales.deduction.carryover"]
            .sudo()
            .search_read(
                [
                    ("employee_id", "in", employees.ids),
                    ("state", "=", "open"),
                    ("date", "<", date_to),
                ],
                ["employee_id", "date", "amount"],
                order="date, id",
                load=None,
            )
        )
        return [
            {
                "employee_id": row["employee_id"],
                "res_model": "telesales.deduction.carryover",
                "res_id": row["id"],
                "amount": row["amount"],
                "date": row["date"],
                "name": self.env._(
                    "Deductions carried from the period ending %(date)s",
                    date=row["date"],
                ),
            }
            for row in rows
        ]

    @api.model
    def _telesales_point_value(self, company):
        """CNY per behaviour-quality point (a telesales_quality setting)."""
        return company.telesales_point_value

    @api.model
    def _telesales_liability_cap(self, company):
        """Supervisor liability cap, % of the month's management allowance."""
        return company.telesales_liability_cap_percent

    def _telesales_working_days(self, date_from, date_to):
        """Working days of every calendar of these payslips over the whole
        months of the interval (public holidays excluded), computed once."""
        start = date_from.replace(day=1)
        last = date_to.replace(day=1) + relativedelta(months=1, days=-1)
        calendars = (
            self.contract_id.resource_calendar_id
            | self.employee_id.resource_calendar_id
        )
        days = {}
        for calendar in calendars:
            tz = pytz.timezone(calendar.tz or "UTC")
            intervals = calendar._work_intervals_batch(
                tz.localize(datetime.combine(start, time.min)),
                tz.localize(datetime.combine(last, time.max)),
            )[False]
            days[calendar.id] = sorted(
                {begin.date() for begin, _stop, _meta in intervals}
            )
        return WorkingDays(days)
