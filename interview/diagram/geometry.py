"""Turns a layout into cell coordinates: box sizes, ports, positions and routing tracks.

Coordinates are along the `main` axis (from layer to layer: rows when drawing downwards,
columns when drawing rightwards) and the `cross` axis (along a layer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from interview.diagram.canvas import cell_width, truncate, wrap
from interview.diagram.layout import Layout
from interview.diagram.model import Diagram

Direction = Literal["down", "right"]
LABEL_CELLS = 20
"""Longest label drawn in full; longer ones are cut with an ellipsis."""
_SPACING = {"down": 2, "right": 1}
"""Blank cells between neighbouring items of a layer."""


@dataclass
class Placed:
    """One item of a layer: a box, or a dummy a long line passes through."""

    lines: list[str]
    """Name as wrapped lines; empty for a dummy."""
    tag: str = ""
    """Group name shown in the box's top border."""
    cross_size: int = 1
    main_size: int = 0
    cross: int = 0
    """First cell on the cross axis."""


@dataclass
class Wire:
    """One line through one gap between layers."""

    route: int
    """Index into `Layout.routes`."""
    top: int
    """Cross coordinate where the line leaves the upper layer."""
    bottom: int
    """Cross coordinate where it enters the lower layer."""
    track: int = -1
    """Which row (column) of the gap carries its sideways run; -1 when it is straight."""


@dataclass
class Gap:
    """The routing space between two layers."""

    start: int
    lead: int
    """Cells before the first track; holds upward arrowheads (and labels when drawing right)."""
    wires: list[Wire]
    tracks: int

    @property
    def size(self) -> int:
        return self.lead + self.tracks + 1


@dataclass
class Geometry:
    """Everything the renderer needs, in cell coordinates."""

    direction: Direction
    items: list[Placed]
    layer_start: list[int]
    layer_size: list[int]
    gaps: list[Gap]

    @property
    def cross_extent(self) -> int:
        return max((item.cross + item.cross_size for item in self.items), default=0)

    @property
    def main_extent(self) -> int:
        return self.layer_start[-1] + self.layer_size[-1] if self.layer_start else 0


def build_geometry(diagram: Diagram, lay: Layout, direction: Direction,
                   max_name: int) -> Geometry:
    """Size, place and route everything, with names wrapped to `max_name` cells."""
    segments = [lay.gap_segments(gap) for gap in range(len(lay.layers) - 1)]
    ports = _port_order(lay, segments)
    items = [_size_item(diagram, key, direction, max_name, ports, item)
             for item, key in enumerate(lay.keys)]
    offsets = _port_offsets(items, ports)
    _place_cross(lay, items, segments, offsets, _SPACING[direction])
    layer_size = [max((items[i].main_size for i in layer), default=1) or 1
                  for layer in lay.layers]
    gaps, layer_start, position = [], [0], 0
    for number, gap_segments in enumerate(segments):
        wires = [Wire(route, items[u].cross + offsets[(u, route, "lower")],
                      items[v].cross + offsets[(v, route, "upper")])
                 for u, v, route in gap_segments]
        position = layer_start[-1] + layer_size[number]
        lead = _lead(lay, number, direction)
        gaps.append(Gap(position, lead, wires, _assign_tracks(wires)))
        layer_start.append(position + gaps[-1].size)
    return Geometry(direction, items, layer_start, layer_size, gaps)


def _port_order(lay: Layout, segments: list[list[tuple[int, int, int]]]
                ) -> dict[tuple[int, str], list[int]]:
    """Routes leaving each item's lower and upper side, ordered so they do not cross at the box."""
    position = {item: pos for layer in lay.layers for pos, item in enumerate(layer)}
    ports: dict[tuple[int, str], list[tuple[int, int]]] = {}
    for gap in segments:
        for upper, lower, route in gap:
            ports.setdefault((upper, "lower"), []).append((position[lower], route))
            ports.setdefault((lower, "upper"), []).append((position[upper], route))
    return {side: [route for _, route in sorted(found)] for side, found in ports.items()}


def _size_item(diagram: Diagram, key: str | None, direction: Direction, max_name: int,
               ports: dict[tuple[int, str], list[int]], item: int) -> Placed:
    if key is None:
        return Placed([])
    node = diagram.nodes[key]
    lines = wrap(node.name, max_name, 2)
    tag = truncate(node.group, max_name) if node.group else ""
    text = max(max(cell_width(line) for line in lines), cell_width(tag)) + 4
    need = 2 * max(len(ports.get((item, "lower"), [])), len(ports.get((item, "upper"), []))) + 1
    if direction == "down":
        return Placed(lines, tag, max(text, need), len(lines) + 2)
    return Placed(lines, tag, max(len(lines) + 2, need), text)


