from . import payslip_run_summary_xlsx
