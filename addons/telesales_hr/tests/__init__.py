from . import test_rank_history
from . import test_daily_compliance
from . import test_attendance_rules
from . import test_proxy_punch
from . import test_kpi
from . import test_compliance_access
