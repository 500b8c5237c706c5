from . import telesales_qa_pass_rate
from . import telesales_qa_inspection_xlsx
from . import telesales_discipline_register_xlsx
