# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
import tempfile
from datetime import date, datetime
from pathlib import Path
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..wizards import telesales_call_import_chunks
from ..wizards.telesales_call_import import CallImportError
from .call_common import GENERIC_HEADER, TelesalesCallCase

VICIDIAL_HEADER = [
    "call_date",
    "lead_id",
    "uniqueid",
    "phone_number",
    "user",
    "campaign_id",
    "length_in_sec",
    "status",
    "talk_sec",
    "wait_sec",
    "pause_sec",
    "dispo_sec",
]


@tagged("post_install", "-at_install")
class TestCallImport(TelesalesCallCase):
    def test_generic_import(self):
        """Every column lands in its field; times are converted to UTC and
        the agent's team and company are filled in."""
        result = self.import_rows(
            [
                self.row(
                    "g1",
                    "2025-03-03 10:15:00",
                    number="+86 138 0013 8000",
                    ring_seconds=7,
                    talk_seconds=185,
                    wait_seconds=12,
                    pause_seconds=30,
                    wrapup_seconds=45,
                    duration_seconds=192,
                    recording="rec/g1.mp3",
                    disposition="CALLBK",
                    lead="L-77",
                ),
                self.row("g2", "2025-03-03 10:20:00", agent="b1", connected="0",
                         talk_seconds=0, direction="IN"),
            ]
        )  # fmt: skip
        self.assertEqual(
            result, {"rows": 2, "created": 2, "skipped": 0, "violations": 0}
        )
        g1, g2 = self.calls("g1", "g2")
        self.assertRecordValues(
            g1,
            [
                {
                    "employee_id": self.agent_a1.id,
                    "department_id": self.team_a1.id,
                    "company_id": self.company.id,
                    "callee_number": "+86 138 0013 8000",
                    "callee_normalized": "13800138000",
                    "start": datetime(2025, 3, 3, 2, 15),
                    "call_date": date(2025, 3, 3),
                    "direction": "outbound",
                    "connected": True,
                    "ring_seconds": 7,
                    "talk_seconds": 185,
                    "wait_seconds": 12,
                    "pause_seconds": 30,
                    "wrapup_seconds": 45,
                    "duration_seconds": 192,
                    "recording_ref": "rec/g1.mp3",
                    "disposition": "CALLBK",
                    "lead_ref": "L-77",
                    "is_violation": False,
                }
            ],
        )
        self.assertEqual(g2.employee_id, self.agent_b1)
        self.assertFalse(g2.recording_ref)
        self.assertEqual(g2.department_id, self.team_b1)
        self.assertEqual(g2.direction, "inbound")
        self.assertFalse(g2.connected)

    def test_vicidial_preset(self):
        """The VICIdial preset keeps talk, wait, pause and wrap-up (dispo)
        seconds apart, the length, the status and the lead; connected comes
        from the status."""
        rows = [
            ["2025-03-03 09:31:02", "9001", "1741000262.101", "13800138000", "a1",
             "INSUR", "215", "SALE", "180", "25", "0", "40"],
            ["2025-03-03 09:36:40", "9002", "1741000600.102", "13900139000", "a1",
             "INSUR", "31", "NA", "0", "8", "12", "3"],
        ]  # fmt: skip
        data = io.BytesIO(self.csv_bytes(rows, header=VICIDIAL_HEADER))
        result = self.Import._import_file(data, "telesales_hr.call_mapping_vicidial")
        self.assertEqual(result["created"], 2)
        sale, no_answer = self.calls("1741000262.101", "1741000600.102")
        self.assertRecordValues(
            sale | no_answer,
            [
                {
                    "start": datetime(2025, 3, 3, 1, 31, 2),
                    "connected": True,
                    "duration_seconds": 215,
                    "talk_seconds": 180,
                    "wait_seconds": 25,
                    "pause_seconds": 0,
                    "wrapup_seconds": 40,
                    "disposition": "SALE",
                    "lead_ref": "9001",
                    "direction": "outbound",
                },
                {
                    "start": datetime(2025, 3, 3, 1, 36, 40),
                    "connected": False,
                    "duration_seconds": 31,
                    "talk_seconds": 0,
                    "wait_seconds": 8,
                    "pause_seconds": 12,
                    "wrapup_seconds": 3,
                    "disposition": "NA",
                    "lead_ref": "9002",
                    "direction": "outbound",
                },
            ],
        )

    def test_bad_rows_named_nothing_written(self):
        """One bad row refuses the whole file; each bad row is named with its
        reasons; the good rows are not written either."""
        before = self.Call.search_count([])
        rows = [
            self.row("ok-1", "2025-03-03 10:00:00"),
            self.row("bad-agent", "2025-03-03 10:01:00", agent="nobody"),
            self.row("ok-2", "2025-03-03 10:02:00"),
            self.row("bad-date", "2025-02-30 10:03:00"),
            self.row("", "2025-03-03 10:04:00"),
            self.row(
                "bad-seconds",
                "2025-03-03 10:05:00",
                talk_seconds=-5,
                wait_seconds="abc",
            ),
            self.row(
                "bad-flag", "2025-03-03 10:06:00", connected="maybe", number="n/a"
            ),
            self.row("bad-direction", "2025-03-03 10:07:00", direction="sideways"),
        ]
        with self.assertRaises(CallImportError) as caught:
            self.import_rows(rows, source_name="monday.csv")
        error = caught.exception
        self.assertEqual(self.Call.search_count([]), before)
        self.assertEqual(error.bad_rows, 6)
        self.assertEqual(error.total_rows, 8)
        self.assertEqual([row for row, _reason in error.errors], [3, 5, 6, 7, 8, 9])
        reasons = dict(error.errors)
        self.assertIn("nobody", reasons[3])
        self.assertIn("2025-02-30", reasons[5])
        self.assertIn("call id", reasons[6])
        self.assertIn("'-5'", reasons[7])
        self.assertIn("abc", reasons[7])
        self.assertIn("maybe", reasons[8])
        self.assertIn("callee", reasons[8])
        self.assertIn("sideways", reasons[9])
        message = error.args[0]
        self.assertIn("monday.csv", message)
        self.assertIn("6 of 8 rows", message)
        self.assertIn("row 3:", message)
        self.assertIn("row 9:", message)

    def test_missing_column_and_duplicates(self):
        """A header without a mapped column, or a call id twice in a file,
        refuses the file."""
        header = [h for h in GENERIC_HEADER if h != "start"]
        with self.assertRaisesRegex(ValidationError, "start"):
            self.import_rows([self.row("m1", "2025-03-03 10:00:00")], header=header)
        with self.assertRaises(CallImportError) as caught:
            self.import_rows(
                [
                    self.row("dup", "2025-03-03 10:00:00"),
                    self.row("single", "2025-03-03 10:01:00"),
                    self.row("dup", "2025-03-03 10:02:00"),
                ]
            )
        self.assertEqual(
            caught.exception.errors, [(4, "call id dup is already on row 2")]
        )
        self.assertFalse(
            self.Call.search_count([("external_id", "in", ["dup", "single"])])
        )

    def test_reimport_idempotent(self):
        """Importing a file again creates nothing; an overlapping file only
        adds its new calls."""
        rows = [self.row(f"r{n}", f"2025-03-03 10:0{n}:00") for n in range(5)]
        first = self.import_rows(rows)
        self.assertEqual((first["created"], first["skipped"]), (5, 0))
        again = self.import_rows(rows)
        self.assertEqual((again["rows"], again["created"], again["skipped"]), (5, 0, 5))
        overlap = self.import_rows(rows[3:] + [self.row("r9", "2025-03-03 11:00:00")])
        self.assertEqual((overlap["created"], overlap["skipped"]), (1, 2))
        self.assertEqual(self.Call.search_count([("external_id", "like", "r%")]), 6)
        # the same id in another company is another call
        other = self.env["res.company"].create({"name": "Other Centre"})
        self.env["hr.employee"].create(
            {
                "name": "Other Agent",
                "company_id": other.id,
                "telesales_dialer_login": "a1",
            }
        )
        result = self.import_rows(rows[:1], company=other)
        self.assertEqual(result["created"], 1)

    def test_formats(self):
        """Offsets, Unix times, other delimiters and GB18030 files."""
        mapping = self.generic.copy(
            {"name": "Epoch; GB18030", "datetime_format": "epoch", "delimiter": ";",
             "encoding": "gb18030"}
        )  # fmt: skip
        row = self.row(
            "f1", "1740967200", disposition="客户拒绝"
        )  # 2025-03-03 02:00 UTC
        data = io.BytesIO(self.csv_bytes([row], delimiter=";", encoding="gb18030"))
        self.Import._import_file(data, mapping)
        call = self.calls("f1")
        self.assertEqual(call.start, datetime(2025, 3, 3, 2, 0))
        self.assertEqual(call.disposition, "客户拒绝")
        mapping.write(
            {
                "datetime_format": "%d/%m/%Y %H:%M",
                "delimiter": ",",
                "encoding": "utf-8-sig",
            }
        )
        self.import_rows([self.row("f2", "03/03/2025 10:00")], mapping=mapping)
        self.assertEqual(self.calls("f2").start, datetime(2025, 3, 3, 2, 0))
        with self.assertRaises(CallImportError):
            self.import_rows([self.row("f3", "2025-03-03 10:00:00")], mapping=mapping)

    def test_chunks_all_or_nothing(self):
        """Files are loaded chunk by chunk while the next chunk is parsed; a
        bad row or a repeated call id in a later chunk still leaves nothing
        written."""
        rows = [self.row(f"ch{n}", f"2025-03-03 10:{n:02d}:00") for n in range(10)]
        with patch.object(telesales_call_import_chunks, "CHUNK_ROWS", 3):
            result = self.import_rows(rows)
            self.assertEqual(result["created"], 10)
            self.assertEqual(
                self.Call.search_count([("external_id", "like", "ch%")]), 10
            )
            late_bad = [
                self.row(f"lb{n}", f"2025-03-04 10:{n:02d}:00") for n in range(10)
            ]
            late_bad[8]["agent"] = "nobody"
            with self.assertRaises(CallImportError) as caught:
                self.import_rows(late_bad)
            self.assertEqual([row for row, _r in caught.exception.errors], [10])
            late_dup = [
                self.row(f"ld{n}", f"2025-03-04 11:{n:02d}:00") for n in range(10)
            ]
            late_dup[7]["call_id"] = "ld1"
            with self.assertRaises(CallImportError) as caught:
                self.import_rows(late_dup)
            self.assertEqual(
                caught.exception.errors, [(9, "call id ld1 is already on row 3")]
            )
        self.assertFalse(
            self.Call.search_count(
                ["|", ("external_id", "like", "lb%"), ("external_id", "like", "ld%")]
            )
        )
        # an unreadable file (not UTF-8) is refused by name, nothing written
        data = self.csv_bytes(
            [self.row("enc1", "2025-03-03 10:00:00", disposition="拒绝")]
        )
        with self.assertRaisesRegex(UserError, "cannot be read"):
            self.Import._import_file(
                io.BytesIO(data.decode().encode("gb18030")), self.generic
            )
        self.assertFalse(self.calls("enc1"))

    def test_special_characters(self):
        """Tabs, backslashes and line breaks inside values survive COPY."""
        self.import_rows(
            [
                self.row(
                    "sp\\1",
                    "2025-03-03 10:00:00",
                    recording="C:\\rec\\new\\x.wav",
                    disposition="NI\tcallback",
                    lead="line 1\nline 2",
                )
            ]
        )
        call = self.calls("sp\\1")
        self.assertEqual(call.recording_ref, "C:\\rec\\new\\x.wav")
        self.assertEqual(call.disposition, "NI\tcallback")
        self.assertEqual(call.lead_ref, "line 1\nline 2")

    def test_wizard(self):
        """The wizard reports what was imported, or lists the bad rows and
        writes nothing."""
        good = self.csv_bytes([self.row("wz1", "2025-03-03 10:00:00")])
        wizard = self.Import.with_user(self.hr_user).create(
            {"file": base64.b64encode(good), "filename": "good.csv"}
        )
        self.assertEqual(wizard.mapping_id, self.vicidial, "the default preset")
        wizard.mapping_id = self.generic
        action = wizard.action_import()
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual(wizard.state, "done")
        self.assertIn("1 calls created", wizard.result)
        self.assertTrue(self.calls("wz1"))
        bad = self.csv_bytes(
            [self.row("wz2", "2025-03-03 10:00:00"), self.row("wz3", "noon")]
        )
        wizard = self.Import.with_user(self.hr_user).create(
            {
                "file": base64.b64encode(bad),
                "filename": "bad.csv",
                "mapping_id": self.generic.id,
            }
        )
        wizard.action_import()
        self.assertEqual(wizard.state, "failed")
        self.assertIn("row 3: 'noon' is not a valid start time", wizard.result)
        self.assertFalse(self.calls("wz2"))

    def test_import_access(self):
        """Only HR imports: agents, team leaders and auditors cannot."""
        data = self.csv_bytes([self.row("ac1", "2025-03-03 10:00:00")])
        for user in (self.agent_a1_user, self.tl_a1_user, self.auditor):
            with self.assertRaises(AccessError):
                self.Import.with_user(user).create({"file": base64.b64encode(data)})
            with self.assertRaises(AccessError):
                self.Import.with_user(user)._import_file(io.BytesIO(data), self.generic)
        self.assertFalse(self.calls("ac1"))

    def test_cron_directory(self):
        """The directory cron imports each file all-or-nothing and, after the
        commit, moves it to done/ or failed/ with an error report."""
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "1-good.csv").write_bytes(
                self.csv_bytes([self.row("cr1", "2025-03-03 10:00:00")])
            )
            (folder / "2-bad.csv").write_bytes(
                self.csv_bytes(
                    [
                        self.row("cr2", "2025-03-03 10:00:00"),
                        self.row("cr3", "2025-03-03 10:01:00", agent="zz"),
                    ]
                )
            )
            outcome = self.Import._cron_import_directory(
                tmp, "telesales_hr.call_mapping_generic"
            )
            self.assertEqual(outcome["1-good.csv"]["created"], 1)
            self.assertIn("row 3", outcome["2-bad.csv"])
            self.assertTrue(self.calls("cr1"))
            self.assertFalse(self.calls("cr2", "cr3"))
            self.env.cr.postcommit.run()
            self.assertTrue((folder / "done" / "1-good.csv").exists())
            self.assertTrue((folder / "failed" / "2-bad.csv").exists())
            report = (folder / "failed" / "2-bad.csv.errors.txt").read_text()
            self.assertIn("row 3: no employee has the dialer login 'zz'", report)
