from __future__ import annotations

from pathlib import Path

from pytest import fixture

from canon.evals.project import EvalProject

ROOT = Path(__file__).resolve().parents[2]


@fixture(scope="session")
def project() -> EvalProject:
    return EvalProject(root=ROOT)
