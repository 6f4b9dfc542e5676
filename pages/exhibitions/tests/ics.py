"""A strict little RFC 5545 reader for the tests: it fails on what calendar apps reject."""


def parse_calendar(payload):
    """Parse ``payload`` (bytes) into a list of components: {"name", "props", "children"}.

    Checks CRLF line endings, lines of at most 75 octets, balanced BEGIN/END,
    and the properties every VCALENDAR and VEVENT must have. Each property
    maps to a list of ``(params, value)`` with TEXT values unescaped.
    """
    assert payload.endswith(b"\r\n"), "the calendar must end with CRLF"
    raw_lines = payload.split(b"\r\n")[:-1]
    for raw in raw_lines:
        assert b"\n" not in raw and b"\r" not in raw, f"bare line break in {raw!r}"
        assert len(raw) <= 75, f"line longer than 75 octets: {raw!r}"
    lines = []
    for raw in raw_lines:
        text = raw.decode("utf-8")  # folding must never split a character
        if text.startswith(" "):
            assert lines, "a continuation line cannot come first"
            lines[-1] += text[1:]
        else:
            lines.append(text)
    root = {"name": None, "props": {}, "children": []}
    stack = [root]
    for line in lines:
        name_params, sep, value = line.partition(":")
        assert sep, f"no colon in {line!r}"
        name, *params = name_params.split(";")
        if name == "BEGIN":
            component = {"name": value, "props": {}, "children": []}
            stack[-1]["children"].append(component)
            stack.append(component)
        elif name == "END":
            assert stack[-1]["name"] == value, f"END:{value} closes {stack[-1]['name']}"
            stack.pop()
        else:
            stack[-1]["props"].setdefault(name, []).append((params, unescape(value)))
    assert len(stack) == 1, "unclosed component"
    assert [c["name"] for c in root["children"]] == ["VCALENDAR"]
    calendar = root["children"][0]
    for required in ("VERSION", "PRODID"):
        assert required in calendar["props"], f"VCALENDAR without {required}"
    for event in calendar["children"]:
        for required in ("UID", "DTSTAMP", "DTSTART"):
            assert len(event["props"].get(required, [])) == 1, f"VEVENT without one {required}"
    return calendar


def unescape(value):
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def value(component, name):
    return component["props"][name][0][1]


def params(component, name):
    return component["props"][name][0][0]
