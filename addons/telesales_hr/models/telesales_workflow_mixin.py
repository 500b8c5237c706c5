# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The one guard of every telesales workflow model.

A workflow model says, in class attributes, which fields only its workflow
writes (its state, decisions, dates and links to effects), which fields a
client may still edit in each state, and in which states a record may be
deleted. ``create``, ``write`` and ``unlink`` check those declarations for
every caller, superuser included. The action methods are the only way past
them: they open a :meth:`_workflow_step` on the records they move.

The step is a Python context variable, not a key of ``env.context``: the
context of a request belongs to the client (any JSON-RPC call can send any
key), a context variable exists only inside the server's own call stack.
This follows ``hr.leave._check_approval_update`` (the check is made in
``write`` itself, whoever calls it) without its reliance on context keys.
"""

import contextvars
from contextlib import contextmanager

from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

#: (model name, record id) pairs, or (model name, None) for a whole model,
#: being moved by an action method of the current call stack.
_STEP = contextvars.ContextVar("telesales_workflow_step", default=frozenset())


def workflow_step_active():
    """Whether an action method of the current call stack is running (for a
    model without the mixin whose records only workflow steps create)."""
    return bool(_STEP.get())


#: every field of a state a client may edit in it
ALL = "__all__"

# chatter and activity bookkeeping is never frozen
_FREE_PREFIXES = ("message_", "activity_", "website_message", "rating_")


class TelesalesOndeleteGuard(models.AbstractModel):
    """The ``@api.ondelete(at_uninstall=False)`` checks of a model run for
    every client: Odoo skips them when the context holds its uninstall flag
    (``_force_unlink``), which any JSON-RPC call can send. Only the system
    user (a real uninstallation, no client logs in as it) keeps the flag."""

    _name = "telesales.ondelete.guard"
    _description = "Telesales Deletion Guard"

    def unlink(self):
        if self.env.context.get(MODULE_UNINSTALL_FLAG) and self.env.uid != SUPERUSER_ID:
            self = self.with_context(**{MODULE_UNINSTALL_FLAG: False})
        return super().unlink()


class TelesalesWorkflowMixin(models.AbstractModel):
    _name = "telesales.workflow.mixin"
    _inherit = ["telesales.ondelete.guard"]
    _description = "Telesales Workflow Guard"

    #: the field that holds the record's state
    _workflow_state_field = "state"
    #: fields only the action methods write, besides the state field
    _workflow_fields = frozenset()
    #: {state: frozenset of fields a client may write in it, or ALL};
    #: a state not listed freezes every field
    _workflow_editable = {}
    #: states in which a record may be deleted
    _workflow_deletable_states = ("draft",)
    #: {action method name: (states it starts from, groups allowed to run it
    #: (xmlids, any of them) or None for anyone who may write the record)}
    _workflow_transitions = {}

    # ------------------------------------------------------------ the step
    @contextmanager
    def _workflow_step(self, model_wide=False):
        """Inside this block the action method may write the workflow fields
        of these records (of every record of the model with
        ``model_wide``, for records it creates)."""
        keys = {(self._name, rid) for rid in self._ids if isinstance(rid, int)}
        if model_wide:
            keys.add((self._name, None))
        token = _STEP.set(_STEP.get() | keys)
        try:
            yield self
        finally:
            _STEP.reset(token)

    @api.model
    def _workflow_creating(self):
        """Whether an action method creates records of this model now."""
        return (self._name, None) in _STEP.get()

    def _workflow_in_step(self):
        step = _STEP.get()
        if (self._name, None) in step:
            return True
        return all((self._name, rid) in step for rid in self._ids)

    def _workflow_write(self, vals):
        """Write as the workflow, whoever triggered the step."""
        if not self:
            return True
        with self._workflow_step():
            return self.sudo().write(vals)

    # --------------------------------------------------------- state access
    def _workflow_state(self):
        """The state that decides what is frozen (a line may use its parent's)."""
        self.ensure_one()
        return self[self._workflow_state_field]

    def _workflow_state_label(self, state=None):
        self.ensure_one()
        state = state if state is not None else self._workflow_state()
        record = self
        field = record._fields.get(self._workflow_state_field)
        if field and field.type == "selection":
            return dict(field._description_selection(self.env)).get(state, state)
        return state

    def _workflow_record_label(self):
        self.ensure_one()
        return f"{self._description} {self.display_name}"

    def _workflow_field_label(self, fname):
        field = self._fields.get(fname)
        return field.get_description(self.env)["string"] if field else fname

    @api.model
    def _workflow_guarded_fields(self):
        return set(self._workflow_fields) | {self._workflow_state_field}

    @staticmethod
    def _workflow_free(fname):
        return fname.startswith(_FREE_PREFIXES)

    # ---------------------------------------------------------------- CRUD
    @api.model
    def _workflow_own_default(self, fname):
        """The default of the field itself: neither a ``default_*`` key of the
        client's context nor a user default (``ir.default``) counts."""
        field = self._fields[fname]
        return self._workflow_cache_value(
            fname, field.default(self) if field.default else False
        )

    @api.model
    def _workflow_cache_value(self, fname, value):
        """``value`` as the ORM caches it (a record or an id give the id)."""
        field = self._fields[fname]
        if field.type in ("one2many", "many2many"):
            return value
        try:
            return field.convert_to_cache(value, self, validate=False)
        except (ValueError, TypeError):
            return value

    @api.model_create_multi
    def create(self, vals_list):
        # records not created yet: only a model-wide step lets them be born
        # in a later state
        if not self._workflow_creating():
            guarded = {f for f in self._workflow_guarded_fields() if f in self._fields}
            state_field = self._workflow_state_field
            # the client's ``default_<workflow field>`` keys are dropped; a
            # user default of a workflow field is refused like a value
            context = {
                key: value
                for key, value in self.env.context.items()
                if not (key.startswith("default_") and key[8:] in guarded)
            }
            if len(context) != len(self.env.context):
                self = self.with_env(self.env(context=context))
            own = {fname: self._workflow_own_default(fname) for fname in guarded}
            for vals in vals_list:
                missing = [fname for fname in guarded if fname not in vals]
                given = dict(self.default_get(missing)) if missing else {}
                given.update({fname: vals[fname] for fname in guarded & set(vals)})
                for fname, value in given.items():
                    value = self._workflow_cache_value(fname, value)
                    if fname == state_field and value in (own[fname], False):
                        continue
                    if fname != state_field and (not value or value == own[fname]):
                        continue
                    raise UserError(
                        self.env._(
                            "%(model)s: the field %(field)s is set by the workflow "
                            "buttons, not when the record is created.",
                            model=self._description,
                            field=self._workflow_field_label(fname),
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if self and not self._workflow_in_step():
            self._workflow_check_client_write(vals)
        return super().write(vals)

    def _workflow_check_client_write(self, vals):
        fnames = {f for f in vals if not self._workflow_free(f)}
        if not fnames:
            return
        guarded = self._workflow_guarded_fields() & fnames
        if guarded:
            fname = sorted(guarded)[0]
            raise UserError(
                self.env._(
                    "%(record)s: %(field)s changes only through the workflow "
                    "buttons, which check who you are and the record's state.",
                    record=self[:1]._workflow_record_label() if self else "",
                    field=self._workflow_field_label(fname),
                )
            )
        for record in self:
            state = record._workflow_state()
            editable = self._workflow_editable.get(state, frozenset())
            if editable == ALL:
                continue
            frozen = fnames - set(editable)
            if frozen:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s: its field %(field)s can no "
                        "longer be changed.",
                        record=record._workflow_record_label(),
                        state=record._workflow_state_label(state),
                        field=self._workflow_field_label(sorted(frozen)[0]),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_workflow_deletable(self):
        for record in self:
            if record._workflow_state() not in self._workflow_deletable_states:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s: it is never deleted. Cancel it "
                        "with a reason instead.",
                        record=record._workflow_record_label(),
                        state=record._workflow_state_label(),
                    )
                )

    # ------------------------------------------------------ deciding steps
    def _workflow_lock(self):
        """Lock the rows (``SELECT … FOR UPDATE``, in id order against
        deadlocks), touch them, and drop their cached values.

        Odoo's transactions are REPEATABLE READ: a transaction that waited
        for the lock still reads its own snapshot, so it would decide on
        stale data (three votes cast at once, each seeing the others as
        pending). Touching the rows makes such a transaction fail with a
        serialization error instead, which the RPC layer retries; the retry
        sees what the first one committed."""
        ids = tuple(rid for rid in self._ids if isinstance(rid, int))
        if ids:
            self.flush_recordset()
            table = SQL.identifier(self._table)
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE id IN %s ORDER BY id FOR UPDATE",
                    table,
                    ids,
                )
            )
            self.env.cr.execute(
                SQL("UPDATE %s SET write_date = write_date WHERE id IN %s", table, ids)
            )
            self.invalidate_recordset()
        return self

    def _workflow_require(self, states, action):
        """Lock the records, then refuse unless each is in one of ``states``.
        ``action`` names the step in the message (translated by the caller)."""
        self._workflow_lock()
        for record in self:
            if record._workflow_state() not in states:
                raise UserError(
                    self.env._(
                        "%(record)s is %(state)s: it cannot be %(action)s.",
                        record=record._workflow_record_label(),
                        state=record._workflow_state_label(),
                        action=action,
                    )
                )
        return self

    def _workflow_require_group(self, xmlids, message):
        """Refuse the step unless the real user (not the superuser of a
        ``sudo()``) belongs to one of the groups. The system user (crons,
        data loading) passes: no client can log in as it."""
        if self.env.uid == SUPERUSER_ID:
            return
        if isinstance(xmlids, str):
            xmlids = (xmlids,)
        if not any(self.env.user.has_group(xmlid) for xmlid in xmlids):
            raise AccessError(message)

    def _workflow_begin(self, action, label):
        """The start of every action method: check the caller's group and,
        after locking the rows, the state, as ``_workflow_transitions``
        declares for ``action``; return the step in which the action writes::

            with self._workflow_begin("action_submit", self.env._("submitted")):
                self.write({"state": "submitted"})

        ``label`` is the translated past participle used in the messages."""
        states, groups = self._workflow_transitions[action]
        if groups:
            for record in self:
                record._workflow_require_group(
                    groups,
                    self.env._(
                        "You are not allowed to have %(record)s %(action)s.",
                        record=record._workflow_record_label(),
                        action=label,
                    ),
                )
        self._workflow_require(states, label)
        return self._workflow_step()
