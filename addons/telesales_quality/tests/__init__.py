from . import test_qa_form
from . import test_qa_inspection
from . import test_qa_sampling
from . import test_discipline_approval
from . import test_discipline_effects
from . import test_liability
from . import test_quality_access
from . import test_quality_demo
