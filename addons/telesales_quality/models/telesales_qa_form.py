# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class TelesalesQaForm(models.Model):
    """An inspection form (质检标准), versioned.

    Versions of the same form share a ``code``. Publishing a version retires
    the version published before it: new inspections only use published
    forms, while inspections already made keep the version they were scored
    with, which is why published and retired versions are never edited.
    """

    _name = "telesales.qa.form"
    _description = "Call Inspection Form"
    _inherit = ["telesales.ondelete.guard", "telesales.mail.author", "mail.thread"]
    _order = "code, version desc, id desc"

    name = fields.Char(required=True, translate=True, tracking=True)
    code = fields.Char(
        required=True,
        default="CALL",
        help="Versions of the same form share this code.",
    )
    version = fields.Integer(required=True, default=1, readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("retired", "Retired")],
        required=True,
        default="draft",
        readonly=True,
        tracking=True,
        copy=False,
    )
    date_published = fields.Datetime(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    section_ids = fields.One2many(
        "telesales.qa.section", "form_id", string="Sections", copy=True
    )
    item_ids = fields.One2many("telesales.qa.item", "form_id", string="Items")
    item_count = fields.Integer(compute="_compute_totals")
    total_points = fields.Float(
        compute="_compute_totals",
        help="Sum of the points of all items (a call failing everything).",
    )
    description = fields.Text(translate=True)

    _sql_constraints = [
        (
            "code_version_uniq",
            "unique(code, version, company_id)",
            "A form version must be unique per code and company.",
        ),
    ]

    @api.depends("code", "name", "version")
    def _compute_display_name(self):
        for form in self:
            form.display_name = f"{form.name} (v{form.version})"

    @api.depends("item_ids.points")
    def _compute_totals(self):
        for form in self:
            form.item_count = len(form.item_ids)
            form.total_points = sum(form.item_ids.mapped("points"))

    def action_publish(self):
        for form in self:
            if form.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft form can be published: %(form)s is not a draft.",
                        form=form.display_name,
                    )
                )
            if not form.item_ids:
                raise UserError(
                    self.env._(
                        "The form %(form)s has no item to inspect.",
                        form=form.display_name,
                    )
                )
            previous = self.search(
                [
                    ("code", "=", form.code),
                    ("company_id", "=", form.company_id.id),
                    ("state", "=", "published"),
                ]
            )
            previous.write({"state": "retired"})
            for old in previous:
                old.message_post(
                    body=self.env._(
                        "Retired by the publication of version %(version)s.",
                        version=form.version,
                    )
                )
            form.write({"state": "published", "date_published": fields.Datetime.now()})
        return True

    def action_new_version(self):
        """A draft copy with the next version number, to edit and publish."""
        self.ensure_one()
        last = self.search(
            [("code", "=", self.code), ("company_id", "=", self.company_id.id)],
            order="version desc",
            limit=1,
        )
        new = self.copy({"version": last.version + 1, "name": self.name})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.model
    def _current_form(self, company=None):
        """The published form new inspections use by default."""
        company = company or self.env.company
        return self.search(
            [("company_id", "=", company.id), ("state", "=", "published")],
            order="date_published desc, id desc",
            limit=1,
        )

    def _check_editable(self):
        locked = self.filtered(lambda form: form.state != "draft")
        if locked:
            raise UserError(
                self.env._(
                    "The form %(form)s is published or retired: its items are "
                    "frozen so that past scores stay explainable. Create a new "
                    "version instead.",
                    form=locked[0].display_name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        self._check_editable()
