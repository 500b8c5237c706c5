# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class TelesalesReferral(models.Model):
    """An employee referred a hire (内部推荐, SPEC §5).

    Created when an applicant naming a referrer becomes an employee. Its
    milestones (first month, probation passed) earn the referrer a bonus each,
    approved by HR and paid through payroll exactly once.
    """

    _name = "telesales.referral"
    _check_company_auto = True
    _description = "Telesales Recruiting Referral"
    _inherit = [
        "telesales.ondelete.guard",
        "telesales.mail.author",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_start desc, id desc"

    referrer_id = fields.Many2one(
        "hr.employee",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        help="Employee who referred the hire; earns the bonuses.",
    )
    referrer_department_id = fields.Many2one(
        "hr.department",
        string="Referrer's Team",
        compute="_compute_referrer_department_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        help="Team of the referrer when the hire joined.",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        string="Referred Hire",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Hire's Team",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        check_company=True,
        help="Team the hire joined.",
    )
    applicant_id = fields.Many2one(
        "hr.applicant",
        ondelete="set null",
        index="btree_not_null",
        check_company=True,
        groups="hr_recruitment.group_hr_recruitment_user,"
        "telesales_hr.group_telesales_hr",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date_start = fields.Date(
        string="Start Date",
        required=True,
        tracking=True,
        help="First day of employment of the hire; milestones count from it.",
    )
    probation_end = fields.Date(
        readonly=True,
        tracking=True,
        help="End of trial period of the hire's contract when there is one, "
        "else the start date plus the probation months of the settings.",
    )
    probation_source = fields.Selection(
        [("contract", "Contract"), ("settings", "Settings")],
        readonly=True,
    )
    milestone_ids = fields.One2many(
        "telesales.referral.milestone", "referral_id", string="Milestones"
    )
    state = fields.Selection(
        [
            ("running", "Running"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        compute="_compute_amounts_state",
        store=True,
        tracking=True,
        help="Running while a milestone may still be paid; done when every "
        "milestone is paid or cancelled and one was paid; cancelled when all "
        "milestones were cancelled.",
    )
    amount_total = fields.Monetary(
        string="Bonus",
        compute="_compute_amounts_state",
        store=True,
        help="Bonuses of the milestones that are not cancelled.",
    )
    amount_paid = fields.Monetary(
        string="Paid", compute="_compute_amounts_state", store=True
    )

    _sql_constraints = [
        (
            "employee_uniq",
            "unique(employee_id)",
            "A hire can be referred only once.",
        ),
    ]

    @api.depends("referrer_id")
    def _compute_referrer_department_id(self):
        for referral in self:
            referral.referrer_department_id = referral.referrer_id.department_id

    @api.depends("employee_id")
    def _compute_department_id(self):
        for referral in self:
            referral.department_id = referral.employee_id.department_id

    @api.depends("employee_id")
    def _compute_company_id(self):
        for referral in self:
            referral.company_id = referral.employee_id.company_id or self.env.company

    @api.depends("milestone_ids.state", "milestone_ids.amount")
    def _compute_amounts_state(self):
        for referral in self:
            milestones = referral.milestone_ids
            live = milestones.filtered(lambda m: m.state != "cancelled")
            paid = live.filtered(lambda m: m.state == "paid")
            referral.amount_total = sum(live.mapped("amount"))
            referral.amount_paid = sum(paid.mapped("amount"))
            if milestones and not live:
                referral.state = "cancelled"
            elif milestones and live == paid:
                referral.state = "done"
            else:
                referral.state = "running"

    @api.depends("employee_id", "referrer_id")
    def _compute_display_name(self):
        for referral in self:
            referral.display_name = self.env._(
                "%(hire)s, referred by %(referrer)s",
                hire=referral.employee_id.name or "",
                referrer=referral.referrer_id.name or "",
            )

    @api.constrains("referrer_id", "employee_id")
    def _check_referrer(self):
        for referral in self:
            if referral.referrer_id == referral.employee_id:
                raise ValidationError(
                    self.env._(
                        "%(employee)s cannot be their own referrer.",
                        employee=referral.employee_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        referrals = super().create(vals_list)
        referrals._refresh_probation_end()
        referrals._create_milestones()
        return referrals

    def write(self, vals):
        if "date_start" in vals and self.milestone_ids.filtered(
            lambda m: m.state not in ("pending", "cancelled")
        ):
            raise UserError(
                self.env._(
                    "The start date of a referral cannot change once one of its "
                    "bonuses is due, approved or paid."
                )
            )
        # who earned an approved or paid bonus, for which hire, is history
        frozen = {"referrer_id", "employee_id", "company_id"} & set(vals)
        for referral in self if frozen else ():
            if referral.milestone_ids.filtered(
                lambda m: m.state in ("approved", "paid")
            ):
                raise UserError(
                    self.env._(
                        "Referral %(referral)s has approved or paid bonuses: its "
                        "referrer, hire and company can no longer change.",
                        referral=referral.display_name,
                    )
                )
        res = super().write(vals)
        if "date_start" in vals:
            self._refresh_probation_end()
            self._sync_milestone_dates()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_earned(self):
        if self.milestone_ids.filtered(lambda m: m.state != "pending"):
            raise UserError(
                self.env._(
                    "A referral whose bonuses are due, approved, paid or cancelled "
                    "is never deleted; cancel its bonuses with a reason instead."
                )
            )

    # ------------------------------------------------------------------
    # Creation from hiring
    # ------------------------------------------------------------------
    @api.model
    def _create_from_applicants(self, applicants):
        """Create the referral of each hired applicant that names a referrer
        and has an employee, unless it exists already (idempotent)."""
        applicants = applicants.sudo().filtered(
            lambda a: a.telesales_referrer_id and a.employee_id
        )
        if not applicants:
            return self.browse()
        existing = (
            self.sudo()
            .search([("employee_id", "in", applicants.employee_id.ids)])
            .employee_id
        )
        vals_list = []
        for applicant in applicants:
            if applicant.employee_id in existing:
                continue
            existing |= applicant.employee_id
            vals_list.append(
                {
                    "referrer_id": applicant.telesales_referrer_id.id,
                    "employee_id": applicant.employee_id.id,
                    "applicant_id": applicant.id,
                    "date_start": applicant.date_closed
                    and applicant.date_closed.date()
                    or fields.Date.context_today(self),
                }
            )
        return self.sudo().create(vals_list)
