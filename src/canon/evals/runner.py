"""`canon eval`: run assistant configurations as one inspect eval set, then report on it.

Each run goes into a fresh dated log folder (`logs/<UTC stamp>/`) unless one is given; running
again on the same folder resumes it (inspect's eval set skips what completed and retries what
did not). Everything said about the run (the terminal table, `summary.json`, `summary.md`,
`report.html`) is built by `canon.reports` from the logs, as `canon report` builds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from canon.errors import InputError, Position
from canon.evals.config import load_config
from canon.evals.project import EvalProject

if TYPE_CHECKING:
    from collections.abc import Sequence

    from canon.evals.config import Configuration, EvalConfig
    from canon.reports.analysis import ConfigurationStats

__all__ = ["DEFAULT_CONFIG", "EvalOutcome", "EvalRequest", "expand_models", "run_eval"]

DEFAULT_CONFIG = Path("evals/configs/default.yaml")


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalRequest:
    """What `canon eval` was asked for.

    Attributes:
        root: The project root.
        config: The configuration file; None for `evals/configs/default.yaml`.
        models: Models replacing the configurations' models (instructions kept).
        limit: Run only the first N tasks.
        epochs: Override every configuration's epochs.
        log_dir: The log folder; None for a fresh `logs/<stamp>`.
        report_dir: The report folder; None for `reports/<stamp>`.
        quiet: No progress display.
    """

    root: Path
    config: Path | None = None
    models: tuple[str, ...] = ()
    limit: int | None = None
    epochs: int | None = None
    log_dir: Path | None = None
    report_dir: Path | None = None
    quiet: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalOutcome:
    """What a run produced.

    Attributes:
        complete: Whether every configuration finished and scored every sample.
        summaries: The configurations' statistics, in the configuration file's order, read
            from the logs by `canon.reports`.
        log_dir: The log folder.
        report_dir: The report folder.
    """

    complete: bool
    summaries: tuple[ConfigurationStats, ...]
    log_dir: Path
    report_dir: Path


def expand_models(
    configurations: Sequence[Configuration], models: Sequence[str]
) -> tuple[Configuration, ...]:
    """Replace the configurations' models, keeping each distinct set of instructions.

    Args:
        configurations: The file's configurations.
        models: The models from `--model`; empty to keep the file's.

    Returns:
        One configuration per (instructions, model), named `<name>` for one model and
        `<name>-<model>` for several.
    """
    if not models:
        return tuple(configurations)
    distinct: dict[str, Configuration] = {}
    for configuration in configurations:
        distinct.setdefault(configuration.spec.label, configuration)
    expanded: list[Configuration] = []
    for configuration in distinct.values():
        for model in dict.fromkeys(models):
            name = (
                configuration.name
                if len(set(models)) == 1
                else f"{configuration.name}-{_slug(model)}"
            )
            expanded.append(configuration.model_copy(update={"model": model, "name": name}))
    return tuple(expanded)


def _slug(text: str) -> str:
    from re import sub

    return sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H-%M-%SZ")


def run_eval(request: EvalRequest) -> EvalOutcome:
    """Run the configurations as one eval set and write the report on its logs.

    Args:
        request: What to run.

    Returns:
        Whether every configuration completed, and their statistics.

    Raises:
        InputError: A configuration, model or key is wrong (nothing is run).
    """
    project = EvalProject(root=request.root)
    config_path = request.config or request.root / DEFAULT_CONFIG
    config = load_config(config_path, standards=project.standards)
    configurations = expand_models(config.configurations, request.models)
    _ = project.bank
    stamp = _stamp()
    log_dir = request.log_dir or request.root / "logs" / stamp
    report_dir = request.report_dir or request.root / "reports" / stamp
    names = tuple(configuration.name for configuration in configurations)
    _check_folders(log_dir, report_dir, names)
    tasks = [_task(project, config, item, request, config_path) for item in configurations]
    _run_eval_set(tasks, log_dir=log_dir, config=config, request=request)
    summaries = _write_report(names, log_dir=log_dir, report_dir=report_dir)
    complete = len(summaries) == len(names) and all(stats.complete for stats in summaries)
    return EvalOutcome(
        complete=complete, summaries=summaries, log_dir=log_dir, report_dir=report_dir
    )


def _check_folders(log_dir: Path, report_dir: Path, names: Sequence[str]) -> None:
    """Refuse output folders that cannot work before anything runs.

    Raises:
        InputError: A folder is a file, or the log folder holds logs of other configurations
            (inspect resumes an eval set only with the same tasks).
    """
    for folder, what in ((log_dir, "log"), (report_dir, "report")):
        if folder.exists() and not folder.is_dir():
            raise InputError(f"the {what} folder is a file; name a folder", Position(path=folder))
        existing = next(parent for parent in (folder, *folder.parents) if parent.exists())
        if not existing.is_dir():
            message = f"the {what} folder cannot be made: {existing} is a file"
            raise InputError(message, Position(path=folder))
    if not log_dir.is_dir():
        return
    from inspect_ai.log import list_eval_logs, read_eval_log

    found = {
        read_eval_log(info, header_only=True).eval.task
        for info in list_eval_logs(str(log_dir), recursive=False)
    }
    others = sorted(found - set(names))
    if others:
        message = (
            f"holds logs of other configurations ({', '.join(others)}); an eval set resumes only "
            "its own: name a new --log-dir"
        )
        raise InputError(message, Position(path=log_dir))


def _run_eval_set(
    tasks: list[object], *, log_dir: Path, config: EvalConfig, request: EvalRequest
) -> None:
    from inspect_ai import eval_set

    eval_set(
        tasks,
        log_dir=str(log_dir),
        retry_attempts=config.retry_attempts,
        retry_wait=1,
        retry_on_error=config.sample_retries or None,
        max_tasks=config.max_tasks,
        limit=request.limit,
        display="none" if request.quiet else None,
        log_level="warning",
    )


def _task(
    project: EvalProject,
    config: EvalConfig,
    configuration: Configuration,
    request: EvalRequest,
    config_path: Path,
) -> object:
    from canon.evals.task import TaskOptions, build_task

    epochs = request.epochs or configuration.epochs or config.epochs
    options = TaskOptions(
        root=project.root,
        spec=configuration.spec,
        name=configuration.name,
        model=_model(configuration, project, config_path),
        generate=_generate_config(configuration),
        epochs=epochs,
        test_timeout=config.test_timeout,
        metadata=_run_metadata(configuration, epochs),
        solution=configuration.solution,
    )
    return build_task(options)


def _run_metadata(configuration: Configuration, epochs: int) -> dict[str, object]:
    from canon.evals.contract import TaskMetadata

    run = TaskMetadata(
        configuration=configuration.name,
        model=configuration.model,
        calibration=configuration.calibration,
        epochs=epochs,
    )
    return run.model_dump(mode="json", exclude_unset=True)


def _generate_config(configuration: Configuration) -> object:
    from inspect_ai.model import GenerateConfig

    return GenerateConfig(**configuration.generate.model_dump(exclude_none=True))


def _model(configuration: Configuration, project: EvalProject, config_path: Path) -> object:
    from inspect_ai.model import get_model

    from canon.evals.providers import CalibrationAPI  # noqa: F401 - registers the calibration providers

    arguments: dict[str, str] = {}
    if configuration.calibration:
        arguments["tasks_dir"] = str(project.root / "tasks")
    try:
        return get_model(
            configuration.model,
            config=_generate_config(configuration),  # type: ignore[arg-type]
            memoize=False,
            **arguments,
        )
    except Exception as exc:  # any provider failure here is a usage error
        label = f"configuration {configuration.name!r}: model {configuration.model!r}"
        message = f"{label}: {_first_line(exc)}"
        raise InputError(message, Position(path=config_path)) from None


def _first_line(exc: BaseException) -> str:
    from re import sub

    text = sub(r"\[/?[a-z ]+\]", "", str(exc)).strip()
    return (text.splitlines() or [type(exc).__name__])[0]


def _write_report(
    names: Sequence[str], *, log_dir: Path, report_dir: Path
) -> tuple[ConfigurationStats, ...]:
    """Write `canon report LOG_DIR --out REPORT_DIR`'s report; return the run's configurations.

    Args:
        names: The configurations run, in the configuration file's order.
        log_dir: The eval set's log folder.
        report_dir: Where the report goes.

    Returns:
        The statistics of the configurations run, in that order (a configuration without a
        log is left out).
    """
    from canon.reports import write_report

    written = write_report([log_dir], report_dir, order=names)
    found = {stats.log.name: stats for stats in written.report.configurations}
    return tuple(found[name] for name in names if name in found)
