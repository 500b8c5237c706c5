from . import test_salary_rules
from . import test_deductions
from . import test_paid_once
from . import test_batch
from . import test_access
from . import test_summary_xlsx
from . import test_sources_after_merge
from . import test_demo
