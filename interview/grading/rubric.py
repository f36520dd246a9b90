"""Scoring an ML system-design answer against the rubric, one sentence at a time.

A key point counts only when one sentence both names it (matches one of its cues) and says
something about it, so an answer that lists the rubric's vocabulary earns little. The rules:

Sentences
    Each Markdown line is split at ". ", "! ", "? " and ";"; a bullet, a numbered item or a
    heading is a sentence of its own, and a hard-wrapped line is joined to the line it continues.
    Markup (``**``, ``#``, ``>``, list markers, backticks) is dropped. Headings and bold lead-in
    labels ("**Data.**") name a section and are vocabulary. Commas, colons and table bars cut a
    sentence into fragments.
Cues
    A cue matches a sentence when each of its words occurs there, in any order, within a window
    of len(cue) + 2 words. Words are compared after light stemming (``quiz._stem``), a small
    synonym table (milliseconds = ms, British spellings, "approximate nearest neighbour" = ANN)
    and fuzzy matching of words of 5+ letters (``quiz._same_word``: a typo, never a negation
    prefix). A multi-word cue also matches the joined word ("trade off" = "tradeoff"), and two
    adjacent words of the answer match a one-word cue ("re-rank" = "rerank").
Vocabulary (names a point, says nothing about it)
    (a) an echo of the rubric: words inside a run of 5+ words copied from a key point or red
    flag text are the rubric's, not the candidate's, and never supply a marker; a sentence that
    is half such words is an echo, which neither covers a point nor raises a flag; (b) every
    other word belongs to a matched cue or is a stop word ("the two-tower and AUC"); (c) a term
    list: 3+ fragments, at least 3/4 of them 4 words or shorter. In a term list one fragment still counts on its own when it carries a reason, a
    comparison or a number outside its cue words ("device (TV vs phone)"); a lead-in verb
    ("we use a, b, c, d") does not make every item count.
Substance
    Any other sentence is substantive when it holds a reason (because, since, so, so that, to
    avoid...), a comparison or trade-off (vs, instead of, rather than, but, than, cheaper...), a
    number, a choice (would, will, should, we'd + a word) or an action verb (use, train, split,
    cache...) that is not itself part of a cue.
Key points
    A point is *covered* by a substantive sentence matching one of its cues (the one matching
    most of its cues is reported), and only *mentioned* when every sentence matching it is
    vocabulary.
Red flags
    A ``present`` flag triggers on the first sentence matching one of its cues, unless a
    negation (not, no, never, avoid, instead of, rather than, without...) comes up to six words
    before the cue with no "but"/"so"/"then" in between, or a word such as "wrong", "leak",
    "mistake" or a "is not" follows within six words, or the sentence is an echo of the rubric.
    An ``absent`` flag triggers when no sentence matches any of its cues.
Scores (0-3 per dimension)
    With f the fraction of key points covered (generic plus prompt-specific): 3 if f >= 0.5,
    2 if f >= 0.25, 1 if any point is covered, else 0. A dimension covered only by vocabulary is
    capped at 1: it gets 1 when a quarter of its points are mentioned, else 0. Each triggered
    red flag then costs one point, down to 0. The overall score is the mean of the dimension
    scores weighted by ``Dimension.weight``.
"""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from interview.grading.quiz import _same_word, _stem
from interview.models import DesignPrompt, Dimension, KeyPoint, RedFlag, RubricPart
from interview.text import printable

MAX_SCORE = 3
FULL_SHARE, PARTIAL_SHARE = 0.5, 0.25
"""Fractions of key points covered for a 3 and for a 2."""
MENTION_SHARE = 0.25
"""Fraction of key points a vocabulary-only dimension must name to score 1."""
WINDOW_SLACK = 2
ECHO_RUN, ECHO_SHARE = 5, 0.5
"""Copied runs of this many words are the rubric's; a sentence this much copied is an echo."""
LIST_FRAGMENTS, SHORT_FRAGMENT, LIST_SHARE = 3, 4, 0.75
NEGATION_REACH = 6
FUZZY_MIN = 5

