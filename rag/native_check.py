"""Is the installed llama.cpp (llama-cpp-python) a portable build?

A build compiled with the build machine's own CPU flags (GGML_NATIVE) carries kernels that other
CPUs lack or run wrongly: on CPUs with AMX, llama.cpp's AMX kernel (`ggml_backend_amx_mul_mat`)
crashed the test run. `make install` builds with GGML_NATIVE=OFF and AVX/AVX2/FMA/F16C only;
this check fails when the installed library holds AMX or AVX-512 code anyway (say, a natively
built wheel from pip's cache), so the next machine is never the first to find out.

    python -m rag.native_check          exit 0: portable; 1: native kernels found; 2: not installed

It reads the library files and the build's feature list in a child process, so even a broken
library cannot take the caller down."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

# kernels a portable x86-64 build must not contain: present only when the compiler was told the
# build machine's CPU has them (GGML_NATIVE, or GGML_AVX512*/GGML_AMX_* by hand)
FORBIDDEN_SYMBOLS = (b"ggml_backend_amx_",)
FORBIDDEN_FEATURES = ("AMX", "AVX512", "AVX_VNNI")
PORTABLE_CMAKE_ARGS = "-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"


def library_files() -> list[Path]:
    spec = importlib.util.find_spec("llama_cpp")
    if spec is None or spec.origin is None:
        return []
    lib = Path(spec.origin).parent / "lib"
    return sorted(p for p in lib.glob("*") if ".so" in p.name or p.suffix in {".dylib", ".dll"})


def compiled_features() -> dict[str, str]:
    """The features llama.cpp says it was compiled with ({"AVX2": "1", ...}), read in a child."""
    code = "import llama_cpp; print(llama_cpp.llama_print_system_info().decode())"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    ).stdout
    features = {}
    for part in out.replace("\n", "|").split("|"):
        name, sep, value = part.rpartition("=")
        if sep:
            features[name.split(":")[-1].strip()] = value.strip()
    return features


def problems(libs: list[Path] | None = None, features: dict[str, str] | None = None) -> list[str]:
    """Why the build is not portable ([] when it is): its library files and compiled features."""
    found = []
    for path in library_files() if libs is None else libs:
        data = path.read_bytes()
        for symbol in FORBIDDEN_SYMBOLS:
            if symbol in data:
                found.append(f"{path.name} contains {symbol.decode()}* (CPU-specific kernels)")
    for name, value in (compiled_features() if features is None else features).items():
        if value == "1" and name.startswith(FORBIDDEN_FEATURES):
            found.append(f"llama.cpp was compiled with {name} (not every CPU has it)")
    return found


def main() -> int:
    libs = library_files()
    if not libs:
        print("llama-cpp-python is not installed", file=sys.stderr)
        return 2
    found = problems(libs)
    if found:
        print("llama.cpp is a CPU-specific (native) build:", file=sys.stderr)
        for f in found:
            print(f"  - {f}", file=sys.stderr)
        print(
            f'rebuild it portably: CMAKE_ARGS="{PORTABLE_CMAKE_ARGS}" pip install --no-cache-dir '
            "--force-reinstall --no-deps llama-cpp-python   (or `make install` in a new venv)",
            file=sys.stderr,
        )
        return 1
    print(f"llama.cpp is a portable build ({', '.join(p.name for p in libs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
