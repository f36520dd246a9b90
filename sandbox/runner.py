"""The parent side: keeps a warm child ready, hands it one job, enforces deadlines, reads frames.

A child is never reused after submitted code has run in it. The next one is started as soon
as the previous run ends, so it has finished importing by the time the user submits again.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sandbox.child import BOOT, HEADER
from sandbox.contract import Limits, Outcome, RunReport, TestCase, TestResult
from sandbox.report import FrameError, parse_result

PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)
CHILD_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
             "LC_ALL": "C.UTF-8"}
STARTUP_SECONDS = 20.0
"""How long a child may take to import and harden itself (a cold NumPy import on a busy CI box)."""
GRACE_SECONDS = 0.25
"""Added to each deadline for the frame round trip, so the verdict is about the code."""
MAX_FRAME_BYTES = 32 * 1024 * 1024
MAX_CRASH_TEXT = 16 * 1024
MAX_FATAL_RESTARTS = 3
GENERATE_SECONDS = 20.0
"""Time for a problem's own generator to build one test input (trusted bank code)."""

StopRule = Callable[[int, TestResult], bool]


@dataclass
class Worker:
    """One child process, started ahead of time and waiting for its job."""

    process: subprocess.Popen[bytes]
    job_fd: int
    result_fd: int
    output_fd: int
    scratch: str
    numpy: bool
    killed: bool = False

    def kill(self) -> None:
        """Kill the whole process group, reap it and release its pipes; safe to call twice."""
        if self.killed:
            return
        self.killed = True
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        for fd in (self.job_fd, self.result_fd, self.output_fd):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        _remove_scratch(self.scratch)


def _remove_scratch(path: str) -> None:
    """The child cannot create files, so the directory should be empty; rmtree never follows links."""
    try:
        os.rmdir(path)
    except OSError:
        shutil.rmtree(path, ignore_errors=True)


def spawn_worker(numpy: bool) -> Worker:
    job_read, job_write = os.pipe()
    result_read, result_write = os.pipe()
    output_read, output_write = os.pipe()
    scratch = tempfile.mkdtemp(prefix="interview-sandbox-")
    argv = [sys.executable, "-I", "-c", BOOT, PACKAGE_PARENT, str(job_read), str(result_write)]
    if numpy:
        argv.append("numpy")
    try:
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=output_write, stderr=output_write,
            pass_fds=(job_read, result_write), cwd=scratch, env=CHILD_ENV,
            start_new_session=True,
        )
    finally:
        for fd in (job_read, result_write, output_write):
            os.close(fd)
    return Worker(process, job_write, result_read, output_read, scratch, numpy)


@dataclass
class _Attempt:
    """What one child produced for a contiguous slice of the tests."""

    results: dict[int, TestResult] = field(default_factory=dict)
    load_stdout: str = ""
    isolation: list[str] = field(default_factory=list)
    fatal_index: int | None = None
    """The test during which the child died or was killed; later tests still need a child."""
    stopped: bool = False
    """The caller's stop rule ended the run."""


