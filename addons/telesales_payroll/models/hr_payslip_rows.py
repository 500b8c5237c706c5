# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The source rows of one payslip: what each rule pays or deducts, and
from which records, deductions capped."""

from odoo import api, models

from .telesales_payroll_tools import (
    cap_deductions,
    cap_liability,
    liability_cap,
    month_pieces,
    prorate,
)

# Rank fields paid per working day of the rank held.
RANK_CODES = {
    "TS_BASE": "base_wage",
    "TS_NEWCOMER": "newcomer_allowance",
    "TS_MGMT": "management_allowance",
}
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


class HrPayslip(models.Model):
    _inherit = "hr.payslip"  # pylint: disable=consider-merging-classes-inherited

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
                # the newcomer allowance of a month waits for its KPI
                pieces = [
                    (
                        workdays.count(calendar_id, p_start, p_end),
                        workdays.month_count(calendar_id, month),
                    )
                    for p_start, p_end, month in month_pieces(start, end)
                    if code != "TS_NEWCOMER"
                    or data["kpi"].get((self.employee_id.id, month))
                ]
                amount, days, month_days = prorate(rate, pieces)
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
        """Supervisor liability, valued by ``telesales.liability`` and capped
        here, once: a share of the management allowance this payslip pays."""
        rows = []
        company = self.company_id or self.env.company
        currency = company.currency_id
        allowance = sum(
            row["amount_due"] for row in earnings if row["rule_code"] == "TS_MGMT"
        )
        cap = currency.round(
            liability_cap(allowance, self._telesales_liability_cap(company))
        )
        segments = plan.get("TS_LIAB_DED", [])
        amounts = [
            data["TS_LIAB_DED"].get((start, end), {}).get(self.employee_id.id, 0.0)
            for start, end in segments
        ]
        dues = cap_liability(amounts, cap, rounding=currency.rounding)
        for (start, end), amount, due in zip(segments, amounts, dues, strict=True):
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
                        amount=currency.round(amount),
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
