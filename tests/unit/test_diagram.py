"""The whiteboard diagram: notation, layered layout and the text drawing."""

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interview.diagram import (
    EdgeKind,
    count_crossings,
    diagram_summary,
    layout,
    parse_diagram,
    render,
    render_diagram,
)
from interview.diagram.canvas import cell_width
from interview.diagram.render import EMPTY_MESSAGE, TOO_WIDE_MESSAGE


def edge_list(text):
    diagram = parse_diagram(text)
    return [(diagram.name(e.source), diagram.name(e.target), e.kind, e.label)
            for e in diagram.edges]


def big_graph(nodes=30, extra_edges=12, seed=3):
    """A connected random graph with labels, shaped like a busy whiteboard."""
    rng = random.Random(seed)
    names = [f"service {i}" for i in range(nodes)]
    lines = [f"{names[rng.randrange(i)]} -> {names[i]} : l{i}" for i in range(1, nodes)]
    lines += [" -> ".join(rng.sample(names, 2)) for _ in range(extra_edges)]
    return "\n".join(lines)


# -- notation -----------------------------------------------------------------------------------

def test_chain_makes_one_edge_per_arrow_and_trims_names():
    diagram = parse_diagram("  events ->   feature   store->ranker  ")
    assert [node.name for node in diagram.nodes.values()] == ["events", "feature store", "ranker"]
    assert edge_list("events -> feature store -> ranker") == [
        ("events", "feature store", EdgeKind.DIRECTED, ""),
        ("feature store", "ranker", EdgeKind.DIRECTED, "")]


def test_names_differing_only_in_case_are_one_node_named_as_first_written():
    diagram = parse_diagram("Feature Store -> ranker\nfeature store -> cache\nRANKER")
    assert [node.name for node in diagram.nodes.values()] == ["Feature Store", "ranker", "cache"]
    assert len(diagram.edges) == 2


def test_colon_label_goes_on_the_edge_just_before_it():
    assert edge_list("events -> feature store : hourly batch") == [
        ("events", "feature store", EdgeKind.DIRECTED, "hourly batch")]
    assert edge_list("a -> b : x -> c : y")[0][3] == "x"
    assert edge_list("a -> b : x -> c : y")[1][3] == "y"
    assert edge_list("s3://raw -> trainer") == [("s3://raw", "trainer", EdgeKind.DIRECTED, "")]


def test_arrow_kinds_and_inline_labels():
    assert edge_list("a -[features]-> b\nc <-> d\ne -- f\ng <-[sync]-> h\ni -[join]- j") == [
        ("a", "b", EdgeKind.DIRECTED, "features"),
        ("c", "d", EdgeKind.BOTH, ""),
        ("e", "f", EdgeKind.UNDIRECTED, ""),
        ("g", "h", EdgeKind.BOTH, "sync"),
        ("i", "j", EdgeKind.UNDIRECTED, "join")]


def test_backwards_arrow_is_stored_forwards():
    assert edge_list("api <- client") == [("client", "api", EdgeKind.DIRECTED, "")]


def test_repeated_edges_merge_and_keep_distinct_labels():
    assert edge_list("a -> b : x\nA -> B : y\na -> b : X\nb -- a\na -- b : z") == [
        ("a", "b", EdgeKind.DIRECTED, "x; y"),
        ("b", "a", EdgeKind.UNDIRECTED, "z")]


def test_groups_by_tag_and_by_block():
    diagram = parse_diagram("[online] ranker, feature store\n"
                            "group offline {\n  warehouse -> trainer\n  logs\n}\n"
                            "group batch { spark, airflow }\nlonely")
    assert [(g.name, [diagram.name(k) for k in g.members]) for g in diagram.groups] == [
        ("online", ["ranker", "feature store"]),
        ("offline", ["warehouse", "trainer", "logs"]),
        ("batch", ["spark", "airflow"])]
    assert diagram.nodes["lonely"].group is None
    assert diagram.problems == []


def test_comments_blank_lines_and_comma_declarations():
    diagram = parse_diagram("# the serving path\n\na, b,  c  # three boxes\n")
    assert list(diagram.nodes) == ["a", "b", "c"]
    assert diagram.edges == []


