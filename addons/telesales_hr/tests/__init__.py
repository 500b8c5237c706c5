from . import test_rank_history
from . import test_referral
from . import test_headcount_gate
