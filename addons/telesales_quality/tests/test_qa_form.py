# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import QualityCase


@tagged("post_install", "-at_install")
class TestQaForm(QualityCase):
    def test_default_form_from_the_regulation(self):
        """The shipped form covers the four sections of the checklist, with
        fatal items for abuse and do-not-call, and is published."""
        self.assertEqual(self.form.state, "published")
        self.assertEqual(
            self.form.section_ids.mapped("name"),
            [
                "Information Security",
                "Standard Script",
                "System Operation",
                "Customer-Data Use",
            ],
        )
        self.assertEqual(self.form.item_count, 24)
        fatal = self.form.item_ids.filtered("fatal")
        self.assertEqual(fatal, self.item_abuse | self.item_dnc)
        self.assertTrue(all(item.severity == "major" for item in fatal))
        self.assertIn("第六条", self.item_abuse.reference)
        self.assertEqual(
            set(self.form.item_ids.mapped("severity")), {"general", "serious", "major"}
        )
        self.assertEqual(self.Form._current_form(self.company), self.form)

    def test_published_form_is_frozen(self):
        with self.assertRaises(UserError):
            self.item_verify.points = 50
        with self.assertRaises(UserError):
            self.item_verify.unlink()
        with self.assertRaises(UserError):
            self.env["telesales.qa.item"].create(
                {
                    "section_id": self.item_verify.section_id.id,
                    "name": "New",
                    "points": 1,
                }
            )
        # wording may still be corrected
        self.item_verify.name = "Verifies the customer's identity"
        self.assertEqual(self.item_verify.points, 10)

    def test_new_version_retires_the_previous_one(self):
        old_inspection = self.inspect(failed=self.item_verify)
        action = self.form.with_user(self.hr_user).action_new_version()
        v2 = self.Form.browse(action["res_id"])
        self.assertEqual(v2.state, "draft")
        self.assertEqual(v2.version, self.form.version + 1)
        self.assertEqual(v2.code, self.form.code)
        self.assertEqual(v2.item_count, self.form.item_count)
        # the draft is editable; a draft cannot be used yet
        v2_verify = v2.item_ids.filtered(lambda i: i.name == self.item_verify.name)
        v2_verify.points = 15
        self.assertEqual(self.Form._current_form(self.company), self.form)
        call = self.make_call(self.agent_a1, "2025-03-04 10:00:00")
        with self.assertRaises(UserError):
            self.Inspection.create({"call_id": call.id, "form_id": v2.id})

        v2.with_user(self.hr_user).action_publish()
        self.assertEqual(v2.state, "published")
        self.assertEqual(self.form.state, "retired")
        self.assertEqual(self.Form._current_form(self.company), v2)
        with self.assertRaises(UserError):
            self.Inspection.create({"call_id": call.id, "form_id": self.form.id})
        new_inspection = self.Inspection.create({"call_id": call.id})
        self.assertEqual(new_inspection.form_id, v2)
        new_inspection.line_ids.filtered(
            lambda rec: rec.item_id == v2_verify
        ).failed = True
        self.assertEqual(new_inspection.score, 85)
        # the inspection made before keeps its version and its score
        self.assertEqual(old_inspection.form_id, self.form)
        self.assertEqual(old_inspection.score, 90)
        with self.assertRaises(UserError):
            self.form.action_publish()
