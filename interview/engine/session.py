"""The session engine: start, answer, grade, advance, finish; resumable from storage.

No terminal here. Time comes from an injected clock, slow grading is done by the caller (the
app runs it off the UI thread) and handed back with `record_grade`, and every change is saved
at once, so a killed app resumes where it was with the time that was left.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from interview.catalog import Catalog
from interview.engine.plan import PRACTICE, UNSCORED_ROUNDS, SessionPlan, build_rounds
from interview.engine.review import Evidence, coding_topic, record_review, topic_weights
from interview.engine.state import (
    CodingItem,
    Event,
    Item,
    QuestionItem,
    RoundState,
    SessionState,
    WrittenItem,
)
from interview.engine.timer import Clock, Countdown
from interview.grading.coding import grade_to_dict
from interview.grading.quiz import AnswerGrade, grade_mcq, grade_numeric, grade_short
from interview.models import CodingProblem, GradeResult, SkillQuestion
from interview.storage import Store
from sandbox import Sandbox

HINT_PENALTY = 0.1
"""Score lost per hint in interview mode (hints are free in practice mode)."""
MAX_HINT_PENALTY = 0.3
SNAPSHOT_EVERY_SECONDS = 30.0
"""How often an editor snapshot goes on the timeline (the draft itself is saved every time)."""

ROUND_EXPIRED, QUESTION_EXPIRED = "round-expired", "question-expired"
WallClock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class SessionError(Exception):
    """An action that does not fit the session's state (the UI should not have offered it)."""


