from . import telesales_api_auth
from . import telesales_call_api
from . import telesales_premium_api
