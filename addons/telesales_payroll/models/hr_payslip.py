# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time

import psycopg2
import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.payroll.models.base_browsable import BrowsableObject

from .telesales_payroll_tools import (
    WorkingDays,
    cap_deductions,
    intersect,
    month_pieces,
    subtract,
)

# Rank fields paid per working day of the rank held.
RANK_CODES = {
    "TS_BASE": "base_wage",
    "TS_NEWCOMER": "newcomer_allowance",
    "TS_MGMT": "management_allowance",
}
# Amounts that accrue over days: paid once per employee, rule and day.
PERIOD_CODES = (
    "TS_BASE",
    "TS_NEWCOMER",
    "TS_MGMT",
    "TS_COMM",
    "TS_QA_DED",
    "TS_LIAB_DED",
)
# Deductions, in the order the month's allowance is spent on them.
DEDUCTION_CODES = ("TS_CARRY", "TS_ATT_DED", "TS_QA_DED", "TS_LIAB_DED")
SEQUENCES = {
    "TS_BASE": 10,
    "TS_NEWCOMER": 20,
    "TS_MGMT": 30,
    "TS_COMM": 40,
    "TS_REF": 50,
    "TS_CARRY": 110,
    "TS_ATT_DED": 120,
    "TS_QA_DED": 130,
    "TS_LIAB_DED": 140,
}
PAID_LOCK = "telesales_payslip_paid"
AMOUNTS_CACHE = "telesales_payroll_amounts"


def _lock_rows(records):
    """SELECT … FOR UPDATE the records and drop their cached values."""
    if records:
        records.flush_recordset()
        records.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s ORDER BY id FOR UPDATE",
                SQL.identifier(records._table),
                tuple(records.ids),
            )
        )
        records.invalidate_recordset()
    return records


