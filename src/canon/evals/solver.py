"""The solver: the instructions as the assistant would give them, verbatim, and the contract.

The output contract (`canon.evals.extract.output_contract`) follows the task's prompt: it names
the file's path and asks for the whole file in one ```python block, which is what strict
extraction then takes at its word.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from inspect_ai.model import ChatMessageSystem
from inspect_ai.solver import Solver, solver

from canon.evals.contract import DatasetFields, InstructionFields
from canon.evals.extract import output_contract
from canon.evals.instructions import InstructionSpec, render_instructions
from canon.standards.model import Standard
from canon.tokens import estimate_tokens

if TYPE_CHECKING:
    from inspect_ai.solver import Generate, TaskState

    from canon.evals.instructions import Instructions

__all__ = ["insert_instructions", "with_contract"]


def with_contract(prompt: str, path: str) -> str:
    """A task's prompt as the model receives it: followed by the output contract.

    Args:
        prompt: The task's prompt.
        path: The task's path.

    Returns:
        The prompt, a blank line, and the contract.
    """
    return f"{prompt.rstrip()}\n\n{output_contract(path)}"


@solver
def insert_instructions(standards: Sequence[Standard], spec: InstructionSpec) -> Solver:
    """Insert the instruction files that apply to the task's path, and the output contract.

    The instructions go in as a system message; the output contract is appended to the prompt.

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
        prompt = state.user_prompt
        prompt.text = with_contract(prompt.text, path)
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
