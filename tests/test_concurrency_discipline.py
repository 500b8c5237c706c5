# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Three committee members approving the same serious case at the same
moment, in real concurrent transactions on committed data (issue 11): the
case ends approved, whoever votes last decides it.

Each vote runs as Odoo's RPC layer runs a call (``odoo.service.model
.retrying``: a serialization failure is rolled back and the call replayed),
so what this test sees is what three browsers would see.
"""

import uuid
from functools import partial

from ts_concurrency import run_together, transaction

from odoo.service.model import retrying
from odoo.tests import new_test_user

COMMITTEE = "telesales_quality.group_quality_committee"
INSPECTOR = "telesales_quality.group_qa_inspector"


def _serious_case(env, tag):
    """A serious case of a new employee, submitted to a committee of three
    new members (the company's committee, as action_submit requires)."""
    members = [
        new_test_user(env, login=f"qa_conc_{tag}_m{i}", groups=COMMITTEE)
        for i in range(3)
    ]
    inspector = new_test_user(env, login=f"qa_conc_{tag}_qa", groups=INSPECTOR)
    company = env.company
    company.telesales_committee_user_ids = [(6, 0, [m.id for m in members])]
    employee = env["hr.employee"].create(
        {"name": f"Concurrency agent {tag}", "company_id": company.id}
    )
    case = (
        env["telesales.discipline"]
        .with_user(inspector)
        .create(
            {
                "employee_id": employee.id,
                "level_id": env.ref("telesales_quality.level_public").id,
                "severity": "serious",
                "facts": "Called a customer on the do-not-call list.",
            }
        )
    )
    case.action_submit()
    assert case.state == "to_approve" and case.approval_path == "committee"
    assert len(case.sudo().approval_ids) == 3
    return case.id, [m.id for m in members]


def _approve(case_id, env):
    case = env["telesales.discipline"].browse(case_id)
    return retrying(case.action_approve, env)


def _outcome(case_id, env):
    case = env["telesales.discipline"].browse(case_id)
    return case.state, sorted(case.approval_ids.mapped("decision")), case.date_approved


def test_three_members_approving_at_once_approve_the_case():
    tag = uuid.uuid4().hex[:8]
    case_id, member_ids = transaction(partial(_serious_case, tag=tag))
    outcomes = run_together(*((partial(_approve, case_id), uid) for uid in member_ids))
    assert [error for _result, error in outcomes] == [None, None, None]
    state, decisions, date_approved = transaction(partial(_outcome, case_id))
    assert decisions == ["approved"] * 3
    assert state == "approved"
    assert date_approved
