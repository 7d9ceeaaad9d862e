"""The regression gate on real logs, including a configuration that scored nothing."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from canon.reports.analysis import configuration_stats, latest_by_name
from canon.reports.logs import read_logs
from canon.reports.report import gate

if TYPE_CHECKING:
    from .conftest import Runs


def test_gate_same_logs_passes(runs: Runs):
    logs = latest_by_name(read_logs([runs.second]))
    verdict = gate([configuration_stats(log) for log in logs], logs, [runs.second])
    assert verdict.passed
    assert verdict.missing == ()


def test_gate_configuration_without_scored_samples_regresses(runs: Runs):
    logs = latest_by_name(read_logs([runs.second]))
    crashed = [
        replace(log, samples=(), status="error") if log.name == "ref-none" else log for log in logs
    ]
    verdict = gate([configuration_stats(log) for log in crashed], logs, [runs.second])
    assert [(item.configuration, item.measure) for item in verdict.regressions] == [
        ("ref-none", "scored samples")
    ]


def test_gate_configuration_absent_now_listed_missing_not_failed(runs: Runs):
    logs = latest_by_name(read_logs([runs.second]))
    current = [configuration_stats(log) for log in logs if log.name != "legacy-none"]
    verdict = gate(current, logs, [runs.second])
    assert verdict.passed
    assert verdict.missing == ("legacy-none",)
