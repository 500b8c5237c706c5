# Tests needing the source models of other branches are parked in
# pending_merge_sources.py until those branches are merged (see that file).
from . import test_salary_rules
from . import test_deductions
from . import test_paid_once
from . import test_batch
from . import test_access
from . import test_summary_xlsx
