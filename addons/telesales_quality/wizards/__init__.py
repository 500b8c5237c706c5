from . import telesales_reason_wizard
from . import telesales_qa_review_wizard
from . import telesales_discipline_appeal_wizard
from . import telesales_qa_sampling_wizard
