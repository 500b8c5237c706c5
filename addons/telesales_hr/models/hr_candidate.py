# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import contextvars

from odoo import models

#: set while an applicant creates its employee (not a context key: a client
#: could send one and skip recording the referral)
FROM_APPLICANT = contextvars.ContextVar("telesales_from_applicant", default=False)


class HrCandidate(models.Model):
    _inherit = "hr.candidate"

    def create_employee_from_candidate(self):
        """An employee created from the candidate form also joins the team
        of the candidate's referred application and records the referral."""
        action = super().create_employee_from_candidate()
        if FROM_APPLICANT.get():
            return action  # the applicant records it once the team is set
        applicants = self.applicant_ids.filtered("telesales_referrer_id")
        applicant = (
            applicants.filtered(lambda a: a.stage_id.hired_stage) or applicants
        )[:1]
        if applicant:
            employee = self.employee_id
            if not employee.department_id and applicant.department_id:
                employee.department_id = applicant.department_id
            self.env["telesales.referral"]._create_from_applicants(applicant)
        return action
