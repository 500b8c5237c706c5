from . import hr_payslip_employees
from . import telesales_compliance_compute
