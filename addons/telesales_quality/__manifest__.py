# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Telesales Quality",
    "summary": "Call quality inspection, appeals and the disciplinary workflow "
    "for telesales centres",
    "version": "18.0.1.1.0",
    "category": "Human Resources",
    "website": "https://github.com/telesales-addons/telesales",
    "author": "Telesales Add-ons contributors",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["telesales_hr"],
    "data": [
        "security/telesales_quality_security.xml",
        "security/ir.model.access.csv",
        "security/telesales_quality_rules.xml",
        "data/telesales_quality_data.xml",
        "data/telesales_discipline_level_data.xml",
        "data/telesales_qa_form_data.xml",
        "report/telesales_discipline_letter.xml",
        "views/telesales_qa_form_views.xml",
        "views/telesales_qa_inspection_views.xml",
        "views/telesales_discipline_views.xml",
        "views/telesales_coaching_views.xml",
        "views/telesales_liability_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "views/telesales_dashboard_views.xml",
        "report/telesales_qa_pass_rate_views.xml",
        "report/telesales_quality_reports.xml",
        "wizards/telesales_quality_wizard_views.xml",
        "views/telesales_quality_menus.xml",
    ],
    "demo": ["demo/telesales_quality_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "telesales_quality/static/tests/tours/*.js",
        ],
    },
}
