"""Restricted execution of untrusted solutions: the whole public surface of the package.

    report = run_submission(source, "two_sum", [TestCase("ex1", args=[[2, 7], 9])], Limits())

Each run compiles the source under a permissive-but-safe policy in a fresh, locked-down child
process and returns plain-data results per test. Expected outputs never enter the child: the
caller compares. This package imports nothing from `interview`.
"""

from sandbox.contract import REPORT_VERSION, Limits, Outcome, RunReport, TestCase, TestResult
from sandbox.runner import Sandbox, StopRule, run_submission

__all__ = [
    "REPORT_VERSION",
    "Limits",
    "Outcome",
    "RunReport",
    "Sandbox",
    "StopRule",
    "TestCase",
    "TestResult",
    "run_submission",
]
