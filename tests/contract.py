"""Check a parsed JSON document against a TypedDict of bocareer.output.schema, recursively.

Strict both ways: a required key missing, a key the TypedDict does not declare, or a value of
the wrong type fails, naming the path to it (``$.matches[0].gaps[1].needs``).
"""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin, get_type_hints, is_typeddict


def conforms(value: Any, tp: Any, path: str = "$") -> None:
    """Assert that ``value`` is an instance of the type ``tp`` (a TypedDict or a plain type)."""
    origin = get_origin(tp)
    if is_typeddict(tp):
        assert isinstance(value, dict), f"{path}: expected an object, found {type(value).__name__}"
        hints = get_type_hints(tp)
        missing = tp.__required_keys__ - value.keys()
        extra = value.keys() - hints.keys()
        assert not missing, f"{path}: missing keys {sorted(missing)}"
        assert not extra, f"{path}: keys the contract does not declare {sorted(extra)}"
        for key, item in value.items():
            conforms(item, hints[key], f"{path}.{key}")
    elif origin is list:
        assert isinstance(value, list), f"{path}: expected a list"
        for i, item in enumerate(value):
            conforms(item, get_args(tp)[0], f"{path}[{i}]")
    elif origin is dict:
        assert isinstance(value, dict), f"{path}: expected an object"
        for key, item in value.items():
            assert isinstance(key, str), f"{path}: key {key!r} is not text"
            conforms(item, get_args(tp)[1], f"{path}.{key}")
    elif origin in (Union, types.UnionType):
        errors = []
        for option in get_args(tp):
            try:
                conforms(value, option, path)
            except AssertionError as exc:
                errors.append(str(exc))
            else:
                return
        raise AssertionError(f"{path}: matches none of {tp}: {errors}")
    elif tp is type(None) or tp is None:
        assert value is None, f"{path}: expected null"
    elif tp is float:
        assert isinstance(value, (int, float)), f"{path}: expected a number, found {value!r}"
        assert not isinstance(value, bool), f"{path}: expected a number, found {value!r}"
    elif tp in (int, str, bool):
        assert isinstance(value, tp), f"{path}: expected {tp.__name__}, found {value!r}"
        if tp is not bool:
            assert not isinstance(value, bool), f"{path}: expected {tp.__name__}, found {value!r}"
    else:  # pragma: no cover - a type the schema does not use
        raise AssertionError(f"{path}: cannot check type {tp}")
