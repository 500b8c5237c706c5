# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import OrderedDict

from odoo import models

from ..models.cn_tax import D
from ..models.hr_employee import ID_TYPES

SHEET_NAME = "正常工资薪金收入"
#: the import sheet of the tax bureau's withholding client (自然人电子税务局
#: 扣缴端), its columns in its order; the starred ones are required there.
COLUMNS = [
    "工号",
    "*姓名",
    "*证件类型",
    "*证件号码",
    "本期收入",
    "本期免税收入",
    "基本养老保险费",
    "基本医疗保险费",
    "失业保险费",
    "住房公积金",
    "累计子女教育",
    "累计继续教育",
    "累计住房贷款利息",
    "累计住房租金",
    "累计赡养老人",
    "累计3岁以下婴幼儿照护",
    "累计个人养老金",
    "企业(职业)年金",
    "商业健康保险",
    "税延养老保险",
    "其他",
    "准予扣除的捐赠额",
    "减免税额",
    "备注",
]
#: period amounts: summed over the employee's payslips of the selection
PERIOD_FIELDS = [
    "l10n_cn_income",
    "l10n_cn_tax_free_income",
    "l10n_cn_pension_ee",
    "l10n_cn_medical_ee",
    "l10n_cn_unemployment_ee",
    "l10n_cn_hf_ee",
]
#: cumulative amounts: those of the employee's latest payslip
CUMULATIVE_FIELDS = [
    "l10n_cn_cum_child_education",
    "l10n_cn_cum_continuing_education",
    "l10n_cn_cum_mortgage_interest",
    "l10n_cn_cum_housing_rent",
    "l10n_cn_cum_elderly_support",
    "l10n_cn_cum_infant_care",
]


class L10nCnWithholdingXlsx(models.AbstractModel):
    """The month's wage withholding sheet for the tax bureau's client: one
    row per employee of the selected payslips (or batches), refunds
    negative, rejected payslips left out."""

    _name = "report.l10n_cn_payroll.withholding_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "China Withholding Sheet XLSX"

    def _payslips(self, objs):
        slips = objs.slip_ids if objs._name == "hr.payslip.run" else objs
        slips.check_access("read")
        return slips.filtered(
            lambda slip: slip.state != "cancel" and slip.l10n_cn_city_id
        ).sorted(lambda slip: (slip.date_from, slip.id))

    def rows(self, objs):
        """The sheet's rows, as lists in the order of COLUMNS."""
        by_employee = OrderedDict()
        for slip in self._payslips(objs):
            entry = by_employee.setdefault(
                slip.employee_id, {name: D(0) for name in PERIOD_FIELDS}
            )
            sign = -1 if slip.credit_note else 1
            for name in PERIOD_FIELDS:
                entry[name] += sign * D(slip[name])
            if not slip.credit_note:
                entry["latest"] = slip
        rows = []
        for employee, entry in by_employee.items():
            employee = employee.sudo()
            latest = entry.get("latest")
            cumulative = [
                float(D(latest[name])) if latest else 0.0 for name in CUMULATIVE_FIELDS
            ]
            rows.append(
                [
                    employee.barcode or "",
                    employee.name,
                    ID_TYPES.get(employee.l10n_cn_id_type or "resident_id"),
                    employee.identification_id or "",
                ]
                + [float(entry[name]) for name in PERIOD_FIELDS]
                + cumulative
                # personal pension, annuity, health insurance, tax-deferred
                # pension, other, donations, tax relief: not paid through
                # this payroll
                + [0.0] * 7
                + [""]
            )
        return rows

    def generate_xlsx_report(self, workbook, data, objs):
        header = workbook.add_format({"bold": True})
        money = workbook.add_format({"num_format": "0.00"})
        text = workbook.add_format({"num_format": "@"})
        sheet = workbook.add_worksheet(SHEET_NAME)
        for col, title in enumerate(COLUMNS):
            sheet.write_string(0, col, title, header)
        sheet.set_column(0, 3, 18, text)
        sheet.set_column(4, len(COLUMNS) - 2, 14, money)
        for row_index, row in enumerate(self.rows(objs), start=1):
            for col, value in enumerate(row):
                if isinstance(value, float):
                    sheet.write_number(row_index, col, value, money)
                else:
                    # ID numbers stay text: 18 digits would lose precision
                    sheet.write_string(row_index, col, value or "", text)