class Session:
    """One mock interview in progress, backed by a row in the store."""

    def __init__(self, store: Store, catalog: Catalog, session_id: int, state: SessionState,
                 clock: Clock = time.monotonic, wall_clock: WallClock = utc_now) -> None:
        self.store = store
        self.wall_clock = wall_clock
        """Dates for review scheduling (the countdowns use the monotonic `clock`)."""
        self.catalog = catalog
        self.id = session_id
        self.state = state
        self.clock = clock
        self.round_clock = self._countdown(self.round)
        self.question_clock = self._question_countdown()
        self._last_snapshot_at: float | None = None
        self._expiry_reported: set[str] = set()

    # -- starting and resuming ---------------------------------------------------------------

    @classmethod
    def start(cls, store: Store, catalog: Catalog, plan: SessionPlan, sandbox: Sandbox,
              clock: Clock = time.monotonic) -> Session:
        """Pick the items, save the new session and return it, not yet running."""
        seed = plan.seed if plan.seed is not None else random.SystemRandom().randrange(2**31)
        seen = {attempt["item_id"] for attempt in store.attempts()}
        rounds = build_rounds(plan, catalog, random.Random(seed), sandbox, seen,
                              topic_weights(store))
        if not any(r.items for r in rounds):
            raise SessionError("the bank has nothing for this loop: add problems or pick "
                               "another loop")
        state = SessionState(plan.loop.id, plan.loop.title, plan.mode, seed, rounds)
        session_id = store.create_session(plan.loop.id, plan.mode, state.to_dict())
        return cls(store, catalog, session_id, state, clock)

    @classmethod
    def resume(cls, store: Store, catalog: Catalog, session_id: int,
               clock: Clock = time.monotonic) -> Session:
        """The saved session, paused at the time used when it was last saved."""
        row = store.session(session_id)
        if row is None:
            raise SessionError(f"there is no session {session_id}")
        return cls(store, catalog, session_id, SessionState.from_dict(row["state"]), clock)

    # -- where we are -----------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return self.state.mode

    @property
    def practice(self) -> bool:
        return self.state.mode == PRACTICE

    @property
    def round(self) -> RoundState | None:
        return self.state.current_round

    @property
    def item(self) -> Item | None:
        return self.round.current if self.round else None

    @property
    def finished(self) -> bool:
        return self.state.finished

    def problem(self, item: CodingItem | None = None) -> CodingProblem:
        """The coding problem of an item (the current one by default)."""
        found = self.catalog.coding.get((item or self._current(CodingItem)).item_id)
        if found is None:
            raise SessionError("this problem is no longer in the bank")
        return found

    def question(self, item: QuestionItem | None = None) -> SkillQuestion:
        found = self.catalog.questions.get((item or self._current(QuestionItem)).item_id)
        if found is None:
            raise SessionError("this question is no longer in the bank")
        return found

    def _current(self, item_type: type) -> Any:
        if not isinstance(self.item, item_type):
            raise SessionError(f"the current item is not a {item_type.__name__}")
        return self.item

    # -- time --------------------------------------------------------------------------------

    def begin(self) -> None:
        """Start (or continue) the current round's clocks."""
        current = self.round
        if current is None:
            return
        current.status = "active"
        self.round_clock.start()
        self.question_clock.start()
        self.save()

    def pause(self) -> None:
        """Stop the clocks; interview mode allows it only for breaks between rounds."""
        if not self.practice and self.round and self.round.kind != "break":
            raise SessionError("the clock cannot be paused in interview mode")
        self.round_clock.pause()
        self.question_clock.pause()
        self.save()

    @property
    def paused(self) -> bool:
        return self.round_clock.running_since is None

    def tick(self) -> list[str]:
        """What ran out since the last tick (interview mode only); each is reported once."""
        if self.practice or self.round is None or self.round.status != "active":
            return []
        expired = []
        if self.round_clock.expired and self.round.kind not in UNSCORED_ROUNDS:
            expired.append(ROUND_EXPIRED)
        if isinstance(self.item, QuestionItem) and self.question_clock.expired:
            expired.append(QUESTION_EXPIRED)
        fresh = [e for e in expired if f"{e}:{self._where()}" not in self._expiry_reported]
        self._expiry_reported.update(f"{e}:{self._where()}" for e in fresh)
        return fresh

    def _where(self) -> str:
        return f"{self.state.round_index}.{self.round.position if self.round else 0}"

    def _countdown(self, current: RoundState | None) -> Countdown:
        if current is None:
            return Countdown(0.0, self.clock)
        return Countdown(current.budget_seconds, self.clock, current.used_seconds)

    def _question_countdown(self) -> Countdown:
        item = self.item
        if not isinstance(item, QuestionItem):
            return Countdown(0.0, self.clock)
        return Countdown(item.budget_seconds, self.clock, item.used_seconds)

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the state, with every clock's used time, to the store."""
        if self.round is not None:
            self.round.used_seconds = self.round_clock.used
        if isinstance(self.item, QuestionItem):
            self.item.used_seconds = self.question_clock.used
        status = "finished" if self.state.finished else "active"
        self.store.save_session_state(self.id, self.state.to_dict(), status)

    def draft(self, item: Item | None = None) -> str | None:
        item = item or self.item
        if item is None:
            return None
        return self.store.draft(self.id, self.state.round_index, item.item_id)

    def save_draft(self, text: str) -> None:
        """Keep what is typed; coding drafts also leave a snapshot on the timeline now and then."""
        item = self.item
        if item is None:
            return
        self.store.save_draft(self.id, self.state.round_index, item.item_id, text)
        if isinstance(item, CodingItem):
            self._maybe_snapshot(item, text)
        self.save()

    def _maybe_snapshot(self, item: CodingItem, text: str) -> None:
        now = self.round_clock.used
        if self._last_snapshot_at is not None and now - self._last_snapshot_at < \
                SNAPSHOT_EVERY_SECONDS:
            return
        self._last_snapshot_at = now
        item.events.append(Event(round(now, 1), "snapshot",
                                 {"lines": text.count("\n") + 1, "chars": len(text)}))

    # -- coding ------------------------------------------------------------------------------

    def code(self, item: CodingItem | None = None) -> str:
        """The saved draft, or the starter code on first sight."""
        item = item or self._current(CodingItem)
        saved = self.draft(item)
        return saved if saved is not None else self.problem(item).starter

    def record_grade(self, kind: str, result: GradeResult | None = None, *,
                     item: CodingItem | None = None, detail: dict[str, Any] | None = None,
                     auto: bool = False) -> None:
        """Keep a run ('run', 'custom') or a submission ('submit'); submissions set the score."""
        item = item or self._current(CodingItem)
        summary = grade_to_dict(result) if result is not None else {}
        info = {**({"passed": summary["passed_count"], "total": summary["total"]}
                   if summary else {}), **(detail or {})}
        at = round(self.round_clock.used, 1)
        if kind == "submit":
            item.submits += 1
            item.submission = summary
            item.score = self._coding_score(item)
            item.events.append(Event(at, "auto-submit" if auto else "submit", info))
            self.store.record_attempt(self.id, item.item_id, "coding",
                                      {**summary, "auto": auto, "at": at, "hints": item.hints})
        else:
            item.runs += 1
            item.last_run = summary or None
            item.events.append(Event(at, kind, info))
        self.save()

    def record_complexity(self, item_id: str, check: dict[str, Any]) -> None:
        """Keep the complexity check of an accepted submission (it may arrive after the round)."""
        for current in self.state.rounds:
            for item in current.items:
                if isinstance(item, CodingItem) and item.item_id == item_id:
                    item.complexity = check
        self.save()

    def _coding_score(self, item: CodingItem) -> float:
        summary = item.submission or {}
        fraction = summary.get("passed_count", 0) / summary["total"] if summary.get("total") \
            else 0.0
        penalty = 0.0 if self.practice else min(MAX_HINT_PENALTY, HINT_PENALTY * item.hints)
        return round(max(0.0, fraction - penalty), 4)

    def take_hint(self) -> str | None:
        """The next hint, or None when there are no more; interview mode counts the cost."""
        item = self._current(CodingItem)
        hints = self.problem(item).hints
        if item.hints >= len(hints):
            return None
        item.hints += 1
        item.events.append(Event(round(self.round_clock.used, 1), "hint", {"number": item.hints}))
        if item.submission is not None:
            item.score = self._coding_score(item)
        self.save()
        return hints[item.hints - 1]

    def hints_shown(self, item: CodingItem | None = None) -> list[str]:
        item = item or self._current(CodingItem)
        return self.problem(item).hints[:item.hints]

    def can_view_solution(self, item: CodingItem | None = None) -> bool:
        """Practice mode, after at least one run or submission."""
        item = item or self._current(CodingItem)
        return self.practice and (item.runs + item.submits) > 0

    def view_solution(self) -> str:
        item = self._current(CodingItem)
        if not self.can_view_solution(item):
            raise SessionError("the solution opens in practice mode after a first attempt")
        item.solution_viewed = True
        item.events.append(Event(round(self.round_clock.used, 1), "solution"))
        self.save()
        return self.problem(item).reference

    def unsubmitted(self) -> list[tuple[CodingItem, CodingProblem, str]]:
        """Coding items of this round with no submission yet, and their code (to auto-submit)."""
        current = self.round
        if current is None:
            return []
        return [(item, self.problem(item), self.code(item)) for item in current.items
                if isinstance(item, CodingItem) and item.submission is None
                and item.item_id in self.catalog.coding]

    # -- skills ------------------------------------------------------------------------------

    def shown_options(self, item: QuestionItem | None = None) -> list[str]:
        item = item or self._current(QuestionItem)
        options = self.question(item).options
        return [options[i].text for i in item.order]

    def question_text(self, item: QuestionItem | None = None) -> str:
        from interview.templates import fill
        item = item or self._current(QuestionItem)
        return fill(self.question(item).question, item.values)

    def explanation(self, item: QuestionItem | None = None) -> str:
        from interview.templates import fill
        item = item or self._current(QuestionItem)
        return fill(self.question(item).explanation, {**item.values, "answer": item.expected})

    def answer(self, response: Any) -> AnswerGrade:
        """Grade the current question's answer, keep it, and stay on it (call next_item)."""
        item = self._current(QuestionItem)
        if item.answered:
            raise SessionError("this question is already answered")
        grade = grade_answer(self.question(item), item, response)
        item.response = sorted(response) if isinstance(response, set) else response
        item.used_seconds = self.question_clock.used
        item.grade = {"score": grade.score, "feedback": grade.feedback,
                      "covered": grade.covered, "missed": grade.missed}
        self.question_clock.pause()
        topic = self.question(item).topic
        self.store.record_attempt(self.id, item.item_id, "skill",
                                  {**item.grade, "seconds": round(item.used_seconds, 1),
                                   "budget": item.budget_seconds, "topic": topic})
        record_review(self.store, Evidence(item.item_id, "skill", topic, grade.score,
                                           item.used_seconds, item.budget_seconds),
                      self.wall_clock())
        self.save()
        return grade

    # -- moving on ---------------------------------------------------------------------------

    def next_item(self) -> bool:
        """Go to the round's next item; False when this was the last one."""
        current = self.round
        if current is None or current.position + 1 >= len(current.items):
            return False
        self._leave_item()
        current.position += 1
        self.question_clock = self._question_countdown()
        if current.status == "active":
            self.question_clock.start()
        self.save()
        return True

    def _leave_item(self) -> None:
        if isinstance(self.item, QuestionItem):
            self.item.used_seconds = self.question_clock.used
        self.question_clock.pause()

    def drop_missing_items(self) -> list[str]:
        """Leave out this round's items that the bank no longer has (a file was removed or
        broke since the session started); a round left empty is ended as skipped."""
        current = self.round
        if current is None:
            return []
        missing = [item.item_id for item in current.items if self.catalog.item(item.item_id)
                   is None]
        if not missing:
            return []
        current.items = [item for item in current.items if item.item_id not in missing]
        current.position = min(current.position, max(0, len(current.items) - 1))
        self.question_clock = self._question_countdown()
        if not current.items and current.kind not in UNSCORED_ROUNDS:
            self.end_round("skipped")
        self.save()
        return missing

    def end_round(self, ended_by: str = "submitted") -> RoundState | None:
        """Close the current round (scoring it) and move to the next; None after the last."""
        current = self.round
        if current is None:
            return None
        self._leave_item()
        self.round_clock.pause()
        for item in current.items:
            if isinstance(item, QuestionItem) and not item.answered:
                item.grade = {"score": 0.0, "feedback": "not answered", "covered": [],
                              "missed": []}
        current.used_seconds = self.round_clock.used
        current.status, current.ended_by = "done", ended_by
        current.score = round_score(current)
        self._record_round_evidence(current)
        self.state.round_index += 1
        self.round_clock = self._countdown(self.round)
        self.question_clock = self._question_countdown()
        self._last_snapshot_at = None
        if self.round is None:
            self.state.finished = True
        self.save()
        return self.round

    def _record_round_evidence(self, current: RoundState) -> None:
        """Schedule the round's coding problems for review once, from how the round went,
        and keep design and data answers in the attempts history."""
        share = current.budget_seconds / max(1, len(current.items))
        for item in current.items:
            if isinstance(item, CodingItem) and item.item_id in self.catalog.coding and \
                    (item.runs or item.submits):
                evidence = Evidence(item.item_id, "coding",
                                    coding_topic(self.catalog.coding[item.item_id].tags),
                                    item.score or 0.0, current.used_seconds, share, item.hints,
                                    item.solution_viewed)
                record_review(self.store, evidence, self.wall_clock())
            elif isinstance(item, WrittenItem) and item.score:
                self.store.record_attempt(self.id, item.item_id, item.kind,
                                          {"score": item_score(item),
                                           "overall": item.score.get("overall")})

    def finish(self) -> None:
        """End every remaining round now (the candidate stopped early)."""
        while self.round is not None:
            skipped = self.round.status == "pending" and self.round.kind not in UNSCORED_ROUNDS
            self.end_round("skipped" if skipped else "submitted")

    def abandon(self) -> None:
        """Set the session aside: it is kept, but no longer offered for resuming."""
        self.save()
        self.store.save_session_state(self.id, self.state.to_dict(), "abandoned")

    def overall_score(self) -> float | None:
        scores = [r.score for r in self.state.rounds if r.score is not None]
        return round(sum(scores) / len(scores), 4) if scores else None


