# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bulk writer's array literals, read back by PostgreSQL: every value
the computations send arrives as it was, a missing value as NULL."""

from datetime import date, datetime

from odoo.tests import TransactionCase, tagged

from ..models.bulk import _array_literal, bulk_upsert


@tagged("post_install", "-at_install")
class TestBulkArrays(TransactionCase):
    def read_back(self, values, column_type):
        self.env.cr.execute(
            f"SELECT %s::{column_type}[]", [_array_literal(values, column_type)]
        )
        return self.env.cr.fetchone()[0]

    def test_numbers_dates_and_missing_values(self):
        self.assertEqual(
            self.read_back([1, None, False, 0, -7, 2**31 - 1], "int4"),
            [1, None, None, 0, -7, 2**31 - 1],
        )
        # a float for an integer column is rounded half away from zero, as
        # PostgreSQL rounds a number cast to an integer
        self.assertEqual(
            self.read_back([2.5, -2.5, 1e-07, 3, None, False], "int4"),
            [3, -3, 0, 3, None, None],
        )
        self.assertEqual(
            [
                float(v) if v is not None else v
                for v in self.read_back(
                    [0.1, 1e-05, 0, None, False, 12345678.91], "numeric"
                )
            ],
            [0.1, 1e-05, 0.0, None, None, 12345678.91],
        )
        self.assertEqual(self.read_back([0.0, 2.75, None], "float8"), [0.0, 2.75, None])
        self.assertEqual(
            self.read_back([date(2024, 2, 29), None, False], "date"),
            [date(2024, 2, 29), None, None],
        )
        moments = [datetime(2025, 4, 1, 9, 0), datetime(2025, 4, 1, 9, 0, 0, 1500)]
        self.assertEqual(
            self.read_back([*moments, None], "timestamp"), [*moments, None]
        )

    def test_booleans_are_never_null(self):
        self.assertEqual(
            self.read_back([True, False, None, 1, 0], "bool"),
            [True, False, False, True, False],
        )

    def test_texts_are_quoted_and_escaped(self):
        texts = [
            "none",
            'say "hi"',
            "back\\slash",
            "a,b{c}",
            "NULL",
            "None",
            "False",
            "",
            " spaced ",
            "两行\n文字",
        ]
        for column_type in ("varchar", "text"):
            self.assertEqual(self.read_back(texts, column_type), texts)
            self.assertEqual(
                self.read_back(["none", None, False, "NULL"], column_type),
                ["none", None, None, "NULL"],
            )
            # a column of plain codes takes the quick path
            self.assertEqual(
                self.read_back(["none", "minor", "major"], column_type),
                ["none", "minor", "major"],
            )
        self.assertEqual(self.read_back([], "text"), [])

    def test_upsert_keeps_the_row(self):
        """An upsert of an existing key rewrites that row (same id), with
        rows that lack a column and rows that have them all in one call."""
        employee = self.env["hr.employee"].create({"name": "Bulk agent"})
        Compliance = self.env["telesales.daily.compliance"]
        first = bulk_upsert(
            Compliance,
            [{"employee_id": employee.id, "date": date(2025, 4, 1), "dials": 3}],
            conflict=("employee_id", "date"),
        )
        again = bulk_upsert(
            Compliance,
            [
                {"employee_id": employee.id, "date": date(2025, 4, 1), "dials": 9},
                {"employee_id": employee.id, "date": date(2025, 4, 2)},
            ],
            conflict=("employee_id", "date"),
        )
        self.assertIn(first, again)
        self.assertEqual(len(again), 2)
        self.assertEqual(first.dials, 9)
        self.assertFalse((again - first).dials)

    def test_compliance_pages_leave_room_for_recomputes(self):
        """The compliance table keeps half of each page free (set by the
        model's init): a recompute then rewrites its rows as HOT updates."""
        self.env.cr.execute(
            "SELECT reloptions FROM pg_class"
            " WHERE oid = 'telesales_daily_compliance'::regclass"
        )
        self.assertIn("fillfactor=50", self.env.cr.fetchone()[0])