Cue = tuple[str, ...]

# -- result dataclasses -----------------------------------------------------------------------


@dataclass(frozen=True)
class CoveredPoint:
    """A key point the answer makes, with the sentence that makes it."""

    point: str
    """The key point's text, as written in the rubric."""
    sentence: str
    """A sentence that names the point and says something about it (of several, the one
    matching most of the point's cues, then the earliest)."""


@dataclass(frozen=True)
class TriggeredFlag:
    """A red flag the answer raised."""

    flag: str
    """The red flag's text, as written in the rubric."""
    when: str
    """`present` (a cue appeared) or `absent` (no cue appeared anywhere)."""
    sentence: str = ""
    """The sentence that raised a `present` flag; empty for an `absent` flag."""


@dataclass(frozen=True, kw_only=True)
class PartScore:
    """How an answer did against one rubric part (a design dimension or a conclusion)."""

    score: int
    """0-3: coverage thresholds, capped at 1 when vocabulary-only, minus one per red flag."""
    covered: list[CoveredPoint]
    missed: list[str]
    """Key points no substantive sentence makes, in rubric order."""
    mentioned: list[str] = field(default_factory=list)
    """The missed points whose cues appear, but only as vocabulary (lists, echoes)."""
    red_flags: list[TriggeredFlag] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        """Fraction of key points covered, in [0, 1]."""
        total = len(self.covered) + len(self.missed)
        return len(self.covered) / total if total else 0.0

    @property
    def vocabulary_only(self) -> bool:
        """The answer names this part's points but never says anything about them."""
        return not self.covered and bool(self.mentioned)

    def as_dict(self) -> dict[str, Any]:
        return {
            "score": self.score, "max": MAX_SCORE, "coverage": round(self.coverage, 3),
            "vocabulary_only": self.vocabulary_only,
            "covered": [{"point": c.point, "sentence": c.sentence} for c in self.covered],
            "missed": list(self.missed), "mentioned": list(self.mentioned),
            "red_flags": [{"flag": f.flag, "when": f.when, "sentence": f.sentence}
                          for f in self.red_flags],
        }


@dataclass(frozen=True, kw_only=True)
class DimensionScore(PartScore):
    """A `PartScore` for one of the ten design dimensions."""

    dimension_id: str
    code: str
    title: str
    weight: int

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.dimension_id, "code": self.code, "title": self.title,
                "weight": self.weight, **super().as_dict()}


@dataclass(frozen=True)
class DesignScore:
    """A design answer scored on every rubric dimension."""

    prompt_id: str
    dimensions: list[DimensionScore]
    """In rubric order."""

    @property
    def overall(self) -> float:
        """The dimension scores' mean weighted by `Dimension.weight`, 0-3."""
        total = sum(d.weight for d in self.dimensions)
        return sum(d.score * d.weight for d in self.dimensions) / total if total else 0.0

    @property
    def percent(self) -> float:
        return round(100 * self.overall / MAX_SCORE, 1)

    def as_dict(self) -> dict[str, Any]:
        return {"prompt": self.prompt_id, "overall": round(self.overall, 2),
                "max": MAX_SCORE, "percent": self.percent,
                "dimensions": [d.as_dict() for d in self.dimensions]}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False)


# -- words ------------------------------------------------------------------------------------

WORD = re.compile(r"[a-z]+[0-9]*|[0-9]+(?:\.[0-9]+)?")
PHRASES = [(re.compile(pattern), replacement) for pattern, replacement in (
    (r"n't\b", " not"), (r"@", " at "), (r"&", " and "),
    (r"approximate nearest[- ]neighbou?rs?( search)?", "ann"),
    (r"click[- ]through[- ]rates?", "ctr"), (r"\bk8s\b", "kubernetes"),
)]
SYNONYMS = {"millisecond": "ms", "msec": "ms", "rps": "qps", "versus": "vs", "v": "vs",
            "labell": "label", "modell": "model", "catalogue": "catalog", "xgb": "xgboost"}


