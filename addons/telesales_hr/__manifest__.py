# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Telesales HR",
    "summary": "Agent ranks, quarterly rank review, sales ledger, call-time "
    "compliance, attendance rules and recruiting referrals for telesales centres",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/telesales-addons/telesales",
    "author": "Telesales Add-ons contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "hr",
        "hr_attendance",
        "hr_recruitment",
        "mail",
    ],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/telesales_security.xml",
        "security/ir.model.access.csv",
        "security/telesales_rules.xml",
        "data/telesales_rank_data.xml",
        "data/telesales_call_mapping_data.xml",
        "data/telesales_call_cron.xml",
        "views/telesales_menus.xml",
        "views/telesales_rank_views.xml",
        "views/telesales_rank_history_views.xml",
        "views/telesales_flag_views.xml",
        "views/hr_employee_views.xml",
        "views/res_config_settings_views.xml",
        "views/telesales_call_views.xml",
        "views/telesales_dnc_views.xml",
        "views/telesales_call_import_views.xml",
        "views/telesales_dialer_views.xml",
        "views/telesales_call_mapping_views.xml",
    ],
    "demo": [
        "demo/telesales_call_demo.xml",
    ],
}
