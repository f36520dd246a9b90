"""Draws a diagram as box-drawing text that never exceeds the given width."""

from __future__ import annotations

from interview.diagram.canvas import DOWN, LEFT, RIGHT, UP, Canvas, cell_width, truncate, wrap
from interview.diagram.geometry import LABEL_CELLS, Direction, Gap, Geometry, Wire, build_geometry
from interview.diagram.layout import Layout, Route, layout
from interview.diagram.model import Diagram
from interview.diagram.parse import parse_diagram

EMPTY_MESSAGE = "(empty whiteboard: type `a -> b` to draw an edge)"
TOO_WIDE_MESSAGE = "(too wide to draw here; as a list)"
MAX_DRAWN_NODES = 80
"""Beyond this many boxes a drawing is unreadable in a terminal, so the list is shown."""
NAME_WIDTHS = (20, 14, 10, 7, 4)
"""Name widths tried, widest first, until the drawing fits."""
_FRAMES = {
    "down": {"fwd": DOWN, "back": UP, "side+": RIGHT, "side-": LEFT,
             "head_fwd": "▼", "head_back": "▲", "port_fwd": "┬", "port_back": "┴"},
    "right": {"fwd": RIGHT, "back": LEFT, "side+": DOWN, "side-": UP,
              "head_fwd": "▶", "head_back": "◀", "port_fwd": "├", "port_back": "┤"},
}
"""Screen directions and characters for each drawing direction."""


def render_diagram(text: str, width: int, direction: Direction = "down") -> str:
    """Parse and draw in one go, with the problems found listed underneath."""
    diagram = parse_diagram(text)
    lines = render(diagram, width, direction)
    if diagram.problems and width > 0:
        lines.append("")
        lines += [truncate(f"line {problem.line_number}: {problem.message}", width)
                  for problem in diagram.problems]
    return "\n".join(lines)


def render(diagram: Diagram, width: int, direction: Direction = "down") -> list[str]:
    """Draw the diagram in at most `width` cells per line, shrinking names or listing edges."""
    if width < 1:
        return []
    if not diagram.nodes:
        return [truncate(EMPTY_MESSAGE, width)]
    if len(diagram.nodes) <= MAX_DRAWN_NODES:
        lay = layout(diagram)
        for max_name in NAME_WIDTHS:
            geometry = build_geometry(diagram, lay, direction, max_name)
            extent = geometry.cross_extent if direction == "down" else geometry.main_extent
            if extent <= width:
                return _Drawing(diagram, lay, geometry, width).draw()
    return compact_list(diagram, width)


def compact_list(diagram: Diagram, width: int) -> list[str]:
    """The diagram as plain lines (`a → b (label)`), for when a drawing cannot fit."""
    linked = {key for edge in diagram.edges for key in (edge.source, edge.target)}
    entries = [diagram.describe(edge) for edge in diagram.edges]
    entries += [f"• {node.name}" for key, node in diagram.nodes.items() if key not in linked]
    entries += [f"[{group.name}] " + ", ".join(diagram.name(key) for key in group.members)
                for group in diagram.groups]
    return [truncate(TOO_WIDE_MESSAGE, width)] + [
        line for entry in entries for line in wrap(entry, width, max_lines=len(entry))]


def diagram_summary(diagram: Diagram) -> str:
    """The diagram as a Markdown list of edges, groups and unconnected nodes, for reports."""
    if not diagram.nodes:
        return "_(empty diagram)_"
    linked = {key for edge in diagram.edges for key in (edge.source, edge.target)}
    lines = [f"- {diagram.describe(edge)}" for edge in diagram.edges]
    lines += [f"- **{group.name}**: " + ", ".join(diagram.name(key) for key in group.members)
              for group in diagram.groups]
    alone = [node.name for key, node in diagram.nodes.items() if key not in linked]
    if alone:
        lines.append("- unconnected: " + ", ".join(alone))
    return "\n".join(lines)