def test_bad_lines_are_reported_with_line_numbers_and_the_rest_still_draws():
    text = "a -> b\n-> c\n[online ranker\nx -[oops> y\n}\ngroup {\nd -> \ngroup g {\ne"
    diagram = parse_diagram(text)
    assert [p.line_number for p in diagram.problems] == [2, 3, 4, 5, 6, 7, 8]
    assert "both sides" in diagram.problems[0].message
    assert ("a", "b") in [(e.source, e.target) for e in diagram.edges]
    assert "never closed" in diagram.problems[-1].message
    drawn = render_diagram(text, 60)
    assert "│ a │" in drawn and "line 2: every arrow needs a name" in drawn


def test_a_node_in_two_groups_stays_in_the_first():
    diagram = parse_diagram("[online] ranker\n[offline] ranker")
    assert diagram.nodes["ranker"].group == "online"
    assert diagram.problems[0].line_number == 2


@pytest.mark.parametrize("text", [
    "->", "<->", "--", "-[", "-[]->", "[", "[]", "]", "{", "}", "group", "group {", ":", "a ->: b",
    "\x1b[31mred -> green\x07", "a\tb -> c", "a -> b -> -> c", "}}}", "group a { group b {",
])
def test_parsing_and_drawing_never_raise(text):
    diagram = parse_diagram(text)
    assert all(len(line) <= 30 for line in render(diagram, 30))
    assert all("\x1b" not in node.name for node in diagram.nodes.values())


def test_random_typing_never_raises():
    rng = random.Random(7)
    alphabet = "ab -><[]{}:#,\n"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
        assert all(cell_width(line) <= 25 for line in render(parse_diagram(text), 25))


# -- layout -------------------------------------------------------------------------------------

def test_cycle_is_laid_out_with_every_edge_and_one_arrow_pointing_back():
    result = layout(parse_diagram("a -> b -> c -> a"))
    assert sorted(len(route.items) for route in result.routes) == [2, 2, 3]
    assert sum(route.head_upper for route in result.routes) == 1
    assert sum(route.head_lower for route in result.routes) == 2


def test_long_edge_runs_through_one_dummy_per_skipped_layer():
    result = layout(parse_diagram("a -> b -> c -> d\na -> d"))
    long_route = next(route for route in result.routes if len(route.items) > 2)
    assert [result.keys[item] for item in long_route.items] == ["a", None, None, "d"]
    assert [len(layer) for layer in result.layers] == [1, 2, 2, 1]


def test_sources_sit_just_above_their_first_successor():
    result = layout(parse_diagram("a -> b -> c -> d\nside input -> d"))
    assert result.layer_of[list(result.keys).index("side input")] == 2


def test_crossing_reduction_removes_crossings_on_a_known_example():
    diagram = parse_diagram("a\nb\nc\nx\ny\nz\na -> z\nb -> y\nc -> x\na -> y")
    assert count_crossings(layout(diagram, sweeps=0)) == 4
    assert count_crossings(layout(diagram)) == 0


def test_crossing_reduction_never_makes_a_busy_graph_worse():
    diagram = parse_diagram(big_graph())
    assert count_crossings(layout(diagram)) < count_crossings(layout(diagram, sweeps=0))


# -- drawing ------------------------------------------------------------------------------------

def test_chain_drawing():
    assert render_diagram("events -> feature store -> ranker", 80) == "\n".join([
        "   ┌────────┐",
        "   │ events │",
        "   └────┬───┘",
        "        │",
        "        ▼",
        "┌───────────────┐",
        "│ feature store │",
        "└───────┬───────┘",
        "        │",
        "        ▼",
        "   ┌────────┐",
        "   │ ranker │",
        "   └────────┘"])


def test_cycle_drawing_points_the_back_edge_upwards():
    assert render_diagram("a -> b -> c -> a", 40) == "\n".join([
        "   ┌───┐",
        "   │ a │",
        "   └┬──┘",
        "    │ ▲",
        "  ┌─┘ └┐",
        "  ▼    │",
        "┌───┐  │",
        "│ b │  │",
        "└─┬─┘  │",
        "  │    │",
        "  └─┐ ┌┘",
        "    ▼ │",
        "   ┌──┴┐",
        "   │ c │",
        "   └───┘"])


