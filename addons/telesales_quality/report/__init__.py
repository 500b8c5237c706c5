from . import telesales_qa_pass_rate
