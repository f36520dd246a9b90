"""Layered (Sugiyama-style) layout: break cycles, assign layers, add dummies, order layers.

Hand-written rather than taken from a library: the graphs are small (tens of nodes), the drawing
is a character grid that needs integer ports and tracks, and this runs on every keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interview.diagram.model import Diagram, Edge, EdgeKind

DEFAULT_SWEEPS = 4
"""Barycenter down+up sweeps; more rarely helps on whiteboard-sized graphs."""


@dataclass
class Route:
    """One drawn line from an upper item to a lower one, through dummies for long edges."""

    items: list[int]
    """Item ids from the upper end to the lower end, one per layer."""
    head_lower: bool = False
    """Draw an arrowhead where the line meets the lower box."""
    head_upper: bool = False
    """Draw an arrowhead where the line meets the upper box (reversed or bidirectional edges)."""
    edges: list[Edge] = field(default_factory=list)
    """The diagram edges merged into this line (repeats and a -> b with b -> a)."""

    @property
    def label(self) -> str:
        return "; ".join(edge.label for edge in self.edges if edge.label)


@dataclass
class Layout:
    """Which layer each box sits in, their order within it, and the lines between layers."""

    keys: list[str | None]
    """Item id -> node key; None marks a dummy that carries a long edge through a layer."""
    layers: list[list[int]]
    """Item ids per layer, top (or left) first, in drawing order."""
    layer_of: list[int]
    """Item id -> layer number."""
    routes: list[Route]
    self_loops: list[Edge]
    """Edges from a node to itself: listed under the drawing rather than drawn."""

    def gap_segments(self, gap: int) -> list[tuple[int, int, int]]:
        """(upper item, lower item, route index) for every line crossing gap `gap`."""
        segments = []
        for index, route in enumerate(self.routes):
            step = gap - self.layer_of[route.items[0]]
            if 0 <= step < len(route.items) - 1:
                segments.append((route.items[step], route.items[step + 1], index))
        return segments


def layout(diagram: Diagram, sweeps: int = DEFAULT_SWEEPS) -> Layout:
    """Lay out a diagram; `sweeps=0` skips crossing reduction (useful for comparison)."""
    keys: list[str | None] = list(diagram.nodes)
    index = {key: number for number, key in enumerate(keys)}
    arcs = [(index[e.source], index[e.target], e) for e in diagram.edges if e.source != e.target]
    routes = _merge_routes(_orient(len(keys), arcs))
    layer_of = _assign_layers(len(keys), [(r.items[0], r.items[-1]) for r in routes])
    layers: list[list[int]] = [[] for _ in range(max(layer_of, default=-1) + 1)]
    for item, layer in enumerate(layer_of):
        layers[layer].append(item)
    for route in routes:
        _add_dummies(route, keys, layers, layer_of)
    loops = [edge for edge in diagram.edges if edge.source == edge.target]
    result = Layout(keys, layers, layer_of, routes, loops)
    _reduce_crossings(result, sweeps)
    return result


def _orient(count: int, arcs: list[tuple[int, int, Edge]]) -> list[tuple[int, int, Edge, bool]]:
    """Point every arc downwards, reversing DFS back edges so the graph has no cycle."""
    back = _back_arcs(count, [(u, v) for u, v, _ in arcs])
    return [(v, u, edge, True) if number in back else (u, v, edge, False)
            for number, (u, v, edge) in enumerate(arcs)]


def _back_arcs(count: int, arcs: list[tuple[int, int]]) -> set[int]:
    """Arcs that close a cycle in an iterative DFS that starts from nodes with no inputs."""
    outgoing: list[list[tuple[int, int]]] = [[] for _ in range(count)]
    has_input = [False] * count
    for number, (u, v) in enumerate(arcs):
        outgoing[u].append((v, number))
        has_input[v] = True
    state = [0] * count  # 0 new, 1 on the stack, 2 done
    back: set[int] = set()
    starts = [n for n in range(count) if not has_input[n]] + list(range(count))
    for start in starts:
        if state[start]:
            continue
        state[start] = 1
        stack = [(start, iter(outgoing[start]))]
        while stack:
            node, children = stack[-1]
            for child, number in children:
                if state[child] == 1:
                    back.add(number)
                elif state[child] == 0:
                    state[child] = 1
                    stack.append((child, iter(outgoing[child])))
                    break
            else:
                state[node] = 2
                stack.pop()
    return back


def _merge_routes(oriented: list[tuple[int, int, Edge, bool]]) -> list[Route]:
    """One route per pair of boxes, so repeats and opposite edges share a line."""
    routes: dict[tuple[int, int], Route] = {}
    for upper, lower, edge, flipped in oriented:
        route = routes.setdefault((upper, lower), Route([upper, lower]))
        route.edges.append(edge)
        both = edge.kind is EdgeKind.BOTH
        directed = edge.kind is EdgeKind.DIRECTED
        route.head_lower |= both or (directed and not flipped)
        route.head_upper |= both or (directed and flipped)
    return list(routes.values())


def _assign_layers(count: int, arcs: list[tuple[int, int]]) -> list[int]:
    """Longest-path layering, then pull sources down next to their first successor."""
    successors: list[list[int]] = [[] for _ in range(count)]
    indegree = [0] * count
    for upper, lower in arcs:
        successors[upper].append(lower)
        indegree[lower] += 1
    order = [n for n in range(count) if indegree[n] == 0]
    layer = [0] * count
    for node in order:
        for child in successors[node]:
            layer[child] = max(layer[child], layer[node] + 1)
            indegree[child] -= 1
            if indegree[child] == 0:
                order.append(child)
    has_input = {lower for _, lower in arcs}
    for node in reversed(order):
        if node not in has_input and successors[node]:
            layer[node] = min(layer[child] for child in successors[node]) - 1
    return layer


def _add_dummies(route: Route, keys: list[str | None], layers: list[list[int]],
                 layer_of: list[int]) -> None:
    """Replace a long edge by a chain through one dummy item per skipped layer."""
    upper, lower = route.items
    chain = [upper]
    for layer in range(layer_of[upper] + 1, layer_of[lower]):
        keys.append(None)
        layer_of.append(layer)
        layers[layer].append(len(keys) - 1)
        chain.append(len(keys) - 1)
    route.items = [*chain, lower]


def count_crossings(result: Layout) -> int:
    """How many pairs of lines cross between adjacent layers, with the current order."""
    position = {item: pos for layer in result.layers for pos, item in enumerate(layer)}
    return sum(_gap_crossings([(position[u], position[v]) for u, v, _ in
                               result.gap_segments(gap)])
               for gap in range(len(result.layers) - 1))


def _gap_crossings(pairs: list[tuple[int, int]]) -> int:
    return sum(1 for i, (a, b) in enumerate(pairs) for c, d in pairs[i + 1:]
               if (a - c) * (b - d) < 0)


def _reduce_crossings(result: Layout, sweeps: int) -> None:
    """Barycenter sweeps down then up, keeping the best order seen."""
    neighbours_above: dict[int, list[int]] = {}
    neighbours_below: dict[int, list[int]] = {}
    for route in result.routes:
        for upper, lower in zip(route.items, route.items[1:], strict=False):
            neighbours_above.setdefault(lower, []).append(upper)
            neighbours_below.setdefault(upper, []).append(lower)
    best, best_crossings = [list(layer) for layer in result.layers], count_crossings(result)
    for _ in range(sweeps):
        if best_crossings == 0:
            break
        for number in range(1, len(result.layers)):
            _sort_by_barycenter(result.layers, number, number - 1, neighbours_above)
        for number in range(len(result.layers) - 2, -1, -1):
            _sort_by_barycenter(result.layers, number, number + 1, neighbours_below)
        crossings = count_crossings(result)
        if crossings < best_crossings:
            best, best_crossings = [list(layer) for layer in result.layers], crossings
    result.layers = best


def _sort_by_barycenter(layers: list[list[int]], number: int, fixed: int,
                        neighbours: dict[int, list[int]]) -> None:
    """Order one layer by the mean position of each item's neighbours in the fixed layer."""
    position = {item: pos for pos, item in enumerate(layers[fixed])}

    def barycenter(pos_item: tuple[int, int]) -> float:
        pos, item = pos_item
        linked = [position[other] for other in neighbours.get(item, []) if other in position]
        return sum(linked) / len(linked) if linked else float(pos)

    layers[number] = [item for _, item in sorted(enumerate(layers[number]), key=barycenter)]
