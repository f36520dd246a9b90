"""Reads the whiteboard notation; never raises, so a half-typed line cannot blank the drawing."""

from __future__ import annotations

import re
import unicodedata

from interview.diagram.model import Diagram, DiagramProblem, Edge, EdgeKind, Group, Node

_ARROW = re.compile(
    r"<-\[(?P<both>[^\]]*)\]->"
    r"|-\[(?P<directed>[^\]]*)\]->"
    r"|-\[(?P<undirected>[^\]]*)\]-"
    r"|(?P<both_plain><-+>|↔)"
    r"|(?P<directed_plain>-+>|→)"
    r"|(?P<reverse_plain><-+)"
    r"|(?P<undirected_plain>-{2,})"
)
_COLON_LABEL = re.compile(r":(?=\s|$)")
_GROUP_BLOCK = re.compile(r"group\s+(?P<name>[^{]*)\{(?P<rest>.*)$", re.IGNORECASE)


def parse_diagram(text: str) -> Diagram:
    """Parse the candidate's notation; unreadable lines become `DiagramProblem`s."""
    reader = _Reader()
    for number, line in enumerate(text.splitlines(), start=1):
        reader.read_line(number, line)
    reader.finish()
    return reader.diagram


def node_key(name: str) -> str:
    """How names are matched: trimmed, inner whitespace collapsed, case ignored."""
    return " ".join(name.split()).casefold()


def _clean(text: str) -> str:
    """Collapse whitespace and drop control characters, which would corrupt the drawing."""
    visible = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return " ".join(visible.split())


class _Reader:
    """Parser state: the diagram so far and the group block that is open, if any."""

    def __init__(self) -> None:
        self.diagram = Diagram()
        self.open_group: tuple[str, int] | None = None
        self.edge_index: dict[tuple[str, str, EdgeKind], Edge] = {}

    def read_line(self, number: int, raw: str) -> None:
        """Dispatch one line: a group opener or closer, a tagged line, or plain content."""
        line = _clean(raw.split("#", 1)[0])
        if not line:
            return
        block = _GROUP_BLOCK.match(line)
        if block:
            self.open_block(number, block["name"], block["rest"].strip())
        elif line.startswith("["):
            self.read_tagged(number, line)
        elif line.endswith("}"):
            self.close_block(number, line[:-1].strip())
        else:
            self.read_content(number, line, self.current_group())

    def current_group(self) -> str | None:
        return self.open_group[0] if self.open_group else None

    def open_block(self, number: int, name: str, rest: str) -> None:
        name = _clean(name)
        if not name:
            self.problem(number, "a group needs a name: group online { ranker, store }")
        elif self.open_group:
            self.problem(number, f"group '{name}' opens inside group '{self.open_group[0]}'; "
                                 "close that one with '}' first")
        else:
            self.open_group = (name, number)
        if rest.endswith("}"):
            self.close_block(number, rest[:-1].strip())
        elif rest:
            self.read_content(number, rest, self.current_group())

    def close_block(self, number: int, content: str) -> None:
        if content:
            self.read_content(number, content, self.current_group())
        if self.open_group is None:
            self.problem(number, "'}' closes no group")
        self.open_group = None

    def read_tagged(self, number: int, line: str) -> None:
        """`[online] ranker, store`: every node on the line joins the group."""
        name, closed, rest = line[1:].partition("]")
        if not closed or not name.strip():
            self.problem(number, "a group tag looks like [online] ranker, store")
            return
        self.read_content(number, rest.strip(), _clean(name))

    def read_content(self, number: int, content: str, group: str | None) -> None:
        if _ARROW.search(content):
            self.read_chain(number, content, group)
            return
        if "-[" in content:
            self.problem(number, "an edge label looks like a -[label]-> b")
        for name in content.split(","):
            if name.strip():
                self.add_node(number, name, group)

    def read_chain(self, number: int, content: str, group: str | None) -> None:
        """`a -> b : x -> c`: one edge per arrow; a `: label` goes on the edge just before it."""
        arrows = list(_ARROW.finditer(content))
        names = [content[:arrows[0].start()]]
        names += [content[a.end():b.start()] for a, b in zip(arrows, arrows[1:], strict=False)]
        names.append(content[arrows[-1].end():])
        colon_labels = [""] * len(names)
        for position, name in enumerate(names[1:], start=1):
            split = _COLON_LABEL.search(name)
            if split:
                names[position], colon_labels[position] = name[:split.start()], name[split.end():]
        keys = [self.add_node(number, name, group) if name.strip() else None for name in names]
        if None in keys:
            self.problem(number, "every arrow needs a name on both sides: a -> b")
        for step, arrow in enumerate(arrows):
            if keys[step] and keys[step + 1]:
                edge = self.add_edge(number, keys[step], keys[step + 1], arrow)
                _merge_label(edge, _clean(colon_labels[step + 1]))

    def add_node(self, number: int, name: str, group: str | None) -> str:
        key = node_key(name)
        node = self.diagram.nodes.setdefault(key, Node(key, _clean(name)))
        if group and node.group is None:
            node.group = group
            self.group(group).members.append(key)
        elif group and node_key(node.group or "") != node_key(group):
            self.problem(number, f"'{node.name}' is already in group '{node.group}'")
        return key

    def group(self, name: str) -> Group:
        for existing in self.diagram.groups:
            if node_key(existing.name) == node_key(name):
                return existing
        self.diagram.groups.append(Group(name))
        return self.diagram.groups[-1]

    def add_edge(self, number: int, first: str, second: str, arrow: re.Match[str]) -> Edge:
        """Add an edge, or merge it into an identical one written earlier."""
        kind, label, swap = _arrow_meaning(arrow)
        source, target = (second, first) if swap else (first, second)
        existing = self.edge_index.get((source, target, kind))
        if existing is None and kind is not EdgeKind.DIRECTED:
            existing = self.edge_index.get((target, source, kind))
        if existing is None:
            existing = Edge(source, target, kind, "", number)
            self.edge_index[(source, target, kind)] = existing
            self.diagram.edges.append(existing)
        _merge_label(existing, label)
        return existing

    def problem(self, number: int, message: str) -> None:
        self.diagram.problems.append(DiagramProblem(number, message))

    def finish(self) -> None:
        if self.open_group:
            name, number = self.open_group
            self.problem(number, f"group '{name}' is never closed with '}}'")


def _arrow_meaning(arrow: re.Match[str]) -> tuple[EdgeKind, str, bool]:
    """(kind, label, whether the arrow points right-to-left) for one matched arrow."""
    found = {name: value for name, value in arrow.groupdict().items() if value is not None}
    name, value = next(iter(found.items()))
    kind = {"both": EdgeKind.BOTH, "undirected": EdgeKind.UNDIRECTED}.get(
        name.removesuffix("_plain"), EdgeKind.DIRECTED)
    label = "" if name.endswith("_plain") else _clean(value)
    return kind, label, name == "reverse_plain"


def _merge_label(edge: Edge, label: str) -> None:
    """Add a label to an edge unless it already says the same thing."""
    if not label:
        return
    known = [part.casefold() for part in edge.label.split("; ")] if edge.label else []
    if label.casefold() not in known:
        edge.label = f"{edge.label}; {label}" if edge.label else label
