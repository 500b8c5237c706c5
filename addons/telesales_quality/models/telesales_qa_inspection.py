# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.telesales_hr.models.telesales_workflow_mixin import ALL

_INSPECTOR = "telesales_quality.group_qa_inspector"
_COMMITTEE = "telesales_quality.group_quality_committee"
_HR = "telesales_hr.group_telesales_hr"
_ACTIVITY = "mail.mail_activity_data_todo"

# States in which an inspection counts for the pass rates.
DONE_STATES = ("published", "acknowledged", "appealed", "reviewed")


class TelesalesQaInspection(models.Model):
    """The inspection of one call against a published form.

    Score = 100 − the points of the failed items, 0 when a fatal item failed.
    Once published the agent acknowledges it or appeals it once, within the
    deadline counted in working days of the agent's schedule; a reviewer
    (quality committee or HR, never the inspector) upholds, overturns or
    adjusts it, and the score follows the review.

    The score is computed in ``telesales_qa_inspection_scoring``, the
    answer and the review in ``telesales_qa_inspection_workflow``.
    """

    _name = "telesales.qa.inspection"
    _description = "Call Inspection"
    _inherit = [
        "telesales.workflow.mixin",
        "telesales.team.mixin",
        # before mail.thread: a user without an email address still acts
        "telesales.mail.author",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "call_start desc, id desc"

    # the workflow (telesales.workflow.mixin): a published inspection is
    # scored; its score, pass line and items change only by the review of an
    # appeal (the reviewer corrects the items, action_review decides)
    _workflow_fields = frozenset(
        {
            # the agent of the call, never another one
            "employee_id",
            "score",
            "deduction",
            "fatal_failed",
            "severity",
            "passed",
            "date_published",
            "appeal_deadline",
            "acknowledged_auto",
            "appeal_reason",
            "appeal_date",
            "score_before_review",
            "reviewer_id",
            "review_decision",
            "review_note",
            "date_reviewed",
        }
    )
    _workflow_editable = {
        "draft": ALL,
        # the reviewer's corrections of the items (checked by the lines)
        "appealed": frozenset({"line_ids"}),
    }
    _workflow_deletable_states = ("draft",)
    _workflow_transitions = {
        "action_publish": (("draft",), (_INSPECTOR, _HR)),
        # the agent (checked by the method)
        "action_acknowledge": (("published",), None),
        "action_appeal": (("published",), None),
        "action_review": (("appealed",), (_COMMITTEE, _HR)),
    }

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/"
    )
    call_id = fields.Many2one(
        "telesales.call", required=True, index=True, ondelete="restrict"
    )
    employee_id = fields.Many2one(
        compute="_compute_employee_id", store=True, readonly=False, precompute=True
    )
    call_start = fields.Datetime(related="call_id.start", store=True)
    # the agent's local day of the call, as the call defines it
    # (hr.employee._telesales_tz), not the UTC date of its start
    call_date = fields.Date(
        string="Call Date",
        related="call_id.call_date",
        store=True,
        index=True,
        help="Day of the call: pass rates are counted by the month of the call.",
    )
    talk_seconds = fields.Integer(related="call_id.talk_seconds")
    recording_ref = fields.Char(related="call_id.recording_ref")
    form_id = fields.Many2one(
        "telesales.qa.form",
        required=True,
        default=lambda self: self.env["telesales.qa.form"]._current_form(),
        domain="[('state', '=', 'published'), ('company_id', '=', company_id)]",
        ondelete="restrict",
        tracking=True,
    )
    inspector_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        domain=lambda self: [
            ("groups_id", "in", self.env.ref("telesales_quality.group_qa_inspector").id)
        ],
    )
    line_ids = fields.One2many(
        "telesales.qa.inspection.line", "inspection_id", string="Items", copy=True
    )
    comments = fields.Text()
    state = fields.Selection(
        [
            ("draft", "To Inspect"),
            ("published", "Published"),
            ("acknowledged", "Acknowledged"),
            ("appealed", "Appealed"),
            ("reviewed", "Reviewed"),
        ],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    discipline_ids = fields.One2many(
        "telesales.discipline", "inspection_id", string="Disciplinary Cases"
    )
    discipline_count = fields.Integer(compute="_compute_discipline_count")

    @api.depends("call_id")
    def _compute_employee_id(self):
        for inspection in self:
            inspection.employee_id = inspection.call_id.employee_id

    @api.depends("employee_id", "call_id")
    def _compute_department_id(self):
        # the team of the call, not the agent's team of today
        for inspection in self:
            inspection.department_id = (
                inspection.call_id.department_id or inspection.employee_id.department_id
            )

    @api.depends("call_id")
    def _compute_company_id(self):
        for inspection in self:
            inspection.company_id = (
                inspection.call_id.company_id
                or inspection.employee_id.company_id
                or self.env.company
            )

    def _compute_discipline_count(self):
        for inspection in self:
            inspection.discipline_count = len(inspection.discipline_ids)

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("telesales.qa.inspection")
                    or "/"
                )
        inspections = super().create(vals_list)
        not_published = inspections.form_id.filtered(lambda f: f.state != "published")
        if not_published:
            raise UserError(
                self.env._(
                    "New inspections use a published form; %(form)s is %(state)s.",
                    form=not_published[0].display_name,
                    state=not_published[0].state,
                )
            )
        inspections._create_lines()
        return inspections

    def _create_lines(self):
        """One line per item of the form, for inspections created without."""
        vals_list = [
            {"inspection_id": inspection.id, "item_id": item.id}
            for inspection in self.filtered(lambda i: not i.line_ids)
            for item in inspection.form_id.item_ids
        ]
        self.env["telesales.qa.inspection.line"].create(vals_list)

    @api.constrains("call_id")
    def _check_call_once(self):
        groups = self._read_group(
            [("call_id", "in", self.call_id.ids)], ["call_id"], ["__count"]
        )
        twice = [call for call, count in groups if count > 1]
        if twice:
            raise ValidationError(
                self.env._(
                    "The call %(call)s is already inspected.",
                    call=twice[0].display_name,
                )
            )

    def write(self, vals):
        # rights first: a reader gets the access error, not a workflow message
        # about a record they may not change anyway
        self.check_access("write")
        return super().write(vals)

    # ------------------------------------------------------------ buttons
    def action_propose_case(self):
        """Open a disciplinary case proposal for the failures of this call."""
        self.ensure_one()
        failed = self.line_ids.filtered("failed")
        facts = "\n".join(
            f"- {line.item_id.name} (-{line.points:g}{' ⚠' if line.fatal else ''})"
            for line in failed
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Propose a Disciplinary Case"),
            "res_model": "telesales.discipline",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_employee_id": self.employee_id.id,
                "default_source": "inspection",
                "default_inspection_id": self.id,
                "default_call_id": self.call_id.id,
                "default_severity": self.severity or "general",
                "default_date": self.call_date,
                "default_facts": facts,
            },
        }

    def action_view_cases(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "telesales_quality.action_telesales_discipline"
        )
        action["domain"] = [("inspection_id", "=", self.id)]
        action["context"] = {"default_inspection_id": self.id}
        return action
