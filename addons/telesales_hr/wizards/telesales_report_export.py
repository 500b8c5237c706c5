# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


def _default_date_from(wizard):
    """First day of the previous quarter: covers the last closed review."""
    today = fields.Date.context_today(wizard)
    quarter_start = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
    return quarter_start - relativedelta(months=3)


class TelesalesReportExport(models.TransientModel):
    """One wizard for every telesales XLSX export: choose the report, the
    period and optionally a team; the report runs on the matching records
    the user may read (record rules apply).

    Another module adds its export with ``selection_add`` on ``report_key``
    and an entry in :meth:`_export_definitions`.
    """

    _name = "telesales.report.export"
    _description = "Telesales Export to Excel"

    report_key = fields.Selection(
        [
            ("rank_review", "Quarterly Rank Review"),
            ("referral_ledger", "Referral Bonus Ledger"),
            ("premium_month", "Premium by Month"),
            ("premium", "Premium Ledger"),
        ],
        string="Report",
        required=True,
        default="premium_month",
    )
    date_from = fields.Date(string="From", required=True, default=_default_date_from)
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    department_id = fields.Many2one(
        "hr.department",
        string="Team",
        help="A team, unit or centre (its teams included). Empty: everything you "
        "may read.",
    )

    @api.model
    def _export_definitions(self):
        """``{report key: definition}``; a definition has

        - ``report``: xml id of the ``ir.actions.report`` (report_type xlsx);
        - ``date_fields``: ``(start field, end field)`` of the report's model
          (the same field twice for a single date): records whose span meets
          the period are exported;
        - ``month``: the date field holds the first day of a month (the
          period's first month is included whatever its day);
        - ``team_fields``: fields of the report's model matched against the
          team (any of them, sub-teams included).
        """
        return {
            "rank_review": {
                "report": "telesales_hr.action_report_telesales_rank_review_xlsx",
                "date_fields": ("date_from", "date_to"),
                # the team filters the review lines (see the report)
                "team_fields": [],
            },
            "referral_ledger": {
                "report": "telesales_hr.action_report_telesales_referral_ledger_xlsx",
                "date_fields": ("date_due", "date_due"),
                "team_fields": ["department_id", "hire_department_id"],
            },
            "premium_month": {
                "report": "telesales_hr.action_report_telesales_premium_month_xlsx",
                "date_fields": ("month", "month"),
                "month": True,
                "team_fields": ["department_id"],
            },
            "premium": {
                "report": "telesales_hr.action_report_telesales_premium_xlsx",
                "date_fields": ("date", "date"),
                "team_fields": ["department_id"],
            },
        }

    def _export_report(self):
        self.ensure_one()
        definition = self._export_definitions().get(self.report_key)
        if not definition:
            raise UserError(
                self.env._(
                    "The export %(report)s is not available.", report=self.report_key
                )
            )
        return self.env.ref(definition["report"]), definition

    def _export_domain(self, definition):
        """Domain on the report's model for the period and the team."""
        self.ensure_one()
        date_from = self.date_from
        if definition.get("month"):
            date_from = date_from.replace(day=1)
        start_field, end_field = definition["date_fields"]
        domain = [(start_field, "<=", self.date_to), (end_field, ">=", date_from)]
        team_fields = definition.get("team_fields") or []
        if self.department_id and team_fields:
            team_domain = [
                (fname, "child_of", self.department_id.id) for fname in team_fields
            ]
            domain += ["|"] * (len(team_domain) - 1) + team_domain
        return domain

    def _export_data(self):
        """(report, data) the report is rendered with."""
        self.ensure_one()
        if self.date_from > self.date_to:
            raise UserError(
                self.env._(
                    "The export period starts on %(date_from)s, after its end "
                    "%(date_to)s.",
                    date_from=self.date_from,
                    date_to=self.date_to,
                )
            )
        report, definition = self._export_report()
        data = {
            "domain": self._export_domain(definition),
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
            "department_id": self.department_id.id or False,
        }
        return report, data

    def action_export(self):
        report, data = self._export_data()
        action = report.report_action(None, data=data, config=False)
        action["close_on_report_download"] = True
        return action