@lru_cache(maxsize=65536)
def _canonical(word: str) -> str:
    """The form two spellings of a word share: British -ise/-our folded, stemmed, synonyms."""
    if len(word) >= 6:
        word = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word)
        word = re.sub(r"our(s|ed|ing)?$", r"or\1", word) if len(word) >= 7 else word
    stem = _stem(word)
    return SYNONYMS.get(stem, stem)


def _normalize(text: str) -> str:
    text = text.lower().replace("’", "'")
    for pattern, replacement in PHRASES:
        text = pattern.sub(replacement, text)
    return text


def _words(text: str) -> list[str]:
    """The canonical words of a text, in order."""
    return [_canonical(word) for word in WORD.findall(_normalize(text))]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(_canonical(w) for w in text.split())


def _verb_forms(verbs: str) -> frozenset[str]:
    """Each verb with -s, -ed and -ing (doubled consonant too), as canonical words."""
    forms = set()
    for verb in verbs.split():
        root = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", root + "ed", root + "ing", verb + verb[-1] + "ed",
                  verb + verb[-1] + "ing"}
    return frozenset(_canonical(form) for form in forms)


REASONS = _word_set("because since so therefore thus hence otherwise due why given") | \
    _verb_forms("avoid ensure prevent")
COMPARISONS = _word_set("vs instead rather than but tradeoff whereas unlike against between") | \
    _verb_forms("compare") | _word_set("cheaper faster slower better worse more less fewer higher lower larger "
                        "smaller simpler")
QUANTITIES = _word_set("one two three four five six seven eight nine ten hundred thousand "
                       "million billion half twice double percent")
MODALS = _word_set("would will should d ll can could must might shall")
VERBS = _verb_forms(
    "use choose pick prefer train retrain fine split sample downsample upsample weight compute "
    "precompute store cache log serve rank rerank retrieve filter join dedupe deduplicate "
    "calibrate monitor alert measure evaluate compare run randomize deploy roll ramp fall "
    "estimate set cap limit track combine predict label define start add build keep refresh "
    "update embed encode bucket hash normalize shard batch quantize distill index fetch treat "
    "correct ask assume check audit wait optimize minimize maximize tune give get take need "
    "spend allocate send drop exclude include count aggregate bound budget require expect "
    "assign collect replace apply fit debias backfill stream schedule trigger guard gate "
    "shadow canary detect flag block allow route reserve cut reduce increase boost penalize "
    "explore exploit mix blend merge learn")
STOPWORDS = _word_set("a an the and or of to in on for with by at as is are be been was were "
                      "we i our it its this that these those from into each all any their "
                      "there also etc eg ie e g via per my us")
BREAKERS = _word_set("but so then however while whereas although")
NEGATORS = _word_set("not no never avoid instead rather without against nor neither unlike "
                     "stop")
POST_NEGATORS = _word_set("wrong mistake misleading leak trap pitfall flaw flawed invalid "
                          "dangerous bad inflate overestimate optimistic useless meaningless")
COPULAS = _word_set("is are was were be would should does do did will can ca wo must")

# -- compiling a rubric once ------------------------------------------------------------------


def _deletions(word: str) -> set[str]:
    """The word and each form with one letter removed: two words one typo apart (a letter
    added, dropped, changed or two swapped) share one of these."""
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


