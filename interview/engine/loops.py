"""The preset mock-interview loops (syllabus §4.3) as plain data the session engine follows."""

from __future__ import annotations

from dataclasses import dataclass, field

ROUND_KINDS = ("coding-dsa", "coding-ml", "skills", "design", "data", "break", "debrief")
ROUND_TITLES = {"coding-dsa": "DS&A coding", "coding-ml": "ML coding", "skills": "Skills quiz",
                "design": "ML system design", "data": "Data challenge", "break": "Break",
                "debrief": "Debrief"}
ITEM_WORDS = {"coding-dsa": "problem", "coding-ml": "problem", "skills": "question",
              "design": "prompt", "data": "challenge"}


@dataclass(frozen=True)
class RoundPlan:
    """One round of a loop: what kind, how long, and how its items are picked."""

    kind: str
    minutes: int
    count: int = 1
    """Problems or questions in the round."""
    difficulties: tuple[str, ...] = ()
    """Allowed difficulties; empty means any."""
    picks: tuple[str, ...] = ()
    """Preferred item ids (a track's design prompts, for instance); others if none fit."""
    mix: dict[str, float] = field(default_factory=dict)
    """For skills rounds: the share of questions per topic group or type."""
    topics: tuple[str, ...] = ()
    """Only items on these skill topics or coding tags; empty means any (custom loops)."""


@dataclass(frozen=True)
class Loop:
    id: str
    title: str
    summary: str
    rounds: tuple[RoundPlan, ...]

    @property
    def minutes(self) -> int:
        return sum(round_plan.minutes for round_plan in self.rounds)


CORE_SKILLS_MIX = {"core": 0.4, "deep-learning-and-specialty": 0.3, "production": 0.3}
TYPE_MIX = {"mcq": 0.5, "numeric": 0.25, "short": 0.25}


def _standard(design_picks: tuple[str, ...] = ()) -> tuple[RoundPlan, ...]:
    return (
        RoundPlan("coding-dsa", 45, 1, ("medium",)),
        RoundPlan("coding-ml", 45, 1, ("medium",)),
        RoundPlan("break", 5),
        RoundPlan("skills", 30, 15, mix={**CORE_SKILLS_MIX, **TYPE_MIX}),
        RoundPlan("break", 5),
        RoundPlan("design", 55, 1, picks=design_picks),
        RoundPlan("debrief", 5),
    )


LOOPS: tuple[Loop, ...] = (
    Loop("onsite", "ML engineer onsite",
         "DS&A coding, ML coding, a breadth quiz and ML system design: about 3 hours 10 minutes.",
         _standard()),
    Loop("phone-screen", "Phone screen",
         "One easy or medium coding problem and eight rapid skill questions: about an hour.",
         (RoundPlan("coding-dsa", 40, 1, ("easy", "medium")),
          RoundPlan("skills", 15, 8, mix=TYPE_MIX), RoundPlan("debrief", 5))),
    Loop("new-grad", "New grad / junior",
         "Easy and medium coding, a fundamentals-heavy quiz, a 30-minute guided design round.",
         (RoundPlan("coding-dsa", 45, 2, ("easy", "medium")),
          RoundPlan("coding-ml", 45, 1, ("easy", "medium")), RoundPlan("break", 5),
          RoundPlan("skills", 40, 20, ("easy", "medium"), mix={"core": 0.6, **TYPE_MIX}),
          RoundPlan("design", 30, 1, ("medium",)), RoundPlan("debrief", 5))),
    Loop("senior", "Senior ML engineer",
         "Medium and hard coding, short-answer-heavy breadth, a 60-minute design round with five "
         "follow-ups and a data challenge.",
         (RoundPlan("coding-dsa", 45, 1, ("medium", "hard")),
          RoundPlan("coding-ml", 45, 1, ("medium", "hard")), RoundPlan("break", 5),
          RoundPlan("skills", 30, 12, ("medium", "hard"),
                    mix={"mcq": 0.3, "numeric": 0.2, "short": 0.5}),
          RoundPlan("design", 60, 1, ("hard",)), RoundPlan("data", 40, 1),
          RoundPlan("debrief", 5))),
    Loop("nlp", "NLP track", "The onsite loop with an NLP design prompt.",
         _standard(("SD-09", "SD-12", "SD-17", "SD-20"))),
    Loop("cv", "Computer vision track", "The onsite loop with a vision design prompt.",
         _standard(("SD-10", "SD-18"))),
    Loop("recsys", "Recommender systems track", "The onsite loop with a recsys design prompt.",
         _standard(("SD-01", "SD-05", "SD-11", "SD-16"))),
)


def find_loop(loop_id: str) -> Loop:
    for loop in LOOPS:
        if loop.id == loop_id:
            return loop
    raise KeyError(f"no loop called {loop_id!r} (try: {', '.join(known.id for known in LOOPS)})")
