from . import telesales_call_import
from . import telesales_dialer_key_show
