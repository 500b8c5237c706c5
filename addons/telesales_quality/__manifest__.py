# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Telesales Quality",
    "summary": "Call quality inspection, appeals and the disciplinary workflow "
    "for telesales centres",
    "version": "18.0.1.0.0",
    "category": "Human Resources",
    "website": "https://github.com/telesales-addons/telesales",
    "author": "Telesales Add-ons contributors",
    "license": "LGPL-3",
    "application": False,
    "installable": True,
    "depends": ["telesales_hr"],
    "data": [],
    "demo": [],
}
