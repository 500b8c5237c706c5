from . import test_rank_history
from . import test_referral
from . import test_headcount_gate
from . import test_premium
from . import test_target
from . import test_rank_review
from . import test_rank_review_ui
