"""Real inspect evals of the project's task with `mockllm/model` answering from a script.

Each answer is chosen by a phrase of the task's prompt; a list of answers is handed out one
per call, so several epochs of one task can answer differently (which epoch gets which answer
does not matter to the run's totals). Every output sets its token usage.

The runs read a frozen bank, `tests/evals/bank/`, not the project's `tasks/`: the exact
scores these tests expect follow from those task files, and the project's bank keeps
improving. The eval file and the standard are the project's own, copied beside that bank.
"""

from __future__ import annotations

from asyncio import sleep
from pathlib import Path
from shutil import copy2, copytree
from typing import TYPE_CHECKING

from inspect_ai import eval as inspect_eval
from inspect_ai.model import (
    ChatMessageUser,
    ModelOutput,
    ModelUsage,
    get_model,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from inspect_ai.log import EvalLog
    from inspect_ai.model import (
        ChatMessage,
        GenerateConfig,
    )
    from inspect_ai.tool import ToolChoice, ToolInfo

__all__ = ["INPUT_TOKENS", "OUTPUT_TOKENS", "ROOT", "Script", "fenced", "run_scripted"]

ROOT = Path(__file__).resolve().parents[2]
FROZEN_BANK = Path(__file__).resolve().parent / "bank"
INPUT_TOKENS = 100
OUTPUT_TOKENS = 7


def fenced(code: str) -> str:
    """An answer giving `code` in a Python fence, with prose around it."""
    return f"Here is the module:\n\n```python\n{code}```\n\nIt does what was asked."


class Script:
    """The model's answers, by a phrase of the prompt; `delay` seconds before each."""

    def __init__(self, answers: Mapping[str, Sequence[str]], *, delay: float = 0.0) -> None:
        self.remaining = {phrase: list(items) for phrase, items in answers.items()}
        self.delay = delay

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.remaining!r})"

    async def __call__(
        self,
        messages: list[ChatMessage],
        tools: list[ToolInfo],
        tool_choice: ToolChoice,
        config: GenerateConfig,
    ) -> ModelOutput:
        await sleep(self.delay)
        prompt = next(item.text for item in messages if isinstance(item, ChatMessageUser))
        phrase = next(phrase for phrase in self.remaining if phrase in prompt)
        output = ModelOutput.from_content(model="mockllm", content=self.remaining[phrase].pop(0))
        output.usage = ModelUsage(
            input_tokens=INPUT_TOKENS,
            output_tokens=OUTPUT_TOKENS,
            total_tokens=INPUT_TOKENS + OUTPUT_TOKENS,
        )
        return output


def run_scripted(
    log_dir: Path,
    *,
    tasks: Sequence[str],
    answers: Mapping[str, Sequence[str]] | Script,
    epochs: int = 1,
    task_args: Mapping[str, object] | None = None,
) -> EvalLog:
    """Run `evals/canon_eval.py` on some tasks of the bank with scripted answers.

    Args:
        log_dir: Where inspect writes the log.
        tasks: The bank's task ids to run.
        answers: A phrase of a task's prompt to the answers given to it, one per call; or a
            `Script` of them that also makes the model slow.
        epochs: Runs per task.
        task_args: The task's `-T` arguments.

    Returns:
        The run's log (one, successful).
    """
    model = get_model(
        "mockllm/model",
        custom_outputs=answers if isinstance(answers, Script) else Script(answers),
        memoize=False,
    )
    (log,) = inspect_eval(
        f"{_frozen_project(log_dir / 'project') / 'evals' / 'canon_eval.py'}@canon_eval",
        model=model,
        sample_id=list(tasks),
        epochs=epochs,
        task_args=dict(task_args or {}),
        log_dir=str(log_dir),
        display="none",
        log_level="warning",
    )
    assert log.status == "success", log.error
    return log


def _frozen_project(root: Path) -> Path:
    """A project holding the real eval file and standard, and the frozen bank.

    Args:
        root: A folder that does not exist yet.

    Returns:
        The folder, made.
    """
    (root / "evals").mkdir(parents=True)
    copy2(ROOT / "evals" / "canon_eval.py", root / "evals" / "canon_eval.py")
    copytree(ROOT / "instructions", root / "instructions")
    copytree(FROZEN_BANK, root / "tasks")
    return root