class _Matcher:
    """Which cue words an answer word stands for: itself, or a close typo of a longer word.

    The deletion index (symmetric delete, as in SymSpell) keeps fuzzy matching cheap: only the
    few cue words sharing a deletion variant are compared with `quiz._same_word`.
    """

    def __init__(self, cue_words: Iterable[str]) -> None:
        self.words = frozenset(cue_words)
        self.index: dict[str, set[str]] = defaultdict(set)
        for word in self.words:
            if len(word) >= FUZZY_MIN:
                for variant in _deletions(word):
                    self.index[variant].add(word)
        self.seen: dict[str, tuple[str, ...]] = {}

    def matches(self, token: str) -> tuple[str, ...]:
        found = self.seen.get(token)
        if found is None:
            found = self._lookup(token)
            if len(self.seen) > 100_000:
                self.seen.clear()
            self.seen[token] = found
        return found

    def _lookup(self, token: str) -> tuple[str, ...]:
        exact = (token,) if token in self.words else ()
        if len(token) < FUZZY_MIN:
            return exact
        candidates = {word for variant in _deletions(token) for word in self.index.get(variant, ())}
        return exact + tuple(sorted(word for word in candidates if _typo(word, token)))


def _typo(cue_word: str, word: str) -> bool:
    """A typo keeps the first letter ("shard" is not "hard"); `quiz._same_word` decides the rest."""
    return cue_word != word and cue_word[0] == word[0] and _same_word(cue_word, word)


@dataclass(frozen=True)
class _Part:
    """A rubric part whose cues are word tuples (multi-word cues also as one joined word)."""

    points: list[tuple[KeyPoint, list[Cue]]]
    flags: list[tuple[RedFlag, list[Cue]]]


@dataclass(frozen=True)
class _Compiled:
    """Everything about a rubric that does not depend on the answer, built once per rubric."""

    parts: dict[str, _Part]
    matcher: _Matcher
    anchors: dict[str, list[Cue]]
    """Cues by their longest word: a sentence is only checked for cues whose anchor it has."""
    point_cues: frozenset[Cue]
    flag_cues: frozenset[Cue]
    echo_grams: frozenset[Cue]


def _cues(texts: Iterable[str]) -> list[Cue]:
    cues: list[Cue] = []
    for text in texts:
        words = tuple(_words(text))
        variants = [words, ("".join(words),)] if 2 <= len(words) <= 3 else [words]
        cues += [v for v in variants if _usable(v) and v not in cues]
    return cues


def _usable(cue: Cue) -> bool:
    """A cue made only of numbers ("1%") would match any sentence with that number."""
    return bool(cue) and not all(word[0].isdigit() for word in cue)


def _grams(words: list[str], size: int = ECHO_RUN) -> set[Cue]:
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def _compile(parts: dict[str, RubricPart]) -> _Compiled:
    compiled = {name: _Part([(p, _cues(p.cues)) for p in part.key_points],
                            [(f, _cues(f.cues)) for f in part.red_flags])
                for name, part in parts.items()}
    point_cues = {c for part in compiled.values() for _, cues in part.points for c in cues}
    flag_cues = {c for part in compiled.values() for _, cues in part.flags for c in cues}
    anchors: dict[str, list[Cue]] = defaultdict(list)
    for cue in point_cues | flag_cues:
        anchors[max(cue, key=len)].append(cue)
    texts = [p.point for part in parts.values() for p in part.key_points] + \
            [f.flag for part in parts.values() for f in part.red_flags]
    grams = {gram for text in texts for gram in _grams(_words(text))}
    words = {word for cue in point_cues | flag_cues for word in cue}
    return _Compiled(compiled, _Matcher(words), dict(anchors), frozenset(point_cues),
                     frozenset(flag_cues), frozenset(grams))


_CACHE: OrderedDict[tuple[int, ...], tuple[tuple[Any, ...], _Compiled]] = OrderedDict()
_CACHE_LOCK = threading.Lock()
CACHE_SIZE = 64


def _cached(owners: tuple[Any, ...], build: Callable[[], _Compiled]) -> _Compiled:
    """The compiled rubric for these objects (by identity), built on first use."""
    key = tuple(id(owner) for owner in owners)
    with _CACHE_LOCK:
        entry = _CACHE.get(key)
        if entry and all(a is b for a, b in zip(entry[0], owners, strict=True)):
            _CACHE.move_to_end(key)
            return entry[1]
        compiled = build()
        _CACHE[key] = (owners, compiled)  # holding the owners keeps their ids unique
        if len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
        return compiled


