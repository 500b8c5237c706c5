# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The creation check of the workflow guard, for models created outside a
step (``telesales.workflow.mixin.create`` asks ``_workflow_in_step`` of the
empty recordset it is called on, which is always true: ``all()`` of no ids).
"""

from odoo.exceptions import UserError

from .telesales_workflow_mixin import _STEP


def check_create(model, vals_list):
    """Refuse ``vals_list`` if it sets a workflow field of ``model`` (its
    state other than the default, or any guarded field), unless an action
    method creates the records inside a model-wide step."""
    if (model._name, None) in _STEP.get():
        return
    guarded = model._workflow_guarded_fields()
    state_field = model._workflow_state_field
    default_state = model.default_get([state_field]).get(state_field)
    for vals in vals_list:
        for fname in sorted(guarded & set(vals)):
            if fname == state_field and vals[fname] in (default_state, False):
                continue
            if fname != state_field and not vals[fname]:
                continue
            raise UserError(
                model.env._(
                    "%(model)s: the field %(field)s is set by the workflow "
                    "buttons, not when the record is created.",
                    model=model._description,
                    field=model._workflow_field_label(fname),
                )
            )
