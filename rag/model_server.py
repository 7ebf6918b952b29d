"""A local GGUF model served out of process and supervised.

`llamacpp:PATH` never loads llama.cpp into cocom's own process: a native crash there (a bad CPU
kernel, out of memory, a damaged model) would take the CLI, the UI or the eval run down with it.
Instead ModelServer starts llama.cpp's OpenAI-compatible server on a free loopback port, waits
until it answers, and reports how it died ("killed by SIGSEGV", "exited with code 1") when it
does. A dead server is started again on the next question, at most `max_restarts` times.

The command is a template (setting `llamacpp_server`, env COCOM_LLAMACPP_SERVER) with the
placeholders {python}, {model}, {host} and {port}, so any OpenAI-compatible server binary works."""

from __future__ import annotations

import atexit
import importlib.util
import logging
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from .errors import CocomError

log = logging.getLogger(__name__)

DEFAULT_COMMAND = (
    "{python} -m llama_cpp.server --model {model} --host {host} --port {port} "
    "--n_ctx 4096 --model_alias local"
)
HOST = "127.0.0.1"


class ModelError(CocomError):
    """The model process could not be started, or died; the message names model and cause."""


def how_it_ended(returncode: int | None) -> str:
    if returncode is None:
        return "is still running"
    if returncode < 0:
        try:
            return f"was killed by {signal.Signals(-returncode).name}"
        except ValueError:
            return f"was killed by signal {-returncode}"
    return f"exited with code {returncode}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class ModelServer:
    def __init__(
        self,
        model: str | Path,
        command: str = "",
        *,
        start_timeout: float = 180.0,
        max_restarts: int = 3,
    ) -> None:
        self.model = str(model)
        self.name = f"llamacpp:{Path(self.model).name}"
        self.command = command or DEFAULT_COMMAND
        self.start_timeout = start_timeout
        self.max_restarts = max_restarts
        self.starts = 0
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self._log = None  # one log file for every start; its tail explains a failed start
        self._lock = threading.Lock()

    # --- state ------------------------------------------------------------------------------

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def death(self) -> str:
        """'the local model … was killed by SIGSEGV' once the process has ended, else ''."""
        if self.proc is None or self.proc.poll() is None:
            return ""
        return f"the local model {self.name} {how_it_ended(self.proc.returncode)}"

    def wait_for_death(self, seconds: float) -> str:
        """death() after waiting up to `seconds` for a process that is ending to end."""
        if self.proc is not None:
            try:
                self.proc.wait(timeout=seconds)
            except subprocess.TimeoutExpired:
                pass
        return self.death()

    def stderr_tail(self, lines: int = 5) -> str:
        if self._log is None:
            return ""
        try:
            text = Path(self._log.name).read_text(errors="replace")
        except OSError:
            return ""
        return " | ".join(x.strip() for x in text.strip().splitlines()[-lines:] if x.strip())

    # --- lifecycle ----------------------------------------------------------------------------

    def ensure_running(self) -> str:
        """The server's base URL (…/v1); starts or restarts it. Raises ModelError."""
        with self._lock:
            if self.alive():
                return self.url
            if self.proc is not None:
                log.warning("%s; starting it again", self.death())
            if self.starts > self.max_restarts:
                raise ModelError(
                    f"{self.death()} and has been started {self.starts} times; not starting it "
                    "again (restart cocom to retry)"
                )
            self._start()
            return self.url

    def _start(self) -> None:
        self.stop()
        if self.command == DEFAULT_COMMAND and importlib.util.find_spec("llama_cpp") is None:
            raise ModelError(
                f"--llm {self.name}: llama-cpp-python is not installed — pip install "
                "'cocom[llamacpp]'   (it compiles from source: ~6 min)"
            )
        port = free_port()
        argv = [
            part.format(python=sys.executable, model=self.model, host=HOST, port=port)
            for part in shlex.split(self.command)
        ]
        if self._log is None:
            self._log = tempfile.NamedTemporaryFile(
                prefix="cocom-model-", suffix=".log", delete=False
            )
            atexit.register(self.close)  # never leave a model process behind
        self._log.truncate(0)
        self.starts += 1
        try:
            self.proc = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT
            )
        except OSError as exc:
            raise ModelError(
                f"cannot start the model server for {self.name} ({argv[0]}): "
                f"{exc.strerror or exc}; check the setting COCOM_LLAMACPP_SERVER"
            ) from exc
        base = f"http://{HOST}:{port}"
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.stderr_tail()
                raise ModelError(
                    f"{self.death()} while loading {self.model}"
                    + (f": {tail}" if tail else "")
                    + ". Check that the file is a complete GGUF model."
                )
            try:
                with urllib.request.urlopen(f"{base}/v1/models", timeout=2) as r:
                    if r.status == 200:
                        self.url = f"{base}/v1"
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.2)
        self.stop()
        raise ModelError(
            f"the local model {self.name} did not start within {self.start_timeout:.0f} s"
        )

    def stop(self) -> None:
        """End the process if it runs; the ended process is kept, so death() can still say
        how it ended."""
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def close(self) -> None:
        self.stop()
        self.proc = None
        if self._log is not None:
            self._log.close()
            Path(self._log.name).unlink(missing_ok=True)
            self._log = None
