"""The kernel-level layer on its own: if the Python layers had a hole, these calls still fail."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from sandbox import Limits, Sandbox, TestCase
from sandbox.hardening import seccomp_available

PROBE = textwrap.dedent("""
    import json, os, socket, sys
    from sandbox import hardening
    hardening.set_limits(64, 5)
    assert hardening.install_seccomp()
    outcomes = {}
    def attempt(name, action):
        try:
            action()
            outcomes[name] = "allowed"
        except (OSError, ValueError) as error:
            outcomes[name] = str(error)
    attempt("open for reading", lambda: os.open("/etc/hostname", os.O_RDONLY))
    attempt("open for writing", lambda: os.open("probe.txt", os.O_WRONLY | os.O_CREAT))
    attempt("socket", lambda: socket.socket())
    attempt("fork", os.fork)
    attempt("exec", lambda: os.execv("/bin/true", ["true"]))
    attempt("signal the parent", lambda: os.kill(os.getppid(), 0))
    attempt("raise a limit", lambda: __import__("resource").setrlimit(
        __import__("resource").RLIMIT_CPU, (100, 100)))
    os.write(1, json.dumps(outcomes).encode())
""")


@pytest.mark.skipif(not seccomp_available(), reason="libseccomp is not installed here")
def test_seccomp_denies_files_network_processes_and_signals(tmp_path):
    parent = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": parent}, timeout=60)
    assert result.returncode == 0, result.stderr
    outcomes = json.loads(result.stdout)
    assert all(value != "allowed" for value in outcomes.values()), outcomes
    assert not (tmp_path / "probe.txt").exists()


def test_a_killed_run_leaves_no_process_and_no_scratch_directory():
    sandbox = Sandbox()
    workers = []
    original = sandbox._take_worker

    def spy(needs_numpy):
        workers.append(original(needs_numpy))
        return workers[-1]

    sandbox._take_worker = spy
    report = sandbox.run("def f():\n    while True:\n        pass\n", "f",
                         [TestCase("loop", args=[])], Limits(seconds=0.5))
    assert report.results[0].outcome.value == "time_limit"
    assert workers
    for worker in workers:
        with pytest.raises(ProcessLookupError):
            os.killpg(worker.process.pid, 0)
        assert not os.path.exists(worker.scratch)
