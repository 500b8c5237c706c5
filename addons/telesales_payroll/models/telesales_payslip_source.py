# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

#: a paid amount accruing by day: one row per employee, rule and day
PAID_PERIOD_CONSTRAINT = "telesales_payslip_source_paid_period_once"
#: a paid row is a paid period or a paid source record
PAID_KEYED_CONSTRAINT = "telesales_payslip_source_paid_keyed"


class TelesalesPayslipSource(models.Model):
    """Where an amount of a telesales payslip line comes from.

    Rebuilt each time a draft payslip is computed, so computing again gives
    the same rows. When the payslip is done its rows become *paid*: a source
    record (a compliance day, a referral milestone, a carried deduction) is
    then paid by one payslip only, which a unique index enforces; amounts that
    accrue by day (rank wage, allowances, commission, quality and liability
    deductions) are paid once per employee, rule and day, which an exclusion
    constraint on the paid date ranges enforces. Cancelling the payslip
    releases its rows. Only the payslip writes the rows (inside a workflow
    step); paid rows are never deleted, nor by a cascade.
    """

    _name = "telesales.payslip.source"
    _inherit = ["telesales.workflow.mixin"]
    _description = "Telesales Payslip Source"
    # every field is the payslip's computation: frozen for clients in every
    # state; computed rows are deleted when the payslip is computed again
    _workflow_editable = {}
    _workflow_deletable_states = ("draft", "released")
    _order = "payslip_id, sequence, date_from, id"

    payslip_id = fields.Many2one(
        "hr.payslip", required=True, index=True, ondelete="restrict", readonly=True
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
        cr = self.env.cr
        # A source record is paid by one done payslip only, whatever happens
        # in concurrent transactions.
        cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS telesales_payslip_source_paid_once
                ON telesales_payslip_source (res_model, res_id, rule_code)
             WHERE state = 'paid' AND NOT is_period AND res_id IS NOT NULL
            """
        )
        # Every paid row is covered by one of the two constraints.
        cr.execute(
            "SELECT 1 FROM pg_constraint WHERE conname = %s", [PAID_KEYED_CONSTRAINT]
        )
        if not cr.fetchone():
            try:
                with cr.savepoint(flush=False):
                    cr.execute(
                        SQL(
                            """
                            ALTER TABLE telesales_payslip_source
                              ADD CONSTRAINT %s CHECK (
                                  state != 'paid'
                                  OR (is_period AND date_from IS NOT NULL
                                      AND date_to IS NOT NULL)
                                  OR (NOT is_period AND res_model IS NOT NULL
                                      AND res_id IS NOT NULL)
                              )
                            """,
                            SQL.identifier(PAID_KEYED_CONSTRAINT),
                        )
                    )
            except psycopg2.Error as error:
                _logger.error("Paid sources without a key: %s", error)
        self._init_paid_period_constraint()

    def _init_paid_period_constraint(self):
        """An amount accruing by day (rank wage and allowances keyed on a rank
        history row, commission, quality and liability deductions) is paid
        once per employee, rule and day: the paid date ranges of an employee
        and a rule never overlap (a rank change inside a month pays two
        ranges that touch, not overlap)."""
        cr = self.env.cr
        cr.execute(
            "SELECT 1 FROM pg_constraint WHERE conname = %s", [PAID_PERIOD_CONSTRAINT]
        )
        if cr.fetchone():
            return
        try:
            with cr.savepoint(flush=False):
                # trusted extension (PostgreSQL 13+): the database owner may
                # create it; it gives GiST the equality of integers and text
                cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
                cr.execute(
                    SQL(
                        """
                        ALTER TABLE telesales_payslip_source
                          ADD CONSTRAINT %s EXCLUDE USING gist (
                              employee_id WITH =,
                              rule_code WITH =,
                              daterange(date_from, date_to, '[]') WITH &&
                          ) WHERE (state = 'paid' AND is_period)
                        """,
                        SQL.identifier(PAID_PERIOD_CONSTRAINT),
                    )
                )
            return
        except psycopg2.Error as error:
            _logger.error(
                "Cannot create the exclusion constraint %s (%s): check that no "
                "two paid rows of an employee and a rule overlap; meanwhile the "
                "paid periods are unique by their first and last day only.",
                PAID_PERIOD_CONSTRAINT,
                error,
            )
        for column in ("date_from", "date_to"):
            try:
                with cr.savepoint(flush=False):
                    cr.execute(
                        SQL(
                            """
                            CREATE UNIQUE INDEX IF NOT EXISTS %s
                                ON telesales_payslip_source
                                   (employee_id, rule_code, %s)
                             WHERE state = 'paid' AND is_period
                            """,
                            SQL.identifier(f"telesales_payslip_source_paid_{column}"),
                            SQL.identifier(column),
                        )
                    )
            except psycopg2.Error as error:
                _logger.error("Paid periods paid twice: %s", error)

    @api.model_create_multi
    def create(self, vals_list):
        # the rows are the payslip's computation, made only by the payslip
        self.check_access("create")  # who may, before how
        if not self._workflow_creating():
            raise UserError(
                self.env._(
                    "Telesales payslip sources are computed by the payslip "
                    "(Compute Sheet); they cannot be created by hand."
                )
            )
        return super().create(vals_list)

    @api.model
    def _selection_source_ref(self):
        return [
            # the model's name in the reader's language
            (model, self.env["ir.model"]._get(model).name)
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
        if not self:
            return
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
        paid = self.filtered(lambda row: row.state == "paid")
        if paid:
            raise UserError(
                self.env._(
                    "%(what)s of %(employee)s is paid by payslip %(payslip)s: "
                    "sources paid by a done payslip are never deleted.",
                    what=paid[0].name,
                    employee=paid[0].employee_id.name,
                    payslip=paid[0].payslip_id.number or paid[0].payslip_id.name,
                )
            )

    def _mark_paid(self):
        """Mark these rows paid (a workflow step of their done payslips).
        The unique index and the exclusion constraint refuse a row that a
        concurrent transaction has just paid: the payslip turns that into a
        message (``hr.payslip._telesales_mark_paid``)."""
        if not self:
            return
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                """
                UPDATE telesales_payslip_source
                   SET state = 'paid', write_uid = %s, write_date = %s
                 WHERE id IN %s
                """,
                self.env.uid,
                fields.Datetime.now(),
                tuple(self.ids),
            ),
            log_exceptions=False,
        )
        self.invalidate_recordset(["state", "write_uid", "write_date"])

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