def _design_parts(prompt: DesignPrompt, rubric: list[Dimension]) -> dict[str, RubricPart]:
    """Generic plus prompt-specific key points and red flags, per dimension id."""
    parts = {}
    for dimension in rubric:
        extra = prompt.rubric.get(dimension.id, RubricPart())
        parts[dimension.id] = RubricPart(dimension.generic.key_points + extra.key_points,
                                         dimension.generic.red_flags + extra.red_flags)
    return parts


def _compiled_design(prompt: DesignPrompt, rubric: list[Dimension]) -> _Compiled:
    return _cached((prompt, rubric), lambda: _compile(_design_parts(prompt, rubric)))


# -- reading an answer ------------------------------------------------------------------------

MARKUP = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+•]\s+|\d+[.)]\s+)*")
INLINE = re.compile(r"\*\*|__|`|~~")
ABBREVIATIONS = re.compile(r"\b(e\.g|i\.e|vs|etc|approx|cf|resp)\.", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|;\s*")
FRAGMENT = re.compile(r"[,:|]")
BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|>|[-*+•]\s|\d+[.)]\s|\|)")
OPEN_END = re.compile(r"(?:,|\b(?:and|or|of|the|to|a|an|in|on|for|with|by|vs|from|at))\s*$")
HEADING = re.compile(r"^\s*#{1,6}\s")
BOLD_LABEL = re.compile(r"^\s*(?:[-*+•]\s+)?\*\*([^*]{1,60})\*\*\s*")


def split_sentences(answer: str) -> list[str]:
    """The answer's sentences: lines, bullets and headings each start a new one."""
    return [text for text, _ in _split(answer)]


def _split(answer: str) -> list[tuple[str, bool]]:
    """Each sentence, and whether it is a heading or a bold lead-in label ("**Data.**")."""
    sentences = []
    for line in _lines(answer):
        line = ABBREVIATIONS.sub(lambda m: m.group(1).replace(".", ""), line)
        label = BOLD_LABEL.match(line)
        if label:
            sentences.append((label.group(1).strip(), True))
            line = line[label.end():]
        heading = bool(HEADING.match(line))
        line = INLINE.sub("", MARKUP.sub("", line))
        sentences += [(s.strip(), heading) for s in SENTENCE_END.split(line)]
    return [(text, heading) for text, heading in sentences if WORD.search(text.lower())]


def _lines(answer: str) -> list[str]:
    """Lines, with a hard-wrapped continuation joined to the line it continues."""
    lines: list[str] = []
    for line in answer.splitlines():
        if lines and _continues(lines[-1], line):
            lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
        else:
            lines.append(line)
    return lines


def _continues(previous: str, line: str) -> bool:
    """A wrapped line: the previous one is unfinished and this one starts no new block."""
    text, last = line.strip(), previous.rstrip()
    if not text or not last or BLOCK_START.match(line):
        return False
    if last.lstrip().startswith(("#", "|")) or last.endswith((".", "!", "?", ":")):
        return False
    return text[0].islower() or text[0].isdigit() or text[0] in "([~≈→&+" or \
        bool(OPEN_END.search(last))


@dataclass
class _Sentence:
    """One sentence, with its cue matches and whether it says anything of its own."""

    text: str
    words: list[str]
    fragment_of: list[int]
    hits: dict[Cue, list[int]]
    heading: bool = False
    """A heading or bold lead-in label: it names a section and never covers or raises."""
    echoed: set[int] = field(default_factory=set)
    """Positions of words copied from the rubric's own key point or red flag texts."""
    echo: bool = False
    """Half or more of the sentence is copied from the rubric."""
    listing: bool = False
    substantive: bool = False
    strong_fragments: set[int] = field(default_factory=set)

    def counts_for(self, cue: Cue) -> bool:
        """Whether this sentence's match of `cue` is substance rather than vocabulary."""
        if self.echo:
            return False
        if self.listing:
            return any(self.fragment_of[p] in self.strong_fragments for p in self.hits[cue])
        return self.substantive

    def raises(self, cue: Cue) -> bool:
        """Whether this sentence's match of a red-flag cue raises the flag."""
        return not (self.heading or self.echo or _negated(self.words, self.hits[cue]))


