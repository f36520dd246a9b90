"""Generated inputs are built in the child, whatever the warm child had loaded in advance."""

from sandbox import Limits, Outcome, Sandbox, TestCase

NUMPY_GENERATOR = "import numpy as np\n\ndef make(n):\n    return [np.arange(n).tolist()]\n"
PLAIN_SOLUTION = "def f(xs):\n    return sum(xs)\n"


def test_numpy_generators_work_in_a_warm_child_started_without_numpy():
    sandbox = Sandbox(keep_warm=True, numpy=False)
    sandbox.prewarm()
    try:
        report = sandbox.run(PLAIN_SOLUTION, "f", [TestCase("g", generate=["make", 5])],
                             Limits(), generators=NUMPY_GENERATOR)
    finally:
        sandbox.close()
    assert report.results[0].outcome is Outcome.RETURNED and report.results[0].value == 10


def test_a_failing_generator_is_reported_on_its_test():
    sandbox = Sandbox()
    report = sandbox.run(PLAIN_SOLUTION, "f",
                         [TestCase("ok", args=[[1, 2]]), TestCase("g", generate=["missing", 1])],
                         Limits(), generators=NUMPY_GENERATOR)
    assert report.results[0].value == 3
    assert report.results[1].outcome is Outcome.RUNTIME_ERROR
    assert "building the input failed" in report.results[1].message
