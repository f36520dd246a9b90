"""The sandbox child process: warms up, takes one job, locks itself down, runs it, exits.

Started by `sandbox.runner` as `python -I -c BOOT JOB_FD RESULT_FD [numpy]`. Everything it
learns arrives on the job pipe; everything it says leaves on the result pipe as length-prefixed
JSON frames. Stdout and stderr are for crashes only: printed text is captured per test and
sent inside the frames. The parent treats every frame as untrusted.
"""

from __future__ import annotations

import json
import os
import struct
import sys
import time
import warnings
from types import CodeType
from typing import Any

from sandbox import guards, hardening, plain, views
from sandbox.policy import FILENAME, compile_solution

HEADER = struct.Struct(">I")
MAX_JOB_BYTES = 256 * 1024 * 1024


def main(argv: list[str]) -> int:
    job_fd, result_fd = int(argv[0]), int(argv[1])
    stdout = guards.OutputBuffer(64 * 1024)
    views.load_stdlib_views(stdout)
    if "numpy" in argv[2:]:
        views.load_numpy_views()
    hardening.raise_stack_limit()
    job = _read_job(job_fd)
    if job is None:
        return 0
    Child(job, result_fd, stdout).run()
    return 0


def _read_job(fd: int) -> dict[str, Any] | None:
    header = _read_exactly(fd, HEADER.size)
    if len(header) < HEADER.size:
        return None
    (size,) = HEADER.unpack(header)
    if size > MAX_JOB_BYTES:
        return None
    job = json.loads(_read_exactly(fd, size))
    os.close(fd)
    return job


def _read_exactly(fd: int, size: int) -> bytes:
    chunks, remaining = [], size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


