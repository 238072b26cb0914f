"""The importer's shipped model files (title model, keeper): YAML holding what a model was
trained on and chosen by, its parameters, and its bytes in base64."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import yaml


def dump_model(model: bytes, about: dict[str, Any], **parameters: Any) -> str:
    return yaml.safe_dump({"about": about, **parameters, "model": base64.b64encode(model).decode("ascii")},
                          allow_unicode=True, sort_keys=False, width=100)


def load_model(path: Path) -> tuple[bytes, dict[str, Any]] | None:
    """The model's bytes and the file's other fields; None before one is trained."""
    if not path.exists():
        return None
    data = yaml.safe_load(path.read_text("utf-8"))
    return base64.b64decode(data.pop("model")), data