class Sandbox:
    """Runs submissions, one child per run, with a warm child kept ready when asked to."""

    def __init__(self, keep_warm: bool = False, numpy: bool = True) -> None:
        self.keep_warm = keep_warm
        self.numpy = numpy
        self._warm: Worker | None = None
        self._lock = threading.Lock()
        atexit.register(self.close)

    def prewarm(self) -> None:
        """Start a child now so that the next run does not wait for imports."""
        with self._lock:
            if self._warm is None:
                self._warm = spawn_worker(self.numpy)

    def close(self) -> None:
        with self._lock:
            if self._warm is not None:
                self._warm.kill()
                self._warm = None

    def _take_worker(self, needs_numpy: bool) -> Worker:
        with self._lock:
            worker, self._warm = self._warm, None
        if worker is not None and worker.process.poll() is None:
            return worker
        if worker is not None:
            worker.kill()
        return spawn_worker(needs_numpy or self.numpy)

    def run(self, source: str, entry_point: str, tests: Sequence[TestCase], limits: Limits,
            stop: StopRule | None = None, generators: str = "") -> RunReport:
        """Run untrusted code against tests. Always returns; never raises for what the code does.

        `stop(index, result)` may end the run early (say, at the first wrong answer); the tests
        after it are reported as NOT_RUN. `generators` is source defining the functions that
        tests with `generate` call, in the child, to build their input.
        """
        job = _Job(source, entry_point, tests, limits, stop, generators)
        results: dict[int, TestResult] = {}
        first = attempt = self._attempt(job, 0)
        results.update(attempt.results)
        for _restart in range(MAX_FATAL_RESTARTS):
            if attempt.fatal_index is None or attempt.stopped or \
                    attempt.fatal_index + 1 >= len(tests):
                break
            attempt = self._attempt(job, attempt.fatal_index + 1)
            results.update(attempt.results)
        reason = ("not run: an earlier test decided the outcome" if attempt.stopped
                  else "not run: earlier tests kept hitting the time or memory limit")
        ordered = [results.get(i) or _not_run(test, reason) for i, test in enumerate(tests)]
        if self.keep_warm:
            self.prewarm()
        return RunReport(ordered, load_stdout=first.load_stdout, isolation=first.isolation)

    def _attempt(self, job: _Job, start: int) -> _Attempt:
        worker = self._take_worker("numpy" in job.source + job.generators)
        try:
            payload = {"source": job.source, "entry_point": job.entry_point,
                       "limits": asdict(job.limits), "generators": job.generators,
                       "tests": [_test_payload(test) for test in job.tests[start:]]}
            if not _send_job(worker, payload):
                return _crashed_attempt(job.tests, start, "the sandbox could not start")
            return _Conversation(worker, job, start).follow()
        finally:
            worker.kill()


@dataclass(frozen=True)
class _Job:
    source: str
    entry_point: str
    tests: Sequence[TestCase]
    limits: Limits
    stop: StopRule | None
    generators: str


def _test_payload(test: TestCase) -> dict[str, Any]:
    return {"name": test.name, "args": test.args, "calls": test.calls,
            "generate": test.generate, "generated_calls": test.generated_calls}


def _send_job(worker: Worker, job: dict[str, Any]) -> bool:
    data = json.dumps(job).encode()
    fd, worker.job_fd = worker.job_fd, -1
    try:
        with open(fd, "wb", closefd=True) as pipe:
            pipe.write(HEADER.pack(len(data)) + data)
    except OSError:
        return False
    return True


def _not_run(test: TestCase, reason: str) -> TestResult:
    return TestResult(test.name, Outcome.NOT_RUN, message=reason)


def _crashed_attempt(tests: Sequence[TestCase], start: int, message: str) -> _Attempt:
    attempt = _Attempt(fatal_index=len(tests))
    for index in range(start, len(tests)):
        attempt.results[index] = TestResult(tests[index].name, Outcome.RUNTIME_ERROR,
                                            message=message)
    return attempt


