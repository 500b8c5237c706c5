# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    # Quarterly rank review (SPEC §3)
    telesales_promotion_mode = fields.Selection(
        [("step", "One step per review"), ("jump", "Jump to the highest rank reached")],
        string="Promotion Mode",
        default="step",
        required=True,
    )
    telesales_partial_quarter_mode = fields.Selection(
        [("prorata", "Pro rata"), ("exempt", "Exempt from the review")],
        string="Rank Started Inside the Quarter",
        default="prorata",
        required=True,
    )
    telesales_watch_months = fields.Integer(
        string="Months Below Target Before Review",
        default=3,
        help="Consecutive months below the monthly target that raise a job "
        "adjustment or dismissal review flag for HR.",
    )

    # Calls (SPEC §4): the permitted calling window and the anti-harassment cap
    telesales_call_window_start = fields.Float(
        string="Calling Window Start",
        default=9.0,
        help="Earliest local time (agent's timezone) an outbound call may start.",
    )
    telesales_call_window_end = fields.Float(
        string="Calling Window End",
        default=18.0,
        help="Outbound calls must start before this local time.",
    )
    telesales_call_window_working_days = fields.Boolean(
        string="Calls on Working Days Only",
        default=True,
        help="Outbound calls are permitted only on the working days of the "
        "agent's working schedule (public holidays excluded). Untick to permit "
        "the window every day (e.g. 08:00-21:00 every day).",
    )
    telesales_daily_dial_cap = fields.Integer(
        string="Daily Outbound Dial Cap",
        default=200,
        help="Anti-harassment cap, the one setting of both rules: outbound calls "
        "beyond this number in an agent's day are violations, and the day is not "
        "compliant. 0 disables the cap.",
    )

    _sql_constraints = [
        (
            "telesales_call_window_check",
            "CHECK(telesales_call_window_start >= 0 AND "
            "telesales_call_window_end <= 24 AND "
            "telesales_call_window_start < telesales_call_window_end)",
            "The calling window must start before it ends, within the day.",
        ),
        (
            "telesales_daily_dial_cap_check",
            "CHECK(telesales_daily_dial_cap >= 0)",
            "The daily dial cap cannot be negative.",
        ),
    ]

    # Daily compliance (SPEC §4)
    telesales_min_connected_calls = fields.Integer(
        string="Minimum Connected Calls",
        default=40,
        help="Connected calls (接通) an agent must reach on a full working day.",
    )
    telesales_min_talk_hours = fields.Float(
        string="Minimum Talk Hours",
        default=3.5,
        help="Talk time (通时) an agent must reach on a full working day, counted "
        "up to the talk cut-off.",
    )
    telesales_talk_cutoff = fields.Float(
        string="Talk Time Cut-off",
        default=18.0,
        help="Talk after this local time does not count towards the day's talk time.",
    )
    telesales_first_call_deadline = fields.Float(
        string="First Call Before",
        default=9.5,
        help="The first outbound call of the morning must start before this time.",
    )
    telesales_afternoon_start_mode = fields.Selection(
        [
            ("fixed", "Fixed time"),
            ("calendar", "End of the working schedule's lunch break"),
        ],
        string="Afternoon Starts At",
        default="fixed",
        required=True,
    )
    telesales_afternoon_start = fields.Float(
        string="Afternoon Start",
        default=12.0,
        help="Calls from this time on are afternoon calls (fixed mode, and the "
        "fallback for schedules without an afternoon).",
    )
    telesales_afternoon_call_deadline = fields.Float(
        string="First Afternoon Call Before",
        default=14.0,
    )
    telesales_overtime_hours = fields.Float(
        string="Overtime for a Non-compliant Day",
        default=1.0,
        help="Hours an agent must stay after the end of the shift on a non-compliant "
        "day, checked against the attendance check-out.",
    )
    telesales_team_min_talk_hours = fields.Float(
        string="Team Average Talk Hours",
        default=3.5,
        help="A team whose agents' average talk time of a day is below this is "
        "flagged.",
    )
    telesales_compliance_rerun_days = fields.Integer(
        string="Days Recomputed Nightly",
        default=3,
        help="The nightly job recomputes this many past days, so late call "
        "imports and corrected attendances are taken into account.",
    )
    # Attendance rules (SPEC §4)
    telesales_late_minor_minutes = fields.Integer(
        string="Minor Lateness Up To (minutes)",
        default=10,
    )
    telesales_late_major_minutes = fields.Integer(
        string="Major Lateness Up To (minutes)",
        default=30,
        help="Late arrival or early leave beyond this counts as half a day of absence.",
    )
    telesales_absence_consecutive_days = fields.Integer(
        string="Consecutive Absent Days Before Review",
        default=3,
    )
    telesales_absence_month_days = fields.Integer(
        string="Absent Days in a Month Before Review",
        default=5,
    )
    telesales_flag_hr_user_id = fields.Many2one(
        "res.users",
        string="HR Responsible for Flags",
        help="Receives the dismissal review flags; empty means the first "
        "telesales HR officer.",
    )
    telesales_proxy_window_minutes = fields.Integer(
        string="Proxy Punch Window (minutes)",
        default=2,
        help="Check-ins of different employees from the same IP address within "
        "this many minutes are flagged as suspected proxy punching (代打卡).",
    )
    telesales_proxy_ignored_ips = fields.Char(
        string="Shared IP Addresses",
        help="Comma-separated IP addresses ignored by proxy punch detection, "
        "e.g. an attendance kiosk every employee uses.",
    )
    # KPI points (SPEC §4)
    telesales_kpi_start = fields.Integer(string="KPI Points per Month", default=100)
    telesales_kpi_pass = fields.Integer(
        string="KPI Pass Line",
        default=80,
        help="A trainee's newcomer allowance is paid when the month's KPI score "
        "reaches this line.",
    )
    telesales_kpi_proxy_agent = fields.Integer(string="Proxy Punch (agent)", default=10)
    telesales_kpi_proxy_leader = fields.Integer(
        string="Proxy Punch (team leader)", default=5
    )
    telesales_kpi_first_call = fields.Integer(
        string="Missed First Call Deadline", default=5
    )
    telesales_kpi_no_overtime = fields.Integer(
        string="Non-compliant Day Without Overtime", default=10
    )
    telesales_kpi_early_leave = fields.Integer(
        string="Left Before the End of Shift", default=5
    )
    telesales_kpi_late = fields.Integer(string="Late Arrival", default=0)
    telesales_kpi_absence = fields.Integer(string="Absence", default=0)
    # Newcomers (SPEC §4)
    telesales_newcomer_deals_per_day = fields.Integer(
        string="Deals Expected per Day (newcomers)", default=1
    )
    telesales_newcomer_coaching_days = fields.Integer(
        string="Days Without Deal Before Coaching",
        default=2,
        help="A trainee with more working days than this in a row below the "
        "expected deals gets a coaching activity for the team leader.",
    )

    @api.constrains(
        "telesales_talk_cutoff",
        "telesales_first_call_deadline",
        "telesales_afternoon_start",
        "telesales_afternoon_call_deadline",
        "telesales_late_minor_minutes",
        "telesales_late_major_minutes",
        "telesales_proxy_window_minutes",
        "telesales_kpi_proxy_agent",
        "telesales_kpi_proxy_leader",
        "telesales_kpi_first_call",
        "telesales_kpi_no_overtime",
        "telesales_kpi_early_leave",
        "telesales_kpi_late",
        "telesales_kpi_absence",
        "telesales_min_connected_calls",
        "telesales_min_talk_hours",
        "telesales_overtime_hours",
    )
    def _check_telesales_compliance_settings(self):
        for company in self:
            clock = {
                "telesales_talk_cutoff",
                "telesales_first_call_deadline",
                "telesales_afternoon_start",
                "telesales_afternoon_call_deadline",
            }
            for name in clock:
                if not 0 <= company[name] <= 24:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s must be a time between 00:00 and 24:00.",
                            setting=self._fields[name]._description_string(self.env),
                        )
                    )
            minor = company.telesales_late_minor_minutes
            if company.telesales_late_major_minutes < minor:
                raise ValidationError(
                    self.env._(
                        "The major lateness limit cannot be below the minor one."
                    )
                )
            amounts = [
                "telesales_late_minor_minutes",
                "telesales_proxy_window_minutes",
                "telesales_kpi_proxy_agent",
                "telesales_kpi_proxy_leader",
                "telesales_kpi_first_call",
                "telesales_kpi_no_overtime",
                "telesales_kpi_early_leave",
                "telesales_kpi_late",
                "telesales_kpi_absence",
                "telesales_min_connected_calls",
                "telesales_min_talk_hours",
                "telesales_overtime_hours",
            ]
            company._telesales_check_not_negative(amounts)

    def _telesales_check_not_negative(self, fnames):
        """Refuse a negative value of the settings ``fnames``."""
        for company in self:
            for name in fnames:
                if company[name] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s cannot be negative.",
                            setting=self._fields[name]._description_string(self.env),
                        )
                    )

    # Recruiting referrals (SPEC §5)
    telesales_referral_first_amount = fields.Monetary(
        string="Referral Bonus After the First Period",
        currency_field="currency_id",
        default=100.0,
        help="Paid to the referrer once the referred hire has stayed the first "
        "period (内部推荐: 1 month by default).",
    )
    telesales_referral_first_months = fields.Integer(
        string="First Referral Period (Months)",
        default=1,
        help="Months of employment of the referred hire that earn the first bonus.",
    )
    telesales_referral_probation_amount = fields.Monetary(
        string="Referral Bonus After Probation",
        currency_field="currency_id",
        default=100.0,
        help="Paid to the referrer once the referred hire passes probation (转正).",
    )
    telesales_referral_probation_months = fields.Integer(
        string="Probation (Months)",
        default=2,
        help="Probation length used when the hire has no contract with an end "
        "of trial period.",
    )
    telesales_referral_approver_id = fields.Many2one(
        "res.users",
        string="Referral Bonus Approver",
        help="HR officer who gets the activity to approve due referral bonuses. "
        "Empty: the first telesales HR officer of the company.",
    )
    # Headcount gate (SPEC §5)
    telesales_gate_active = fields.Boolean(
        string="Headcount Gate",
        default=True,
        help="Refuse hiring non-referred applicants into a team whose last "
        "month's KPIs miss a threshold.",
    )
    telesales_gate_min_achievement = fields.Float(
        string="Minimum Premium Achievement (%)", default=85.0
    )
    telesales_gate_min_premium_per_agent = fields.Monetary(
        string="Minimum Premium per Agent",
        currency_field="currency_id",
        default=12000.0,
    )
    telesales_gate_max_attrition = fields.Float(
        string="Maximum Attrition (%)", default=40.0
    )

    # Who "HR" is: the one definition every flag, activity and approval uses
    def _telesales_hr_users(self):
        """The company's telesales HR officers (active internal users of the
        telesales HR group allowed in the company), in a stable order."""
        self.ensure_one()
        group = self.env.ref("telesales_hr.group_telesales_hr")
        return (
            group.sudo()
            .users.filtered(lambda user: self in user.company_ids and not user.share)
            .sorted("id")
        )

    def _telesales_flag_responsible(self):
        """Who receives HR's flags: the HR responsible of the settings, else
        the first HR officer."""
        self.ensure_one()
        return self.telesales_flag_hr_user_id or self._telesales_hr_users()[:1]

    def _telesales_referral_approver(self):
        """Who approves due referral bonuses: the approver of the settings,
        else the first HR officer."""
        self.ensure_one()
        return self.telesales_referral_approver_id or self._telesales_hr_users()[:1]
