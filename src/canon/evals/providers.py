"""Calibration providers: `canon/reference`, `canon/legacy` and `canon/typical`, not models.

They answer each task of the bank with its reference, legacy or typical solution, fenced as the
output contract asks, so that an offline run proves the suite discriminates: the reference
must score 1.0, the legacy solutions near 0, and the typical solutions (only the tasks that
have one are run with `canon/typical`) exactly as their labels say. They recognise a task by
its prompt (the last user message: the task's prompt followed by the output contract), need
no network and no tokenizer, and report token usage estimated from lengths. Registered with
inspect through the `inspect_ai` entry point, so `--model canon/reference` works from
inspect's own command line as well.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, override

from inspect_ai.model import (
    ChatMessageUser,
    GenerateConfig,
    ModelAPI,
    ModelOutput,
    ModelUsage,
    modelapi,
)

from canon.evals.bank import SOLUTIONS
from canon.evals.solver import with_contract
from canon.tokens import estimate_tokens

if TYPE_CHECKING:
    from inspect_ai.model import (
        ChatMessage,
    )
    from inspect_ai.tool import ToolChoice, ToolInfo

__all__ = ["CALIBRATION_MODELS", "CalibrationAPI"]

CALIBRATION_MODELS = tuple(f"canon/{solution}" for solution in SOLUTIONS)


@cache
def _answers(tasks_dir: str, solution: str) -> dict[str, str]:
    from canon.evals.project import EvalProject

    project = EvalProject(root=Path(tasks_dir).parent)
    answers = {
        with_contract(task.prompt, task.path).strip(): task.solution(solution)
        for task in project.bank.tasks
    }
    return {prompt: code for prompt, code in answers.items() if code}


@modelapi(name="canon")
class CalibrationAPI(ModelAPI):
    """Answer every task with its reference, legacy or typical solution."""

    def __init__(
        self,
        model_name: str,
        base_url: str | None = None,
        api_key: str | None = None,
        config: GenerateConfig = GenerateConfig(),  # noqa: B008 - inspect's signature
        tasks_dir: str = "",
    ) -> None:
        """Create the provider.

        Args:
            model_name: `reference`, `legacy` or `typical`.
            base_url: Unused.
            api_key: Unused.
            config: Generation settings (ignored: the answers are fixed).
            tasks_dir: The task bank; defaults to `tasks/` of the project found upwards.

        Raises:
            ValueError: The model name names no solution of the bank.
        """
        super().__init__(model_name=model_name, base_url=base_url, api_key=api_key, config=config)
        if model_name not in SOLUTIONS:
            message = f"canon/{model_name} is not a calibration provider (use {CALIBRATION_MODELS})"
            raise ValueError(message)
        if not tasks_dir:
            from canon.evals.project import find_eval_root

            tasks_dir = str(find_eval_root(Path.cwd()) / "tasks")
        self._tasks_dir = str(Path(tasks_dir).resolve())

    @override
    async def generate(
        self,
        input: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        prompt = next(
            (message.text for message in reversed(input) if isinstance(message, ChatMessageUser)),
            "",
        )
        solution = _answers(self._tasks_dir, self.model_name).get(prompt.strip())
        if solution is None:
            text = "I have no calibration answer for this prompt."
        else:
            text = f"Here is the module.\n\n```python\n{solution.rstrip()}\n```\n"
        output = ModelOutput.from_content(model=f"canon/{self.model_name}", content=text)
        prompt_tokens = sum(estimate_tokens(message.text) for message in input)
        completion_tokens = estimate_tokens(text)
        output.usage = ModelUsage(
            input_tokens=prompt_tokens,
            output_tokens=completion_tokens,
            total_tokens=prompt_tokens + completion_tokens,
        )
        return output

    @override
    def max_connections(self) -> int:
        return 32