def test_group_tags_and_labels_drawing():
    assert render_diagram("[online] ranker, store\nstore -> ranker : features", 40) == "\n".join([
        "┌─online─┐",
        "│ store  │",
        "└────┬───┘",
        "     │ features",
        "     ▼",
        "┌─online─┐",
        "│ ranker │",
        "└────────┘"])


def test_bidirectional_and_undirected_ends():
    assert render_diagram("a <-> b\nb -- c", 40) == "\n".join([
        "┌───┐", "│ a │", "└───┘", "  ▲", "  ▼", "┌───┐", "│ b │", "└─┬─┘", "  │", "  │",
        "┌─┴─┐", "│ c │", "└───┘"])


def test_left_to_right_drawing():
    assert render_diagram("api -[ids]-> ranker", 40, direction="right") == "\n".join([
        "┌─────┐ ids   ┌────────┐",
        "│ api ├──────▶│ ranker │",
        "└─────┘       └────────┘"])


def test_every_label_is_drawn_or_listed_under_the_drawing():
    text = ("events -> feature store : hourly batch\nevents -> ranker\nranker <-> cache\n"
            "feature store -> ranker")
    assert "hourly batch" in render_diagram(text, 80)
    assert "↻ a → a (retry)" in render_diagram("a -> a : retry", 40)


def test_empty_text_shows_the_empty_state():
    assert render_diagram("", 80) == EMPTY_MESSAGE
    assert render_diagram("# just a comment\n\n", 80) == EMPTY_MESSAGE
    assert render_diagram("", 10) == EMPTY_MESSAGE[:9] + "…"


@pytest.mark.parametrize("width", [1, 8, 20, 40, 60, 80, 120, 200])
@pytest.mark.parametrize("direction", ["down", "right"])
def test_no_line_is_longer_than_the_width(width, direction):
    lines = render(parse_diagram(big_graph()), width, direction)
    assert lines and max(cell_width(line) for line in lines) <= width


def test_big_graph_shrinks_names_before_falling_back_to_a_list():
    diagram = parse_diagram(big_graph())
    assert "┌" in render(diagram, 200)[0]
    listed = render(diagram, 40)
    assert listed[0] == TOO_WIDE_MESSAGE
    assert "service 0 → service 1 (l1)" in listed


def test_long_names_are_cut_to_fit():
    lines = render(parse_diagram("a very long name for the offline feature pipeline -> b"), 24)
    assert max(len(line) for line in lines) <= 24 and any("…" in line for line in lines)


def test_unicode_names_are_measured_in_terminal_cells():
    lines = render(parse_diagram("数据湖 -> Café -> ünïcödé\nCAFÉ -> 🚀 launch"), 40)
    text = "\n".join(lines)
    assert "│ 数据湖 │" in text and "│ Café │" in text and "ünïcödé" in text
    assert max(cell_width(line) for line in lines) <= 40
    assert text.count("▼") == 3


def test_thirty_node_graph_is_fast_enough_to_redraw_on_every_keystroke():
    text = big_graph()
    timings = []
    for _ in range(7):
        start = time.perf_counter()
        render_diagram(text, 160)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.020


def test_summary_lists_edges_groups_and_unconnected_nodes():
    diagram = parse_diagram("[online] ranker\nevents -> ranker : hourly\ncache <-> ranker\nnotes")
    assert diagram_summary(diagram) == "\n".join([
        "- events → ranker (hourly)",
        "- cache ↔ ranker",
        "- **online**: ranker",
        "- unconnected: notes"])
    assert diagram_summary(parse_diagram("")) == "_(empty diagram)_"


def test_diagram_core_does_not_import_textual():
    code = "import interview.diagram, sys; print('textual' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout
    assert output.strip() == "False"


def test_readme_example_parses_cleanly():
    readme = (Path(__file__).parents[2] / "problems" / "README.md").read_text(encoding="utf-8")
    example = readme.split("## Diagram notation", 1)[1].split("```")[1]
    diagram = parse_diagram(example)
    assert diagram.problems == []
    assert len(diagram.edges) == 4 and diagram.nodes["notebook"].group is None
