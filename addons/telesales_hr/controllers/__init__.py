from . import telesales_call_api