class HrPayslip(models.Model):
    """Telesales figures on OCA payslips.

    Before OCA evaluates the salary rules, ``compute_sheet`` gathers the
    telesales figures of all the payslips being computed at once (one query
    per source for all their employees) and stores them as
    ``telesales.payslip.source`` rows; the rules of the telesales structure
    read the sums per rule code from the ``telesales`` object of their
    localdict. Confirming a payslip marks its sources paid, cancelling it
    releases them.
    """

    _inherit = "hr.payslip"

    telesales_source_ids = fields.One2many(
        "telesales.payslip.source",
        "payslip_id",
        string="Telesales Sources",
        readonly=True,
    )
    telesales_source_count = fields.Integer(compute="_compute_telesales_source_count")
    telesales_carryover_ids = fields.One2many(
        "telesales.deduction.carryover",
        "origin_payslip_id",
        string="Deductions Carried Over",
        readonly=True,
    )
    is_telesales = fields.Boolean(
        compute="_compute_is_telesales",
        help="The payslip's structure is the telesales one (or derives from it).",
    )

    @api.depends("telesales_source_ids")
    def _compute_telesales_source_count(self):
        for slip in self:
            slip.telesales_source_count = len(slip.telesales_source_ids)

    @api.depends("struct_id", "contract_id.struct_id")
    def _compute_is_telesales(self):
        telesales = self._telesales_filter()
        for slip in self:
            slip.is_telesales = slip in telesales

    def _telesales_filter(self):
        """The payslips of this recordset computed with a telesales structure."""
        enabled = {}
        result = self.browse()
        for slip in self:
            struct = slip.struct_id or slip.contract_id.struct_id
            if struct.id not in enabled:
                enabled[struct.id] = bool(struct) and struct._telesales_enabled()
            if enabled[struct.id]:
                result |= slip
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_telesales_history(self):
        """A payslip that carried deductions keeps them on record, even
        cancelled: the carry-over ledger points to it."""
        if self.sudo().telesales_carryover_ids:
            raise UserError(
                self.env._(
                    "Payslip %(payslip)s carried deductions to later months; it is "
                    "kept (cancelled) as their origin.",
                    payslip=self.sudo()
                    .telesales_carryover_ids[0]
                    .origin_payslip_id.display_name,
                )
            )

    # ------------------------------------------------------------------
    # OCA payroll hooks
    # ------------------------------------------------------------------
    def _telesales_refuse_done(self):
        done = self._telesales_filter().filtered(lambda slip: slip.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "Payslip %(payslip)s is done: its telesales amounts are paid. "
                    "Cancel it or refund it instead of computing it again.",
                    payslip=done[0].number or done[0].name,
                )
            )

    def compute_sheet(self):
        self._telesales_refuse_done()
        telesales = self._telesales_filter()
        telesales._telesales_build_sources()
        # The rules of every payslip read their amounts from one grouped
        # query, kept on the cursor while OCA evaluates the rules.
        cache = self.env.cr.cache
        previous = cache.get(AMOUNTS_CACHE)
        cache[AMOUNTS_CACHE] = {
            **(previous or {}),
            **telesales._telesales_amounts_by_slip(),
        }
        try:
            return super().compute_sheet()
        finally:
            cache[AMOUNTS_CACHE] = previous

    def _get_baselocaldict(self, contracts):
        localdict = super()._get_baselocaldict(contracts)
        amounts = (self.env.cr.cache.get(AMOUNTS_CACHE) or {}).get(self.id)
        if amounts is None:
            amounts = self._telesales_amounts()
        localdict["telesales"] = BrowsableObject(self.employee_id.id, amounts, self.env)
        return localdict

    def _telesales_amounts_by_slip(self):
        """{payslip id: {rule code: amount}} of these payslips' sources."""
        result = {slip_id: {} for slip_id in self.ids}
        if not self:
            return result
        groups = (
            self.env["telesales.payslip.source"]
            .sudo()
            ._read_group(
                [("payslip_id", "in", self.ids)],
                ["payslip_id", "rule_code"],
                ["amount:sum", "amount_carried:sum"],
            )
        )
        for slip, code, amount, carried in groups:
            amounts = result[slip.id]
            amounts[code] = amounts.get(code, 0.0) + amount
            amounts["TS_CARRY_NEXT"] = amounts.get("TS_CARRY_NEXT", 0.0) + carried
        return result

    def action_payslip_done(self):
        res = super().action_payslip_done()
        self._telesales_filter().filtered(
            lambda slip: not slip.credit_note
        )._telesales_mark_paid()
        return res

    def action_payslip_cancel(self):
        telesales = self._telesales_filter().filtered(lambda slip: slip.state == "done")
        res = super().action_payslip_cancel()
        telesales.filtered(lambda slip: not slip.credit_note)._telesales_release()
        # Cancelling a refund gives the refunded payslip its sources back.
        refunds = telesales.filtered("credit_note")
        if refunds:
            self.search(
                [("refunded_id", "in", refunds.ids), ("state", "=", "done")]
            )._telesales_mark_paid()
        return res

    def refund_sheet(self):
        res = super().refund_sheet()
        # The refund reverses the payment: its sources may be paid again by a
        # corrected payslip.
        self._telesales_filter().filtered(
            lambda slip: slip.state == "done" and not slip.credit_note
        )._telesales_release()
        return res

    def _telesales_amounts(self):
        """{rule code: amount} of this payslip's sources, for the rules
        (when the rules run outside ``compute_sheet``)."""
        self.ensure_one()
        amounts = defaultdict(float)
        for row in self.telesales_source_ids:
            amounts[row.rule_code] += row.amount
            amounts["TS_CARRY_NEXT"] += row.amount_carried
        return dict(amounts)

    def action_view_telesales_sources(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_payroll.action_telesales_payslip_source"
        )
        action["domain"] = [("payslip_id", "=", self.id)]
        action["context"] = {"search_default_group_rule_code": 1}
        return action

    # ------------------------------------------------------------------
    # Building the sources (set-based, for the whole recordset)
    # ------------------------------------------------------------------
    def _telesales_build_sources(self):
        """Recompute the telesales sources of these draft payslips."""
        Source = self.env["telesales.payslip.source"].sudo()
        old = Source.search([("payslip_id", "in", self.ids)])
        with old._workflow_step():
            old.unlink()
        if not self:
            return Source
        # prefetch on exactly these payslips, however the recordset was built
        slips = self.with_prefetch(self.ids)
        data = slips._telesales_gather()
        vals_list = []
        for slip in slips:
            vals_list += slip._telesales_slip_rows(data)
        with Source._workflow_step(model_wide=True):
            return Source.create(vals_list)

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

    def _telesales_slip_rows(self, data):
        """The source rows of one payslip, deductions capped."""
        self.ensure_one()
        plan = data["plans"][self.id]
        rows = self._telesales_rank_rows(plan, data) + self._telesales_commission_rows(
            plan, data
        )
        rows += self._telesales_record_rows(data, "TS_REF")
        gross = sum(row["amount_due"] for row in rows)
        deductions = (
            self._telesales_record_rows(data, "TS_CARRY")
            + self._telesales_record_rows(data, "TS_ATT_DED")
            + self._telesales_quality_rows(plan, data)
            + self._telesales_liability_rows(plan, data, rows)
        )
        company = self.company_id or self.env.company
        # hr_payslip_cn.py: the city's cap and floor, the binding policies
        cap, floor = self._telesales_deduction_limits()
        cap_deductions(
            gross,
            self._telesales_binding_deductions(deductions, data),
            cap,
            floor,
            rounding=company.currency_id.rounding,
        )
        for row in rows:
            row["amount"] = row["amount_due"]
        for row in deductions:
            row["amount"] = -row.pop("applied")
            row["amount_carried"] = row.pop("carried")
        currency = company.currency_id
        for row in rows + deductions:
            row.update(
                payslip_id=self.id,
                employee_id=self.employee_id.id,
                sequence=SEQUENCES[row["rule_code"]],
                amount_due=currency.round(row["amount_due"]),
            )
        return rows + deductions

    def _telesales_rank_rows(self, plan, data):
        """Base wage, newcomer and management allowance of the ranks held,
        prorated by the working days of each month."""
        workdays = data["workdays"]
        calendar_id = self._telesales_calendar_id()
        currency = (self.company_id or self.env.company).currency_id
        rows = []
        for code, field in RANK_CODES.items():
            for start, end, rank, history_id in plan.get(code, []):
                rate = rank[field]
                amount, days, month_days = 0.0, 0, 0
                for p_start, p_end, month in month_pieces(start, end):
                    if code == "TS_NEWCOMER" and not data["kpi"].get(
                        (self.employee_id.id, month)
                    ):
                        continue
                    piece_days = workdays.count(calendar_id, p_start, p_end)
                    total_days = workdays.month_count(calendar_id, month)
                    if total_days:
                        amount += rate * piece_days / total_days
                    days += piece_days
                    month_days = max(month_days, total_days)
                if not rate or (code != "TS_BASE" and not amount):
                    continue
                rows.append(
                    self._telesales_period_row(
                        code,
                        "telesales.rank.history",
                        history_id,
                        start,
                        end,
                        currency.round(amount),
                        self.env._(
                            "%(rank)s from %(start)s to %(end)s: %(days)s of "
                            "%(month_days)s working days",
                            rank=rank.display_name,
                            start=start,
                            end=end,
                            days=days,
                            month_days=month_days,
                        ),
                    )
                )
        return rows

    def _telesales_commission_rows(self, plan, data):
        """Rank rate × effective premium of each period a rank was held."""
        rows = []
        currency = (self.company_id or self.env.company).currency_id
        for start, end, rank, _history_id in plan.get("TS_COMM", []):
            premium = (
                data["TS_COMM"].get((start, end), {}).get(self.employee_id.id, 0.0)
            )
            amount = currency.round(premium * rank.commission_rate)
            if not amount:
                continue
            rows.append(
                self._telesales_period_row(
                    "TS_COMM",
                    "telesales.premium",
                    False,
                    start,
                    end,
                    amount,
                    self.env._(
                        "%(rate)s%% of the effective premium %(premium)s "
                        "(%(rank)s, %(start)s to %(end)s)",
                        rate=round(rank.commission_rate * 100, 2),
                        premium=currency.round(premium),
                        rank=rank.display_name,
                        start=start,
                        end=end,
                    ),
                )
            )
        return rows

    def _telesales_quality_rows(self, plan, data):
        """Behaviour-quality points lost × the point value."""
        rows = []
        company = self.company_id or self.env.company
        value = self._telesales_point_value(company)
        for start, end in plan.get("TS_QA_DED", []):
            points = data["TS_QA_DED"].get((start, end), {}).get(self.employee_id.id, 0)
            amount = company.currency_id.round(points * value)
            if amount <= 0:
                continue
            rows.append(
                self._telesales_period_row(
                    "TS_QA_DED",
                    "telesales.discipline",
                    False,
                    start,
                    end,
                    amount,
                    self.env._(
                        "%(points)s behaviour-quality points × %(value)s "
                        "(%(start)s to %(end)s)",
                        points=points,
                        value=value,
                        start=start,
                        end=end,
                    ),
                )
            )
        return rows

    def _telesales_liability_rows(self, plan, data, earnings):
        """Supervisor liability, within its own cap: a share of the month's
        management allowance (the quality module caps it already; this keeps
        the payslip right whatever the source says)."""
        rows = []
        company = self.company_id or self.env.company
        allowance = sum(
            row["amount_due"] for row in earnings if row["rule_code"] == "TS_MGMT"
        )
        cap = company.currency_id.round(
            allowance * self._telesales_liability_cap(company) / 100.0
        )
        for start, end in plan.get("TS_LIAB_DED", []):
            amount = (
                data["TS_LIAB_DED"].get((start, end), {}).get(self.employee_id.id, 0.0)
            )
            due = company.currency_id.round(min(amount, cap))
            cap -= due
            if due <= 0:
                continue
            rows.append(
                self._telesales_period_row(
                    "TS_LIAB_DED",
                    "telesales.liability",
                    False,
                    start,
                    end,
                    due,
                    self.env._(
                        "Supervisor liability %(amount)s, capped at %(cap)s "
                        "(%(start)s to %(end)s)",
                        amount=company.currency_id.round(amount),
                        cap=due,
                        start=start,
                        end=end,
                    ),
                )
            )
        return rows

    def _telesales_record_rows(self, data, code):
        """Rows of source records (referral milestones, compliance days,
        carried deductions) that fall in this payslip."""
        rows = []
        for row_code, record in data["records"].get(self.employee_id.id, []):
            if row_code != code:
                continue
            if code == "TS_CARRY" and record["date"] >= self.date_from:
                continue
            if code == "TS_ATT_DED" and not (
                self.date_from <= record["date"] <= self.date_to
            ):
                continue
            if code == "TS_REF" and record["date"] > self.date_to:
                continue
            rows.append(
                {
                    "rule_code": code,
                    "res_model": record["res_model"],
                    "res_id": record["res_id"],
                    "is_period": False,
                    "date_from": record["date"],
                    "date_to": record["date"],
                    "amount_due": record["amount"],
                    "name": record["name"],
                }
            )
        return rows

    @api.model
    def _telesales_period_row(self, code, model, res_id, start, end, amount, name):
        return {
            "rule_code": code,
            "res_model": model,
            "res_id": res_id or False,
            "is_period": True,
            "date_from": start,
            "date_to": end,
            "amount_due": amount,
            "name": name,
        }

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
        """{employee id: supervisor liability charged in the interval}."""
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

    # ------------------------------------------------------------------
    # Paying and releasing the sources
    # ------------------------------------------------------------------
    def _telesales_mark_paid(self):
        """Mark the sources of these done payslips paid, refusing anything a
        done payslip paid already."""
        if not self:
            return
        self.env.cr.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [PAID_LOCK])
        Source = self.env["telesales.payslip.source"].sudo()
        # lock the rows deciding the payment and what they pay, then decide on
        # what is committed
        rows = Source.search([("payslip_id", "in", self.ids)])._workflow_lock()
        rows = rows.filtered(lambda row: row.state != "paid")
        for model, row_ids in self._telesales_source_records(rows).items():
            _lock_rows(self.env[model].sudo().browse(row_ids).exists())
        rows._check_payable()
        try:
            # the unique index and the exclusion constraint refuse what a
            # concurrent transaction has just paid (invisible to this one)
            with self.env.cr.savepoint(flush=False):
                rows._mark_paid()
        except psycopg2.IntegrityError as error:
            raise self._telesales_paid_concurrently_error(rows) from error
        by_model = defaultdict(lambda: self.env["telesales.payslip.source"])
        for row in rows:
            by_model[row.res_model] |= row
        if by_model["telesales.daily.compliance"]:
            self.env["telesales.daily.compliance"].browse(
                by_model["telesales.daily.compliance"].mapped("res_id")
            )._telesales_set_paid(True)
        Milestone = self.env["telesales.referral.milestone"].sudo()
        for slip in by_model["telesales.referral.milestone"].payslip_id:
            Milestone.browse(
                by_model["telesales.referral.milestone"]
                .filtered(lambda row, slip=slip: row.payslip_id == slip)
                .mapped("res_id")
            )._mark_paid(slip)
        self._telesales_settle_carryover(
            by_model["telesales.deduction.carryover"], rows
        )

    @api.model
    def _telesales_source_records(self, rows):
        """{model: record ids} of the source records these rows pay."""
        result = defaultdict(set)
        for row in rows:
            if not row.is_period and row.res_model in self.env and row.res_id:
                result[row.res_model].add(row.res_id)
        return result

    def _telesales_paid_concurrently_error(self, rows):
        slip = rows.payslip_id[:1] or self[:1]
        return UserError(
            self.env._(
                "Payslip %(payslip)s of %(employee)s (%(start)s to %(end)s) pays "
                "amounts that another payslip confirmed at the same moment has "
                "just paid. Compute payslip %(payslip)s again to leave them out.",
                payslip=slip.number or slip.name,
                employee=slip.employee_id.name,
                start=slip.date_from,
                end=slip.date_to,
            )
        )

    def _telesales_settle_carryover(self, carried_in, rows):
        """Consume the carried deductions these payslips deducted and carry
        what they could not deduct to the next months."""
        Carry = self.env["telesales.deduction.carryover"].sudo()
        for slip in carried_in.payslip_id:
            Carry.browse(
                carried_in.filtered(
                    lambda row, slip=slip: row.payslip_id == slip
                ).mapped("res_id")
            )._workflow_write({"state": "consumed", "consumed_payslip_id": slip.id})
        carried = defaultdict(float)
        notes = defaultdict(list)
        for row in rows.filtered("amount_carried"):
            carried[row.payslip_id] += row.amount_carried
            notes[row.payslip_id].append(f"{row.name}: {row.amount_carried:.2f}")
        with Carry._workflow_step(model_wide=True):
            Carry.create(
                [
                    {
                        "employee_id": slip.employee_id.id,
                        "company_id": slip.company_id.id,
                        "date": slip.date_to,
                        "amount": amount,
                        "origin_payslip_id": slip.id,
                        "note": "\n".join(notes[slip]),
                    }
                    for slip, amount in carried.items()
                    if amount > 0
                ]
            )

    def _telesales_release(self):
        """Release the sources of these payslips (cancelled or refunded)."""
        if not self:
            return
        Carry = self.env["telesales.deduction.carryover"].sudo()
        carried = Carry.search(
            [("origin_payslip_id", "in", self.ids), ("state", "!=", "cancelled")]
        )
        used = carried.filtered(lambda row: row.state == "consumed")
        if used:
            raise UserError(
                self.env._(
                    "Payslip %(payslip)s carried deductions that payslip %(later)s "
                    "has deducted since. Cancel or refund %(later)s first.",
                    payslip=used[0].origin_payslip_id.number
                    or used[0].origin_payslip_id.name,
                    later=used[0].consumed_payslip_id.number
                    or used[0].consumed_payslip_id.name,
                )
            )
        carried._workflow_write({"state": "cancelled"})
        Carry.search([("consumed_payslip_id", "in", self.ids)])._workflow_write(
            {"state": "open", "consumed_payslip_id": False}
        )
        rows = self.sudo().telesales_source_ids.filtered(
            lambda row: row.state == "paid"
        )
        self.env["telesales.daily.compliance"].browse(
            rows.filtered(
                lambda row: row.res_model == "telesales.daily.compliance"
            ).mapped("res_id")
        )._telesales_set_paid(False)
        milestones = (
            self.env["telesales.referral.milestone"]
            .sudo()
            .browse(
                rows.filtered(
                    lambda row: row.res_model == "telesales.referral.milestone"
                ).mapped("res_id")
            )
        )
        if milestones:
            milestones._release_payment()
        rows._workflow_write({"state": "released"})
