# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The computation of the compliance days of a range: gather the figures
set-based, judge each day with the plain rules, write the rows in place."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from . import telesales_daily_compliance_rules as rules
from .bulk import bulk_upsert


class TelesalesDailyCompliance(models.Model):
    _inherit = "telesales.daily.compliance"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _compute_for_range(
        self, date_from, date_to, employees=None, now=None, attendance_complete=False
    ):
        """(Re)compute the rows of ``employees`` (default: every active
        telesales agent) for the days ``date_from`` … ``date_to``.

        Unlocked rows of the range are updated in place (same ids; the rows of
        days no longer worked are deleted); locked rows (paid by payroll) are
        kept as they are. Then the KPI deductions of the breaches, proxy
        punch flags, absence escalation and newcomer coaching follow.
        Everything is set-based: one query for the calls, one for the
        attendance, the calendars once per (calendar, time zone).

        ``now`` (UTC, default the current time) decides which days are over;
        a day not over yet, or without any attendance imported, is
        provisional: no deduction, no KPI breach (SPEC §4), see
        ``_provisional_days``. ``attendance_complete``: HR confirms that the
        attendance of the range is complete, so a day without any check-in
        is final (an absence) once it is over.
        Returns the rows created or updated.
        """
        prepared = self._prepare_range(
            date_from, date_to, employees, now, attendance_complete, lock=True
        )
        if not prepared:
            return self.browse()
        employees = prepared["employees"]
        date_from, date_to = prepared["date_from"], prepared["date_to"]
        vals_list = prepared["vals_list"]
        locked_keys = prepared["locked_keys"]
        self._delete_stale(employees, date_from, date_to, vals_list)
        rows = bulk_upsert(
            self,
            vals_list,
            conflict=("employee_id", "date"),
            keep=("locked", "department_id", "company_id"),
            where=SQL("telesales_daily_compliance.locked IS NOT TRUE"),
        )
        self.env["telesales.kpi.deduction"]._sync_compliance_breaches(
            employees, date_from, date_to, locked_keys
        )
        self.env["hr.attendance"]._telesales_detect_proxy_punch(
            employees, date_from, date_to, prepared["tz_names"]
        )
        self._check_absence_escalation(employees, date_from, date_to)
        if prepared["deals"] is not None:
            self._check_newcomer_coaching(employees, date_from, date_to)
        return rows

    @api.model
    def _prepare_range(
        self, date_from, date_to, employees, now, attendance_complete, lock=True
    ):
        """The values of the rows ``_compute_for_range`` writes, without
        writing anything (the wizard's preview calls it with ``lock=False``).

        Returns None when there is nothing to compute, else a dict with
        "employees", "date_from", "date_to", "vals_list", "locked_keys"
        (rows paid by payroll, kept), "tz_names" and "deals".
        """
        date_from = fields.Date.to_date(date_from)
        date_to = fields.Date.to_date(date_to)
        if date_from > date_to:
            raise UserError(self.env._("The start date must be before the end date."))
        now = now or fields.Datetime.now()
        if employees is None:
            employees = self.env["hr.employee"].search(
                [("is_telesales_agent", "=", True)]
            )
        employees = employees.filtered("resource_id")
        if not employees:
            return None
        params_by_company = {
            company.id: self._company_params(company)
            for company in employees.company_id
        }
        schedules = self._schedules(employees, date_from, date_to)
        tz_names = {emp_id: s["tz"] for emp_id, s in schedules.items()}
        for employee in employees:
            params = params_by_company[employee.company_id.id]
            schedules[employee.id]["cutoff"] = params["cutoff"]
        calls = self._call_figures(employees, date_from, date_to, schedules)
        punches = self._attendance_figures(employees, date_from, date_to, tz_names)
        deals = self.env["hr.employee"]._telesales_deal_counts(
            employees, date_from, date_to
        )
        ranks = self.env["telesales.rank.history"]._rank_periods(
            employees, date_from, date_to
        )
        locked_keys, teams, confirmed = self._lock_range(
            employees, date_from, date_to, lock=lock
        )
        provisional = self._provisional_days(
            employees,
            date_from,
            date_to,
            tz_names,
            now,
            confirmed if not attendance_complete else None,
            punches,
        )

        vals_list = []
        deals_of = deals or {}
        for employee in employees:
            # read once per agent, not once per day (44,000 rows a month for
            # 2,000 agents)
            emp_id = employee.id
            company_id = employee.company_id.id
            team_id = employee.department_id.id
            schedule = schedules[emp_id]
            params = params_by_company[company_id]
            lowest = params["lowest_rank"]
            for rank, start, end in ranks.get(emp_id, []):
                newcomer = rank == lowest
                for day, expected in schedule["days"].items():
                    key = (emp_id, day)
                    if not start <= day <= end or key in locked_keys:
                        continue
                    if not date_from <= day <= date_to:
                        continue
                    vals = self._row_values(
                        employee,
                        day,
                        rank,
                        expected,
                        schedule,
                        params,
                        calls.get(key, {}),
                        punches.get(key),
                        provisional.get(key),
                    )
                    vals["attendance_confirmed"] = bool(
                        attendance_complete or key in confirmed
                    )
                    vals["is_newcomer"] = newcomer
                    vals["deals"] = deals_of.get(key, 0)
                    vals["department_id"] = teams.get(key, team_id)
                    vals["company_id"] = company_id
                    vals_list.append(vals)
        return {
            "employees": employees,
            "date_from": date_from,
            "date_to": date_to,
            "vals_list": vals_list,
            "locked_keys": locked_keys,
            "tz_names": tz_names,
            "deals": deals,
        }

    @api.model
    def _company_params(self, company):
        """Settings of a company in the units the computation uses (seconds);
        telesales_payroll adds the ones that value a day."""
        return {
            "company": company,
            "min_connected": company.telesales_min_connected_calls,
            "min_talk": round(company.telesales_min_talk_hours * 3600),
            "cutoff": round(company.telesales_talk_cutoff * 3600),
            "first_call": round(company.telesales_first_call_deadline * 3600),
            "afternoon_call": round(company.telesales_afternoon_call_deadline * 3600),
            "max_dials": company.telesales_daily_dial_cap,
            "overtime": round(company.telesales_overtime_hours * 3600),
            "minor_minutes": company.telesales_late_minor_minutes,
            "major_minutes": company.telesales_late_major_minutes,
            "lowest_rank": self.env["telesales.rank"].sudo()._ladder(company)[:1],
        }

    def _row_values(
        self, employee, day, rank, expected, schedule, params, calls, punch, pending
    ):
        """Values of one row from the figures gathered for the whole range
        (the facts: ``telesales_daily_compliance_rules.day_facts``; the money
        fields are valued by telesales_payroll, which extends this).

        ``pending``: why the day is provisional ("not_over", "no_attendance")
        or None when it is final. A provisional day shows its figures but
        carries no absence, no deduction and no KPI breach."""
        vals = {
            "employee_id": employee.id,
            "date": day,
            "rank_id": rank.id,
            "expected_start": expected["start"],
            "expected_end": expected["end"],
            "expected_hours": expected["hours"],
            # every column gets a value: the rows are INSERTed without defaults
            "locked": False,
        }
        vals.update(rules.day_facts(expected, params, calls, punch, pending))
        vals["reasons"] = "\n".join(self._reason_lines(vals, params["max_dials"]))
        vals["reasons"] = vals["reasons"] or False
        return vals

    def _reason_lines(self, vals, max_dials):
        """The reasons, in words and in the user's language, of a row from
        its stored figures (``vals``: field name -> value, the computation's
        values or a row read back, e.g. by an export)."""
        return rules.reason_lines(vals, max_dials, self.env)
