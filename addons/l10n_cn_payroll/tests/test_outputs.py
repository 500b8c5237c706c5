# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date

import openpyxl

from odoo.tests import tagged

from odoo.addons.l10n_cn_payroll.report.l10n_cn_withholding_xlsx import COLUMNS

from .common import YEAR, CnPayrollCase

WITHHOLDING = "l10n_cn_payroll.action_report_withholding_xlsx"
WITHHOLDING_RUN = "l10n_cn_payroll.action_report_withholding_xlsx_run"
CONTRIBUTIONS_RUN = "l10n_cn_payroll.action_report_contribution_xlsx_run"
PAYSLIP_PDF = "l10n_cn_payroll.action_report_payslip_cn"

EXPECTED_COLUMNS = [
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


@tagged("post_install", "-at_install")
class TestOutputs(CnPayrollCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = cls.make_employee("Alice")
        cls.alice.barcode = "A001"
        cls.bob = cls.make_employee("Bob", wage=20000.0)
        cls.bob.l10n_cn_id_type = "foreign_passport"
        cls.env["l10n_cn.special.deduction"].create(
            {
                "employee_id": cls.alice.id,
                "deduction_type": "child_education",
                "amount": 2000.0,
                "date_from": date(YEAR, 1, 1),
            }
        )

    def read_sheet(self, content):
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return book, [list(row) for row in book.active.iter_rows(values_only=True)]

    def test_withholding_sheet_columns(self):
        self.assertEqual(COLUMNS, EXPECTED_COLUMNS)
        self.done(self.alice, 1)
        slips = self.done(self.alice, 2) | self.done(self.bob, 2)
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_xlsx(WITHHOLDING, slips.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        book, rows = self.read_sheet(content)
        self.assertEqual(book.sheetnames, ["正常工资薪金收入"])
        self.assertEqual(rows[0], EXPECTED_COLUMNS)
        self.assertEqual(len(rows), 3)
        alice = dict(zip(EXPECTED_COLUMNS, rows[1], strict=True))
        self.assertEqual(alice["工号"], "A001")
        self.assertEqual(alice["*姓名"], "Alice")
        self.assertEqual(alice["*证件类型"], "居民身份证")
        self.assertEqual(alice["*证件号码"], "110101199001011234")
        self.assertEqual(alice["本期收入"], 10000.0)
        self.assertEqual(alice["基本养老保险费"], 800.0)
        self.assertEqual(alice["基本医疗保险费"], 200.0)
        self.assertEqual(alice["失业保险费"], 0.0)
        self.assertEqual(alice["住房公积金"], 500.0)
        self.assertEqual(alice["累计子女教育"], 4000.0)
        bob = dict(zip(EXPECTED_COLUMNS, rows[2], strict=True))
        self.assertEqual(bob["*证件类型"], "外国护照")
        self.assertEqual(bob["本期收入"], 20000.0)

    def test_batch_sheets(self):
        run = self.env["hr.payslip.run"].create(
            {
                "name": "2025-03",
                "date_start": date(YEAR, 3, 1),
                "date_end": date(YEAR, 3, 31),
            }
        )
        # in the batch before they are done (a done payslip is frozen when
        # telesales_payroll is installed)
        slips = self.payslip(self.alice, 3) | self.payslip(self.bob, 3)
        slips.payslip_run_id = run
        for slip in slips:
            slip.action_payslip_done()
        # the contributions report is an SQL view on the payslips
        self.env.flush_all()
        # OCA opens payslip batches to payroll managers only
        Report = self.env["ir.actions.report"].with_user(self.manager)
        content, _kind = Report._render_xlsx(WITHHOLDING_RUN, run.ids, {})
        _book, rows = self.read_sheet(content)
        self.assertEqual(len(rows), 3)
        content, _kind = Report._render_xlsx(CONTRIBUTIONS_RUN, run.ids, {})
        _book, rows = self.read_sheet(content)
        self.assertEqual(len(rows), 2)  # one city, one month
        self.assertEqual(rows[1][:3], ["Testville", "2025-03", 2])
        employee_total = rows[0].index("Employee Shares")
        self.assertEqual(rows[1][employee_total], 1500.0 + 3000.0)

    def test_contributions_report(self):
        self.done(self.alice, 1)
        self.done(self.alice, 2)
        self.done(self.bob, 2)
        self.payslip(self.bob, 3)  # not done: left out
        Report = self.env["l10n_cn.contribution.report"].with_user(self.officer)
        groups = Report._read_group(
            [("city_id", "=", self.city.id)],
            ["month:month"],
            ["employee_total:sum", "employer_total:sum", "hf_er:sum"],
        )
        by_month = {month.month: rest for month, *rest in groups}
        self.assertEqual(sorted(by_month), [1, 2])
        self.assertEqual(by_month[1][0], 1500.0)
        self.assertEqual(by_month[2][0], 4500.0)
        self.assertEqual(by_month[2][2], 500.0 + 1000.0)

    def test_payslip_pdf_html(self):
        self.done(self.alice, 1)
        slip = self.done(self.alice, 2)
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer)
            ._render_qweb_html(PAYSLIP_PDF, slip.ids)
        )
        html = html.decode()
        self.assertIn("工资条", html)
        self.assertIn("本期应预扣税额", html)
        self.assertIn("累计应纳税所得额", html)
        for line in slip.line_ids.filtered("appears_on_payslip"):
            self.assertIn(line.code, html)
        self.assertIn(f"{slip.l10n_cn_cum_taxable:,.2f}", html)
