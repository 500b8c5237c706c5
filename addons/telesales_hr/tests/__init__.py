from . import test_rank_history
