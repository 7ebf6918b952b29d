"""all-MiniLM-L6-v2 on ONNX Runtime: the same model, exported locally, without torch at query
time.

sentence-transformers' own ONNX backend needs `optimum-onnx`, whose releases pin
transformers 4.x while sentence-transformers 6 needs 5.x, so pip cannot install both. The
export is therefore done here, once, with `torch.onnx.export` from the bundled weights (no
download), and cached under `settings.cache_dir`. Serving needs only `onnxruntime` and
`tokenizers`, which also makes cold start several seconds shorter (torch is not imported).

`quantized=True` adds dynamic int8 quantization of the weights (onnxruntime.quantization).
Its vectors differ from the float model's (cosine ≈ 0.96), so it has its own model id and an
index built with one is refused by the other."""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import warnings
from pathlib import Path

import numpy as np

from .embeddings import Embedder, InputType, bundled_model_path
from .errors import CocomError
from .settings import MODEL_ID

MAX_TOKENS = 256  # sentence_bert_config.json of the bundled model
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def _model_key(model_dir: Path) -> str:
    h = hashlib.sha256()
    for name in ("config.json", "tokenizer.json"):
        h.update((model_dir / name).read_bytes())
    weights = model_dir / "model.safetensors"
    h.update(str(weights.stat().st_size).encode())
    return h.hexdigest()[:16]


def export_onnx(model_dir: Path, out: Path, quantized: bool) -> Path:
    """Write model.onnx (and model-int8.onnx) for `model_dir` into `out`; return the one asked
    for. Files appear atomically, so concurrent exports cannot leave a half-written model."""
    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "model.onnx"
    if not fp32.exists():
        import torch
        from transformers import AutoModel

        model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()

        class Hidden(torch.nn.Module):
            def __init__(self, m):
                super().__init__()
                self.m = m

            def forward(self, input_ids, attention_mask, token_type_ids):
                return self.m(
                    input_ids=input_ids,
                    attention_mask=attention_mask,
                    token_type_ids=token_type_ids,
                ).last_hidden_state

        example = torch.ones((2, 8), dtype=torch.long)
        tmp = out / f"model.onnx.{os.getpid()}.tmp"
        with warnings.catch_warnings():  # tracer warnings about shapes; harmless here
            warnings.simplefilter("ignore")
            _export(torch, Hidden(model), example, tmp)
        os.replace(tmp, fp32)
    if not quantized:
        return fp32
    int8 = out / "model-int8.onnx"
    if not int8.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        tmp = out / f"model-int8.onnx.{os.getpid()}.tmp"
        logging.disable(logging.WARNING)  # it suggests optional pre-processing on the root log
        try:
            quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8)
        finally:
            logging.disable(logging.NOTSET)
        os.replace(tmp, int8)
    return int8


def _export(torch, module, example, path: Path) -> None:
    torch.onnx.export(
        module,
        (example, example, torch.zeros_like(example)),
        str(path),
        input_names=list(_INPUTS),
        output_names=["last_hidden_state"],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in (*_INPUTS, "last_hidden_state")},
        opset_version=17,
        dynamo=False,
    )


class OnnxEmbedder(Embedder):
    """Mean-pooled, L2-normalized MiniLM vectors from ONNX Runtime (CPU)."""

    dimension = 384

    def __init__(self, cache_dir: Path, quantized: bool = False, batch_size: int = 64) -> None:
        self.cache_dir = Path(cache_dir)
        self.quantized = quantized
        self.batch_size = batch_size
        self.model_id = MODEL_ID + ("@onnx-int8" if quantized else "")
        self._session = None
        self._tokenizer = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._session is None:
                import onnxruntime as ort
                from tokenizers import Tokenizer

                model_dir = Path(bundled_model_path())
                out = self.cache_dir / "onnx" / _model_key(model_dir)
                try:
                    path = export_onnx(model_dir, out, self.quantized)
                except OSError as exc:
                    raise CocomError(
                        f"cannot write the ONNX export of the embedding model to {out} ({exc}) "
                        "— set COCOM_CACHE_DIR to a writable folder, or COCOM_EMBED_BACKEND=torch"
                    ) from exc
                tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
                tok.enable_truncation(MAX_TOKENS)
                tok.enable_padding(pad_id=tok.token_to_id("[PAD]"), pad_token="[PAD]")
                opts = ort.SessionOptions()
                opts.log_severity_level = 3
                self._session = ort.InferenceSession(
                    str(path), opts, providers=["CPUExecutionProvider"]
                )
                self._tokenizer = tok
        return self._session, self._tokenizer

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        session, tok = self._load()
        out = []
        for s in range(0, len(texts), self.batch_size):
            enc = tok.encode_batch(texts[s : s + self.batch_size])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            types = np.array([e.type_ids for e in enc], dtype=np.int64)
            hidden = session.run(
                None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            )[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out.append(pooled / np.clip(norms, 1e-12, None))
        return np.concatenate(out).astype(np.float32)
