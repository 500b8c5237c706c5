# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "China - Payroll",
    "summary": "Chinese statutory payroll on OCA payroll: social insurance and "
    "housing fund by city, income tax by cumulative withholding, 工资条 and the "
    "tax bureau's withholding sheet",
    "version": "18.0.1.1.0",
    "category": "Payroll/Localization",
    "website": "https://github.com/telesales-addons/telesales",
    "author": "Telesales Add-ons contributors",
    "license": "LGPL-3",
    "countries": ["cn"],
    "application": False,
    "installable": True,
    "depends": ["payroll", "hr_contract", "report_xlsx"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/l10n_cn_payroll_security.xml",
        "security/ir.model.access.csv",
        "data/l10n_cn_iit_table_data.xml",
        "data/l10n_cn_city_data.xml",
        "data/hr_payroll_structure_data.xml",
        "views/l10n_cn_city_views.xml",
        "views/l10n_cn_iit_table_views.xml",
        "views/l10n_cn_employee_data_views.xml",
        "views/hr_employee_views.xml",
        "views/hr_payslip_views.xml",
        "views/l10n_cn_pay_policy_views.xml",
        "report/l10n_cn_contribution_report_views.xml",
        "report/l10n_cn_payslip_report.xml",
        "report/l10n_cn_reports.xml",
        "views/l10n_cn_payroll_menus.xml",
    ],
    "demo": ["demo/l10n_cn_payroll_demo.xml"],
}
