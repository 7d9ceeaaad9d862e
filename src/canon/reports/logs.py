"""Read inspect eval logs into per-sample records, with inspect's own log API.

A log is one configuration's run (an inspect task named after the configuration). Paths may
be log files or folders (searched recursively); the folder holding a log is its *run*, so
dated log folders (`logs/<stamp>/`) become the points of the history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from inspect_ai.log import list_eval_logs, read_eval_log
from pydantic import ValidationError

from canon.errors import InputError, Position
from canon.evals.contract import (
    APPLICABLE,
    SampleMetadata,
    ScoreKey,
    TaskMetadata,
    applicable_key,
    concerns,
)
from canon.tokens import tokens_for_chars

if TYPE_CHECKING:
    from collections.abc import Sequence

    from inspect_ai.log import EvalLog, EvalSample

__all__ = ["ConfigurationLog", "SampleRecord", "read_logs"]


@dataclass(frozen=True, slots=True, kw_only=True)
class SampleRecord:
    """One scored sample (a task in one epoch) of one configuration.

    Attributes:
        task_id: The task of the bank.
        epoch: The epoch (1-based).
        values: The score's flat mapping of numbers (the scorer's documented shape).
        input_tokens: Tokens the model read.
        output_tokens: Tokens the model wrote.
        seconds: Wall time of the sample.
        instruction_chars: Characters of instructions given.
        instruction_tokens: Their size in tokens, as the solver recorded it (estimated at
            four characters a token when the log predates that field).
        expected: For a calibration provider's sample, the verdict the bank labels each
            exercised rule with (`followed`, `broken`, `na`); empty otherwise.
    """

    task_id: str
    epoch: int
    values: Mapping[str, float]
    input_tokens: int
    output_tokens: int
    seconds: float
    instruction_chars: int
    instruction_tokens: int
    expected: Mapping[str, str] = field(default_factory=dict)

    def verdict(self, rule: str) -> str:
        """Canon's verdict on a rule, in the bank's labels.

        Args:
            rule: A rule id the scorer scored.

        Returns:
            `na` without an opportunity, else `followed` or `broken`.
        """
        if not self.values.get(applicable_key(rule)):
            return "na"
        return "followed" if self.values.get(rule) else "broken"

    @property
    def as_labelled(self) -> bool:
        """Whether canon's verdicts equal the bank's labels (True when nothing is labelled).

        Returns:
            True when every labelled rule got its label.
        """
        return all(self.verdict(rule) == label for rule, label in self.expected.items())


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfigurationLog:
    """One configuration's log: who ran, under which instructions, and its scored samples.

    Attributes:
        name: The configuration (the inspect task's name).
        model: The model or calibration provider.
        instructions: The instructions' label (`none`, `copilot:full`, ...).
        leave_out: Sections left out of the instructions.
        calibration: Whether the model is a calibration provider.
        epochs: Runs per task.
        expected: Samples the run should have scored (tasks x epochs).
        status: inspect's status of the log.
        location: Where the log is.
        run: The folder holding the log (one run of the history).
        created: When the run started (ISO 8601).
        wall_seconds: Wall-clock time of the run, start to finish, to the second inspect
            stamps (0 when unfinished).
        rules: The concerns the scorer scored (each's primary rule id), in the standard's order.
        restated: Per concern, the other rules of the standard that restate it (same check).
        samples: The scored samples, in task and epoch order.
        errors: Samples that ended in an error (not scored).
    """

    name: str
    model: str
    instructions: str
    leave_out: tuple[str, ...]
    calibration: bool
    epochs: int
    expected: int
    status: str
    location: str
    run: str
    created: str
    wall_seconds: float
    rules: tuple[str, ...]
    restated: Mapping[str, tuple[str, ...]]
    samples: tuple[SampleRecord, ...]
    errors: int

    @property
    def units(self) -> dict[tuple[str, int], SampleRecord]:
        """The samples by (task, epoch), the unit paired comparisons match on.

        Returns:
            The mapping.
        """
        return {(sample.task_id, sample.epoch): sample for sample in self.samples}


def read_logs(paths: Sequence[Path]) -> tuple[ConfigurationLog, ...]:
    """Read every eval log under the given files and folders.

    Args:
        paths: Log files or folders holding them.

    Returns:
        The logs, oldest run first, then by configuration name.

    Raises:
        InputError: A path does not exist, is not an inspect log, or a folder holds none.
    """
    found: list[ConfigurationLog] = []
    for path in paths:
        found.extend(_read_path(path))
    return tuple(sorted(found, key=lambda log: (log.created, log.run, log.name)))


def _read_path(path: Path) -> list[ConfigurationLog]:
    if not path.exists():
        raise InputError("no such file or folder", Position(path=path))
    if path.is_file():
        return [_read_file(path)]
    infos = list_eval_logs(str(path.resolve()), recursive=True)
    if not infos:
        raise InputError(
            "no inspect eval logs (*.eval, *.json) in this folder", Position(path=path)
        )
    return [_read_file(Path(_local(info.name))) for info in infos]


def _local(name: str) -> str:
    return name.removeprefix("file://")


def _read_file(path: Path) -> ConfigurationLog:
    try:
        log = read_eval_log(str(path))
    except Exception as exc:  # inspect raises ValueError/ValidationError/OSError for bad files
        message = f"not an inspect eval log ({type(exc).__name__})"
        raise InputError(message, Position(path=path)) from None
    return _configuration(log, path)


def _configuration(log: EvalLog, path: Path) -> ConfigurationLog:
    spec = log.eval
    metadata = _validated(TaskMetadata, spec.metadata, path)
    samples, errors = _samples(log.samples or (), path)
    grouped = concerns(metadata.rules)
    samples = _labels_by_concern(samples, grouped)
    rules = tuple(grouped) or _rules_from_scores(samples)
    epochs = metadata.epochs or spec.config.epochs or 1
    model = metadata.model or spec.model
    calibration = (
        model.startswith("canon/") if metadata.calibration is None else metadata.calibration
    )
    return ConfigurationLog(
        name=metadata.configuration or spec.task,
        model=model,
        instructions=metadata.instructions or "unknown",
        leave_out=metadata.leave_out,
        calibration=calibration,
        epochs=epochs,
        expected=_tasks(log) * epochs,
        status=str(log.status),
        location=str(path),
        run=str(path.resolve().parent),
        created=str(spec.created),
        wall_seconds=_wall_seconds(log),
        rules=rules,
        restated={rule: members[1:] for rule, members in grouped.items() if len(members) > 1},
        samples=samples,
        errors=errors,
    )


def _validated[M: (TaskMetadata, SampleMetadata)](
    model: type[M], metadata: Mapping[str, object] | None, path: Path
) -> M:
    try:
        return model.model_validate(metadata or {})
    except ValidationError as exc:
        message = f"{model.__name__} not as canon writes it ({exc.errors()[0]['msg']})"
        raise InputError(message, Position(path=path)) from None


def _samples(raw: Sequence[EvalSample], path: Path) -> tuple[tuple[SampleRecord, ...], int]:
    records: list[SampleRecord] = []
    errors = 0
    for sample in raw:
        record = _record(sample, path)
        if record is None:
            errors += 1
        else:
            records.append(record)
    records.sort(key=lambda record: (record.task_id, record.epoch))
    return tuple(records), errors


def _record(sample: EvalSample, path: Path) -> SampleRecord | None:
    scores = sample.scores or {}
    if sample.error is not None or not scores:
        return None
    value = next(iter(scores.values())).value
    if not isinstance(value, Mapping):
        return None
    metadata = _validated(SampleMetadata, sample.metadata, path)
    usage = sample.model_usage or {}
    chars = metadata.instructions_chars
    return SampleRecord(
        task_id=metadata.task_id or str(sample.id),
        epoch=int(sample.epoch),
        values={
            key: float(entry) for key, entry in value.items() if isinstance(entry, int | float)
        },
        input_tokens=sum(item.input_tokens for item in usage.values()),
        output_tokens=sum(item.output_tokens for item in usage.values()),
        seconds=float(sample.total_time or 0.0),
        instruction_chars=chars,
        instruction_tokens=metadata.instructions_tokens or tokens_for_chars(chars),
        expected=metadata.expected,
    )


def _labels_by_concern(
    samples: tuple[SampleRecord, ...], grouped: Mapping[str, tuple[str, ...]]
) -> tuple[SampleRecord, ...]:
    """Key each sample's labels by concern: a rule restating another is judged as that one."""
    primary = {rule: head for head, members in grouped.items() for rule in members}
    return tuple(
        replace(
            sample,
            expected={primary.get(rule, rule): label for rule, label in sample.expected.items()},
        )
        if sample.expected
        else sample
        for sample in samples
    )


def _tasks(log: EvalLog) -> int:
    dataset = log.eval.dataset
    return len(dataset.sample_ids) if dataset.sample_ids else int(dataset.samples or 0)


def _rules_from_scores(samples: Sequence[SampleRecord]) -> tuple[str, ...]:
    keys = dict.fromkeys(key for sample in samples for key in sample.values)
    rules = (key.removesuffix(APPLICABLE) for key in keys if key.endswith(APPLICABLE))
    return tuple(rule for rule in rules if rule in keys and rule != ScoreKey.FUNCTIONAL)


def _wall_seconds(log: EvalLog) -> float:
    from datetime import datetime

    started, completed = log.stats.started_at, log.stats.completed_at
    if not started or not completed:
        return 0.0
    elapsed = datetime.fromisoformat(completed) - datetime.fromisoformat(started)
    return elapsed.total_seconds()
