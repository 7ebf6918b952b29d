"""A GGUF file checked before a model server is started on it: the magic bytes, a header that
parses, and a file long enough to hold every tensor its header lists. A truncated download or a
file of another kind is reported at once, naming the file, instead of crashing a model process
on the first question.

Reads only the header (a few hundred KB at most); it never loads tensor data."""

from __future__ import annotations

import struct
from pathlib import Path

from .errors import UserError

MAGIC = b"GGUF"
# ggml tensor types: (bytes per block, values per block); types not listed add no size bound
_BLOCK = {
    0: (4, 1),  # F32
    1: (2, 1),  # F16
    2: (18, 32),  # Q4_0
    3: (20, 32),  # Q4_1
    6: (22, 32),  # Q5_0
    7: (24, 32),  # Q5_1
    8: (34, 32),  # Q8_0
    9: (36, 32),  # Q8_1
    10: (84, 256),  # Q2_K
    11: (110, 256),  # Q3_K
    12: (144, 256),  # Q4_K
    13: (176, 256),  # Q5_K
    14: (210, 256),  # Q6_K
    15: (292, 256),  # Q8_K
    24: (1, 1),  # I8
    25: (2, 1),  # I16
    26: (4, 1),  # I32
    27: (8, 1),  # I64
    28: (8, 1),  # F64
    30: (2, 1),  # BF16
}
_SCALAR = {
    0: "B",
    1: "b",
    2: "H",
    3: "h",
    4: "I",
    5: "i",
    6: "f",
    7: "?",
    10: "Q",
    11: "q",
    12: "d",
}
_STRING, _ARRAY = 8, 9
_MAX_COUNT = 1 << 24  # more keys, tensors or array items than this is a damaged header


class _Reader:
    def __init__(self, f) -> None:
        self.f = f

    def take(self, fmt: str):
        size = struct.calcsize("<" + fmt)
        raw = self.f.read(size)
        if len(raw) < size:
            raise EOFError
        return struct.unpack("<" + fmt, raw)[0]

    def count(self) -> int:
        n = self.take("Q")
        if n > _MAX_COUNT:
            raise ValueError(f"implausible count {n}")
        return n

    def string(self) -> str:
        n = self.count()
        raw = self.f.read(n)
        if len(raw) < n:
            raise EOFError
        return raw.decode("utf-8", "replace")

    def value(self, kind: int):
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY:
            item, n = self.take("I"), self.count()
            return [self.value(item) for _ in range(n)]
        if kind not in _SCALAR:
            raise ValueError(f"unknown value type {kind}")
        return self.take(_SCALAR[kind])


def check_gguf(path: str | Path) -> dict:
    """Raise UserError unless PATH is a whole GGUF file; return {version, tensors, bytes_needed}."""
    path = Path(path)
    what = f"{path} is not a usable GGUF model file"
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            if f.read(4) != MAGIC:
                raise UserError(f"{what}: it does not start with the GGUF magic bytes")
            r = _Reader(f)
            version = r.take("I")
            if version not in (2, 3):
                raise UserError(f"{what}: GGUF version {version} is not supported (2 or 3)")
            n_tensors, n_kv = r.count(), r.count()
            alignment = 32
            for _ in range(n_kv):
                key, kind = r.string(), r.take("I")
                value = r.value(kind)
                if key == "general.alignment" and isinstance(value, int) and value > 0:
                    alignment = value
            end = 0
            for _ in range(n_tensors):
                r.string()
                dims = [r.take("Q") for _ in range(r.take("I"))]
                kind, offset = r.take("I"), r.take("Q")
                n = 1
                for d in dims:
                    n *= d
                block_bytes, block_values = _BLOCK.get(kind, (0, 1))
                end = max(end, offset + -(-n // block_values) * block_bytes)
            start = -(-f.tell() // alignment) * alignment
    except OSError as exc:
        raise UserError(f"cannot read model file {path}: {exc.strerror or exc}") from exc
    except EOFError as exc:
        raise UserError(f"{what}: the file ends inside its header (truncated?)") from exc
    except ValueError as exc:
        raise UserError(f"{what}: its header is damaged ({exc})") from exc
    needed = start + end
    if size < needed:
        raise UserError(
            f"{what}: it is truncated ({size:,} bytes; its header lists tensors up to "
            f"{needed:,} bytes). Download or copy it again."
        )
    return {"version": version, "tensors": n_tensors, "bytes_needed": needed}