def grade_answer(question: SkillQuestion, item: QuestionItem, response: Any) -> AnswerGrade:
    """Grade a response to a question as it was shown (shuffled options, drawn numbers)."""
    if question.type == "mcq":
        chosen = set(response or ())
        correct = {shown for shown, i in enumerate(item.order) if question.options[i].correct}
        return grade_mcq(chosen, correct)
    text = str(response or "")
    if question.type == "numeric":
        expected = item.expected if item.expected is not None else question.answer or 0.0
        return grade_numeric(text, expected, question.tolerance, question.relative,
                             question.unit)
    return grade_short(text, question.points)


def round_score(current: RoundState) -> float | None:
    """The mean item score of a round (0 for items never finished); None for breaks."""
    if current.kind in UNSCORED_ROUNDS or not current.items:
        return None
    return round(sum(item_score(item) for item in current.items) / len(current.items), 4)


def item_score(item: Item) -> float:
    if isinstance(item, CodingItem):
        return item.score or 0.0
    if isinstance(item, QuestionItem):
        return float((item.grade or {}).get("score", 0.0))
    if isinstance(item, WrittenItem) and item.score:
        if "fraction" in item.score:
            return float(item.score["fraction"])
        return float(item.score.get("overall", 0.0)) / 3  # a design score without its fraction
    return 0.0
