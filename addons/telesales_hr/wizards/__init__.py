from . import telesales_compliance_compute
