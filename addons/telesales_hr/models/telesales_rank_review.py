# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare

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
        date_from = date(year, 3 * (quarter - 1) + 1, 1)
        return date_from, date_from + relativedelta(months=3, days=-1)

    @api.model
    def _previous_quarter(self, day):
        """(year, quarter) of the last quarter closed before `day`."""
        quarter = (day.month - 1) // 3 + 1
        return (day.year - 1, 4) if quarter == 1 else (day.year, quarter - 1)

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
    # Computation
    # ------------------------------------------------------------------
    def action_compute(self):
        """(Re)compute the lines of draft reviews."""
        self._check_group(
            MANAGER,
            self.env._("Only telesales managers may compute a quarterly review."),
        )
        with self._workflow_begin("action_compute", self.env._("recomputed")):
            self._check_caller_scope(self.env._("recomputed"))
            for review in self:
                review.sudo()._compute_lines()
        return True

    def _review_employees(self):
        """Active employees in the scope who held a rank in the quarter and
        are not already reviewed by another review of the same quarter."""
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id)]
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        employees = self.env["hr.employee"].search(domain)
        periods = self.env["telesales.rank.history"]._rank_periods(
            employees, self.date_from, self.date_to
        )
        taken = set(
            self.env["telesales.rank.review.line"]
            .search(
                [
                    ("review_id", "!=", self.id),
                    ("review_id.company_id", "=", self.company_id.id),
                    ("review_id.year", "=", self.year),
                    ("review_id.quarter", "=", self.quarter),
                    ("review_id.state", "!=", "cancelled"),
                    ("employee_id", "in", list(periods)),
                ]
            )
            .employee_id.ids
        )
        employees = employees.filtered(lambda e: e.id in periods and e.id not in taken)
        return employees, periods

    def _compute_lines(self):
        """Whole-scope computation in a few set-based queries: employees,
        rank periods, premium, blocks, ladder; then one batch create."""
        self.ensure_one()
        Line = self.env["telesales.rank.review.line"]
        # the one step that writes the figures of the lines
        with self._workflow_step(), Line._workflow_step(model_wide=True):
            self._compute_lines_in_step(Line)

    def _compute_lines_in_step(self, Line):
        self.line_ids.unlink()
        employees, periods = self._review_employees()
        premium = self.env["telesales.premium"]._effective_premium(
            employees, self.date_from, self.date_to
        )
        blocks = self.env["hr.employee"]._telesales_promotion_blocks(
            employees, self.date_from, self.date_to
        )
        ladder = self.env["telesales.rank"]._ladder(self.company_id)
        vals_list = [
            self._line_vals(
                employee,
                periods[employee.id],
                premium.get(employee.id, 0.0),
                blocks.get(employee.id) or [],
                ladder,
            )
            for employee in employees
        ]
        Line.create(vals_list)
        self.write(
            {
                "computed_on": fields.Datetime.now(),
                "promotion_mode": self.company_id.telesales_promotion_mode,
                "partial_quarter_mode": self.company_id.telesales_partial_quarter_mode,
            }
        )

    def _line_vals(self, employee, periods, premium, blocks, ladder):
        """Decision for one agent (pure Python on prefetched data, SPEC §3)."""
        company = self.company_id
        currency = company.currency_id
        current = periods[-1][0]
        held_start = periods[-1][1]
        # the same rank re-entered (e.g. a correction) does not restart it
        for rank, start, end in reversed(periods[:-1]):
            if rank != current or end + relativedelta(days=1) != held_start:
                break
            held_start = start
        partial = held_start > self.date_from
        months_held = 3
        if partial:
            months_held = (
                (self.date_to.year - held_start.year) * 12
                + self.date_to.month
                - held_start.month
                + 1
            )
        vals = {
            "review_id": self.id,
            "employee_id": employee.id,
            "department_id": employee.department_id.id,
            "current_rank_id": current.id,
            "rank_start": held_start,
            "months_held": months_held,
            "premium": premium,
            "promotion_blocked": bool(blocks),
            "block_reason": "\n".join(str(reason) for reason in blocks) or False,
        }
        if partial and company.telesales_partial_quarter_mode == "exempt":
            vals.update(
                decision="exempt",
                proposed_rank_id=current.id,
                threshold=0.0,
                promotion_threshold=0.0,
            )
            return vals

        def key(rank):
            return (rank.sequence, rank.id)

        def prorated(rank):
            return currency.round(rank.quarter_threshold * months_held / 3)

        def reaches(rank):
            return (
                float_compare(
                    premium, prorated(rank), precision_rounding=currency.rounding
                )
                >= 0
            )

        higher = [rank for rank in ladder if key(rank) > key(current)]
        lower = [rank for rank in ladder if key(rank) < key(current)]
        next_rank = higher[0] if higher else False
        vals.update(
            threshold=prorated(current),
            promotion_threshold=prorated(next_rank) if next_rank else 0.0,
        )
        if next_rank and reaches(next_rank):
            if blocks:
                vals.update(decision="keep", proposed_rank_id=current.id)
            elif company.telesales_promotion_mode == "jump":
                reached = [rank for rank in higher if reaches(rank)]
                vals.update(decision="promote", proposed_rank_id=reached[-1].id)
            else:
                vals.update(decision="promote", proposed_rank_id=next_rank.id)
        elif reaches(current) or not lower:
            # a trainee (lowest rank) stays where they are
            vals.update(decision="keep", proposed_rank_id=current.id)
        else:
            vals.update(decision="demote", proposed_rank_id=lower[-1].id)
        return vals

    # ------------------------------------------------------------------
    # Scope of the caller
    # ------------------------------------------------------------------
    @api.model
    def _caller_units(self):
        """The departments the current user heads, with everything under
        them: a manager decides on the review of their own unit only."""
        managed = (
            self.env["hr.department"]
            .sudo()
            .search([("manager_id.user_id", "=", self.env.uid)])
        )
        if not managed:
            return managed
        return managed.search([("id", "child_of", managed.ids)])

    @api.model
    def _default_department_id(self):
        """A manager starts the review of the unit they head (the highest
        one, if several); HR and the system start the company's."""
        if self.env.uid == SUPERUSER_ID or self.env.user.has_group(HR):
            return False
        managed = (
            self.env["hr.department"]
            .sudo()
            .search(
                [
                    ("manager_id.user_id", "=", self.env.uid),
                    ("company_id", "in", [self.env.company.id, False]),
                ]
            )
        )
        highest = managed.sorted(
            lambda d: (len((d.parent_path or "").split("/")), d.id)
        )
        return highest[:1].id

    def _check_caller_scope(self, action):
        """Refuse a manager's step on a review that covers teams outside the
        unit they head (HR and the system act on every review). The review's
        scope and each of its agents must lie in the caller's unit."""
        if self.env.uid == SUPERUSER_ID or self.env.user.has_group(HR):
            return
        units = self._caller_units()
        for review in self:
            lines = review.sudo().line_ids
            outside = lines.filtered(lambda line: line.department_id not in units)
            if review.department_id and review.department_id not in units:
                scope = review.department_id.sudo().display_name
            elif outside:
                scope = ", ".join(
                    sorted(
                        set(
                            outside.department_id.sudo().mapped("display_name")
                            or [self.env._("no team")]
                        )
                    )
                )
            else:
                continue
            raise AccessError(
                self.env._(
                    "Review %(name)s covers %(scope)s, beyond the unit you "
                    "head: it cannot be %(action)s by you. Start the review of "
                    "your own unit (Scope), or leave it to the manager of the "
                    "whole scope or to HR.",
                    name=review.name,
                    scope=scope,
                    action=action,
                )
            )

    # ------------------------------------------------------------------
    # Flow
    # ------------------------------------------------------------------
    def _check_group(self, group_xmlid, message):
        if self.env.uid != SUPERUSER_ID and not self.env.user.has_group(group_xmlid):
            raise AccessError(message)

    def action_submit(self):
        self._check_group(
            MANAGER,
            self.env._("Only telesales managers may submit a quarterly review."),
        )
        with self._workflow_begin("action_submit", self.env._("submitted")):
            self._check_caller_scope(self.env._("submitted"))
            for review in self:
                if not review.sudo().line_ids:
                    raise UserError(
                        self.env._(
                            "Review %(name)s has no agent: compute it before "
                            "submitting it.",
                            name=review.name,
                        )
                    )
            self.write({"state": "submitted"})
        self.activity_feedback([ACTIVITY_TYPE])
        for review in self:
            for user in review.company_id._telesales_hr_users():
                review.activity_schedule(
                    ACTIVITY_TYPE,
                    summary=self.env._(
                        "Approve the rank review %(name)s", name=review.name
                    ),
                    user_id=user.id,
                )
        return True

    def action_approve(self):
        self._check_group(
            HR,
            self.env._("Only telesales HR officers may approve a quarterly review."),
        )
        with self._workflow_begin("action_approve", self.env._("approved")):
            self.write({"state": "approved"})
        self.activity_feedback([ACTIVITY_TYPE])
        for review in self:
            review.activity_schedule(
                ACTIVITY_TYPE,
                date_deadline=max(
                    review.effective_date, fields.Date.context_today(self)
                ),
                summary=self.env._("Apply the rank review %(name)s", name=review.name),
                user_id=self.env.uid,
            )
        return True

    def action_apply(self):
        """Write the final ranks into the rank history, starting the first
        day of the next quarter. The reviews are locked first: an applied
        review is left as it is, so applying twice (even at the same moment)
        changes nothing; a unique index on the history is the last guard."""
        self._check_group(
            HR,
            self.env._("Only telesales HR officers may apply a quarterly review."),
        )
        with self._workflow_begin("action_apply", self.env._("applied")):
            to_apply = self.filtered(lambda r: r.state == "approved")
            History = self.env["telesales.rank.history"]
            for review in to_apply:
                lines = review.line_ids.filtered(
                    lambda line: line.final_rank_id != line.current_rank_id
                    and not line.history_id
                )
                entries = History.create(
                    [
                        {
                            "employee_id": line.employee_id.id,
                            "rank_id": line.final_rank_id.id,
                            "date_start": review.effective_date,
                            "origin": "review",
                            "origin_ref": f"{line._name},{line.id}",
                            "reason": line._history_reason(),
                        }
                        for line in lines
                    ]
                )
                for line, entry in zip(lines, entries, strict=True):
                    line._workflow_write({"history_id": entry.id})
            to_apply.write({"state": "applied"})
        to_apply.activity_feedback([ACTIVITY_TYPE])
        return True

    def action_reset_draft(self):
        """Send a submitted or approved review back to its managers."""
        self._check_group(
            MANAGER,
            self.env._(
                "Only telesales managers may reset a quarterly review to draft."
            ),
        )
        with self._workflow_begin("action_reset_draft", self.env._("reset to draft")):
            self._check_caller_scope(self.env._("reset to draft"))
            if self.filtered(lambda r: r.state == "approved"):
                self._check_group(
                    HR,
                    self.env._(
                        "Only telesales HR officers may reopen an approved review."
                    ),
                )
            self.activity_unlink([ACTIVITY_TYPE])
            self.write({"state": "draft", "cancel_reason": False})
        self._schedule_for_managers()
        return True

    def action_cancel(self):
        self._check_group(
            MANAGER,
            self.env._("Only telesales managers may cancel a quarterly review."),
        )
        with self._workflow_begin("action_cancel", self.env._("cancelled")):
            self._check_caller_scope(self.env._("cancelled"))
            if self.filtered(lambda r: r.state == "approved"):
                self._check_group(
                    HR,
                    self.env._(
                        "Only telesales HR officers may cancel an approved review."
                    ),
                )
            for review in self:
                if not (review.cancel_reason or "").strip():
                    raise UserError(
                        self.env._(
                            "Write why review %(name)s is cancelled (Cancel "
                            "Reason) first.",
                            name=review.name,
                        )
                    )
            self.activity_unlink([ACTIVITY_TYPE])
            self.write({"state": "cancelled"})
        return True

    def _manager_users(self):
        """Who submits: the user of the scope's manager, else the telesales
        managers of the company (HR officers excluded when there are others)."""
        self.ensure_one()
        users = self.department_id.sudo().manager_id.user_id
        if not users:
            managers = self.env.ref("telesales_hr.group_telesales_manager").sudo().users
            hr = self.company_id._telesales_hr_users()
            managers = managers.filtered(
                lambda u: self.company_id in u.company_ids and u.active and not u.share
            )
            users = (managers - hr) or managers
            # a company-wide review goes to whoever heads a whole centre
            heads = (
                self.env["hr.department"]
                .sudo()
                .search(
                    [
                        ("company_id", "in", [self.company_id.id, False]),
                        ("parent_id", "=", False),
                        ("manager_id.user_id", "in", users.ids),
                    ]
                )
                .manager_id.user_id
            )
            users = (users & heads) or users
        return users.sorted("id")

    def _schedule_for_managers(self):
        for review in self:
            for user in review._manager_users():
                review.activity_schedule(
                    ACTIVITY_TYPE,
                    summary=self.env._(
                        "Check and submit the rank review %(name)s", name=review.name
                    ),
                    user_id=user.id,
                )

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
