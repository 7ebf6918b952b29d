"""Shared fixtures. Every test runs with index and corpus paths under tmp_path, no network
beyond loopback, and the fake embedder unless it asks for the real model."""

from __future__ import annotations

import os
import shutil
import socket
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MODEL_CACHE = ROOT / ".cache"

_real_connect = socket.socket.connect


def _guarded_connect(self, address):
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and not (
        host.startswith("127.") or host in {"localhost", "::1"} or host.startswith("/")
    ):
        raise RuntimeError(f"test tried to reach the network: {address!r}")
    return _real_connect(self, address)


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, seconds: float) -> bool:
    """Poll a local URL until it answers, for at most `seconds`."""
    import time
    import urllib.request

    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except OSError:
            time.sleep(0.5)
    return False


@contextmanager
def live_app(pipeline):
    """The chat UI of `pipeline` served on a free loopback port; yields its URL."""
    from app.ui import build_app, launch

    demo = build_app(pipeline)
    port = free_port()
    launch(demo, host="127.0.0.1", port=port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        demo.close()


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setenv("COCOM_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("COCOM_CORPUS_DIR", str(tmp_path / "corpus"))
    # the ONNX export of the model is content-keyed and written atomically, so it is shared
    monkeypatch.setenv("COCOM_CACHE_DIR", str(MODEL_CACHE))
    for var in (
        "COCOM_CHROMA_URL",
        "COCOM_K",
        "COCOM_LLM",
        "COCOM_EMBED_BACKEND",
        "COCOM_LLAMACPP_SERVER",
    ):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A copy of the real corpus that a test may change."""
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


@pytest.fixture
def settings(tmp_path, corpus_dir):
    from rag.settings import Settings

    return Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "index")


@pytest.fixture
def fake_embedder():
    from rag.embeddings import HashingEmbedder

    return HashingEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    """The default real embedder (all-MiniLM-L6-v2 on ONNX Runtime), loaded once."""
    from rag.embeddings import make_embedder
    from rag.settings import Settings

    emb = make_embedder(Settings(cache_dir=MODEL_CACHE))
    emb.warm_up()
    return emb


@pytest.fixture
def written(tmp_path, real_embedder):
    """A loaded Pipeline over articles written for a test, indexed with the real model:
    written({"echo-hale.txt": TEXT, …})."""
    from rag.evaluation.real_corpus import indexed_pipeline

    def build(articles: dict[str, str]):
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for name, text in articles.items():
            (corpus / name).write_text(text)
        return indexed_pipeline(corpus, tmp_path, real_embedder, tmp_path / "cache")

    return build


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, real_embedder):
    """The real corpus indexed once with the real model and embedded Chroma."""
    from rag.index import Index, build_index
    from rag.settings import Settings

    base = tmp_path_factory.mktemp("real")
    s = Settings(corpus_dir=CORPUS, index_dir=base / "index")
    build_index(s, real_embedder, progress=False)
    return s, Index.open(s, real_embedder)
