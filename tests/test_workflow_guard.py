"""Every workflow model refuses, to every caller, what only its actions may do.

A sweep over all models that inherit ``telesales.workflow.mixin``, on the
demo centre's records: writing the state (or another workflow field) is
refused, even as the superuser and with any context key a client could send;
so is creating a record in a later state, and deleting one that left its
deletable states. Each refusal leaves the record as it was. The per-model
tests next to each module check the actions themselves, as real users.
"""

from odoo.exceptions import UserError  # AccessError is a UserError
from odoo.tests import TransactionCase, tagged

# the workflow models issue 11 names; each must use the shared guard
EXPECTED = {
    "telesales.rank.review",
    "telesales.rank.review.line",
    "telesales.discipline",
    "telesales.qa.inspection",
    "telesales.referral.milestone",
    "telesales.flag",
    "telesales.coaching",
    "telesales.kpi.deduction",
    "telesales.daily.compliance",
}
# context keys that once switched guards off: they must change nothing
CLIENT_KEYS = {
    "telesales_review_system": True,
    "telesales_discipline_workflow": True,
    "telesales_qa_review": True,
    "tracking_disable": True,
    "install_mode": True,
}


@tagged("post_install", "-at_install")
class TestWorkflowGuard(TransactionCase):
    def _workflow_models(self):
        mixin = self.env.registry["telesales.workflow.mixin"]
        return sorted(
            name
            for name in self.env.registry
            if name != mixin._name
            and not self.env[name]._abstract
            and isinstance(self.env[name], mixin)
        )

    def test_every_workflow_model_uses_the_guard(self):
        self.assertLessEqual(EXPECTED, set(self._workflow_models()))

    def test_state_is_never_written_directly(self):
        for name in self._workflow_models():
            Model = self.env[name].with_context(**CLIENT_KEYS)
            field = Model._fields.get(Model._workflow_state_field)
            if not field or not field.store or field.type != "selection":
                # a line in its parent's state: the parent's test covers it
                continue
            states = [key for key, _label in field._description_selection(self.env)]
            records = Model.search([], limit=3)
            for record in records:
                before = record[field.name]
                for state in states:
                    if state == before:
                        continue
                    with (
                        self.subTest(model=name, id=record.id, state=state),
                        self.assertRaises(UserError),
                    ):
                        record.write({field.name: state})
                    record.invalidate_recordset()
                    self.assertEqual(record[field.name], before)

    def test_no_record_is_created_past_its_first_state(self):
        for name in self._workflow_models():
            Model = self.env[name].with_context(**CLIENT_KEYS)
            field = Model._fields.get(Model._workflow_state_field)
            if not field or not field.store or field.type != "selection":
                # a line in its parent's state: the parent's test covers it
                continue
            default = Model.default_get([field.name]).get(field.name)
            later = [
                key
                for key, _label in field._description_selection(self.env)
                if key != default
            ]
            with (
                self.subTest(model=name),
                self.assertRaises(UserError),
            ):
                Model.create({field.name: later[-1]})

    def test_decided_records_are_never_deleted(self):
        for name in self._workflow_models():
            Model = self.env[name].with_context(**CLIENT_KEYS)
            for record in Model.search([], limit=200):
                if record._workflow_state() in Model._workflow_deletable_states:
                    continue
                with (
                    self.subTest(model=name, id=record.id),
                    self.assertRaises(UserError),
                ):
                    record.unlink()
                self.assertTrue(record.exists())
                break
