from . import telesales_xlsx_stream
from . import telesales_premium_xlsx
from . import telesales_premium_month_xlsx
from . import telesales_referral_ledger_xlsx
from . import telesales_rank_review_xlsx
from . import telesales_daily_compliance_xlsx
from . import telesales_attendance_exception_xlsx
