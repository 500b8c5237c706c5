# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The row converter's parts, called directly (no database)."""

from odoo.tests import BaseCase, tagged

from ..models.telesales_call_row import RowConverter
from ..models.telesales_call_row_fields import (
    AgentField,
    CalleeField,
    CallIdField,
    ConnectedFlagField,
    ConnectedTalkField,
    DirectionField,
    SecondsFields,
    StartField,
    TextFields,
    TextLimits,
)
from ..models.telesales_call_row_values import (
    RowError,
    copy_line,
    parse_seconds,
    parse_start,
    row_values,
    value_set,
)


class _Env:
    """Stands for an environment: ``_`` formats the English text."""

    def _(self, source, **params):
        return source % params if params else source


@tagged("post_install", "-at_install")
class TestCallRow(BaseCase):
    def test_seconds(self):
        self.assertEqual(parse_seconds("42"), "42")
        self.assertEqual(parse_seconds(" 1.6 "), "2")
        self.assertEqual(parse_seconds(""), "0")
        for bad in ("-1", "abc", "nan", "3e9"):
            self.assertIsNone(parse_seconds(bad), bad)

    def test_start(self):
        self.assertEqual(parse_start("2025-03-03 09:15:00"), "2025-03-03 09:15:00")
        self.assertEqual(
            parse_start(" 2025-03-03T09:15:00+08:00"), "2025-03-03 09:15:00+08:00"
        )
        self.assertEqual(
            parse_start("1741000000", "epoch"), "2025-03-03 11:06:40+00:00"
        )
        self.assertEqual(
            parse_start("03/03/2025 09:15", "%d/%m/%Y %H:%M"), "2025-03-03 09:15:00"
        )
        with self.assertRaises(ValueError):
            parse_start("0001-01-01 00:00:00")  # out of the years accepted

    def test_copy_text(self):
        line = copy_line(1, "a\tb", "c\\d", "e\nf")
        self.assertEqual(line, "1\ta\\tb\tc\\\\d\te\\nf\n")
        self.assertEqual(row_values(line), ("1", "a\tb", "c\\d", "e\nf"))
        self.assertEqual(value_set(" In, IN ,x,"), frozenset({"in", "x"}))

    def converter(self, connected=None):
        return RowConverter(
            width=7,
            call_id=CallIdField(0),
            agent=AgentField(1, {"ag1": 7}),
            callee=CalleeField(2),
            start=StartField(3),
            direction=DirectionField(4, {"": "outbound", "in": "inbound"}, "outbound"),
            connected=connected or ConnectedFlagField(5),
            seconds=SecondsFields(
                [(None, "ring seconds"), (6, "talk seconds")]
                + [(None, label) for label in ("wait", "pause", "wrap-up", "length")]
            ),
            texts=TextFields([None, None, None]),
            limits=TextLimits([(index, f"c{index}", 20) for index in range(7)]),
            env=_Env(),
        )

    def test_good_row(self):
        row = ["x1", "ag1", "138 0013 8000", "2025-03-03 09:15:00", "in", "yes", "61"]
        self.assertEqual(
            row_values(self.converter()(row, 2)),
            ("2", "x1", "7", "138 0013 8000", "13800138000", "2025-03-03 09:15:00",
             "inbound", "t", "0", "61", "0", "0", "0", "0", "", "", ""),
        )  # fmt: skip
        talk = self.converter(ConnectedTalkField(6))(row[:6] + ["0"], 2)
        self.assertEqual(row_values(talk)[7], "f")

    def test_bad_row(self):
        """convert refuses what describe names, in the file's column order."""
        convert = self.converter()
        row = ["", "nobody", "abc", "someday", "up", "maybe", "-1"]
        with self.assertRaises(RowError):
            convert(row, 2)
        self.assertEqual(
            convert.describe(row),
            "the call id is empty; no employee has the dialer login 'nobody'; "
            "no callee number; 'someday' is not a valid start time; unknown "
            "direction 'up'; talk seconds '-1' is not a number of seconds "
            "(0 or more); connected 'maybe' is neither yes nor no",
        )
        self.assertEqual(convert.describe(row[:3]), "3 columns instead of 7")
        long_row = ["x" * 201, "ag1", "13800138000", "2025-03-03 09:15:00", "", "1", ""]
        with self.assertRaises(RowError):
            convert(long_row, 2)
        self.assertEqual(
            convert.describe(long_row), "column 'c0' is longer than 20 characters"
        )
