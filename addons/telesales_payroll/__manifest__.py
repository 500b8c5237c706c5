# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Telesales Payroll",
    "summary": "Telesales salary structure on OCA payroll: rank wage, commission, "
    "allowances, referral bonuses and capped deductions",
    "version": "18.0.1.0.0",
    "category": "Payroll",
    "website": "https://github.com/telesales-addons/telesales",
    "author": "Telesales Add-ons contributors",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": [
        "telesales_hr",
        "telesales_quality",
        "payroll",
        "report_xlsx",
        "queue_job",
        "l10n_cn_payroll",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/telesales_payroll_security.xml",
        "security/ir.model.access.csv",
        "data/hr_payroll_structure_data.xml",
        "data/queue_job_function_data.xml",
        "data/telesales_daily_compliance_data.xml",
        "views/telesales_daily_compliance_views.xml",
        "views/telesales_payslip_source_views.xml",
        "views/telesales_deduction_carryover_views.xml",
        "views/telesales_liability_views.xml",
        "views/hr_payslip_views.xml",
        "views/hr_payslip_run_views.xml",
        "views/res_config_settings_views.xml",
        "views/telesales_payroll_menus.xml",
        "report/telesales_payroll_reports.xml",
    ],
    "demo": [
        "demo/telesales_payroll_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "telesales_payroll/static/tests/tours/*.js",
        ],
    },
}
