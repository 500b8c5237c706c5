from . import telesales_import_calls
