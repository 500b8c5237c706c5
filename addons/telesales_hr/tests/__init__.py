from . import test_rank_history
from . import test_dnc
from . import test_call_import
from . import test_call_violations
from . import test_call_api
from . import test_call_access
from . import test_call_demo