class Child:
    """Runs one job: harden, compile, load the module, run each test, report."""

    def __init__(self, job: dict[str, Any], result_fd: int, stdout: guards.OutputBuffer) -> None:
        self.job = job
        self.result_fd = result_fd
        limits = job["limits"]
        self.output = stdout
        self.output.limit = int(limits["output_kb"]) * 1024
        self.generator_error = ""
        self.audit: hardening.AuditHook | None = None

    def send(self, frame: dict[str, Any]) -> None:
        data = json.dumps(frame, allow_nan=True).encode()
        payload = HEADER.pack(len(data)) + data
        while payload:
            written = os.write(self.result_fd, payload)
            payload = payload[written:]

    def run(self) -> None:
        source = self.job["source"]
        if "numpy" in source + (self.job.get("generators") or ""):
            views.load_numpy_views()  # while imports still work; the warm child may lack it
        self.send({"type": "hello", "isolation": self.harden()})
        compiled = compile_solution(source, views.ALLOWED_IMPORTS)
        if compiled.code is None:
            rejections = [{"line": r.line, "message": r.message} for r in compiled.rejections]
            self.send({"type": "rejected", "rejections": rejections})
            return
        generators = self.compile_generators()
        sys.stdout = sys.stderr = self.output
        warnings.showwarning = _show_warning_without_paths
        self.audit = hardening.install_audit_hook()
        namespace = self.load(compiled.code)
        if namespace is not None:
            generator_namespace = self.load_generators(generators)
            for index, test in enumerate(self.job["tests"]):
                if test.get("generate"):
                    self.send({"type": "generating", "index": index})
                    test = self.generate(test, generator_namespace)
                self.send({"type": "start", "index": index})
                self.send(self.run_test(index, test, namespace))
        self.send({"type": "done"})

    def compile_generators(self) -> CodeType | None:
        source = self.job.get("generators") or ""
        if not source:
            return None
        compiled = compile_solution(source, views.ALLOWED_IMPORTS)
        if compiled.code is None:
            first = compiled.rejections[0]
            self.generator_error = f"the problem's generators do not compile: line " \
                                   f"{first.line}: {first.message}"
        return compiled.code

    def load_generators(self, code: CodeType | None) -> dict[str, Any]:
        """Generators run in their own namespace: the solution cannot see or rebind them."""
        namespace = guards.make_globals(self.output)
        if code is not None:
            error = self.capture(lambda: exec(code, namespace))
            if error:
                self.generator_error = f"the problem's generators failed: {error['message']}"
        return namespace

    def generate(self, test: dict[str, Any], namespace: dict[str, Any]) -> dict[str, Any]:
        """Build one test's input right before it runs, so only one large input is in memory."""
        function, *arguments = test["generate"]
        built: dict[str, Any] = {}

        def build() -> None:
            if self.generator_error:
                raise RuntimeError(self.generator_error)
            value = namespace[function](*arguments)
            if not isinstance(value, list):
                raise TypeError(f"generator {function} must return a list")
            built["value"] = value

        error = self.capture(build)
        self.output.take()
        key = "calls" if test.get("generated_calls") else "args"
        if error:
            return {**test, "generator_error": f"building the input failed: {error['message']}"}
        return {**test, key: built["value"]}

    def harden(self) -> list[str]:
        limits = self.job["limits"]
        tests = max(1, len(self.job["tests"]))
        cpu_seconds = int(float(limits["seconds"]) * (tests + 1)) + 2
        hardening.set_limits(int(limits["memory_mb"]), cpu_seconds)
        layers = ["restricted-python", "module-views", "rlimits", "audit-hook"]
        if hardening.drop_privileges():
            layers.append("nobody-user")
        if hardening.install_seccomp():
            layers.append("seccomp")
        return layers

    def load(self, code: CodeType) -> dict[str, Any] | None:
        """Execute the module body; report its output, or its error as every test's outcome."""
        namespace = guards.make_globals(self.output)
        started = time.perf_counter()
        error = self.capture(lambda: exec(code, namespace))
        elapsed_ms = (time.perf_counter() - started) * 1000
        frame = {"type": "loaded", "stdout": self.output.take(), "time_ms": elapsed_ms}
        if error:
            frame["error"] = error
        self.send(frame)
        return None if error else namespace

    def run_test(self, index: int, test: dict[str, Any], namespace: dict[str, Any]) -> dict:
        started, started_cpu = time.perf_counter(), time.thread_time()
        calls_done: list[Any] = []
        result: dict[str, Any] = {}

        def call() -> None:
            if test.get("generator_error"):
                raise RuntimeError(test["generator_error"])
            if test.get("calls") is not None:
                value = self.run_calls(test["calls"], namespace, calls_done)
            else:
                entry = self.entry_point(namespace)
                value = entry(*test["args"])
            result["value"] = plain.to_plain(value)

        error = self.capture(call)
        frame: dict[str, Any] = {
            "type": "result",
            "index": index,
            "time_ms": (time.perf_counter() - started) * 1000,
            "cpu_ms": (time.thread_time() - started_cpu) * 1000,
            "stdout": self.output.take(),
        }
        if error:
            frame.update(error)
            if error["outcome"] == "runtime_error" and test.get("calls") is not None:
                frame["failed_call"] = len(calls_done)
        else:
            frame.update(outcome="returned", value=result["value"])
        if self.output.exceeded:
            frame.update(outcome="output_limit", message="printed more than the output limit")
            self.output.exceeded = False
        return frame

    def entry_point(self, namespace: dict[str, Any]) -> Any:
        name = self.job["entry_point"]
        entry = namespace.get(name)
        if entry is None or not callable(entry):
            raise NameError(f"the solution does not define {name}()")
        return entry

    def run_calls(self, calls: list[list[Any]], namespace: dict[str, Any],
                  done: list[Any]) -> list[Any]:
        """Replay `[[Class, *args], [method, *args], ...]`; returns every call's result."""
        class_name, *constructor_args = calls[0]
        if class_name != self.job["entry_point"] or class_name not in namespace:
            raise NameError(f"the solution does not define class {class_name}")
        instance = namespace[class_name](*constructor_args)
        done.append(None)
        for method_name, *args in calls[1:]:
            method = guards.guarded_getattr(instance, method_name)
            done.append(method(*args))
        return done

    def capture(self, action: Any) -> dict[str, Any] | None:
        """Run candidate code; turn whatever it raises into an outcome frame (never re-raise)."""
        try:
            action()
        except guards.OutputLimitExceeded:
            return {"outcome": "output_limit", "message": "printed more than the output limit"}
        except MemoryError:
            return {"outcome": "memory_limit", "message": "MemoryError: the memory limit was hit"}
        except plain.ResultTooLarge as error:
            return {"outcome": "output_limit", "message": f"result too large: {error}"}
        except plain.NotPlainData as error:
            return {"outcome": "runtime_error", "message": f"unsupported result: {error}"}
        except BaseException as error:  # noqa: BLE001 - everything the candidate raises
            return {"outcome": "runtime_error", "message": self.describe(error),
                    "line": self.error_line(error)}
        return None

    def describe(self, error: BaseException) -> str:
        try:
            text = str(error)
        except BaseException:  # noqa: BLE001 - a hostile __str__
            text = "<the exception's message could not be shown>"
        name = type(error).__name__
        return f"{name}: {text}"[:2000] if text else name

    def error_line(self, error: BaseException) -> int | None:
        """The deepest line of the traceback that is in the solution's own file."""
        line = None
        assert self.audit is not None
        self.audit.trusting = True
        try:
            trace = error.__traceback__
            while trace is not None:
                if trace.tb_frame.f_code.co_filename == FILENAME:
                    line = trace.tb_lineno
                trace = trace.tb_next
        finally:
            self.audit.trusting = False
        return line


def _show_warning_without_paths(message: Any, category: type, filename: str, lineno: int,
                                file: Any = None, line: str | None = None) -> None:
    """NumPy's warnings would print install paths; the solution sees only what went wrong."""
    where = f"line {lineno}: " if filename == FILENAME else ""
    sys.stderr.write(f"{where}{category.__name__}: {message}\n")


BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); from sandbox.child import main; "
    "raise SystemExit(main(sys.argv[2:]))"
)
