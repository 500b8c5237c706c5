# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
    telesales_gate_min_qa_pass_rate = fields.Float(
        string="Minimum QA Pass Rate (%)", default=90.0
    )
