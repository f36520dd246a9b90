from interview.bank import bank_root
from interview.engine.loops import LOOPS, ROUND_KINDS, find_loop


def test_the_standard_onsite_takes_about_three_hours_ten():
    onsite = find_loop("onsite")
    assert onsite.minutes == 190
    assert [r.kind for r in onsite.rounds][:2] == ["coding-dsa", "coding-ml"]


def test_every_loop_is_well_formed():
    assert len({loop.id for loop in LOOPS}) == len(LOOPS)
    for loop in LOOPS:
        assert loop.rounds[-1].kind == "debrief", loop.id
        assert all(r.kind in ROUND_KINDS and r.minutes > 0 for r in loop.rounds), loop.id
        for plan in loop.rounds:
            shares = [v for k, v in plan.mix.items() if k in ("mcq", "numeric", "short")]
            assert not shares or abs(sum(shares) - 1) < 1e-9, loop.id


def test_track_design_picks_exist_in_the_bank():
    design = {path.stem for path in (bank_root() / "design").glob("SD-*.yaml")}
    for loop in LOOPS:
        for plan in loop.rounds:
            assert set(plan.picks) <= design, (loop.id, plan.picks)


def test_an_unknown_loop_says_what_exists():
    try:
        find_loop("marathon")
    except KeyError as error:
        assert "onsite" in str(error)
    else:
        raise AssertionError("expected a KeyError")
