"""Assistant configurations: which model writes the code, under which instructions.

An eval configuration file (`evals/configs/*.yaml`) lists configurations. Each names a model
(any inspect provider: `openai/...`, `anthropic/...`, `openai-api/<service>/<model>`, or the
calibration providers `canon/reference`, `canon/legacy` and `canon/typical`), the instructions
it is given (`none`, or a target and a variant, optionally with sections left out), generation
settings and epochs. Every name is checked when the file loads, with its position.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from canon.errors import InputError
from canon.evals.instructions import InstructionSpec, check_variant
from canon.standards.validation import validate_located
from canon.standards.yamlpos import read_yaml

if TYPE_CHECKING:
    from pathlib import Path

    from canon.errors import Position
    from canon.standards.model import Standard
    from canon.standards.yamlpos import Located

__all__ = [
    "CALIBRATION_PROVIDER",
    "Configuration",
    "EvalConfig",
    "Generation",
    "Instructions",
    "load_config",
]

CALIBRATION_PROVIDER = "canon/"
NAME_PATTERN = r"^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Instructions(_Frozen):
    """The instructions a configuration gives: a target's files, in a variant.

    Attributes:
        target: The assistant format (`copilot`, ...).
        variant: `full`, `condensed`, `keep:ID,...`, `drop:ID,...` or `budget:N`
            (no instructions at all is written `instructions: none`).
        leave_out: Section ids or titles left out, to measure what they buy.
    """

    target: str = "copilot"
    variant: str = "full"
    leave_out: tuple[str, ...] = ()


class Generation(_Frozen):
    """Generation settings passed to the model (None leaves the provider's default)."""

    temperature: float | None = None
    top_p: float | None = None
    max_tokens: int | None = None
    seed: int | None = None
    max_connections: int | None = None
    timeout: int | None = None
    max_retries: int | None = None


class Configuration(_Frozen):
    """One assistant configuration: model x instructions x generation settings.

    Attributes:
        name: Unique within the file; names the configuration in logs and reports.
        model: The inspect model (`provider/model`).
        instructions: `none`, or the target and variant delivered.
        generate: Generation settings.
        epochs: Runs per task; defaults to the file's `epochs`.
    """

    name: Annotated[str, Field(pattern=NAME_PATTERN)]
    model: Annotated[str, Field(pattern=r"^[^/\s]+/\S+$")]
    instructions: Literal["none"] | Instructions = Instructions()
    generate: Generation = Generation()
    epochs: Annotated[int, Field(ge=1)] | None = None

    @property
    def calibration(self) -> bool:
        """Whether this is a calibration provider rather than a model.

        Returns:
            True for `canon/reference`, `canon/legacy` and `canon/typical`.
        """
        return self.model.startswith(CALIBRATION_PROVIDER)

    @property
    def solution(self) -> str:
        """The task bank's solution a calibration provider answers with.

        Returns:
            `reference`, `legacy` or `typical`; "" for a model.
        """
        return self.model.removeprefix(CALIBRATION_PROVIDER) if self.calibration else ""

    @property
    def spec(self) -> InstructionSpec:
        """The instructions as the solver takes them.

        Returns:
            The instruction spec.
        """
        if self.instructions == "none":
            return InstructionSpec(variant="none")
        given = self.instructions
        return InstructionSpec(
            variant=given.variant, target=given.target, leave_out=given.leave_out
        )


class EvalConfig(_Frozen):
    """An eval configuration file.

    Attributes:
        description: What the run is for.
        epochs: Default runs per task.
        configurations: The assistant configurations compared.
        retry_attempts: How often `eval_set` retries a failed task.
        sample_retries: How often a sample that errored is retried within a run.
        test_timeout: Seconds a task's tests may run.
        max_tasks: Configurations run at the same time.
    """

    description: str = ""
    epochs: Annotated[int, Field(ge=1)] = 1
    configurations: Annotated[tuple[Configuration, ...], Field(min_length=1)]
    retry_attempts: Annotated[int, Field(ge=0)] = 3
    sample_retries: Annotated[int, Field(ge=0)] = 3
    test_timeout: Annotated[float, Field(gt=0)] = 30.0
    max_tasks: Annotated[int, Field(ge=1)] = 4


def load_config(path: Path, *, standards: tuple[Standard, ...]) -> EvalConfig:
    """Load an eval configuration file, checking names, targets, variants and sections.

    Args:
        path: The YAML file.
        standards: The project's standards (for sections left out).

    Returns:
        The configuration.

    Raises:
        InputError: The file is malformed, a name repeats, or a target, variant or section
            does not exist.
    """
    document = read_yaml(path)
    config = validate_located(document, EvalConfig)
    seen: set[str] = set()
    for index, configuration in enumerate(config.configurations):
        where = ("configurations", index)
        if configuration.name in seen:
            message = f"duplicate configuration name {configuration.name!r}"
            raise InputError(message, document.position((*where, "name")))
        seen.add(configuration.name)
        if configuration.instructions != "none":
            _check_instructions(configuration.instructions, document, where, standards)
    return config


def _check_instructions(
    given: Instructions,
    document: Located,
    where: tuple[str | int, ...],
    standards: tuple[Standard, ...],
) -> None:
    from canon.compiler.targets import get_target

    try:
        get_target(given.target)
    except InputError as exc:
        raise InputError(
            exc.message, document.position((*where, "instructions", "target"))
        ) from None
    where_variant = document.position((*where, "instructions", "variant"))
    try:
        check_variant(given.variant)
    except InputError as exc:
        raise InputError(exc.message, where_variant) from None
    _check_variant_sections(given.variant, where_variant, standards)
    _check_leave_out(given, document, where, standards)


def _check_variant_sections(variant: str, where: Position, standards: tuple[Standard, ...]) -> None:
    """Resolve `keep:`/`drop:` against the standard now, not in every sample."""
    from canon.compiler.variants import parse_variant

    if not variant.startswith(("keep:", "drop:")):
        return
    known = _section_names(standards)
    for name in parse_variant(variant).sections:
        if name not in known:
            raise InputError(f"variant {variant!r}: no section {name!r}", where)


def _section_names(standards: tuple[Standard, ...]) -> set[str]:
    return {
        name
        for standard in standards
        for section in standard.sections
        for name in (section.id, section.title)
        if name
    }


def _check_leave_out(
    given: Instructions,
    document: Located,
    where: tuple[str | int, ...],
    standards: tuple[Standard, ...],
) -> None:
    sections = _section_names(standards)
    for index, name in enumerate(given.leave_out):
        if name not in sections:
            message = f"no section {name!r} to leave out"
            raise InputError(
                message, document.position((*where, "instructions", "leave_out", index))
            )
