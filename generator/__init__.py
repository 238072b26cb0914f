"""Thai civic-health knowledge base: load → validate → graph → render."""

import os
from pathlib import Path

# PyThaiNLP and Hugging Face must never reach for the network at build time.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
if "PYTHAINLP_DATA_DIR" not in os.environ:
    os.environ.setdefault("PYTHAINLP_DATA", os.path.expanduser("~/.cache/pythainlp-data"))

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent
# read by `kb import` alone (its models and place names): retraining a model changes no page
IMPORTER_DATA = ("name_keeper.yaml", "thai-places.yaml", "title_model.yaml")


def build_data_files() -> list[Path]:
    """The data files a build reads (provinces, glossary, synonyms, places): what the kept
    records' and pages' digests hash, so an importer model's retraining keeps every page."""
    return [f for f in (PACKAGE_DIR / "data").glob("*.yaml") if f.name not in IMPORTER_DATA]


def bundled_dir(name: str) -> Path:
    """`schemas` or `site_templates`: at the top of a source checkout (and editable installs),
    inside the package (generator/bundled/) in an installed wheel."""
    source = PACKAGE_DIR.parent / name
    return source if source.is_dir() else PACKAGE_DIR / "bundled" / name