def _port_offsets(items: list[Placed], ports: dict[tuple[int, str], list[int]]
                  ) -> dict[tuple[int, int, str], int]:
    """Spread each side's ports evenly over the box; a dummy's only port is itself."""
    offsets = {}
    for (item, side), routes in ports.items():
        inner = items[item].cross_size - 2
        for number, route in enumerate(routes):
            spread = 1 + (2 * number + 1) * inner // (2 * len(routes))
            offsets[(item, route, side)] = spread if items[item].lines else 0
    return offsets


def _place_cross(lay: Layout, items: list[Placed], segments: list[list[tuple[int, int, int]]],
                 offsets: dict[tuple[int, int, str], int], spacing: int) -> None:
    """Pack each layer, then pull items towards their neighbours so lines run straight."""
    above: dict[int, list[tuple[int, int]]] = {}
    below: dict[int, list[tuple[int, int]]] = {}
    for gap in segments:
        for upper, lower, route in gap:
            up_port, low_port = offsets[(upper, route, "lower")], offsets[(lower, route, "upper")]
            above.setdefault(lower, []).append((upper, up_port - low_port))
            below.setdefault(upper, []).append((lower, low_port - up_port))
    for layer in lay.layers:
        _settle(layer, items, {item: 0 for item in layer}, spacing)
    down = list(range(1, len(lay.layers)))
    up = list(range(len(lay.layers) - 2, -1, -1))
    for sweep, links in ((down, above), (up, below), (down, above)):
        for number in sweep:
            layer = lay.layers[number]
            _settle(layer, items, _desired(layer, items, links), spacing)
    shift = min((item.cross for item in items), default=0)
    for item in items:
        item.cross -= shift


def _desired(layer: list[int], items: list[Placed], links: dict[int, list[tuple[int, int]]]
             ) -> dict[int, int]:
    """Where each item would sit to line its ports up with its neighbours' ports."""
    wanted = {}
    for item in layer:
        linked = [items[other].cross + delta for other, delta in links.get(item, [])]
        wanted[item] = round(sum(linked) / len(linked)) if linked else items[item].cross
    return wanted


def _settle(layer: list[int], items: list[Placed], wanted: dict[int, int], spacing: int) -> None:
    """Move items as close to `wanted` as the layer order and spacing allow."""
    from_left: list[int] = []
    for number, item in enumerate(layer):
        floor = _end(items, layer[number - 1], from_left[-1]) + spacing if number else None
        from_left.append(wanted[item] if floor is None else max(wanted[item], floor))
    from_right: list[int] = []
    for item in reversed(layer):
        ceiling = from_right[-1] - spacing - items[item].cross_size if from_right else None
        from_right.append(wanted[item] if ceiling is None else min(wanted[item], ceiling))
    from_right.reverse()
    for number, item in enumerate(layer):
        cross = (from_left[number] + from_right[number]) // 2
        if number:
            cross = max(cross, _end(items, layer[number - 1]) + spacing)
        items[item].cross = cross


def _end(items: list[Placed], item: int, cross: int | None = None) -> int:
    """The first cell after an item, at its current (or the given) cross position."""
    return (items[item].cross if cross is None else cross) + items[item].cross_size


def _lead(lay: Layout, gap: int, direction: Direction) -> int:
    """Room before the tracks: one cell, plus space for labels above the line when drawing right."""
    if direction == "down":
        return 1
    labels = [cell_width(route.label) for route in lay.routes
              if route.label and lay.layer_of[route.items[0]] == gap]
    return min(max(labels), LABEL_CELLS) + 3 if labels else 1


def _assign_tracks(wires: list[Wire]) -> int:
    """Give every bent wire a track: runs on one track never overlap, and a wire whose upper
    end shares a column with another's lower end runs above it. Returns the number of tracks."""
    bent = [wire for wire in wires if wire.top != wire.bottom]
    tops = {wire.top: wire for wire in bent}
    must_wait = {id(wire): tops[wire.bottom] for wire in bent if wire.bottom in tops}
    pending, track = sorted(bent, key=lambda wire: min(wire.top, wire.bottom)), 0
    while pending:
        pending_ids = {id(wire) for wire in pending}
        ready = [wire for wire in pending
                 if id(must_wait.get(id(wire))) not in pending_ids] or pending[:1]
        reach = None
        for wire in ready:
            low, high = sorted((wire.top, wire.bottom))
            if reach is None or low > reach:
                wire.track, reach = track, high
        pending = [wire for wire in pending if wire.track < 0]
        track += 1
    return track
