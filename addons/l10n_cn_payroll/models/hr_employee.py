# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .l10n_cn_si_parameter import RISK_CLASSES

#: ID types, keyed; the values are the labels the tax bureau's withholding
#: client (自然人电子税务局扣缴端) expects, word for word, in its import sheet.
ID_TYPES = {
    "resident_id": "居民身份证",
    "cn_passport": "中国护照",
    "hk_macao_permit": "港澳居民来往内地通行证",
    "taiwan_permit": "台湾居民来往大陆通行证",
    "foreign_passport": "外国护照",
    "foreign_permanent_id": "外国人永久居留身份证",
}
ID_TYPE_SELECTION = [
    ("resident_id", "Resident identity card"),
    ("cn_passport", "Chinese passport"),
    ("hk_macao_permit", "Mainland travel permit for Hong Kong and Macao residents"),
    ("taiwan_permit", "Mainland travel permit for Taiwan residents"),
    ("foreign_passport", "Foreign passport"),
    ("foreign_permanent_id", "Foreign permanent resident ID card"),
]

PAYROLL_GROUPS = "payroll.group_payroll_user"


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    l10n_cn_city_id = fields.Many2one(
        "l10n_cn.city",
        string="Contribution City",
        groups=PAYROLL_GROUPS,
        help="Where the employee's social insurance and housing fund are paid "
        "(参保地); its rules, minimum wage and deduction cap apply.",
    )
    l10n_cn_id_type = fields.Selection(
        ID_TYPE_SELECTION,
        string="ID Type (Tax)",
        default="resident_id",
        groups=PAYROLL_GROUPS,
    )
    l10n_cn_injury_class = fields.Selection(
        RISK_CLASSES,
        string="Work Injury Risk Class",
        default="1",
        groups=PAYROLL_GROUPS,
    )
    l10n_cn_base_ids = fields.One2many(
        "l10n_cn.contribution.base",
        "employee_id",
        string="Contribution Bases",
        groups=PAYROLL_GROUPS,
    )
    l10n_cn_special_deduction_ids = fields.One2many(
        "l10n_cn.special.deduction",
        "employee_id",
        string="Special Additional Deductions",
        groups=PAYROLL_GROUPS,
    )
    l10n_cn_tax_year_ids = fields.One2many(
        "l10n_cn.tax.year",
        "employee_id",
        string="Tax Years",
        groups=PAYROLL_GROUPS,
    )