class _Conversation:
    """Reads one child's frames against the clock and turns them into results."""

    def __init__(self, worker: Worker, job: _Job, start: int) -> None:
        self.worker = worker
        self.stop = job.stop
        self.tests = job.tests
        self.start = start
        self.limits = job.limits
        self.attempt = _Attempt()
        self.buffer = bytearray()
        self.crash_text = bytearray()
        self.current: int | None = None
        self.phase = "startup"
        self.result_closed = False
        self.finished: int | None = None
        """The last test whose result arrived."""
        remaining = job.tests[start:]
        started = time.monotonic()
        self.final_deadline = started + STARTUP_SECONDS + GENERATE_SECONDS * sum(
            t.generate is not None for t in remaining) + (len(remaining) + 1) * (
            job.limits.seconds + GRACE_SECONDS)
        """However the frames go, the attempt ends by then: frames cannot buy more time."""
        self.deadline = started + STARTUP_SECONDS
        self.phase_started = time.monotonic()

    def follow(self) -> _Attempt:
        selector = selectors.DefaultSelector()
        selector.register(self.worker.result_fd, selectors.EVENT_READ, "result")
        selector.register(self.worker.output_fd, selectors.EVENT_READ, "output")
        open_streams = 2
        try:
            while self.phase != "done":
                timeout = self.deadline - time.monotonic()
                if timeout <= 0:
                    self.on_deadline()
                    break
                events = selector.select(timeout)
                for key, _mask in events:
                    if not self.read(key.fd, key.data):
                        selector.unregister(key.fd)
                        open_streams -= 1
                if open_streams == 0 or (self.phase != "done" and self.result_closed):
                    self.on_child_gone()
                    break
        finally:
            selector.close()
        return self.attempt

    def read(self, fd: int, stream: str) -> bool:
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError:
            chunk = b""
        if not chunk:
            if stream == "result":
                self.result_closed = True
            return False
        if stream == "output":
            if len(self.crash_text) < MAX_CRASH_TEXT:
                self.crash_text += chunk[: MAX_CRASH_TEXT - len(self.crash_text)]
            return True
        self.buffer += chunk
        self.consume_frames()
        return True

    def consume_frames(self) -> None:
        while len(self.buffer) >= HEADER.size and self.phase != "done":
            (size,) = HEADER.unpack_from(self.buffer)
            if size > MAX_FRAME_BYTES:
                self.fail_current(Outcome.OUTPUT_LIMIT, "the result is too large to compare")
                self.phase = "done"
                return
            if len(self.buffer) < HEADER.size + size:
                return
            raw = bytes(self.buffer[HEADER.size:HEADER.size + size])
            del self.buffer[:HEADER.size + size]
            try:
                self.on_frame(json.loads(raw))
            except Exception as error:  # noqa: BLE001 - any malformed frame, never the app
                self.fail_current(Outcome.RUNTIME_ERROR, f"malformed report from the sandbox: "
                                                         f"{error}")
                self.phase = "done"

    def on_frame(self, frame: dict[str, Any]) -> None:
        """Advance through the only order a well-behaved child sends frames in; anything else
        (a forged index, a second hello, a start out of turn) ends the run as malformed."""
        kind = frame["type"]
        now = time.monotonic()
        if kind == "hello" and self.phase == "startup":
            self.attempt.isolation = [str(layer) for layer in frame["isolation"]][:16]
            self.arm(now, "loading")
        elif kind == "rejected" and self.phase == "loading":
            self.reject_all(frame["rejections"])
        elif kind == "loaded" and self.phase == "loading":
            self.attempt.load_stdout = str(frame.get("stdout", ""))[:65536]
            self.arm(now, "between")
            if frame.get("error"):
                self.fail_all_from_load(frame["error"])
        elif kind == "generating" and self.phase == "between":
            self.current = self.next_index(frame, generating=True)
            self.arm(now, "generating", GENERATE_SECONDS)
        elif kind == "start" and self.phase in ("between", "generating"):
            index = self.next_index(frame, generating=False)
            if self.phase == "generating" and index != self.current:
                raise FrameError("a test started that was not being generated")
            self.current = index
            self.arm(now, "testing")
        elif kind == "result" and self.phase == "testing":
            index = self.start + int(frame["index"])
            if index != self.current:
                raise FrameError("result for a test that was not started")
            result = self.within_limit(parse_result(self.tests[index].name, frame), now)
            self.attempt.results[index] = result
            self.current = None
            self.arm(now, "between")
            self.finished = index
            if self.stop is not None and self.stop(index, result):
                self.attempt.stopped = True
                self.phase = "done"
        elif kind == "done" and self.phase in ("between", "loading"):
            self.phase = "done"
        else:
            raise FrameError(f"unexpected {kind!r} frame while {self.phase}")

    def within_limit(self, result: TestResult, now: float) -> TestResult:
        """The limit is judged on the parent's clock, which the child cannot bend: a test
        that finished after the limit (but inside the kill grace) is still too slow."""
        elapsed = now - self.phase_started
        if elapsed <= self.limits.seconds or result.outcome is not Outcome.RETURNED:
            return result
        return TestResult(result.name, Outcome.TIME_LIMIT, stdout=result.stdout,
                          time_ms=elapsed * 1000,
                          message=f"took {elapsed:.2f} s, over the {self.limits.seconds:g} s "
                                  "limit")

    def next_index(self, frame: dict[str, Any], generating: bool) -> int:
        index = self.start + int(frame["index"])
        expected = (self.finished + 1) if self.finished is not None else self.start
        if index != expected or index >= len(self.tests):
            raise FrameError(f"test {index} announced out of turn")
        if generating and self.tests[index].generate is None:
            raise FrameError("generation announced for a test without a generator")
        return index

    def arm(self, now: float, phase: str, seconds: float | None = None) -> None:
        """Start the clock for the next step; never later than the whole attempt's deadline."""
        self.phase = phase
        self.phase_started = now
        step = now + (seconds or self.limits.seconds) + GRACE_SECONDS
        self.deadline = min(step, self.final_deadline)

    def reject_all(self, rejections: list[dict[str, Any]]) -> None:
        first = rejections[0] if rejections else {"line": None, "message": "rejected"}
        message = "; ".join(
            (f"line {r['line']}: " if r.get("line") else "") + str(r["message"])
            for r in rejections[:20]
        )
        line = first.get("line") if isinstance(first.get("line"), int) else None
        for index in range(self.start, len(self.tests)):
            self.attempt.results[index] = TestResult(
                self.tests[index].name, Outcome.REJECTED, message=message[:4000], line=line)
        self.phase = "done"

    def fail_all_from_load(self, error: dict[str, Any]) -> None:
        for index in range(self.start, len(self.tests)):
            self.attempt.results[index] = parse_result(
                self.tests[index].name, {**error, "stdout": "", "time_ms": 0})
        self.phase = "done"

    def fail_current(self, outcome: Outcome, message: str) -> None:
        """The child died or overran during the current step: blame that step, rerun the rest."""
        elapsed_ms = (time.monotonic() - self.phase_started) * 1000
        if self.current is not None:
            self.attempt.results[self.current] = TestResult(
                self.tests[self.current].name, outcome, message=message, time_ms=elapsed_ms)
            self.attempt.fatal_index = self.current
            return
        if self.phase in ("startup", "loading"):
            where = "while loading the module" if self.phase == "loading" else "at start-up"
            for index in range(self.start, len(self.tests)):
                self.attempt.results[index] = TestResult(
                    self.tests[index].name, outcome, message=f"{message} ({where})",
                    time_ms=elapsed_ms)
            return
        # Between tests: blame the test that was due next; the rest gets a new child.
        upcoming = self.finished + 1 if self.finished is not None else self.start
        if upcoming < len(self.tests):
            self.attempt.results[upcoming] = TestResult(
                self.tests[upcoming].name, outcome, message=message, time_ms=elapsed_ms)
        self.attempt.fatal_index = upcoming

    def on_deadline(self) -> None:
        if self.stop is not None and self.current is not None:
            self.attempt.stopped = True
        self.worker.kill()
        message = f"took longer than {self.limits.seconds:g} s"
        if self.phase == "generating":
            message = "building this test's input took too long (a problem defect)"
        elif self.phase == "startup":
            message = "the sandbox did not start in time"
        self.fail_current(Outcome.TIME_LIMIT, message)

    def on_child_gone(self) -> None:
        status = self.worker.process.wait()
        self.fail_current(*self.classify_exit(status))

    def classify_exit(self, status: int) -> tuple[Outcome, str]:
        if status in (-signal.SIGXCPU, -signal.SIGKILL):
            return Outcome.TIME_LIMIT, "used up its CPU time"
        text = self.crash_text.decode("utf-8", "replace").strip()
        if "MemoryError" in text or "Cannot allocate memory" in text:
            return Outcome.MEMORY_LIMIT, "ran out of memory"
        if status == -signal.SIGSEGV:
            return Outcome.RUNTIME_ERROR, ("the interpreter crashed (segmentation fault), "
                                           "often from recursion that is too deep")
        detail = text.splitlines()[-1][:500] if text else f"exit status {status}"
        return Outcome.RUNTIME_ERROR, f"the process ended before the tests finished ({detail})"


_default: Sandbox | None = None


def default_sandbox() -> Sandbox:
    global _default
    if _default is None:
        _default = Sandbox()
    return _default


def run_submission(source: str, entry_point: str, tests: Sequence[TestCase],
                   limits: Limits | None = None) -> RunReport:
    """Run untrusted code against tests in a child process. Always returns; never raises for user faults."""
    return default_sandbox().run(source, entry_point, tests, limits or Limits())
