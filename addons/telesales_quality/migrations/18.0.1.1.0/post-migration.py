# Copyright 2026 Telesales Add-ons contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def migrate(cr, version):
    """An inspection now counts on the agent's local day of its call (the
    call's ``call_date``, hr.employee._telesales_tz), no longer on the UTC
    date of the call's start: the monthly pass rates and the headcount gate
    read that day."""
    cr.execute(
        """
        UPDATE telesales_qa_inspection i
           SET call_date = c.call_date
          FROM telesales_call c
         WHERE c.id = i.call_id
           AND i.call_date IS DISTINCT FROM c.call_date
        """
    )
