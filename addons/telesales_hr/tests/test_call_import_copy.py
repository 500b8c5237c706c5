# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The COPY fast path of the file import (telesales_call_import_copy): the
SQL reading of a row never disagrees with the Python converter, files it
cannot read fall back to Python, and its errors name rows as before."""

import csv
import io

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models.telesales_call_row_sql import CHECKED_COLUMNS, STAGE_COLUMNS
from ..wizards.telesales_call_import import CallImportError
from ..wizards.telesales_call_import_copy import COPY_ENCODINGS
from .call_common import GENERIC_HEADER, TelesalesCallCase

SECONDS = ["0", "42", "007", "", " 5", "5 ", "1.6", "-1", "abc", "nan", "٣",
           "999999999", "1000000000", "+3"]  # fmt: skip
STARTS = ["2025-03-03 09:15:00", "2025-03-03T09:15:00", "2024-02-29 10:00:00",
          "2025-02-29 10:00:00", "2025-04-31 10:00:00", "2025-04-30 23:59:59",
          "1989-12-31 23:59:59", "1990-01-01 00:00:00", "2099-12-31 23:59:59",
          "2100-01-01 00:00:00", "2025-13-01 00:00:00", "2025-00-10 00:00:00",
          "2025-01-01 24:00:00", "2025-01-01 23:60:00", " 2025-03-03 09:15:00",
          "2025-03-03 09:15:00+08:00", "2025-03-03 9:15:00",
          "２０２５-03-03 09:15:00", "2025-03-03 09:15", "2025/03/03 09:15:00",
          "2025-03-03x09:15:00", ""]  # fmt: skip
CALLEES = ["13800138000", "8613800138000", "008613800138000", "013800138000",
           "01088886666", "1088886666", "2166668888", "0086", "86", "123",
           "+8613800138000", " 138 0013 8000", "１３８００１３８０００",
           "010-8888 6666 ext 12", "", "8612345"]  # fmt: skip
IDS = ["id-1", "a b", " x", "x ", "编号1", "", "a" * 256, "a" * 255, "'q'"]
AGENTS = ["a1", " a1", "A1", "nobody", ""]
DIRECTIONS = ["", "in", "IN", " in", "outbound", "OUT", "x", "入"]
FLAGS = ["1", "0", "yes", "YES", "Y", "是", "否", "", " y", "maybe", "True"]
TEXTS = ["ok", " ok", "ok ", "ok\u3000", "\u3000ok", "a\tb", "状态", "x" * 256,
         "x" * 255, "a\u00a0", "\u2003a", "\x1fa"]  # fmt: skip


@tagged("post_install", "-at_install")
class TestCallImportCopy(TelesalesCallCase):
    def rows_for(self, column, values):
        rows = []
        for i, value in enumerate(values):
            row = self.row(f"v{column}{i}", "2025-03-03 10:15:00")
            row[column] = value
            rows.append(row)
        return rows

    def stage_both_ways(self, mapping, rows):
        """Stage ``rows`` by SQL and convert them by Python; returns
        ``(sql, python)``: ``{row_no: staged values}`` of the rows the SQL
        read, and of the rows Python reads (their COPY lines staged)."""
        Import = self.Import
        cr = self.env.cr
        header = list(rows[0])
        data = io.StringIO()
        writer = csv.writer(data, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([row[name] for name in header] for row in rows)
        raw = data.getvalue().encode()
        convert = mapping._row_converter(header, Import._dialer_logins(self.company))
        columns = ", ".join(STAGE_COLUMNS)
        with cr.savepoint(flush=False) as savepoint:
            session = Import._open_stage(mapping)
            Import._copy_raw(
                io.BytesIO(raw), len(header), mapping, COPY_ENCODINGS[mapping.encoding]
            )
            Import._stage_raw(convert, self.company)
            checked = " AND ".join(f"{name} IS NOT NULL" for name in CHECKED_COLUMNS)
            cr.execute(f"SELECT {columns} FROM telesales_call_stage WHERE {checked}")
            sql = {row[0]: row for row in cr.fetchall()}
            cr.execute("TRUNCATE telesales_call_stage")
            lines = []
            for row_no, row in enumerate(
                csv.reader(io.StringIO(raw.decode())), start=1
            ):
                if row_no == 1:
                    continue
                try:
                    lines.append(convert(row, row_no))
                except ValueError:
                    continue
            if lines:
                Import._copy_lines(lines)
            cr.execute(f"SELECT {columns} FROM telesales_call_stage")
            python = {row[0]: row for row in cr.fetchall()}
            Import._restore_timezone(session)
            savepoint.rollback()
        return sql, python

    def assert_sql_agrees(self, mapping, rows, read_by_sql=()):
        sql, python = self.stage_both_ways(mapping, rows)
        for row_no, values in sql.items():
            self.assertIn(row_no, python, f"SQL read a row Python refuses: {values}")
            self.assertEqual(values, python[row_no], f"row {row_no}")
        for value in read_by_sql:  # the common forms stay on the fast path
            self.assertTrue(
                any(value in values for values in sql.values()), f"{value!r} not read"
            )
        return sql, python

    def test_values_agree_with_python(self):
        """For every odd value of every field, the SQL either leaves the row
        to Python or reads exactly what Python reads."""
        generic = self.generic
        self.assert_sql_agrees(generic, self.rows_for("talk_seconds", SECONDS), [42])
        self.assert_sql_agrees(generic, self.rows_for("start", STARTS))
        self.assert_sql_agrees(
            generic, self.rows_for("callee_number", CALLEES), ["13800138000"]
        )
        self.assert_sql_agrees(generic, self.rows_for("call_id", IDS), ["id-1"])
        self.assert_sql_agrees(generic, self.rows_for("agent", AGENTS))
        self.assert_sql_agrees(
            generic, self.rows_for("direction", DIRECTIONS), ["inbound"]
        )
        self.assert_sql_agrees(generic, self.rows_for("connected", FLAGS))
        for column in ("recording", "disposition", "lead"):
            self.assert_sql_agrees(generic, self.rows_for(column, TEXTS), ["状态"])

    def test_other_rules_agree(self):
        """Connected by status values or by talk time, epoch starts."""
        mapping = self.generic.copy(
            {"connected_rule": "values", "connected_values": "SALE, ni"}
        )
        self.assert_sql_agrees(
            mapping, self.rows_for("connected", ["SALE", "sale", "NI", "x", "", " ni"])
        )
        mapping = self.generic.copy({"connected_rule": "talk"})
        rows = self.rows_for("talk_seconds", SECONDS)
        rows += self.rows_for("connected", ["x" * 300])  # an unread column's limit
        sql, _python = self.assert_sql_agrees(mapping, rows)
        self.assertFalse([v for v in sql.values() if v[1] == "vconnected0"])
        mapping = self.generic.copy({"datetime_format": "epoch"})
        self.assert_sql_agrees(
            mapping,
            self.rows_for(
                "start",
                [
                    "1741000000",
                    "631151999",
                    "631152000",
                    "4102444799",
                    "4102444800",
                    "1741000000.5",
                    "-5",
                    " 1741000000",
                    "",
                ],
            ),  # fmt: skip
            [],
        )

    def test_import_uses_copy_and_names_rows(self):
        """A clean file goes through COPY; bad rows are still named by their
        file row, and nothing is written."""
        rows = [self.row(f"c{i}", "2025-03-03 10:15:00") for i in range(5)]
        rows[3]["talk_seconds"] = "-4"
        rows[4]["start"] = "2025-02-30 10:00:00"
        data = self.csv_bytes(rows)
        Dialer = self.env["telesales.dialer"]
        clean = self.csv_bytes(rows[:3])
        result = self.Import._import_copy(
            io.BytesIO(clean), GENERIC_HEADER, self.generic, self.company, Dialer
        )
        self.assertEqual(result["created"], 3)  # not refused: the fast path
        self.Call.search([("external_id", "in", ["c0", "c1", "c2"])]).unlink()
        before = self.Call.search_count([])
        with self.assertRaises(CallImportError) as caught:
            self.Import._import_file(io.BytesIO(data), self.generic)
        rows_named = [row for row, _reason in caught.exception.errors]
        self.assertEqual(rows_named, [5, 6])
        self.assertIn("talk seconds '-4'", caught.exception.errors[0][1])
        self.assertIn("'2025-02-30 10:00:00'", caught.exception.errors[1][1])
        self.assertEqual(self.Call.search_count([]), before)

    def test_layout_refused_falls_back(self):
        """A row with a missing column, a blank line, or bytes not in the
        encoding: PostgreSQL refuses the file, Python's reader names the row."""
        good = self.csv_bytes([self.row("f1", "2025-03-03 10:15:00")])
        with self.assertRaises(CallImportError) as caught:
            self.Import._import_file(
                io.BytesIO(good + b"f2,a1,13800138000\r\n"), self.generic
            )
        self.assertEqual(caught.exception.errors[0][0], 3)
        with self.assertRaisesRegex(UserError, "cannot be read as utf-8-sig CSV"):
            self.Import._import_file(io.BytesIO(good + b"\xff\xfe,\r\n"), self.generic)
        # a line "\\." would end PostgreSQL's COPY: Python reads the file
        marker = good + b"\\.\r\n" + good.split(b"\r\n", 1)[1].replace(b"f1", b"f4")
        self.assertIsNone(
            self.Import._import_copy(
                io.BytesIO(marker), GENERIC_HEADER, self.generic, self.company,
                self.env["telesales.dialer"],
            )
        )  # fmt: skip
        with self.assertRaises(CallImportError) as caught:
            self.Import._import_file(io.BytesIO(marker), self.generic)
        self.assertEqual(caught.exception.errors[0][0], 3)
        second = self.csv_bytes([self.row("f3", "2025-03-03 10:16:00")])
        with_blank = good + b"\r\n" + second.split(b"\r\n", 1)[1]
        result = self.Import._import_file(io.BytesIO(with_blank), self.generic)
        self.assertEqual(result["created"], 2)

    def test_copy_path_imports_like_python(self):
        """The same file imported by COPY and by the Python reader gives the
        same calls."""
        rows = [
            self.row("p1", "2025-03-03 10:15:00", number="+86 138 0013 8000",
                     disposition=" 成交 ", direction="IN", talk_seconds="1.6"),
            self.row("p2", "2025-03-03T10:20:00", agent="b1", connected="否",
                     recording="rec/p2.mp3", lead="L-1"),
        ]  # fmt: skip
        data = self.csv_bytes(rows)
        fields = ["external_id", "employee_id", "callee_number",
                  "callee_normalized", "start", "call_date", "direction",
                  "connected", "talk_seconds", "recording_ref", "disposition",
                  "lead_ref", "department_id"]  # fmt: skip
        by_copy = self.Import._import_file(io.BytesIO(data), self.generic)
        calls = self.Call.search(
            [("external_id", "in", ["p1", "p2"])], order="external_id"
        )
        copied = calls.read(fields)
        calls.unlink()
        text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
        by_python = self.Import._import_file(text, self.generic)
        self.assertEqual(by_copy, by_python)
        calls = self.Call.search(
            [("external_id", "in", ["p1", "p2"])], order="external_id"
        )
        strip = [{k: v for k, v in c.items() if k != "id"} for c in copied]
        self.assertEqual(strip, [
            {k: v for k, v in c.items() if k != "id"} for c in calls.read(fields)
        ])  # fmt: skip
        self.assertEqual(copied[0]["callee_normalized"], "13800138000")
        self.assertEqual(copied[0]["disposition"], "成交")