def _read_sentence(text: str, heading: bool, compiled: _Compiled) -> _Sentence:
    words: list[str] = []
    fragment_of: list[int] = []
    for index, fragment in enumerate(FRAGMENT.split(text)):
        fragment_words = _words(fragment)
        words += fragment_words
        fragment_of += [index] * len(fragment_words)
    sentence = _Sentence(text, words, fragment_of, _match_cues(words, compiled), heading)
    if not heading:
        _judge(sentence, compiled)
    return sentence


def _match_cues(words: list[str], compiled: _Compiled) -> dict[Cue, list[int]]:
    """Every cue the sentence matches, with the positions of the words it used."""
    positions: dict[str, list[int]] = defaultdict(list)
    for at, word in enumerate(words):
        for cue_word in compiled.matcher.matches(word):
            positions[cue_word].append(at)
    for at in range(len(words) - 1):
        joined = words[at] + words[at + 1]
        if joined in compiled.matcher.words:
            positions[joined] += [at, at + 1]
    candidates = {cue for word in positions for cue in compiled.anchors.get(word, ())}
    hits = {}
    for cue in candidates:
        used = _window(cue, positions)
        if used is not None:
            hits[cue] = used
    return hits


def _window(cue: Cue, positions: dict[str, list[int]]) -> list[int] | None:
    """The positions of the smallest window holding every cue word, if it is short enough."""
    if not all(word in positions for word in cue):
        return None
    if len(cue) == 1:
        return positions[cue[0]]
    events = sorted((at, index) for index, word in enumerate(cue) for at in positions[word])
    best: tuple[int, int] | None = None
    last: dict[int, int] = {}
    for at, index in events:
        last[index] = at
        if len(last) == len(cue):
            start = min(last.values())
            if best is None or at - start < best[1] - best[0]:
                best = (start, at)
    if best is None or best[1] - best[0] > len(cue) - 1 + WINDOW_SLACK:
        return None
    return [at for at, _ in events if best[0] <= at <= best[1]]


def _judge(sentence: _Sentence, compiled: _Compiled) -> None:
    """Decide whether the sentence is vocabulary or substance (see the module docstring)."""
    words = sentence.words
    sentence.echoed = _echoed(words, compiled.echo_grams)
    sentence.echo = bool(words) and len(sentence.echoed) >= ECHO_SHARE * len(words)
    consumed = {p for cue, used in sentence.hits.items() if cue in compiled.point_cues
                for p in used} | sentence.echoed
    own = [p for p in range(len(words)) if p not in consumed and words[p] not in STOPWORDS]
    sizes = [sentence.fragment_of.count(i) for i in sorted(set(sentence.fragment_of))]
    sentence.listing = len(sizes) >= LIST_FRAGMENTS and \
        sum(size <= SHORT_FRAGMENT for size in sizes) >= LIST_SHARE * len(sizes)
    if sentence.listing:
        sentence.strong_fragments = {sentence.fragment_of[p] for p in own
                                     if _strong(words[p])}
    else:
        fresh = [word for p, word in enumerate(words) if p not in sentence.echoed]
        sentence.substantive = bool(own) and _has_marker(words, own, fresh)


def _echoed(words: list[str], echo_grams: frozenset[Cue]) -> set[int]:
    """Positions inside a run of ECHO_RUN or more words copied from the rubric's own text."""
    echoed: set[int] = set()
    for start in range(len(words) - ECHO_RUN + 1):
        if tuple(words[start:start + ECHO_RUN]) in echo_grams:
            echoed.update(range(start, start + ECHO_RUN))
    return echoed


