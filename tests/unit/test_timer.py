from interview.engine.timer import Countdown, format_clock
from interview.engine.timer import ManualClock as FakeClock


def test_a_countdown_runs_only_while_started():
    clock = FakeClock()
    countdown = Countdown(600, clock)
    clock.now += 50
    assert countdown.remaining == 600
    countdown.start()
    clock.now += 100
    countdown.pause()
    clock.now += 500
    assert countdown.remaining == 500 and countdown.used == 100


def test_levels_change_at_five_and_one_minutes_and_at_zero():
    clock = FakeClock()
    countdown = Countdown(400, clock)
    countdown.start()
    assert countdown.level == "normal"
    clock.now += 101
    assert countdown.level == "warning"
    clock.now += 240
    assert countdown.level == "critical"
    clock.now += 59
    assert countdown.level == "expired" and countdown.expired and countdown.remaining == 0
    clock.now += 30
    assert countdown.overtime == 30


def test_clock_format():
    assert format_clock(725) == "12:05"
    assert format_clock(0.2) == "00:01"
    assert format_clock(0) == "00:00"
    assert format_clock(3700) == "61:40"
