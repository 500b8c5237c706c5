from . import payslip_run_summary_xlsx
from . import telesales_compliance_xlsx