def _strong(word: str) -> bool:
    """A reason, a comparison or a quantity: what makes one item of a list count."""
    return _connective(word) or word in QUANTITIES or word[0].isdigit()


def _connective(word: str) -> bool:
    return word in REASONS or word in COMPARISONS


def _has_marker(words: list[str], own: list[int], fresh: list[str]) -> bool:
    """A reason, comparison or digit anywhere outside copied rubric text, or a number word,
    verb or modal of the sentence's own."""
    if any(_connective(word) or word[0].isdigit() for word in fresh):
        return True
    return any(_strong(words[p]) or words[p] in VERBS or
               (words[p] in MODALS and p + 1 < len(words)) for p in own)


def _negated(words: list[str], used: list[int]) -> bool:
    """A negation shortly before the cue (not across "but"/"so"), or a verdict after it."""
    start, end = min(used), max(used)
    for at in range(start - 1, max(-1, start - 1 - NEGATION_REACH), -1):
        if words[at] in BREAKERS:
            break
        if words[at] in NEGATORS:
            return True
    after = range(end + 1, min(len(words), end + 1 + NEGATION_REACH))
    return any(words[at] in POST_NEGATORS or
               (words[at] == "not" and words[at - 1] in COPULAS) for at in after)


@dataclass
class _Reading:
    """Where each cue is mentioned, covered and (for flags) raised, by sentence index."""

    mentioned: dict[Cue, int] = field(default_factory=dict)
    """The first sentence matching each cue."""
    covered: dict[Cue, list[int]] = field(default_factory=lambda: defaultdict(list))
    """Every substantive sentence matching each cue."""
    raised: dict[Cue, int] = field(default_factory=dict)
    """The first sentence raising each red-flag cue (not negated, not an echo)."""
    sentences: list[str] = field(default_factory=list)


def _read(answer: str, compiled: _Compiled) -> _Reading:
    reading = _Reading()
    for text, heading in _split(answer):
        sentence = _read_sentence(text, heading, compiled)
        index = len(reading.sentences)
        reading.sentences.append(text)
        for cue in sentence.hits:
            reading.mentioned.setdefault(cue, index)
            if sentence.counts_for(cue):
                reading.covered[cue].append(index)
            if cue in compiled.flag_cues and cue not in reading.raised and sentence.raises(cue):
                reading.raised[cue] = index
    return reading


# -- scoring ----------------------------------------------------------------------------------


def _first(cues: list[Cue], found: dict[Cue, int]) -> int | None:
    indexes = [found[cue] for cue in cues if cue in found]
    return min(indexes) if indexes else None


def _best(cues: list[Cue], covered: dict[Cue, list[int]]) -> int | None:
    """The sentence matching most of the point's cues (the earliest on a tie)."""
    counts: dict[int, int] = defaultdict(int)
    for cue in cues:
        for index in set(covered.get(cue, ())):
            counts[index] += 1
    return min(counts, key=lambda index: (-counts[index], index)) if counts else None


def _score(part: _Part, reading: _Reading) -> PartScore:
    covered, missed, mentioned = [], [], []
    for point, cues in part.points:
        index = _best(cues, reading.covered)
        if index is not None:
            covered.append(CoveredPoint(point.point, reading.sentences[index]))
            continue
        missed.append(point.point)
        if _first(cues, reading.mentioned) is not None:
            mentioned.append(point.point)
    flags = [flag for flag in (_flag(f, cues, reading) for f, cues in part.flags) if flag]
    base = _coverage_score(len(covered), len(mentioned), len(part.points))
    return PartScore(score=max(0, base - len(flags)), covered=covered, missed=missed,
                     mentioned=mentioned, red_flags=flags)


