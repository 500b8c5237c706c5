from . import test_cn_tax
from . import test_contributions
from . import test_withholding
from . import test_iit_special_cases
from . import test_outputs
from . import test_access
from . import test_demo
from . import test_pay_policy
