# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rows valid from ``date_from`` to ``date_to`` (open when empty)."""

from odoo import models


def overlapping_domain(row, key):
    """The domain of the other rows of the same ``key`` (a field name) whose
    validity meets ``row``'s: the rule of every dated table of this module."""
    value = row[key]
    if isinstance(value, models.BaseModel):
        value = value.id
    domain = [
        ("id", "!=", row.id),
        (key, "=", value),
        "|",
        ("date_to", "=", False),
        ("date_to", ">=", row.date_from),
    ]
    if row.date_to:
        domain.append(("date_from", "<=", row.date_to))
    return domain


def valid_at_domain(key, value, date):
    """The domain of the rows of ``key`` = ``value`` valid on ``date``."""
    return [
        (key, "=", value),
        ("date_from", "<=", date),
        "|",
        ("date_to", "=", False),
        ("date_to", ">=", date),
    ]
