"""A JSON array of findings, one object each, with every key a finding has."""

from __future__ import annotations

import json

from lintrials.config import Config
from lintrials.engine import RunResult


def render(result: RunResult, config: Config) -> str:
    return json.dumps([f.as_dict() for f in result.findings], indent=2, ensure_ascii=False) + "\n"
