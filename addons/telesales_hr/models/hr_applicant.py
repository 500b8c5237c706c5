# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .hr_candidate import FROM_APPLICANT

GATE_FIELDS = {"telesales_gate_override", "telesales_gate_override_reason"}


class HrApplicant(models.Model):
    """Referrals (内部推荐) and the headcount gate (增员条件) on hiring."""

    _inherit = "hr.applicant"

    telesales_referrer_id = fields.Many2one(
        "hr.employee",
        string="Referred By",
        tracking=True,
        index="btree_not_null",
        domain="[('company_id', 'in', [company_id, False])]",
        help="Employee who referred the applicant (内部推荐). The hire joins "
        "the referrer's team by default, the referrer earns the referral "
        "bonuses, and the headcount gate does not apply.",
    )
    telesales_gate_override = fields.Boolean(
        string="Override Headcount Gate",
        tracking=True,
        copy=False,
        help="Hire into the team even if its last month's KPIs miss the "
        "headcount gate thresholds. Telesales HR officers only; needs a reason.",
    )
    telesales_gate_override_reason = fields.Text(
        string="Override Reason", tracking=True, copy=False
    )
    telesales_gate_override_user_id = fields.Many2one(
        "res.users", string="Overridden By", readonly=True, copy=False, tracking=True
    )
    telesales_referral_count = fields.Integer(
        string="Referral",
        compute="_compute_telesales_referral_count",
        compute_sudo=True,
    )

    @api.depends("telesales_referrer_id")
    def _compute_department(self):
        """A referred hire joins the referrer's team by default; choosing
        another department afterwards keeps that choice."""
        res = super()._compute_department()
        for applicant in self:
            if applicant.telesales_referrer_id.department_id:
                applicant.department_id = applicant.telesales_referrer_id.department_id
        return res

    def _compute_telesales_referral_count(self):
        groups = self.env["telesales.referral"]._read_group(
            [("applicant_id", "in", self.ids)], ["applicant_id"], ["__count"]
        )
        counts = {applicant.id: count for applicant, count in groups}
        for applicant in self:
            applicant.telesales_referral_count = counts.get(applicant.id, 0)

    @api.constrains("telesales_gate_override", "telesales_gate_override_reason")
    def _check_gate_override_reason(self):
        for applicant in self:
            if (
                applicant.telesales_gate_override
                and not (applicant.telesales_gate_override_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Give the reason to override the headcount gate for "
                        "%(applicant)s.",
                        applicant=applicant.display_name,
                    )
                )

    def _check_gate_override_rights(self, vals):
        if GATE_FIELDS & set(vals) and not (
            self.env.su or self.env.user.has_group("telesales_hr.group_telesales_hr")
        ):
            raise AccessError(
                self.env._(
                    "Only telesales HR officers may override the headcount gate."
                )
            )
        if "telesales_gate_override" in vals:
            vals["telesales_gate_override_user_id"] = (
                vals["telesales_gate_override"] and self.env.user.id or False
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_gate_override_rights(vals)
        applicants = super().create(vals_list)
        applicants.filtered(
            lambda a: a.stage_id.hired_stage
        )._telesales_check_headcount_gate()
        return applicants

    def write(self, vals):
        self._check_gate_override_rights(vals)
        hiring = self.browse()
        if vals.get("stage_id"):
            stage = self.env["hr.recruitment.stage"].browse(vals["stage_id"])
            if stage.hired_stage:
                hiring = self.filtered(lambda a: not a.stage_id.hired_stage)
        res = super().write(vals)
        # checked after the write so that an override, department or referrer
        # given together with the stage counts; a refusal rolls it all back
        hiring._telesales_check_headcount_gate()
        if "telesales_referrer_id" in vals or "employee_id" in vals:
            self.env["telesales.referral"]._create_from_applicants(self)
        return res

    def create_employee_from_applicant(self):
        # applicants moved to a hired stage passed the gate already
        self.filtered(
            lambda a: not a.stage_id.hired_stage
        )._telesales_check_headcount_gate()
        token = FROM_APPLICANT.set(True)
        try:
            action = super().create_employee_from_applicant()
        finally:
            FROM_APPLICANT.reset(token)
        self.env["telesales.referral"]._create_from_applicants(self)
        return action

    def _telesales_check_headcount_gate(self):
        """Refuse hiring non-referred applicants into a team whose KPIs of
        last month miss a threshold, unless HR overrode the gate."""
        applicants = self.sudo().filtered(
            lambda a: a.department_id
            and not a.telesales_referrer_id
            and not a.telesales_gate_override
            and a.company_id.telesales_gate_active
        )
        if not applicants:
            return
        teams = applicants.department_id & self.env["hr.department"]._telesales_teams()
        if not teams:
            return
        today = fields.Date.context_today(self)
        month = today.replace(day=1) - relativedelta(months=1)
        kpis = self.env["telesales.team.kpi"].sudo()._get_or_compute(teams, month)
        errors = []
        for applicant in applicants:
            kpi = kpis.get(applicant.department_id.id)
            failures = kpi and kpi._gate_failures()
            if failures:
                errors.append(
                    self.env._(
                        "%(team)s cannot refill headcount: %(failures)s "
                        "(KPIs of %(month)s, applicant %(applicant)s).",
                        team=applicant.department_id.name,
                        failures="; ".join(failures),
                        month=month.strftime("%Y-%m"),
                        applicant=applicant.partner_name or applicant.display_name,
                    )
                )
        if errors:
            errors.append(
                self.env._(
                    "Hire a referred applicant, or ask a telesales HR officer to "
                    "override the headcount gate with a reason."
                )
            )
            raise UserError("\n".join(errors))

    def action_open_telesales_referral(self):
        self.ensure_one()
        referral = self.env["telesales.referral"].search(
            [("applicant_id", "=", self.id)], limit=1
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Referral"),
            "res_model": "telesales.referral",
            "view_mode": "form",
            "res_id": referral.id,
        }
