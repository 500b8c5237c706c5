# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .bulk import bulk_upsert
from .telesales_daily_compliance_rules import KPI_BREACH_POINTS

# the context used for batches written by the computation: no chatter noise
QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


class TelesalesKpiDeduction(models.Model):
    """KPI points an agent loses for a confirmed breach (SPEC §4).

    Every agent starts each month with the company's KPI points (100); the
    month's score is the start minus the points of the month's active
    deductions, never below 0. Deductions are never deleted, only cancelled
    with a reason. The daily computation writes one deduction per rule, agent
    and day (``origin`` "compliance"); a confirmed proxy punch flag writes one
    for the agent and one for the team leader (``origin`` "flag").

    The workflow guard: once created, a deduction changes only through
    ``action_cancel`` (HR, with a reason) or the daily computation (in a
    workflow step); its points, agent, day and rule are frozen, and a client
    may only fill in the reason for cancelling an active deduction.
    """

    _name = "telesales.kpi.deduction"
    _check_company_auto = True
    _description = "Telesales KPI Deduction"
    _inherit = ["telesales.workflow.mixin", "telesales.team.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _workflow_fields = frozenset({"auto_cancelled", "origin", "source_ref"})
    _workflow_editable = {"active": frozenset({"cancel_reason"})}
    _workflow_deletable_states = ()
    _workflow_transitions = {
        "action_cancel": (("active",), ("telesales_hr.group_telesales_hr",)),
    }

    date = fields.Date(required=True, index=True, default=fields.Date.context_today)
    points = fields.Integer(required=True, tracking=True)
    breach_type = fields.Selection(
        [
            ("proxy_punch_agent", "Proxy Punch"),
            ("proxy_punch_leader", "Proxy Punch in the Team (team leader)"),
            ("first_call", "Missed First Call Deadline"),
            ("afternoon_call", "Missed Afternoon Call Deadline"),
            ("no_overtime", "Non-compliant Day Without Overtime"),
            ("early_leave", "Left Before the End of Shift"),
            ("late_arrival", "Late Arrival"),
            ("absence", "Absence"),
            ("other", "Other"),
        ],
        required=True,
    )
    reason = fields.Text()
    origin = fields.Selection(
        [
            ("compliance", "Daily Compliance"),
            ("flag", "Confirmed Flag"),
            ("manual", "Manual"),
        ],
        required=True,
        default="manual",
        readonly=True,
    )
    source_ref = fields.Reference(
        selection=[("telesales.flag", "Flag"), ("hr.employee", "Employee")],
        string="Source",
        readonly=True,
    )
    state = fields.Selection(
        [("active", "Deducted"), ("cancelled", "Cancelled")],
        default="active",
        required=True,
        readonly=True,
        tracking=True,
    )
    cancel_reason = fields.Text(tracking=True)
    auto_cancelled = fields.Boolean(
        readonly=True,
        help="Cancelled by a recompute because the breach no longer shows; a "
        "later recompute that finds it again restores the deduction.",
    )

    _sql_constraints = [
        (
            "points_positive",
            "CHECK(points > 0)",
            "KPI points deducted must be positive.",
        ),
    ]

    def init(self):
        # one deduction per rule, agent and day from the daily computation
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS telesales_kpi_deduction_compliance_uniq
                ON telesales_kpi_deduction (employee_id, date, breach_type)
             WHERE origin = 'compliance'
            """
        )

    @api.depends("employee_id", "breach_type", "date")
    def _compute_display_name(self):
        labels = dict(self._fields["breach_type"]._description_selection(self.env))
        for deduction in self:
            label = labels.get(deduction.breach_type, "")
            deduction.display_name = (
                f"{deduction.employee_id.name} – {label} ({deduction.date})"
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_workflow_deletable(self):
        if self:
            raise UserError(
                self.env._(
                    "KPI deductions are never deleted; cancel them with a reason: "
                    "%(deductions)s.",
                    deductions=", ".join(self.mapped("display_name")),
                )
            )

    def action_cancel(self, reason=None):
        """HR cancels active deductions, with ``reason`` or the reason
        filled in on each deduction."""
        with self._workflow_begin("action_cancel", self.env._("cancelled")):
            for deduction in self:
                text = (reason or deduction.cancel_reason or "").strip()
                if not text:
                    raise UserError(
                        self.env._(
                            "Give the reason for cancelling %(deduction)s.",
                            deduction=deduction.display_name,
                        )
                    )
                deduction.write(
                    {
                        "state": "cancelled",
                        "auto_cancelled": False,
                        "cancel_reason": text,
                    }
                )
        return True

    # ------------------------------------------------------------------
    # API for payroll and the monthly views
    # ------------------------------------------------------------------
    @api.model
    def _kpi_scores(self, employees, month_first_day):
        """{employee id: KPI score of the month}: the company's start points
        minus the points of the month's active deductions, floor 0."""
        month = fields.Date.to_date(month_first_day).replace(day=1)
        groups = self.sudo()._read_group(
            [
                ("employee_id", "in", employees.ids),
                ("state", "=", "active"),
                ("date", ">=", month),
                ("date", "<=", month + relativedelta(day=31)),
            ],
            ["employee_id"],
            ["points:sum"],
        )
        lost = {employee.id: points for employee, points in groups}
        return {
            employee.id: max(
                0, employee.company_id.telesales_kpi_start - lost.get(employee.id, 0)
            )
            for employee in employees
        }

    # ------------------------------------------------------------------
    # Written by the daily computation
    # ------------------------------------------------------------------
    @api.model
    def _sync_compliance_breaches(self, employees, date_from, date_to, locked_keys=()):
        """Make the "compliance" deductions of the range match the rows.

        A breach shown by a final row gets its deduction (once); a
        provisional row (day not over, attendance not imported) carries none,
        its deductions are cancelled until it is final. A deduction whose
        breach no longer shows (late call import, corrected attendance) is
        cancelled automatically, and restored if the breach shows again. A
        deduction cancelled by a person stays cancelled. Rows locked by
        payroll are left alone.
        """
        self = self.sudo().with_context(**QUIET)  # noqa: PLW0642
        self.env["telesales.daily.compliance"].flush_model()
        self.env.cr.execute(
            """
            SELECT employee_id, date, department_id, company_id, fail_first_call,
                   fail_afternoon_call, fail_overtime, early_minutes, late_minutes,
                   absence
              FROM telesales_daily_compliance
             WHERE employee_id IN %s AND date BETWEEN %s AND %s
               AND locked IS NOT TRUE
               -- a provisional day carries no KPI breach (SPEC §4)
               AND provisional IS NOT TRUE
            """,
            [tuple(employees.ids), date_from, date_to],
        )
        # fetched at once: the ORM reads below (selection labels, company
        # settings) may run queries of their own on this cursor
        days = self.env.cr.fetchall()
        companies = {}
        labels = dict(self._fields["breach_type"]._description_selection(self.env))
        wanted = {}
        for (
            emp_id,
            day,
            team_id,
            company_id,
            first_call,
            afternoon_call,
            overtime,
            early,
            late,
            absence,
        ) in days:
            if company_id not in companies:
                company = self.env["res.company"].browse(company_id)
                companies[company_id] = {
                    breach: company[field]
                    for breach, field in KPI_BREACH_POINTS.items()
                }
            points = companies[company_id]
            breaches = {
                "first_call": first_call,
                "afternoon_call": afternoon_call,
                "no_overtime": overtime,
                "early_leave": bool(early),
                "late_arrival": bool(late),
                "absence": absence != "none",
            }
            for breach, found in breaches.items():
                if found and points[breach] > 0:
                    wanted[(emp_id, day, breach)] = {
                        "employee_id": emp_id,
                        "department_id": team_id,
                        "company_id": company_id,
                        "date": day,
                        "breach_type": breach,
                        "points": points[breach],
                        "origin": "compliance",
                        "state": "active",
                        "auto_cancelled": False,
                        "reason": self.env._(
                            "%(breach)s on %(date)s", breach=labels[breach], date=day
                        ),
                    }
        return self._apply_compliance_breaches(
            employees, date_from, date_to, locked_keys, wanted
        )

    @api.model
    def _apply_compliance_breaches(
        self, employees, date_from, date_to, locked_keys, wanted
    ):
        """Update the existing "compliance" deductions of the range in place
        (cancel, restore, new points or team), insert the missing ones; the
        deductions of locked days (paid by payroll) are left as they are."""
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT id FROM telesales_kpi_deduction
             WHERE origin = 'compliance' AND employee_id IN %s
               AND date BETWEEN %s AND %s
          ORDER BY id
               FOR UPDATE
            """,
            [tuple(employees.ids), date_from, date_to],
        )
        existing = self.browse([row[0] for row in self.env.cr.fetchall()])
        self.invalidate_model()
        # ids collected, each group browsed once
        to_cancel, to_restore = [], set()
        changes = defaultdict(list)
        for deduction in existing:
            key = (deduction.employee_id.id, deduction.date, deduction.breach_type)
            if key[:2] in locked_keys:
                continue
            vals = wanted.get(key)
            if vals and deduction.state == "cancelled" and deduction.auto_cancelled:
                to_restore.add(deduction.id)
            elif not vals and deduction.state == "active":
                to_cancel.append(deduction.id)
            if vals and (deduction.state == "active" or deduction.id in to_restore):
                # the company's points or the row's team changed since
                change = {}
                if deduction.points != vals["points"]:
                    change["points"] = vals["points"]
                if deduction.department_id.id != vals["department_id"]:
                    change["department_id"] = vals["department_id"]
                if change:
                    changes[tuple(sorted(change.items()))].append(deduction.id)
        if to_cancel:
            self.browse(to_cancel)._workflow_write(
                {
                    "state": "cancelled",
                    "auto_cancelled": True,
                    "cancel_reason": self.env._(
                        "The recomputed day no longer shows this breach."
                    ),
                }
            )
        if to_restore:
            # in the order of the rows, as they were found
            self.browse(
                [rid for rid in existing.ids if rid in to_restore]
            )._workflow_write(
                {"state": "active", "auto_cancelled": False, "cancel_reason": False}
            )
        for change, deduction_ids in changes.items():
            self.browse(deduction_ids)._workflow_write(dict(change))
        # system records derived from the rows, possibly thousands a month; a
        # deduction inserted meanwhile by a concurrent recompute is kept
        seen = {(d.employee_id.id, d.date, d.breach_type) for d in existing}
        return bulk_upsert(
            self,
            [vals for key, vals in wanted.items() if key not in seen],
            conflict=("employee_id", "date", "breach_type"),
            conflict_where=SQL("origin = 'compliance'"),
        )

    @api.model
    def _deduct_for_flags(self, flags):
        """Points for confirmed proxy punch flags: the agent and the team
        leader of the team at the time (主管连带责任), once per flag and person."""
        self = self.sudo().with_context(**QUIET)  # noqa: PLW0642
        done = defaultdict(set)
        for deduction in self.search(
            [("source_ref", "in", [f"telesales.flag,{flag.id}" for flag in flags])]
        ):
            done[deduction.source_ref.id].add(deduction.employee_id.id)
        vals_list = []
        for flag in flags:
            company = flag.company_id
            leader = flag.department_id.manager_id
            people = [
                (
                    flag.employee_id,
                    "proxy_punch_agent",
                    company.telesales_kpi_proxy_agent,
                )
            ]
            if leader and leader != flag.employee_id:
                people.append(
                    (leader, "proxy_punch_leader", company.telesales_kpi_proxy_leader)
                )
            for employee, breach, points in people:
                if points <= 0 or employee.id in done[flag.id]:
                    continue
                vals_list.append(
                    {
                        "employee_id": employee.id,
                        "date": flag.date,
                        "breach_type": breach,
                        "points": points,
                        "origin": "flag",
                        "source_ref": f"telesales.flag,{flag.id}",
                        "reason": flag.name,
                    }
                )
        with self._workflow_step(model_wide=True):
            return self.create(vals_list)
