"""The parent survives a child that lies: forged frames, frames out of order, stalling."""

import time

import pytest

from sandbox import Limits, Outcome, Sandbox, TestCase, runner

FORGER = """
import json, os, struct, sys, time
result_fd = int(sys.argv[3])
def send(frame):
    data = json.dumps(frame).encode()
    os.write(result_fd, struct.pack(">I", len(data)) + data)
os.read(int(sys.argv[2]), 1 << 20)
send({"type": "hello", "isolation": []})
send({"type": "loaded", "stdout": ""})
for frame in FRAMES:
    if isinstance(frame, (int, float)):
        time.sleep(frame)
    else:
        send(frame)
"""


@pytest.fixture
def forging_child(monkeypatch):
    def install(frames):
        script = f"FRAMES = {frames!r}\n" + FORGER
        monkeypatch.setattr(runner, "BOOT", script)
    return install


TESTS = [TestCase("a", args=[]), TestCase("b", args=[])]


@pytest.mark.parametrize("frames", [
    [{"type": "start", "index": 99}],
    [{"type": "result", "index": 0, "outcome": "returned", "value": 1, "time_ms": 1}],
    [{"type": "start", "index": 0}, {"type": "result", "index": 0, "outcome": "passed"}],
    [{"type": "hello", "isolation": []}],
    [{"type": "start", "index": 1}],
    [{"type": "generating", "index": 0}],
])
def test_forged_or_out_of_order_frames_end_the_run_without_raising(frames, forging_child):
    forging_child(frames)
    report = Sandbox().run("", "f", TESTS, Limits(seconds=1))
    assert report.results[0].outcome is Outcome.RUNTIME_ERROR
    assert "malformed report" in report.results[0].message


def test_a_child_cannot_buy_time_by_restarting_tests(forging_child):
    restarts = [{"type": "start", "index": 0}, 30]
    forging_child(restarts)
    started = time.monotonic()
    report = Sandbox().run("", "f", TESTS, Limits(seconds=0.5))
    assert time.monotonic() - started < 10
    assert report.results[0].outcome is Outcome.TIME_LIMIT


def test_a_result_that_arrives_after_the_limit_is_a_time_limit(forging_child):
    """Inside the kill grace but over the limit, on the parent's clock, whatever the child says."""
    late = [{"type": "start", "index": 0}, 0.6,
            {"type": "result", "index": 0, "outcome": "returned", "value": 1, "time_ms": 1}]
    forging_child(late)
    report = Sandbox().run("", "f", TESTS[:1], Limits(seconds=0.4))
    assert report.results[0].outcome is Outcome.TIME_LIMIT
    assert "over the 0.4 s limit" in report.results[0].message
