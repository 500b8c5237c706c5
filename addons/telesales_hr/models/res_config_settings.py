# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    telesales_promotion_mode = fields.Selection(
        related="company_id.telesales_promotion_mode", readonly=False
    )
    telesales_partial_quarter_mode = fields.Selection(
        related="company_id.telesales_partial_quarter_mode", readonly=False
    )
    telesales_watch_months = fields.Integer(
        related="company_id.telesales_watch_months", readonly=False
    )
    telesales_call_window_start = fields.Float(
        related="company_id.telesales_call_window_start", readonly=False
    )
    telesales_call_window_end = fields.Float(
        related="company_id.telesales_call_window_end", readonly=False
    )
    telesales_call_window_working_days = fields.Boolean(
        related="company_id.telesales_call_window_working_days", readonly=False
    )
    telesales_daily_dial_cap = fields.Integer(
        related="company_id.telesales_daily_dial_cap", readonly=False
    )

    def action_telesales_recompute_call_violations(self):
        """Re-evaluate the calls of the last 92 days against the settings."""
        self.ensure_one()
        date_from = fields.Date.context_today(self) - timedelta(days=92)
        calls = self.env["telesales.call"]
        calls.check_access("write")
        count = calls.sudo()._compute_violations(
            [("company_id", "=", self.company_id.id), ("call_date", ">=", date_from)]
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Call violations recomputed since %(date)s: %(count)s calls "
                    "are violations.",
                    date=date_from,
                    count=count,
                ),
                "next": {"type": "ir.actions.client", "tag": "reload"},
            },
        }

    telesales_min_connected_calls = fields.Integer(
        related="company_id.telesales_min_connected_calls", readonly=False
    )
    telesales_min_talk_hours = fields.Float(
        related="company_id.telesales_min_talk_hours", readonly=False
    )
    telesales_talk_cutoff = fields.Float(
        related="company_id.telesales_talk_cutoff", readonly=False
    )
    telesales_first_call_deadline = fields.Float(
        related="company_id.telesales_first_call_deadline", readonly=False
    )
    telesales_afternoon_start_mode = fields.Selection(
        related="company_id.telesales_afternoon_start_mode", readonly=False
    )
    telesales_afternoon_start = fields.Float(
        related="company_id.telesales_afternoon_start", readonly=False
    )
    telesales_afternoon_call_deadline = fields.Float(
        related="company_id.telesales_afternoon_call_deadline", readonly=False
    )
    telesales_overtime_hours = fields.Float(
        related="company_id.telesales_overtime_hours", readonly=False
    )
    telesales_team_min_talk_hours = fields.Float(
        related="company_id.telesales_team_min_talk_hours", readonly=False
    )
    telesales_compliance_rerun_days = fields.Integer(
        related="company_id.telesales_compliance_rerun_days", readonly=False
    )
    telesales_late_minor_minutes = fields.Integer(
        related="company_id.telesales_late_minor_minutes", readonly=False
    )
    telesales_late_major_minutes = fields.Integer(
        related="company_id.telesales_late_major_minutes", readonly=False
    )
    telesales_absence_consecutive_days = fields.Integer(
        related="company_id.telesales_absence_consecutive_days", readonly=False
    )
    telesales_absence_month_days = fields.Integer(
        related="company_id.telesales_absence_month_days", readonly=False
    )
    telesales_flag_hr_user_id = fields.Many2one(
        related="company_id.telesales_flag_hr_user_id", readonly=False
    )
    telesales_proxy_window_minutes = fields.Integer(
        related="company_id.telesales_proxy_window_minutes", readonly=False
    )
    telesales_proxy_ignored_ips = fields.Char(
        related="company_id.telesales_proxy_ignored_ips", readonly=False
    )
    telesales_kpi_start = fields.Integer(
        related="company_id.telesales_kpi_start", readonly=False
    )
    telesales_kpi_pass = fields.Integer(
        related="company_id.telesales_kpi_pass", readonly=False
    )
    telesales_kpi_proxy_agent = fields.Integer(
        related="company_id.telesales_kpi_proxy_agent", readonly=False
    )
    telesales_kpi_proxy_leader = fields.Integer(
        related="company_id.telesales_kpi_proxy_leader", readonly=False
    )
    telesales_kpi_first_call = fields.Integer(
        related="company_id.telesales_kpi_first_call", readonly=False
    )
    telesales_kpi_no_overtime = fields.Integer(
        related="company_id.telesales_kpi_no_overtime", readonly=False
    )
    telesales_kpi_early_leave = fields.Integer(
        related="company_id.telesales_kpi_early_leave", readonly=False
    )
    telesales_kpi_late = fields.Integer(
        related="company_id.telesales_kpi_late", readonly=False
    )
    telesales_kpi_absence = fields.Integer(
        related="company_id.telesales_kpi_absence", readonly=False
    )
    telesales_newcomer_deals_per_day = fields.Integer(
        related="company_id.telesales_newcomer_deals_per_day", readonly=False
    )
    telesales_newcomer_coaching_days = fields.Integer(
        related="company_id.telesales_newcomer_coaching_days", readonly=False
    )
    telesales_company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    telesales_referral_first_amount = fields.Monetary(
        related="company_id.telesales_referral_first_amount",
        currency_field="telesales_company_currency_id",
        readonly=False,
    )
    telesales_referral_first_months = fields.Integer(
        related="company_id.telesales_referral_first_months", readonly=False
    )
    telesales_referral_probation_amount = fields.Monetary(
        related="company_id.telesales_referral_probation_amount",
        currency_field="telesales_company_currency_id",
        readonly=False,
    )
    telesales_referral_probation_months = fields.Integer(
        related="company_id.telesales_referral_probation_months", readonly=False
    )
    telesales_referral_approver_id = fields.Many2one(
        related="company_id.telesales_referral_approver_id", readonly=False
    )
    telesales_gate_active = fields.Boolean(
        related="company_id.telesales_gate_active", readonly=False
    )
    telesales_gate_min_achievement = fields.Float(
        related="company_id.telesales_gate_min_achievement", readonly=False
    )
    telesales_gate_min_premium_per_agent = fields.Monetary(
        related="company_id.telesales_gate_min_premium_per_agent",
        currency_field="telesales_company_currency_id",
        readonly=False,
    )
    telesales_gate_max_attrition = fields.Float(
        related="company_id.telesales_gate_max_attrition", readonly=False
    )
