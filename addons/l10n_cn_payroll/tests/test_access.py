# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import YEAR, CnPayrollCase


@tagged("post_install", "-at_install")
class TestAccess(CnPayrollCase):
    def test_officer_keeps_employee_tax_data(self):
        employee = self.make_employee("Officer Data")
        Deduction = self.env["l10n_cn.special.deduction"].with_user(self.officer)
        deduction = Deduction.create(
            {
                "employee_id": employee.id,
                "deduction_type": "infant_care",
                "amount": 2000.0,
                "date_from": date(YEAR, 1, 1),
            }
        )
        slip = self.done(employee, 1)  # computed and confirmed as the officer
        self.assertEqual(slip.l10n_cn_cum_infant_care, 2000.0)
        with self.assertRaises(AccessError):
            deduction.unlink()
        deduction.with_user(self.manager).unlink()

    def test_parameters_read_only_for_officer(self):
        self.assertTrue(self.param.with_user(self.officer).si_base_min)
        with self.assertRaises(AccessError):
            self.param.with_user(self.officer).write({"si_base_min": 1.0})
        self.param.with_user(self.manager).write({"si_base_min": 3100.0})

    def test_plain_employee_sees_no_tax_data(self):
        employee = self.make_employee("Private")
        user = new_test_user(self.env, login="cn_plain_user", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["l10n_cn.special.deduction"].with_user(user).search([])
        with self.assertRaises(AccessError):
            self.env["l10n_cn.contribution.report"].with_user(user).search([])
        with self.assertRaises(AccessError):
            employee.with_user(user).read(["l10n_cn_city_id"])
