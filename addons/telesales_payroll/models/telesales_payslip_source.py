# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError


class TelesalesPayslipSource(models.Model):
    """Where an amount of a telesales payslip line comes from.

    Rebuilt each time a draft payslip is computed, so computing again gives
    the same rows. When the payslip is done its rows become *paid*: a source
    record (a compliance day, a referral milestone, a carried deduction) is
    then paid by one payslip only, which a unique index enforces; amounts that
    accrue by day (rank wage, allowances, commission, quality and liability
    deductions) are paid once per employee, rule and day. Cancelling the
    payslip releases its rows.
    """

    _name = "telesales.payslip.source"
    _description = "Telesales Payslip Source"
    _order = "payslip_id, sequence, date_from, id"

    payslip_id = fields.Many2one(
        "hr.payslip", required=True, index=True, ondelete="cascade", readonly=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(related="payslip_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    rule_code = fields.Char(required=True, index=True, readonly=True)
    sequence = fields.Integer(readonly=True)
    name = fields.Char(string="Description", required=True, readonly=True)
    res_model = fields.Char(string="Source Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Source ID", model_field="res_model", readonly=True
    )
    source_ref = fields.Reference(
        selection="_selection_source_ref",
        string="Source Record",
        compute="_compute_source_ref",
    )
    is_period = fields.Boolean(
        string="Accrues by Day",
        readonly=True,
        help="The amount accrues over the dates of the row: it is paid once per "
        "employee, rule and day rather than once per source record.",
    )
    date_from = fields.Date(readonly=True)
    date_to = fields.Date(readonly=True)
    amount_due = fields.Monetary(
        readonly=True,
        help="Amount the source asks for (a deduction is positive here).",
    )
    amount = fields.Monetary(
        string="Amount on Payslip",
        readonly=True,
        help="Amount on the payslip line: earnings positive, deductions negative.",
    )
    amount_carried = fields.Monetary(
        string="Carried to Next Months",
        readonly=True,
        help="Part of a deduction left over by the deduction cap or the minimum "
        "wage, carried to the next months.",
    )
    state = fields.Selection(
        [("draft", "Computed"), ("paid", "Paid"), ("released", "Released")],
        default="draft",
        required=True,
        readonly=True,
        index=True,
    )

    def init(self):
        # A source record is paid by one done payslip only, whatever happens
        # in concurrent transactions.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS telesales_payslip_source_paid_once
                ON telesales_payslip_source (res_model, res_id, rule_code)
             WHERE state = 'paid' AND NOT is_period AND res_id IS NOT NULL
            """
        )

    @api.model
    def _selection_source_ref(self):
        return [
            (model, self.env[model]._description)
            for model in self._source_models()
            if model in self.env
        ]

    @api.model
    def _source_models(self):
        """Models a telesales payslip line may come from."""
        return [
            "telesales.rank.history",
            "telesales.premium",
            "telesales.daily.compliance",
            "telesales.referral.milestone",
            "telesales.discipline",
            "telesales.liability",
            "telesales.deduction.carryover",
        ]

    @api.depends("res_model", "res_id")
    def _compute_source_ref(self):
        available = {model for model, _label in self._selection_source_ref()}
        for row in self:
            if row.res_model in available and row.res_id:
                row.source_ref = f"{row.res_model},{row.res_id}"
            else:
                row.source_ref = False

    @api.model
    def _paid_periods(self, employees, date_from, date_to):
        """{(employee id, rule code): [(start, end)]} of the amounts accruing
        by day that done payslips paid inside the interval."""
        if not employees:
            return {}
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT employee_id, rule_code, date_from, date_to
              FROM telesales_payslip_source
             WHERE state = 'paid' AND is_period AND employee_id IN %s
               AND date_from <= %s AND date_to >= %s
            """,
            [tuple(employees.ids), date_to, date_from],
        )
        covered = defaultdict(list)
        for emp_id, code, start, end in self.env.cr.fetchall():
            covered[emp_id, code].append((start, end))
        return dict(covered)

    @api.model
    def _paid_keys(self, keys):
        """The (model, record id, rule code) of `keys` a done payslip paid."""
        keys = [key for key in keys if key[0] and key[1]]
        if not keys:
            return set()
        self.flush_model()
        self.env.cr.execute(
            """
            SELECT res_model, res_id, rule_code
              FROM telesales_payslip_source
             WHERE state = 'paid' AND NOT is_period
               AND (res_model, res_id, rule_code) IN %s
            """,
            [tuple(keys)],
        )
        return set(self.env.cr.fetchall())

    def _check_payable(self):
        """Refuse to pay these rows when a done payslip (or another payslip
        confirmed with them) paid the same source already."""
        self.flush_model()
        by_key = {}
        for row in self.filtered(lambda row: not row.is_period and row.res_id):
            key = (row.res_model, row.res_id, row.rule_code)
            if key in by_key and by_key[key].payslip_id != row.payslip_id:
                raise self._paid_twice_error(row, by_key[key].payslip_id)
            by_key[key] = row
        if by_key:
            self.env.cr.execute(
                """
                SELECT res_model, res_id, rule_code, payslip_id
                  FROM telesales_payslip_source
                 WHERE state = 'paid' AND NOT is_period
                   AND (res_model, res_id, rule_code) IN %s
                """,
                [tuple(by_key)],
            )
            for model, res_id, code, payslip_id in self.env.cr.fetchall():
                row = by_key[model, res_id, code]
                raise self._paid_twice_error(
                    row, self.env["hr.payslip"].browse(payslip_id)
                )
        periods = self.filtered("is_period")
        if not periods:
            return
        self.env.cr.execute(
            """
            SELECT employee_id, rule_code, date_from, date_to, payslip_id
              FROM telesales_payslip_source
             WHERE state = 'paid' AND is_period AND employee_id IN %s
               AND date_from <= %s AND date_to >= %s
            """,
            [
                tuple(periods.employee_id.ids),
                max(periods.mapped("date_to")),
                min(periods.mapped("date_from")),
            ],
        )
        paid = defaultdict(list)
        for emp_id, code, start, end, payslip_id in self.env.cr.fetchall():
            paid[emp_id, code].append(
                (start, end, self.env["hr.payslip"].browse(payslip_id))
            )
        for row in periods:
            key = (row.employee_id.id, row.rule_code)
            for start, end, payslip in paid[key]:
                if (
                    payslip != row.payslip_id
                    and start <= row.date_to
                    and end >= row.date_from
                ):
                    raise self._paid_twice_error(row, payslip)
            paid[key].append((row.date_from, row.date_to, row.payslip_id))

    def _paid_twice_error(self, row, payslip):
        return UserError(
            self.env._(
                "%(what)s (%(rule)s) of %(employee)s is already paid by payslip "
                "%(payslip)s. Compute payslip %(this)s again to leave it out.",
                what=row.name,
                rule=row.rule_code,
                employee=row.employee_id.name,
                payslip=payslip.number or payslip.name,
                this=row.payslip_id.number or row.payslip_id.name,
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_paid(self):
        if self.filtered(lambda row: row.state == "paid"):
            raise UserError(
                self.env._("Sources paid by a done payslip are never deleted.")
            )

    def action_open_source(self):
        """The source record, or the source model's records of the row's
        employee and dates when the amount comes from a period."""
        self.ensure_one()
        if not self.res_model or self.res_model not in self.env:
            raise UserError(
                self.env._(
                    "The source of %(line)s is not available in this database.",
                    line=self.name,
                )
            )
        action = {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "name": self.name,
        }
        if self.res_id:
            action.update(view_mode="form", res_id=self.res_id)
            return action
        domain = [("employee_id", "=", self.employee_id.id)]
        date_field = self._period_date_field(self.res_model)
        if date_field and self.date_from and self.date_to:
            domain += [
                (date_field, ">=", self.date_from),
                (date_field, "<=", self.date_to),
            ]
        action.update(view_mode="list,form", domain=domain)
        return action

    @api.model
    def _period_date_field(self, model):
        """Date field of the records behind an amount that accrues by day."""
        field = {
            "telesales.premium": "date",
            # points count in the month the case was applied
            "telesales.discipline": "period",
            "telesales.liability": "month",
        }.get(model)
        return field if field in self.env[model]._fields else None
