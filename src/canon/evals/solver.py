"""The solver that gives the model its instructions as the assistant would, verbatim."""

from collections.abc import Sequence

from inspect_ai.model import ChatMessageSystem
from inspect_ai.solver import Generate, Solver, TaskState, solver

from canon.evals.contract import DatasetFields, InstructionFields
from canon.evals.instructions import Instructions, InstructionSpec, render_instructions
from canon.standards.model import Standard
from canon.tokens import estimate_tokens

__all__ = ["insert_instructions"]


@solver
def insert_instructions(standards: Sequence[Standard], spec: InstructionSpec) -> Solver:
    """Insert the instruction files that apply to the task's path as a system message.

    The text goes in as it is, without templating (inspect's `system_message()` runs
    `str.format` on it, which breaks on the braces code examples are full of). Its SHA-256,
    the files it came from and its size (characters, and tokens estimated at four characters
    each) are recorded in the sample's metadata.

    Args:
        standards: The project's standards.
        spec: The configuration's instructions.

    Returns:
        The solver.
    """
    rendered: dict[str, Instructions] = {}

    async def solve(state: TaskState, generate: Generate) -> TaskState:
        path = state.metadata_as(DatasetFields).path
        if path not in rendered:
            rendered[path] = render_instructions(standards, spec, path)
        instructions = rendered[path]
        if instructions.text:
            state.messages.insert(0, ChatMessageSystem(content=instructions.text))
        fields = InstructionFields(
            instructions_sha256=instructions.sha256,
            instructions_files=tuple(instructions.files),
            instructions_chars=len(instructions.text),
            instructions_tokens=estimate_tokens(instructions.text),
            instructions_label=spec.label,
        )
        state.metadata.update(fields.model_dump(mode="json"))
        return state

    return solve
