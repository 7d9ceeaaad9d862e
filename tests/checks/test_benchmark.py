"""The checks benchmark runs end to end on a small subset (numbers are reported, not asserted)."""

from __future__ import annotations

from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path
from sys import modules

from orjson import loads
from pytest import mark

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "checks_bench.py"


@mark.benchmark
def test_checks_bench_small_subset_reports_every_ratio(tmp_path: Path):
    spec = spec_from_file_location("checks_bench", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = module_from_spec(spec)
    modules["checks_bench"] = module
    spec.loader.exec_module(module)
    output = tmp_path / "bench.json"
    assert module.main(["--limit", "12", "--json", str(output)]) == 0
    document = loads(output.read_text(encoding="utf-8"))
    names = set(document["ratios"])
    assert {"all checks / parse only", "1 job / 2 jobs", "cold cache / warm cache"} <= names
    assert document["ratios"]["cold cache / warm cache"]["value"] > 1
    assert all(m["lines_per_second"] > 0 for m in document["measurements"])