def _coverage_score(covered: int, mentioned: int, total: int) -> int:
    if not total:
        return 0
    if covered == 0:
        return 1 if mentioned and mentioned >= MENTION_SHARE * total else 0
    share = covered / total
    return 3 if share >= FULL_SHARE else 2 if share >= PARTIAL_SHARE else 1


def _flag(flag: RedFlag, cues: list[Cue], reading: _Reading) -> TriggeredFlag | None:
    if flag.when == "absent":
        return None if _first(cues, reading.mentioned) is not None else \
            TriggeredFlag(flag.flag, flag.when)
    index = _first(cues, reading.raised)
    return None if index is None else \
        TriggeredFlag(flag.flag, flag.when, reading.sentences[index])


def score_part(text: str, part: RubricPart) -> PartScore:
    """Score a text against a single rubric part, such as a data challenge's conclusion."""
    compiled = _cached((part,), lambda: _compile({"": part}))
    return _score(compiled.parts[""], _read(text, compiled))


def score_design(answer: str, prompt: DesignPrompt, rubric: list[Dimension]) -> DesignScore:
    """Score a Markdown design answer on every dimension of the shared rubric plus the
    prompt's own key points and red flags."""
    compiled = _compiled_design(prompt, rubric)
    reading = _read(answer, compiled)
    dimensions = []
    for dimension in rubric:
        part = _score(compiled.parts[dimension.id], reading)
        dimensions.append(DimensionScore(
            dimension_id=dimension.id, code=dimension.code, title=dimension.title,
            weight=dimension.weight, score=part.score, covered=part.covered,
            missed=part.missed, mentioned=part.mentioned, red_flags=part.red_flags))
    return DesignScore(prompt.id, dimensions)


def coverage_by_dimension(answer: str, prompt: DesignPrompt,
                          rubric: list[Dimension]) -> dict[str, float]:
    """Fraction of each dimension's key points covered so far, cheap enough to poll while the
    candidate types; the interviewer asks follow-ups about the least-covered dimensions."""
    compiled = _compiled_design(prompt, rubric)
    reading = _read(answer, compiled)
    return {dimension.id: _share(compiled.parts[dimension.id], reading) for dimension in rubric}


def _share(part: _Part, reading: _Reading) -> float:
    covered = sum(any(cue in reading.covered for cue in cues) for _, cues in part.points)
    return covered / len(part.points) if part.points else 0.0


# -- a readable table -------------------------------------------------------------------------


def render_design_score(score: DesignScore, title: str = "") -> str:
    """The score as a terminal table followed by each dimension's points and flags."""
    lines = [f"{score.prompt_id} · {title}" if title else score.prompt_id,
             f"overall {score.overall:.2f}/{MAX_SCORE} ({score.percent:g}%)", "",
             f"{'dimension':<44} {'score':>5}  {'covered':>7}  {'missed':>6}  flags"]
    for d in score.dimensions:
        name = f"{d.code} {d.title}"[:44]
        total = len(d.covered) + len(d.missed)
        lines.append(f"{name:<44} {d.score:>3}/{MAX_SCORE}  {len(d.covered):>3}/{total:<3}  "
                     f"{len(d.missed):>6}  {len(d.red_flags):>5}")
    for d in score.dimensions:
        lines += ["", f"{d.code} {d.title}: {d.score}/{MAX_SCORE}"] + _detail_lines(d)
    return "\n".join(lines)


def _detail_lines(part: PartScore) -> list[str]:
    lines = []
    for covered in part.covered:
        lines += [f"  ✓ {covered.point}", f"      “{printable(covered.sentence, 300)}”"]
    for point in part.missed:
        note = " (named, never explained)" if point in part.mentioned else ""
        lines.append(f"  ✗ {point}{note}")
    for flag in part.red_flags:
        where = f": “{printable(flag.sentence, 300)}”" if flag.sentence else ""
        lines.append(f"  ! {flag.flag}{where}")
    return lines
