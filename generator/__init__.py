"""Thai civic-health knowledge base: load → validate → graph → render."""

import os

# PyThaiNLP and Hugging Face must never reach for the network at build time.
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
if "PYTHAINLP_DATA_DIR" not in os.environ:
    os.environ.setdefault("PYTHAINLP_DATA", os.path.expanduser("~/.cache/pythainlp-data"))

__version__ = "0.1.0"
