#!/usr/bin/python3
"""Judges kg assertion lines with a real JSON Schema validator, as a second opinion on kg's own parser.

Usage: validate_with_jsonschema.py [FILE...]   (standard input when no file is given)

Prints one word per input line, in order: "valid", or "invalid" followed by a tab and the first reason.
A line is valid when it is UTF-8, parses as JSON, passes schemas/assertion.schema.json (JSON Schema
2020-12) and uses the predicate vocabulary of schemas/predicates.json the way kg does without
--allow-new-predicates. schema_agreement_test.cc runs this and compares it with kg, line by line.

Exits 2 when python3-jsonschema (Debian 12 ships 4.10, which knows draft 2020-12) is not installed.
"""

import functools
import json
import pathlib
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError as error:
    print(f"validate_with_jsonschema.py: {error}; install it with: apt-get install python3-jsonschema",
          file=sys.stderr)
    sys.exit(2)

SCHEMAS = pathlib.Path(__file__).resolve().parents[2] / "schemas"

# JSON Schema patterns are ECMA-262 regular expressions, and Python's re reads three things in ours
# differently: its $ also matches before a final newline (so "USD\n" would pass ^[A-Z]{3}$), and its \s
# counts U+001C-U+001F and U+0085 as space but not U+FEFF. kg follows ECMA-262, so this does too.
_ECMA_SPACE = "\\t\\n\\x0b\\x0c\\r \\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_ECMA_CLASSES = {"s": f"[{_ECMA_SPACE}]", "S": f"[^{_ECMA_SPACE}]", "d": "[0-9]", "D": "[^0-9]",
                 "w": "[A-Za-z0-9_]", "W": "[^A-Za-z0-9_]"}


@functools.lru_cache(maxsize=None)
def ecma_to_python(pattern):
    """Rewrites the ECMA-262 constructs that differ in Python's re; fails on ones it does not handle."""
    out = []
    i = 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            escaped = pattern[i + 1]
            if escaped in _ECMA_CLASSES and in_class:
                raise ValueError(f"pattern {pattern!r}: \\{escaped} inside [...] is not translated")
            out.append(_ECMA_CLASSES.get(escaped, c + escaped))
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "$" and not in_class:
            c = r"\Z"
        elif c == "." and not in_class:
            raise ValueError(f"pattern {pattern!r}: . is not translated")
        out.append(c)
        i += 1
    return "".join(out)


def _ecma_pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not re.search(ecma_to_python(pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


AssertionValidator = jsonschema.validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})


def _reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def _finite_float(text):
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number overflow: {text}")
    return value


def _check_strings(value):
    """Rejects a lone surrogate escape such as "\\ud800": kg keeps UTF-8, which cannot hold one."""
    if isinstance(value, str):
        value.encode("utf-8")
    elif isinstance(value, list):
        for item in value:
            _check_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_strings(key)
            _check_strings(item)


def load_vocabulary():
    document = json.loads((SCHEMAS / "predicates.json").read_text(encoding="utf-8"))
    return {p["name"]: p for p in document["predicates"]}


def vocabulary_problem(assertion, vocabulary):
    """What kg's predicate vocabulary says against a schema-valid assertion, or None."""
    predicate = vocabulary.get(assertion["predicate"])
    if predicate is None:
        return f"unknown predicate {assertion['predicate']!r}"
    for key, allowed in (("subject", predicate["domain"]), ("object", predicate["range"])):
        entity = assertion[key]
        if isinstance(entity, dict) and "type" in entity and allowed and entity["type"] not in allowed:
            return f"{key}.type {entity['type']} is not one of {allowed}"
    return None


def judge(raw, validator, vocabulary):
    """Returns None for a valid line, or the reason it is not."""
    if raw.endswith(b"\r"):
        raw = raw[:-1]  # kg's line reader drops the "\r" of a CRLF line ending
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"not UTF-8: {error}"
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark may lead a JSON text (RFC 8259, 8.1); kg's parser skips it
    try:
        assertion = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
        _check_strings(assertion)
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeEncodeError are ValueErrors
        return f"not JSON: {error}"
    error = jsonschema.exceptions.best_match(validator.iter_errors(assertion))
    if error is not None:
        return f"{'/'.join(map(str, error.absolute_path)) or 'line'}: {error.message}"
    return vocabulary_problem(assertion, vocabulary)


def main(paths):
    schema = json.loads((SCHEMAS / "assertion.schema.json").read_text(encoding="utf-8"))
    AssertionValidator.check_schema(schema)
    validator = AssertionValidator(schema)
    vocabulary = load_vocabulary()
    inputs = [pathlib.Path(p).read_bytes() for p in paths] if paths else [sys.stdin.buffer.read()]
    out = []
    for data in inputs:
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()  # the newline that ends the last line does not start another
        for raw in lines:
            reason = judge(raw, validator, vocabulary)
            out.append("valid" if reason is None else "invalid\t" + " ".join(reason.split()))
    sys.stdout.write("".join(line + "\n" for line in out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
