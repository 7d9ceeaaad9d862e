"""Real inspect logs for the report tests: offline evals with the calibration providers.

Each run is an inspect `eval_set` of canon's own task (the eval branch's `build_task`, the
scorer whose score shape reports read) into a dated folder. The calibration providers
`canon/reference` and `canon/legacy` answer with the bank's reference and legacy solutions.
Tasks without functional tests are used, so a run takes seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pytest import fixture

from canon.evals.instructions import InstructionSpec
from canon.evals.project import EvalProject
from tests.logcache import reuse_or_run

from .scripted_runs import scripted  # noqa: F401 - a fixture of the report tests

if TYPE_CHECKING:
    from collections.abc import Mapping

    from pytest import TempPathFactory

ROOT = Path(__file__).resolve().parents[2]
TASKS = 3
EPOCHS = 2

FULL = InstructionSpec(variant="full", target="copilot")
NONE = InstructionSpec(variant="none")


@dataclass(frozen=True, slots=True, kw_only=True)
class Setup:
    model: str
    spec: InstructionSpec


GRID = {
    "ref-full": Setup(model="canon/reference", spec=FULL),
    "ref-none": Setup(model="canon/reference", spec=NONE),
    "legacy-none": Setup(model="canon/legacy", spec=NONE),
    "ref-no-typing": Setup(
        model="canon/reference",
        spec=InstructionSpec(variant="full", target="copilot", leave_out=("typing",)),
    ),
}


def run_calibration(log_dir: Path, grid: Mapping[str, Setup], *, epochs: int = EPOCHS) -> Path:
    """Run each configuration of the grid as one inspect eval set into log_dir."""
    from inspect_ai import eval_set
    from inspect_ai.model import get_model

    from canon.evals import providers  # noqa: F401 - registers the calibration providers
    from canon.evals.task import TaskOptions, build_task

    project = EvalProject(root=ROOT)
    ids = [task.id for task in project.bank.tasks if not task.tests][:TASKS]
    tasks = []
    for name, setup in grid.items():
        model = get_model(setup.model, tasks_dir=str(ROOT / "tasks"), memoize=False)
        metadata = {
            "configuration": name,
            "model": setup.model,
            "calibration": True,
            "epochs": epochs,
        }
        options = TaskOptions(
            root=ROOT, spec=setup.spec, name=name, model=model, epochs=epochs, metadata=metadata
        )
        tasks.append(build_task(options))
    success, _ = eval_set(
        tasks, log_dir=str(log_dir), sample_id=ids, display="none", log_level="warning"
    )
    assert success
    return log_dir


@dataclass(frozen=True, slots=True, kw_only=True)
class Runs:
    """Three dated runs: two alike, then one where `ref-full` is answered by the legacy side."""

    root: Path
    first: Path
    second: Path
    regressed: Path


@fixture(scope="session")
def runs(tmp_path_factory: TempPathFactory) -> Runs:
    root = tmp_path_factory.mktemp("logs")
    first, second, regressed = (
        root / "2026-11-25T02-00-00Z",
        root / "2026-11-26T02-00-00Z",
        root / "2026-11-27T02-00-00Z",
    )

    def produce() -> None:
        run_calibration(first, GRID)
        run_calibration(second, GRID)
        run_calibration(regressed, {"ref-full": Setup(model="canon/legacy", spec=FULL)})

    reuse_or_run("calibration-runs", root, produce)
    return Runs(root=root, first=first, second=second, regressed=regressed)
