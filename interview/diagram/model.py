"""The parsed whiteboard diagram: nodes, edges, groups and the lines that could not be read."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class EdgeKind(enum.StrEnum):
    """How an edge was written: `->`, `<->` or `--`."""

    DIRECTED = "directed"
    BOTH = "both"
    UNDIRECTED = "undirected"


ARROWS = {EdgeKind.DIRECTED: "→", EdgeKind.BOTH: "↔", EdgeKind.UNDIRECTED: "—"}
"""The arrow used when an edge is written out as text (lists and reports)."""


@dataclass(frozen=True)
class DiagramProblem:
    """A line the parser could not fully read; the rest of the diagram still draws."""

    line_number: int
    """1-based line in the candidate's text."""
    message: str
    """What is wrong, phrased for the candidate."""


@dataclass
class Node:
    """A box on the whiteboard."""

    key: str
    """Case-folded, whitespace-collapsed name: how repeated mentions are matched."""
    name: str
    """The name as first written."""
    group: str | None = None
    """The group the node belongs to, if any."""


@dataclass
class Edge:
    """A line between two boxes; repeats of the same edge are merged into one."""

    source: str
    """Key of the node written first."""
    target: str
    """Key of the node written second."""
    kind: EdgeKind = EdgeKind.DIRECTED
    label: str = ""
    """Free text shown next to the line, e.g. `hourly batch`."""
    line_number: int = 0
    """Line where the edge was first written."""


@dataclass
class Group:
    """A named set of nodes, e.g. the online serving path."""

    name: str
    members: list[str] = field(default_factory=list)
    """Node keys, in the order they joined."""


@dataclass
class Diagram:
    """Everything parsed from the candidate's text."""

    nodes: dict[str, Node] = field(default_factory=dict)
    """Node key -> node, in order of first mention."""
    edges: list[Edge] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    problems: list[DiagramProblem] = field(default_factory=list)

    def name(self, key: str) -> str:
        """The display name of a node key."""
        return self.nodes[key].name

    def describe(self, edge: Edge) -> str:
        """An edge as one line of text, e.g. `events → store (hourly)`."""
        text = f"{self.name(edge.source)} {ARROWS[edge.kind]} {self.name(edge.target)}"
        return f"{text} ({edge.label})" if edge.label else text
