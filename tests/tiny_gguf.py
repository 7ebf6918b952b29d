"""A minimal valid GGUF file (one F32 tensor) for the model-file checks and the fake server."""

import struct
from pathlib import Path

from rag.gguf import _STRING, MAGIC


def write_tiny_gguf(path: str | Path, *, values: int = 8) -> Path:
    path = Path(path)

    def s(text: str) -> bytes:
        raw = text.encode()
        return struct.pack("<Q", len(raw)) + raw

    head = MAGIC + struct.pack("<IQQ", 3, 1, 1)
    head += s("general.architecture") + struct.pack("<I", _STRING) + s("tiny")
    head += s("t0") + struct.pack("<I", 1) + struct.pack("<Q", values) + struct.pack("<IQ", 0, 0)
    head += b"\0" * (-len(head) % 32)
    path.write_bytes(head + struct.pack(f"<{values}f", *range(values)))
    return path
