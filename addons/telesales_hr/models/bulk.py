# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bulk writing of computed records."""

from odoo import fields
from odoo.tools import SQL

CHUNK = 5000


def bulk_insert(model, vals_list):
    """INSERT ``vals_list`` into ``model``'s table, one statement per chunk,
    and return the new records.

    For records computed in bulk that nobody edits (daily compliance rows and
    the KPI deductions derived from them): ``create()`` spends most of its
    time building a dummy record per Monetary value to round it and running
    per-record defaults (a month of 1,000 agents: ~40 s instead of ~1 s). So
    every dict must hold a value for every column it needs (no defaults, no
    computed fields are applied here) with amounts already rounded; values
    are sent as one typed array per column.
    """
    if not vals_list:
        return model.browse()
    names = sorted(set().union(*vals_list))
    magic = ["create_uid", "create_date", "write_uid", "write_date"]
    types = [model._fields[name].column_type[1] for name in names + magic]
    booleans = {name for name in names if model._fields[name].type == "boolean"}
    now = fields.Datetime.now()
    uid = model.env.uid
    ids = []
    for start in range(0, len(vals_list), CHUNK):
        chunk = vals_list[start : start + CHUNK]
        columns = []
        for name in names:
            if name in booleans:
                columns.append([bool(vals.get(name)) for vals in chunk])
            else:
                columns.append(
                    [
                        None if vals.get(name) is False else vals.get(name)
                        for vals in chunk
                    ]
                )
        columns += [[uid] * len(chunk), [now] * len(chunk)] * 2
        model.env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT * FROM unnest(%s) RETURNING id",
                SQL.identifier(model._table),
                SQL(", ").join(SQL.identifier(name) for name in names + magic),
                SQL(", ").join(
                    SQL("%s::%s[]", column, SQL(column_type))
                    for column, column_type in zip(columns, types, strict=True)
                ),
            )
        )
        ids += [row[0] for row in model.env.cr.fetchall()]
    model.invalidate_model()
    return model.browse(ids)
