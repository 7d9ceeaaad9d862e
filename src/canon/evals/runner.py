"""`canon eval`: run assistant configurations as one inspect eval set, then summarise.

Each run goes into a fresh dated log folder (`logs/<UTC stamp>/`) unless one is given; running
again on the same folder resumes it (inspect's eval set skips what completed and retries what
did not). The report (`summary.json`, `summary.md`, `report.html`) is `canon report`'s.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from canon.errors import InputError, Position
from canon.evals.config import Configuration, EvalConfig, load_config
from canon.evals.project import EvalProject
from canon.evals.summary import (
    ConfigurationSummary,
    summarise_samples,
)

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
    """What a run produced."""

    complete: bool
    summaries: tuple[ConfigurationSummary, ...]
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
    """Run the configurations as one eval set and write the summary.

    Args:
        request: What to run.

    Returns:
        Whether every configuration completed, and the summaries.

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
    tasks = [_task(project, config, item, request, config_path) for item in configurations]
    logs = _run_eval_set(tasks, log_dir=log_dir, config=config, request=request)
    summaries = tuple(_summarise(item, logs, project, request, config) for item in configurations)
    _write_reports(summaries, log_dir=log_dir, report_dir=report_dir)
    complete = all(
        summary.status == "success" and summary.scored == summary.samples for summary in summaries
    )
    return EvalOutcome(
        complete=complete, summaries=summaries, log_dir=log_dir, report_dir=report_dir
    )


def _run_eval_set(
    tasks: list[object], *, log_dir: Path, config: EvalConfig, request: EvalRequest
) -> Sequence[object]:
    from inspect_ai import eval_set

    _, logs = eval_set(
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
    return logs


def _task(
    project: EvalProject,
    config: EvalConfig,
    configuration: Configuration,
    request: EvalRequest,
    config_path: Path,
) -> object:
    from canon.evals.task import TaskOptions, build_task

    model = _model(configuration, project, config_path)
    epochs = request.epochs or configuration.epochs or config.epochs
    metadata: dict[str, object] = {
        "configuration": configuration.name,
        "model": configuration.model,
        "calibration": configuration.calibration,
        "epochs": epochs,
    }
    options = TaskOptions(
        root=project.root,
        spec=configuration.spec,
        name=configuration.name,
        model=model,
        generate=_generate_config(configuration),
        epochs=epochs,
        test_timeout=config.test_timeout,
        metadata=metadata,
    )
    return build_task(options)


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


@dataclass(frozen=True, slots=True, kw_only=True)
class _LogFacts:
    status: str = "missing"
    location: str = ""
    values: tuple[dict[str, object], ...] = ()
    usage: dict[str, float] | None = None


def _read_log(location: str) -> _LogFacts:
    from inspect_ai.log import read_eval_log

    log = read_eval_log(location)
    values: list[dict[str, object]] = []
    usage = {"input_tokens": 0.0, "output_tokens": 0.0, "instructions_tokens": 0.0}
    for sample in log.samples or ():
        for model_usage in (sample.model_usage or {}).values():
            usage["input_tokens"] += model_usage.input_tokens
            usage["output_tokens"] += model_usage.output_tokens
        usage["instructions_tokens"] += float(sample.metadata.get("instructions_tokens", 0))
        if sample.error is None and sample.scores:
            score = next(iter(sample.scores.values()))
            if isinstance(score.value, dict):
                values.append(score.value)
    count = len(log.samples or ()) or 1
    usage["instructions_tokens"] = round(usage["instructions_tokens"] / count)
    return _LogFacts(
        status=str(log.status), location=str(log.location), values=tuple(values), usage=usage
    )


def _summarise(
    configuration: Configuration,
    logs: Sequence[object],
    project: EvalProject,
    request: EvalRequest,
    config: EvalConfig,
) -> ConfigurationSummary:
    epochs = request.epochs or configuration.epochs or config.epochs
    tasks = len(project.bank.tasks)
    if request.limit is not None:
        tasks = min(request.limit, tasks)
    log = next((item for item in logs if item.eval.task == configuration.name), None)  # type: ignore[attr-defined]
    facts = _read_log(log.location) if log is not None else _LogFacts()  # type: ignore[attr-defined]
    scored, totals, rules = summarise_samples(facts.values, tuple(project.rules))
    return ConfigurationSummary(
        name=configuration.name,
        model=configuration.model,
        instructions=configuration.spec.label,
        calibration=configuration.calibration,
        epochs=epochs,
        samples=tasks * epochs,
        scored=scored,
        status=facts.status,
        log=facts.location,
        totals=totals,
        rules=rules,
        usage={key: int(value) for key, value in (facts.usage or {}).items()},
    )


def _write_reports(
    summaries: Sequence[ConfigurationSummary], *, log_dir: Path, report_dir: Path
) -> None:
    """Write the same report as `canon report LOG_DIR --out REPORT_DIR` (one place builds it)."""
    from canon.reports import write_report

    order = [summary.name for summary in summaries]  # the configuration file's order
    write_report([log_dir], report_dir, order=order)
