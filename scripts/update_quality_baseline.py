"""Record current extraction scores as the regression baseline (tests/quality_baseline.json).

Run it on purpose, when scores rose and the change is reviewed; the test
tests/test_quality_baseline.py fails whenever a score drops below this file. Scores are kept
per set and per article, so adding a new dev article does not break the baseline: its own
figures are simply not guarded until the baseline is recorded again.
"""

from __future__ import annotations

import json
import sys

from analysis.config import PROJ_ROOT
from analysis.report import EVAL_SETS, parse_eval_sets

BASELINE = PROJ_ROOT / "tests" / "quality_baseline.json"
TRACKED = ("f1", "precision", "recall", "type_acc", "country_acc", "quantity_recall", "status_acc", "operation_acc")


def _tracked(parts: dict) -> dict:
    return {part: {k: v for k, v in metrics.items() if k in TRACKED and v is not None}
            for part, metrics in parts.items()}


def current_scores() -> dict:
    """{set: {"summary": {part: metrics}, "articles": {article_id: {part: metrics}}}}."""
    from analysis.evaluate import evaluate

    out: dict = {}
    for name, gold, articles in parse_eval_sets(EVAL_SETS):
        result = evaluate(gold, articles)
        out[name] = {"summary": _tracked(result.summary),
                     "articles": {aid: _tracked(parts) for aid, parts in sorted(result.articles.items())}}
    return out


def main() -> int:
    scores = current_scores()
    BASELINE.write_text(json.dumps(scores, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {BASELINE}")
    for name, data in scores.items():
        print(name, {p: m.get("f1") for p, m in data["summary"].items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
