from . import telesales_referral_milestone_cancel
from . import telesales_team_kpi_compute
from . import telesales_compliance_compute
from . import telesales_report_export
from . import telesales_call_import
from . import telesales_dialer_key_show
from . import telesales_flag_decide
