"""The run's own process stays small: what it imports for a batch, and what each batch's load reads."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BATCH_STEPS = """
import sys
from extractors import stages
from schemas.validate.batch import batch_check
from schemas.validate.records import validate_records
import flows.pipeline, flows.document_work, warehouse.load, warehouse.sync
stages.settle_table1([], [], [], {})
batch_check([], [], {})
print(sorted(m for m in ("spacy", "scispacy", "thinc") if m in sys.modules))
"""


def test_settle_and_check_batch_in_the_flow_do_not_import_spacy():
    """Round 25: the flow imported spaCy (~50 MB) through extractors.stages and the Table 1 mirror check."""
    out = subprocess.run([sys.executable, "-c", BATCH_STEPS], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip().splitlines()[-1] == "[]"
