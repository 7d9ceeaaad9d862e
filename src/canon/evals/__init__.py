"""inspect-ai glue: the task bank, the solver, the scorer, calibration providers and runs.

Nothing here is imported by `canon --help` or `canon compile`: inspect-ai is heavy, so every
module that needs it imports it itself and the CLI imports those modules lazily.
"""

from __future__ import annotations

__all__: list[str] = []
