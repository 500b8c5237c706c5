# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Large pushes to ``/telesales/api/calls`` are imported by one queue_job
job per push: the same chunk pushed twice is one job, the dialer reads the
outcome at the status URL (its own jobs only), a job retried after a
failure creates nothing twice, and what is cheap to check still answers 400
at once. Jobs are trapped with ``trap_jobs`` or stored for real and run as
queue_job's runner does (no runner, no waiting)."""

import json
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.queue_job.exception import RetryableJobError

from .call_api_common import URL, CallApiCase
from .job_common import Job, trap_jobs


@tagged("post_install", "-at_install")
class TestCallApiJobs(CallApiCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # above 2 records a push goes to a job
        cls.env["ir.config_parameter"].sudo().set_param(
            "telesales_hr.job_threshold_call_api_records", "2"
        )

    def status(self, uuid, key=None):
        headers = {"Authorization": f"Bearer {key or self.key}"}
        self.env.flush_all()
        response = self.url_open(f"{URL}/jobs/{uuid}", headers=headers)
        self.env.invalidate_all()
        return response

    def queued(self, payload):
        response = self.push(payload, key=self.key)
        self.assertEqual(response.status_code, 202, response.text[:500])
        body = response.json()
        self.assertEqual(body["state"], "queued")
        self.assertEqual(body["status_url"], f"{URL}/jobs/{body['job']}")
        self.assertEqual(response.headers["Location"], body["status_url"])
        return body["job"]

    def push_jobs(self):
        return (
            self.env["queue.job"]
            .sudo()
            .search([("method_name", "=", "_job_import_push")])
        )

    def run_job(self, uuid):
        """Run the stored job as queue_job's runner does (its commits left
        out: the test's transaction is kept)."""
        job = Job.load(self.env, uuid)
        job.set_started()
        job.store()
        job.perform()
        job.set_done()
        job.store()
        self.env.invalidate_all()
        return job

    def test_large_push_is_one_job(self):
        """Above the threshold: 202, one job in the import channel, nothing
        imported yet; the same chunk pushed again is the same job."""
        payload = self.payload("q1", "q2", "q3")
        with trap_jobs() as trap:
            first = self.queued(payload)
            second = self.queued(payload)
            trap.assert_jobs_count(1, only=self.dialer._job_import_push)
            trap.assert_jobs_count(1)
            self.assertEqual(trap.enqueued_jobs[0].channel, "root.telesales.import")
            self.assertEqual(trap.enqueued_jobs[0].uuid, first)
            self.assertTrue(second)
        self.assertFalse(self.calls("q1", "q2", "q3"))
        self.assertTrue(self.dialer.last_push_date)
        # small pushes stay synchronous
        with trap_jobs() as trap:
            response = self.push(self.payload("q4", "q5"), key=self.key)
            trap.assert_jobs_count(0)
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertEqual(len(self.calls("q4", "q5")), 2)

    def test_job_imports_and_answers_its_dialer(self):
        """The stored job imports the push; its status answers the dialer
        that pushed it and 404 for another; a chunk pushed again after its
        job is done creates nothing twice."""
        payload = self.payload("s1", "s2", "s3")
        uuid = self.queued(payload)
        self.assertEqual(self.queued(payload), uuid, "same chunk: same job")
        job = self.push_jobs()
        self.assertEqual(len(job), 1)
        self.assertEqual(job.uuid, uuid)
        self.assertEqual(job.channel, "root.telesales.import")
        self.assertEqual(job.user_id, self.dialer.user_id)
        self.assertEqual(
            self.status(uuid).json(),
            {"job": uuid, "state": "queued", "received": 3, "attempts": 0},
        )
        other = self.env["telesales.dialer"].create({"name": "Floor 4"})
        other_key = self.new_key(other.with_user(self.hr_user))
        for response in (
            self.status(uuid, key=other_key),
            self.status("not-a-job"),
            self.status("x" * 200),
        ):
            self.assertEqual(response.status_code, 404, response.text[:500])
            self.assertIn("no such job", response.json()["error"])
        self.assertEqual(self.status(uuid, key="not-the-key").status_code, 401)
        self.run_job(uuid)
        calls = self.calls("s1", "s2", "s3")
        self.assertEqual(len(calls), 3)
        self.assertEqual(calls.dialer_id, self.dialer)
        response = self.status(uuid)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(),
            {
                "job": uuid,
                "state": "done",
                "received": 3,
                "attempts": 1,
                "created": 3,
                "skipped": 0,
                "violations": 0,
            },
        )
        self.assertFalse(
            self.env["telesales.call.push"].search(
                [("dialer_id", "=", self.dialer.id)]
            ),
            "imported: the calls are the record",
        )
        # the same chunk again once done: a new job, which skips every call
        again = self.queued(payload)
        self.assertNotEqual(again, uuid)
        self.run_job(again)
        body = self.status(again).json()
        self.assertEqual((body["created"], body["skipped"]), (0, 3))
        self.assertEqual(len(self.calls("s1", "s2", "s3")), 3)

    def test_retried_job_creates_nothing_twice(self):
        """A job failing (its mapping broken after the push) is retried; once
        it succeeds, running it again changes nothing."""
        uuid = self.queued(self.payload("r1", "r2", "r3"))
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE telesales_call_mapping SET timezone = 'Mars/Olympus' "
            "WHERE id = %s",
            [self.generic.id],
        )
        self.env.invalidate_all()
        job = Job.load(self.env, uuid)
        job.set_started()
        job.store()
        with self.assertRaises(RetryableJobError) as caught:
            with self.env.cr.savepoint():
                job.perform()
        # as the runner does: postponed, queued again
        job.postpone(result=str(caught.exception))
        job.set_pending(reset_retry=False)
        job.store()
        self.env.invalidate_all()
        body = self.status(uuid).json()
        self.assertEqual((body["state"], body["attempts"]), ("queued", 1))
        self.assertFalse(self.calls("r1", "r2", "r3"))
        self.generic.timezone = "Asia/Shanghai"
        self.run_job(uuid)
        self.assertEqual(len(self.calls("r1", "r2", "r3")), 3)
        self.assertEqual(self.status(uuid).json()["created"], 3)
        # the runner runs it once more (it died before marking it done)
        self.run_job(uuid)
        self.assertEqual(len(self.calls("r1", "r2", "r3")), 3)
        self.assertEqual(
            self.Call.search_count([("dialer_id", "=", self.dialer.id)]), 3
        )

    def test_refused_in_the_job_names_rows(self):
        """A value found bad on conversion: the job writes nothing and its
        status is the 400 answer a small push would have had."""
        payload = self.payload("f1", "f2", "f3")
        payload["calls"][1]["agent"] = "ghost"
        uuid = self.queued(payload)
        self.run_job(uuid)
        body = self.status(uuid).json()
        self.assertEqual(body["state"], "failed")
        self.assertEqual(body["bad_rows"], 1)
        self.assertEqual([row["row"] for row in body["rows"]], [2])
        self.assertIn("ghost", body["rows"][0]["error"])
        self.assertIn("nothing was written", body["error"])
        self.assertFalse(self.calls("f1", "f2", "f3"))
        # run again: refused again; once the agent is known, the same chunk
        # pushed again imports it
        self.run_job(uuid)
        self.assertEqual(self.status(uuid).json()["bad_rows"], 1)
        self.agent_a2.telesales_dialer_login = "ghost"
        again = self.queued(payload)
        self.run_job(again)
        self.assertEqual(self.status(again).json()["created"], 3)
        self.assertEqual(self.calls("f2").employee_id, self.agent_a2)
        self.assertFalse(
            self.env["telesales.call.push"].search([("dialer_id", "=", self.dialer.id)])
        )

    def test_cheap_refusals_answer_at_once(self):
        """Above the threshold, what needs no conversion is still refused
        with a 400 at once, and nothing is enqueued."""
        payload = self.payload("c1", "c2", "c3")
        payload["calls"][1] = "not an object"
        payload["calls"][2]["agent"] = {"login": "a1"}
        with trap_jobs() as trap:
            response = self.push(payload, key=self.key)
            self.assertEqual(response.status_code, 400, response.text[:500])
            body = response.json()
            self.assertEqual(body["bad_rows"], 2)
            self.assertEqual([row["row"] for row in body["rows"]], [2, 3])
            self.assertIn("JSON object", body["rows"][0]["error"])
            self.assertIn("agent", body["rows"][1]["error"])
            # too many records for one push
            self.env["ir.config_parameter"].sudo().set_param(
                "telesales_hr.call_api_max_records", "3"
            )
            response = self.push(self.payload("c1", "c2", "c3", "c4"), key=self.key)
            self.assertEqual(response.status_code, 400, response.text[:500])
            self.assertIn("at most 3 calls", response.json()["error"])
            # an unusable mapping
            self.env.cr.execute(
                "UPDATE telesales_call_mapping SET timezone = 'Mars/Olympus' "
                "WHERE id = %s",
                [self.generic.id],
            )
            response = self.push(self.payload("c1", "c2", "c3"), key=self.key)
            self.assertEqual(response.status_code, 400, response.text[:500])
            self.assertIn("Mars/Olympus", response.json()["error"])
            for raw in ("{not json", '{"calls": "c1"}', "[]", "[" * 100_000):
                response = self.push(None, key=self.key, raw=raw)
                self.assertEqual(response.status_code, 400, raw[:20])
            trap.assert_jobs_count(0)
        self.assertFalse(self.push_jobs())
        self.assertFalse(self.Call.search_count([("dialer_id", "=", self.dialer.id)]))

    def test_records_stored_are_the_mapped_values(self):
        """Only the mapped keys are kept (the rest may be anything), with
        their JSON types."""
        payload = self.payload("m1", "m2", "m3")
        payload["calls"][0]["extra"] = json.loads("[" * 500 + "]" * 500)
        payload["calls"][1].update(connected=True, talk_seconds=95)
        uuid = self.queued(payload)
        push = self.env["telesales.call.push"].search(
            [("dialer_id", "=", self.dialer.id)]
        )
        stored = json.loads(push.payload)
        self.assertNotIn("extra", stored[0])
        self.assertIs(stored[1]["connected"], True)
        self.run_job(uuid)
        self.assertEqual(self.calls("m2").talk_seconds, 95)

    def test_forgotten_pushes_are_vacuumed(self):
        """A push no job imported (refused, or its job failed for good) is
        deleted by the autovacuum after 30 days."""
        Push = self.env["telesales.call.push"]
        now = fields.Datetime.now()
        old, recent = Push.create(
            [
                {"dialer_id": self.dialer.id, "checksum": "old", "payload": "[]"},
                {"dialer_id": self.dialer.id, "checksum": "new", "payload": "[]"},
            ]
        )
        old.date = now - timedelta(days=31)
        recent.date = now - timedelta(days=29)
        Push._gc_forgotten()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())
