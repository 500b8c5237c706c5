# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

AMOUNTS = [
    ("pension_ee", "Pension (Employee)"),
    ("medical_ee", "Medical (Employee)"),
    ("unemployment_ee", "Unemployment (Employee)"),
    ("hf_ee", "Housing Fund (Employee)"),
    ("pension_er", "Pension (Employer)"),
    ("medical_er", "Medical (Employer)"),
    ("unemployment_er", "Unemployment (Employer)"),
    ("injury_er", "Work Injury (Employer)"),
    ("hf_er", "Housing Fund (Employer)"),
    ("employee_total", "Employee Shares"),
    ("employer_total", "Employer Shares"),
]


class L10nCnContributionReport(models.Model):
    """Social insurance and housing fund per city and month, both sides: one
    row per done payslip (a refund counts negative), read from the figures
    the payslip kept when it was computed."""

    _name = "l10n_cn.contribution.report"
    _description = "Contributions Report (China)"
    _auto = False
    _order = "month desc, city_id, employee_id"

    month = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    city_id = fields.Many2one("l10n_cn.city", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    payslip_id = fields.Many2one("hr.payslip", readonly=True)
    si_base = fields.Float(string="SI Base", readonly=True, aggregator="sum")
    hf_base = fields.Float(string="HF Base", readonly=True, aggregator="sum")
    pension_ee = fields.Float(string="Pension (Employee)", readonly=True)
    medical_ee = fields.Float(string="Medical (Employee)", readonly=True)
    unemployment_ee = fields.Float(string="Unemployment (Employee)", readonly=True)
    hf_ee = fields.Float(string="Housing Fund (Employee)", readonly=True)
    pension_er = fields.Float(string="Pension (Employer)", readonly=True)
    medical_er = fields.Float(string="Medical (Employer)", readonly=True)
    unemployment_er = fields.Float(string="Unemployment (Employer)", readonly=True)
    injury_er = fields.Float(string="Work Injury (Employer)", readonly=True)
    hf_er = fields.Float(string="Housing Fund (Employer)", readonly=True)
    employee_total = fields.Float(string="Employee Shares", readonly=True)
    employer_total = fields.Float(string="Employer Shares", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        amounts = [
            SQL(
                "sg.s * p.%s AS %s",
                SQL.identifier("l10n_cn_" + name),
                SQL.identifier(name),
            )
            for name, _label in AMOUNTS
            if name not in ("employee_total", "employer_total")
        ]
        self.env.cr.execute(
            SQL(
                """
            CREATE OR REPLACE VIEW %s AS (
                SELECT p.id AS id,
                       p.id AS payslip_id,
                       p.company_id,
                       p.employee_id,
                       p.l10n_cn_city_id AS city_id,
                       date_trunc('month', p.date_from)::date AS month,
                       sg.s * p.l10n_cn_si_base AS si_base,
                       sg.s * p.l10n_cn_hf_base AS hf_base,
                       %s,
                       sg.s * p.l10n_cn_employee_contributions AS employee_total,
                       sg.s * p.l10n_cn_employer_contributions AS employer_total
                  FROM hr_payslip p
                 CROSS JOIN LATERAL (
                       -- a refund (credit note) reverses its payslip
                       SELECT CASE WHEN p.credit_note THEN -1 ELSE 1 END AS s
                 ) sg
                 WHERE p.state = 'done' AND p.l10n_cn_city_id IS NOT NULL
            )
            """,
                SQL.identifier(self._table),
                SQL(", ").join(amounts),
            )
        )
