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
    "depends": ["telesales_hr", "telesales_quality", "payroll", "report_xlsx"],
    "data": [],
    "demo": [],
}
