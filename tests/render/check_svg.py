"""Checks that an SVG diagram is well-formed XML and inert, for tests/render/diagram_test.cc.

usage: check_svg.py FILE.svg EXPECTED_TEXTS.json
Fails (exit 1, with the reason) when the file does not parse as XML, holds a script or foreignObject
element, an event-handler attribute (on...), or any link (href); or when one of the expected strings is
not the exact text of some <text> element.
"""
import json
import sys
import xml.etree.ElementTree as ET


def main():
    svg_path, expected_path = sys.argv[1], sys.argv[2]
    try:
        root = ET.parse(svg_path).getroot()
    except ET.ParseError as e:
        print(f"not well-formed XML: {e}")
        return 1
    texts = set()
    for element in root.iter():
        tag = element.tag.split('}')[-1].lower()
        if tag in ('script', 'foreignobject', 'iframe', 'object', 'embed'):
            print(f"forbidden element <{tag}>")
            return 1
        for name in element.attrib:
            local = name.split('}')[-1].lower()
            if local.startswith('on'):
                print(f"event-handler attribute {name} on <{tag}>")
                return 1
            if local == 'href':
                print(f"link attribute {name}={element.attrib[name]!r} on <{tag}>")
                return 1
        if tag == 'text' and element.text is not None:
            texts.add(element.text)
    with open(expected_path, encoding='utf-8') as f:
        expected = json.load(f)
    missing = [t for t in expected if t not in texts]
    if missing:
        print(f"{len(missing)} expected labels missing, e.g. {missing[0]!r}")
        return 1
    print(f"ok: {len(texts)} text elements")
    return 0


if __name__ == '__main__':
    sys.exit(main())
