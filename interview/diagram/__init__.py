"""The whiteboard diagram for the system-design round: notation, layered layout, text drawing.

Notation (one statement per line; `#` starts a comment; blank lines are ignored):

    events -> feature store -> ranker      a chain of edges
    events -> feature store : hourly batch  `: label` goes on the edge just before it
    ranker -[top-k ids]-> api               a label inside the arrow
    cache <-> ranker                        both directions (also <-[label]->)
    logs -- warehouse                       no direction (also -[label]-)
    api <- client                           written backwards: client -> api
    feature store                           a lone name declares a node
    a, b, c                                 commas declare several nodes
    [online] ranker, feature store          group members, tagged on one line
    group offline {                         or a block; every node named inside joins
      warehouse -> trainer
    }

Names are free text: trimmed, inner spaces collapsed, and matched ignoring case. A name with a
`: ` in it is read as a label when it ends a chain; use `-[label]->` there instead. Repeated
edges are merged (their labels joined with `;`). Parsing never raises: a line it cannot read
becomes a `DiagramProblem` and the rest still draws, because the candidate types live.

Drawing: layers as rows, top to bottom (or columns with `direction="right"`); each group's name
sits in the top border of its members' boxes. Cycles are drawn with the back edge's arrowhead
pointing the way it was written. When the drawing cannot fit the width even with shortened
names, the edges are listed instead (`a → b (label)`).
"""

from interview.diagram.geometry import Direction
from interview.diagram.layout import Layout, count_crossings, layout
from interview.diagram.model import Diagram, DiagramProblem, Edge, EdgeKind, Group, Node
from interview.diagram.parse import parse_diagram
from interview.diagram.render import compact_list, diagram_summary, render, render_diagram

__all__ = [
    "Diagram", "DiagramProblem", "Direction", "Edge", "EdgeKind", "Group", "Layout", "Node",
    "compact_list", "count_crossings", "diagram_summary", "layout", "parse_diagram", "render",
    "render_diagram",
]
