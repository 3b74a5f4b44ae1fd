"""Reading a knowledge base file safely: bad YAML, tags, bombs, encodings, sizes and paths."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bocareer.errors import DataError, Problem
from bocareer.kb.load import check
from bocareer.kb.yamlload import DEFAULT_MAX_BYTES, LDict, LList, parse, read_text
from kb_text import dedent, kb, marked_line

WriteKb = Callable[..., Path]


def only_problem(path: Path, limit_mb: float | None = None) -> Problem:
    """The single problem ``check`` reports for ``path`` (and the file must be unusable)."""
    knowledge_base, problems = check(path, limit_mb)
    assert knowledge_base is None
    assert len(problems) == 1, [str(p) for p in problems]
    assert problems[0].path == str(path)
    assert not problems[0].warning
    return problems[0]


def test_lines_are_remembered_for_keys_and_items() -> None:
    """Parsed mappings and lists know the 1-based line of each key and item."""
    text = dedent(
        """
        a: 1
        b:
          - x
          - y
        """
    )
    data = parse(text, "t.yaml")
    assert isinstance(data, LDict)
    assert data.line_of("a") == 1
    assert data.line_of("b") == 2
    assert isinstance(data["b"], LList)
    assert data["b"].line_of(1) == 4


def test_invalid_yaml_names_the_line(write_kb: WriteKb) -> None:
    """A syntax error is reported as invalid YAML on the line where it is."""
    text = "schema_version: 1\nroles:\n  x: 1\n   y: 2  #!\n"
    problem = only_problem(write_kb(text))
    assert problem.message.startswith("invalid YAML:")
    assert "mapping values are not allowed" in problem.message
    assert problem.line == marked_line(text)


def test_unclosed_flow_list_names_the_line(write_kb: WriteKb) -> None:
    """An unclosed [ list is reported near where the parser gave up, not without a line."""
    text = "schema_version: 1\ntools: [a, b\nnext: 3  #!\n"
    problem = only_problem(write_kb(text))
    assert problem.message.startswith("invalid YAML:")
    assert problem.line == marked_line(text)


def test_duplicate_key_reports_the_second_and_names_the_first(write_kb: WriteKb) -> None:
    """A repeated key is an error on the second occurrence, which names the line of the first."""
    text = dedent(
        """
        schema_version: 1
        families:
          office:  #first
            name: Office
            summary: One.
          office:  #!
            name: Office again
            summary: Two.
        """
    )
    problem = only_problem(write_kb(text))
    first = marked_line(text, "#first")
    assert problem.line == marked_line(text)
    assert f"duplicate key 'office' (first at line {first})" in problem.message


def test_duplicate_key_does_not_keep_the_last_value() -> None:
    """parse() refuses duplicates instead of silently keeping the last value."""
    with pytest.raises(DataError) as info:
        parse("a: 1\na: 2\n", "t.yaml")
    assert [(p.line, "duplicate key 'a'" in p.message) for p in info.value.problems] == [(2, True)]


def test_python_tag_is_refused_and_nothing_runs(write_kb: WriteKb, tmp_path: Path) -> None:
    """A !!python/object/apply tag is refused with its line, and the command it names never runs."""
    witness = tmp_path / "pwned"
    text = f'schema_version: 1\nx: !!python/object/apply:os.system ["touch {witness}"]  #!\n'
    problem = only_problem(write_kb(text))
    assert "python/object/apply:os.system" in problem.message
    assert "is not allowed" in problem.message
    assert problem.line == marked_line(text)
    assert not witness.exists()


def test_python_tag_echo_is_refused_without_output(
    write_kb: WriteKb, capfd: pytest.CaptureFixture[str]
) -> None:
    """The `echo hi` variant of the tag attack prints nothing: the shell is never reached."""
    problem = only_problem(write_kb('x: !!python/object/apply:os.system ["echo hi"]\n'))
    assert "is not allowed" in problem.message
    out, err = capfd.readouterr()
    assert "hi" not in out
    assert "hi" not in err


def test_custom_tag_on_a_mapping_is_refused() -> None:
    """Any non-standard tag, on a mapping as on a scalar, is an error."""
    with pytest.raises(DataError) as info:
        parse("a: 1\nb: !thing {c: 1}\n", "t.yaml")
    assert [p.line for p in info.value.problems] == [2]
    assert "'!thing' is not allowed" in info.value.problems[0].message


def _billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    names = "abcdefghijklmnopqrstuvwxyz"
    for i in range(1, levels):
        lines.append(f"{names[i]}: &{names[i]} [" + ", ".join([f"*{names[i - 1]}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_fast_and_reported_invalid(write_kb: WriteKb) -> None:
    """A 9-level billion-laughs file is read in well under 2 s and reported as not a knowledge base."""
    path = write_kb(_billion_laughs(9))
    start = time.perf_counter()
    knowledge_base, problems = check(path)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0
    assert knowledge_base is None
    messages = [p.message for p in problems]
    assert "top level: missing required key 'roles'" in messages
    assert any("unknown key 'i'" in m for m in messages)


def test_alias_bomb_inside_a_role_is_fast_and_reported(write_kb: WriteKb) -> None:
    """A bomb placed where the validator reads a list of text is rejected quickly, item by item."""
    bomb = _billion_laughs(9).replace("\n", "\n  ")
    text = kb(head="x-bomb:\n  " + bomb + "\n").replace(
        "    tools: [Pen]\n", "    tools: *i  #!\n", 1
    )
    start = time.perf_counter()
    knowledge_base, problems = check(write_kb(text))
    assert time.perf_counter() - start < 2.0
    assert knowledge_base is None
    tools = [p for p in problems if ".tools[" in p.message]
    assert tools
    assert all("expected text, found a list" in p.message for p in tools)


def test_non_utf8_byte_names_its_line(write_kb: WriteKb) -> None:
    """A byte that is not UTF-8 is reported with its value and the line it is on."""
    raw = b"schema_version: 1\nfamilies:\n  office:\n    name: Caf\xe9\n"
    problem = only_problem(write_kb(raw))
    assert problem.message == "not UTF-8 text (byte 0xe9)"
    assert problem.line == 4


def test_utf8_bom_is_accepted(write_kb: WriteKb, tiny_path: Path) -> None:
    """A UTF-8 byte-order mark at the start of the file does not stop it loading."""
    path = write_kb(b"\xef\xbb\xbf" + tiny_path.read_bytes())
    knowledge_base, problems = check(path)
    assert problems == []
    assert knowledge_base is not None


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file_is_reported(write_kb: WriteKb, text: str) -> None:
    """A file with no YAML document is 'empty', at line 1."""
    problem = only_problem(write_kb(text))
    assert problem.message == "the file is empty"
    assert problem.line == 1


def test_top_level_list_is_refused(write_kb: WriteKb) -> None:
    """A file whose top level is a list, not a mapping, is refused with what was found."""
    problem = only_problem(write_kb("- a\n- b\n"))
    assert problem.message == "expected a mapping at the top, found a list"
    assert problem.line == 1


def test_file_over_max_size_is_refused(write_kb: WriteKb, tiny_path: Path) -> None:
    """A file larger than --max-size (here 0.001 MB) is refused without being parsed."""
    path = write_kb(tiny_path.read_text(encoding="utf-8"))
    assert path.stat().st_size > 0.001 * 1024 * 1024
    problem = only_problem(path, limit_mb=0.001)
    assert "over the" in problem.message
    assert "--max-size" in problem.message
    assert problem.line is None
    # The same file is fine with the default limit.
    assert check(path)[1] == []


def test_file_just_under_max_size_is_read(write_kb: WriteKb, tiny_path: Path) -> None:
    """The limit is a ceiling, not a floor: a file below it loads."""
    path = write_kb(tiny_path.read_text(encoding="utf-8"))
    limit_mb = (path.stat().st_size + 1) / (1024 * 1024)
    assert check(path, limit_mb)[1] == []


def test_size_message_shows_a_meaningful_limit(write_kb: WriteKb, tiny_path: Path) -> None:
    """With a tiny limit the message still shows a size above a non-zero limit."""
    path = write_kb(tiny_path.read_text(encoding="utf-8"))
    problem = only_problem(path, limit_mb=0.001)
    assert "over the 0 MB limit" not in problem.message
    assert "file is 0.0 MB" not in problem.message


def test_default_size_limit_message_says_20_mb(tmp_path: Path) -> None:
    """A file over the default limit is refused with a message naming the documented 20 MB limit."""
    path = tmp_path / "huge.yaml"
    with path.open("wb") as f:  # sparse: the size check runs before anything is read
        f.truncate(DEFAULT_MAX_BYTES + 10_000)
    problem = only_problem(path)
    assert "over the 20 MB limit" in problem.message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    """A folder given as the knowledge base is named as a folder, not a parse error."""
    folder = tmp_path / "roles.yaml"
    folder.mkdir()
    problem = only_problem(folder)
    assert problem.message == "is a folder, not a file"


def test_missing_file(tmp_path: Path) -> None:
    """A path that does not exist is 'no such file'."""
    problem = only_problem(tmp_path / "nope.yaml")
    assert problem.message == "no such file"


def test_read_text_raises_data_error_for_missing_file(tmp_path: Path) -> None:
    """read_text raises DataError (never a bare OSError) for a missing file."""
    with pytest.raises(DataError, match="no such file"):
        read_text(tmp_path / "nope.yaml")


def test_deep_nesting_is_an_error_not_a_crash(write_kb: WriteKb) -> None:
    """Tens of thousands of nested lists give a YAML error instead of a crash."""
    text = "x: " + "[" * 20000 + "]" * 20000 + "\n"
    knowledge_base, problems = check(write_kb(text))
    assert knowledge_base is None
    assert len(problems) == 1
    assert problems[0].line == 1


def test_raw_control_byte_names_its_line(write_kb: WriteKb) -> None:
    """A raw ESC byte in the file is reported on its line, in a one-line message."""
    text = "schema_version: 1\nfamilies:\n  office:\n    name: Off\x1bice  #!\n"
    problem = only_problem(write_kb(text))
    assert "\n" not in problem.message
    assert problem.line == marked_line(text)
