from . import l10n_cn_contribution_report
from . import l10n_cn_withholding_xlsx
from . import l10n_cn_contribution_xlsx
