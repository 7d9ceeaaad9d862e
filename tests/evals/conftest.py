from pathlib import Path

import pytest

from canon.evals.project import EvalProject

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def project() -> EvalProject:
    return EvalProject(root=ROOT)