class _Drawing:
    """One drawing pass onto a canvas; screen mapping depends on the direction."""

    def __init__(self, diagram: Diagram, lay: Layout, geometry: Geometry, width: int) -> None:
        self.diagram, self.lay, self.geometry = diagram, lay, geometry
        self.down = geometry.direction == "down"
        self.frame = _FRAMES[geometry.direction]
        rows = geometry.main_extent if self.down else geometry.cross_extent
        self.canvas = Canvas(rows, width)
        self.paths: dict[int, list[tuple[int, int]]] = {}

    def at(self, main: int, cross: int) -> tuple[int, int]:
        """Screen (row, column) of a main/cross coordinate."""
        return (main, cross) if self.down else (cross, main)

    def draw(self) -> list[str]:
        for number, layer in enumerate(self.lay.layers):
            for item in layer:
                self.draw_item(number, item)
        for number, gap in enumerate(self.geometry.gaps):
            for wire in gap.wires:
                self.draw_wire(number, gap, wire)
        notes = [note for index, route in enumerate(self.lay.routes) if route.label
                 for note in self.place_label(index, route)]
        notes += [f"↻ {self.diagram.describe(edge)}" for edge in self.lay.self_loops]
        lines = self.canvas.lines()
        if notes:
            lines.append("")
            lines += [line for note in notes
                      for line in wrap(note, self.canvas.columns, max_lines=len(note))]
        return lines

    def draw_item(self, layer: int, item: int) -> None:
        """A box, or the straight line a long edge takes through this layer."""
        placed = self.geometry.items[item]
        start, size = self.geometry.layer_start[layer], self.geometry.layer_size[layer]
        if placed.lines:
            row, column = self.at(start, placed.cross)
            box_size = (size, placed.cross_size) if self.down else (placed.cross_size, size)
            self.canvas.box(row, column, box_size, placed.lines, placed.tag)
            return
        self.line([(start, placed.cross), (start + size - 1, placed.cross)])

    def draw_wire(self, gap_number: int, gap: Gap, wire: Wire) -> None:
        """One line across a gap, with arrowheads and border joints at the route's ends."""
        route = self.lay.routes[wire.route]
        first = gap.start
        last = gap.start + gap.size - 1
        if wire.track < 0:
            points = [(first, wire.top), (last, wire.bottom)]
        else:
            turn = first + gap.lead + wire.track
            points = [(first, wire.top), (turn, wire.top), (turn, wire.bottom),
                      (last, wire.bottom)]
        self.paths.setdefault(wire.route, []).extend(self.line(points))
        if self.lay.layer_of[route.items[0]] == gap_number:
            self.end(route.head_upper, (first, wire.top), (first - 1, wire.top), "back")
        if self.lay.layer_of[route.items[-1]] == gap_number + 1:
            self.end(route.head_lower, (last, wire.bottom), (last + 1, wire.bottom), "fwd")

    def end(self, head: bool, inside: tuple[int, int], border: tuple[int, int],
            pointing: str) -> None:
        """An arrowhead next to the box, or a joint in its border where a plain line meets it."""
        if head:
            self.canvas.put(*self.at(*inside), self.frame[f"head_{pointing}"])
        else:
            joint = "port_fwd" if pointing == "back" else "port_back"
            self.canvas.put(*self.at(*border), self.frame[joint])

    def line(self, points: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Draw an orthogonal line through main/cross points, joined to whatever is at both ends."""
        frame, drawn = self.frame, []
        for (main_a, cross_a), (main_b, cross_b) in zip(points, points[1:], strict=False):
            step_main = (main_b > main_a) - (main_b < main_a)
            step_cross = (cross_b > cross_a) - (cross_b < cross_a)
            ahead = frame["fwd" if step_main > 0 else "back"] if step_main else \
                frame["side+" if step_cross > 0 else "side-"]
            behind = _opposite(ahead)
            main, cross = main_a, cross_a
            while (main, cross) != (main_b, cross_b):
                self.canvas.link(*self.at(main, cross), ahead)
                drawn.append(self.at(main, cross))
                main, cross = main + step_main, cross + step_cross
                self.canvas.link(*self.at(main, cross), behind)
        self.canvas.link(*self.at(*points[0]), frame["back"])
        self.canvas.link(*self.at(*points[-1]), frame["fwd"])
        drawn.append(self.at(*points[-1]))
        return drawn

    def place_label(self, index: int, route: Route) -> list[str]:
        """Write a route's label beside its line; returns a note if there was no room."""
        text = truncate(route.label, LABEL_CELLS)
        size = cell_width(text)
        for row, column in self.paths.get(index, []):
            for spot in ((row, column + 2), (row, column - size - 1), (row - 1, column + 1),
                         (row + 1, column + 1)):
                if self.canvas.is_free(spot[0], spot[1], size):
                    self.canvas.write(*spot, text)
                    return []
        return [self.diagram.describe(edge) for edge in route.edges if edge.label]


def _opposite(direction: int) -> int:
    return {UP: DOWN, DOWN: UP, LEFT: RIGHT, RIGHT: LEFT}[direction]
