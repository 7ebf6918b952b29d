"""Process-level setup done by entry points (never at import): offline mode, quiet libraries,
logging to stderr through our own logger names."""

from __future__ import annotations

import logging
import os

_DONE = False


def setup(verbose: bool = False) -> None:
    global _DONE
    for key, value in {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "TRANSFORMERS_VERBOSITY": "error",
        "TOKENIZERS_PARALLELISM": "false",
        "ANONYMIZED_TELEMETRY": "False",
        "GRADIO_ANALYTICS_ENABLED": "False",
    }.items():
        os.environ.setdefault(key, value)
    if _DONE:
        return
    _DONE = True
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("cocom: %(levelname)s: %(message)s"))
    root = logging.getLogger("rag")
    root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False
    for noisy in ("bm25s", "chromadb", "httpx", "sentence_transformers", "transformers"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
