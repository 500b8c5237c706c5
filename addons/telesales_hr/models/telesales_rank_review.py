# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .telesales_rank_review_rules import previous_quarter, quarter_dates
from .telesales_workflow_mixin import ALL

ACTIVITY_TYPE = "telesales_hr.mail_activity_telesales_rank_review"
MANAGER = "telesales_hr.group_telesales_manager"
HR = "telesales_hr.group_telesales_hr"


class TelesalesRankReview(models.Model):
    """Quarterly rank review (考核按季度, SPEC §3) of a company or of a unit.

    draft (computed) → submitted by a manager → approved by HR → applied:
    applying writes the final ranks into the rank history from the first day
    of the next quarter. Each step is an activity for the next approver and
    tracked in the chatter.

    The workflow guard (``telesales.workflow.mixin``) declares who moves the
    review and what stays editable: the state and the settings of the
    computation change only in the actions; after submission only the
    cancel reason (and the lines' overrides, see the line) may change.
    """

    _name = "telesales.rank.review"
    _check_company_auto = True
    _description = "Quarterly Rank Review"
    _inherit = [
        "telesales.workflow.mixin",
        "telesales.mail.author",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_from desc, id desc"

    _workflow_fields = frozenset(
        {"promotion_mode", "partial_quarter_mode", "computed_on"}
    )
    _workflow_editable = {
        "draft": ALL,
        "submitted": frozenset({"cancel_reason", "line_ids"}),
        "approved": frozenset({"cancel_reason"}),
    }
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        "action_compute": (("draft",), (MANAGER,)),
        "action_submit": (("draft",), (MANAGER,)),
        "action_approve": (("submitted",), (HR,)),
        # an applied review is left as it is: applying twice changes nothing
        "action_apply": (("approved", "applied"), (HR,)),
        "action_reset_draft": (("submitted", "approved", "cancelled"), (MANAGER,)),
        "action_cancel": (("draft", "submitted", "approved"), (MANAGER,)),
    }

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    year = fields.Integer(
        required=True,
        default=lambda self: self._previous_quarter(fields.Date.context_today(self))[0],
        tracking=True,
    )
    quarter = fields.Integer(
        required=True,
        default=lambda self: self._previous_quarter(fields.Date.context_today(self))[1],
        tracking=True,
        help="1 to 4.",
    )
    date_from = fields.Date(compute="_compute_dates", store=True, string="From")
    date_to = fields.Date(compute="_compute_dates", store=True, string="To")
    effective_date = fields.Date(
        compute="_compute_dates",
        store=True,
        help="First day of the next quarter: the new ranks start on this day.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Scope",
        default=lambda self: self._default_department_id(),
        tracking=True,
        check_company=True,
        help="Centre or unit reviewed (its teams included). Empty: the whole company.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("applied", "Applied"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    line_ids = fields.One2many(
        "telesales.rank.review.line", "review_id", string="Agents"
    )
    # the settings used by the last computation (the company's may change later)
    promotion_mode = fields.Selection(
        [("step", "One step per review"), ("jump", "Jump to the highest rank reached")],
        readonly=True,
        copy=False,
    )
    partial_quarter_mode = fields.Selection(
        [("prorata", "Pro rata"), ("exempt", "Exempt from the review")],
        string="Rank Started Inside the Quarter",
        readonly=True,
        copy=False,
    )
    computed_on = fields.Datetime(readonly=True, copy=False)
    cancel_reason = fields.Text(tracking=True, copy=False)
    line_count = fields.Integer(compute="_compute_counts")
    promote_count = fields.Integer(compute="_compute_counts", string="Promotions")
    keep_count = fields.Integer(compute="_compute_counts", string="Kept")
    demote_count = fields.Integer(compute="_compute_counts", string="Demotions")
    exempt_count = fields.Integer(compute="_compute_counts", string="Exempt")
    blocked_count = fields.Integer(compute="_compute_counts", string="Blocked")
    override_count = fields.Integer(compute="_compute_counts", string="Overrides")

    _sql_constraints = [
        (
            "quarter_range",
            "CHECK(quarter BETWEEN 1 AND 4)",
            "The quarter is 1, 2, 3 or 4.",
        ),
        ("year_range", "CHECK(year BETWEEN 2000 AND 2999)", "The year is not valid."),
    ]

    # ------------------------------------------------------------------
    # Quarters
    # ------------------------------------------------------------------
    @api.model
    def _quarter_dates(self, year, quarter):
        return quarter_dates(year, quarter)

    @api.model
    def _previous_quarter(self, day):
        """(year, quarter) of the last quarter closed before `day`."""
        return previous_quarter(day)

    @api.depends("year", "quarter")
    def _compute_dates(self):
        for review in self:
            if review.year and 1 <= review.quarter <= 4:
                start, end = self._quarter_dates(review.year, review.quarter)
                review.date_from, review.date_to = start, end
                review.effective_date = end + relativedelta(days=1)
            else:
                review.date_from = review.date_to = review.effective_date = False

    @api.depends("year", "quarter", "department_id")
    def _compute_name(self):
        for review in self:
            name = f"{review.year} Q{review.quarter}"
            if review.department_id:
                name = f"{name} - {review.department_id.name}"
            review.name = name

    def _compute_counts(self):
        Line = self.env["telesales.rank.review.line"]
        counts = {}
        for review, decision, blocked, overridden, count in Line._read_group(
            [("review_id", "in", self.ids)],
            ["review_id", "decision", "promotion_blocked", "is_overridden"],
            ["__count"],
        ):
            per = counts.setdefault(review.id, {})
            per[decision] = per.get(decision, 0) + count
            per["total"] = per.get("total", 0) + count
            if blocked:
                per["blocked"] = per.get("blocked", 0) + count
            if overridden:
                per["override"] = per.get("override", 0) + count
        for review in self:
            per = counts.get(review.id, {})
            review.line_count = per.get("total", 0)
            review.promote_count = per.get("promote", 0)
            review.keep_count = per.get("keep", 0)
            review.demote_count = per.get("demote", 0)
            review.exempt_count = per.get("exempt", 0)
            review.blocked_count = per.get("blocked", 0)
            review.override_count = per.get("override", 0)

    @api.constrains("company_id", "year", "quarter", "department_id", "state")
    def _check_single_review(self):
        for review in self.filtered(lambda r: r.state != "cancelled"):
            if self.sudo().search_count(
                [
                    ("id", "!=", review.id),
                    ("company_id", "=", review.company_id.id),
                    ("year", "=", review.year),
                    ("quarter", "=", review.quarter),
                    ("department_id", "=", review.department_id.id),
                    ("state", "!=", "cancelled"),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "There is already a review of %(name)s. Cancel it first "
                        "to start another one.",
                        name=review.name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._schedule_for_managers()
        return reviews

    def write(self, vals):
        scope_changed = {"year", "quarter", "department_id", "company_id"} & set(vals)
        if scope_changed and self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("The period and scope of a review can only change in draft.")
            )
        result = super().write(vals)
        if scope_changed:
            # the figures were of another period or scope: compute again
            lines = self.sudo().line_ids
            with lines._workflow_step():
                lines.unlink()
            self._workflow_write({"computed_on": False})
        return result

    def _workflow_require_group(self, xmlids, message):
        # the system itself (crons, module data) runs every step
        if self.env.uid == SUPERUSER_ID:
            return None
        return super()._workflow_require_group(xmlids, message)

    # ------------------------------------------------------------------
    # Cron
    # ------------------------------------------------------------------
    @api.model
    def _cron_draft_reviews(self, today=None):
        """Draft and compute the review of the last closed quarter for every
        company with telesales agents, unless one exists. Idempotent: it may
        run daily or monthly."""
        today = fields.Date.to_date(today) if today else fields.Date.context_today(self)
        year, quarter = self._previous_quarter(today)
        companies = (
            self.env["hr.employee"]
            .sudo()
            .search([("is_telesales_agent", "=", True)])
            .company_id
        )
        reviews = self.browse()
        for company in companies:
            if self.sudo().search_count(
                [
                    ("company_id", "=", company.id),
                    ("year", "=", year),
                    ("quarter", "=", quarter),
                    ("state", "!=", "cancelled"),
                ],
                limit=1,
            ):
                continue
            review = (
                self.sudo()
                .with_company(company)
                .create({"company_id": company.id, "year": year, "quarter": quarter})
            )
            review._compute_lines()
            reviews |= review
        return reviews
