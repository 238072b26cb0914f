"""Turn libyaml's English parser errors into bilingual diagnostics with a likely fix."""

from __future__ import annotations

import re

import yaml

from .diagnostics import Diagnostic

# (code, fragment of libyaml's problem text, Thai, English, suggestion)
KNOWN = [
    ("yaml-tab", "found character '\\t'", "ใช้แท็บ (Tab) ในการย่อหน้า",
     "a tab is used for indentation", "ย่อหน้าด้วยเว้นวรรค 2 ช่อง / indent with two spaces"),
    ("yaml-unclosed-quote", "found unexpected end of stream", "เครื่องหมายคำพูดไม่ได้ปิด",
     "a quoted string is not closed", "ปิดเครื่องหมายคำพูดให้ครบ / add the closing quote"),
    ("yaml-colon", "mapping values are not allowed", "มีเครื่องหมาย : ในค่าที่ไม่ได้ใส่เครื่องหมายคำพูด",
     "a ':' appears inside an unquoted value", "ใส่ค่าในเครื่องหมายคำพูด \"...\" / quote the value"),
    ("yaml-indent", "did not find expected key", "ย่อหน้าไม่ตรงกัน",
     "the indentation does not line up", "จัดย่อหน้าให้ตรงกับฟิลด์ระดับเดียวกัน / align with its siblings"),
    ("yaml-missing-colon", "could not find expected ':'", "ขาดเครื่องหมาย : หลังชื่อฟิลด์",
     "a ':' is missing after a field name", "เขียนเป็น ฟิลด์: ค่า / write field: value"),
    ("yaml-many-documents", "expected a single document", "มีหลายเอกสารในไฟล์เดียว (---)",
     "the file holds more than one document (---)", "หนึ่งไฟล์ต่อหนึ่งระเบียน / one record per file"),
]


def diagnose_yaml_error(exc: yaml.YAMLError, text: str, path: str) -> Diagnostic:
    from .characters import escape_diagnostic, reader_diagnostic  # it imports the loader, which imports us

    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        return reader_diagnostic(text, path, exc.position, exc.character)
    problem = str(getattr(exc, "problem", "") or exc)
    mark = getattr(exc, "problem_mark", None)
    if "invalid Unicode character escape" in problem and mark is not None:
        found = escape_diagnostic(text, path, mark.line + 1, mark.column + 1)
        if found is not None:
            return found
    context = str(getattr(exc, "context", "") or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    quote = unclosed_quote(text, mark.line if mark else 0)
    if quote is not None:
        return _at(path, quote, *KNOWN[1][:1], *KNOWN[1][2:])
    if mark is not None and _char_at(text, mark) == "\t":
        return _at(path, mark, *KNOWN[0][:1], *KNOWN[0][2:])
    for code, fragment, th, en, hint in KNOWN:
        if fragment in problem or fragment in context:
            if code == "yaml-unclosed-quote" and "quoted scalar" in context:
                mark = getattr(exc, "context_mark", None) or mark
            elif code == "yaml-unclosed-quote":
                continue
            return _at(path, mark, code, th, en, hint)
    if "quoted scalar" in context:
        return _at(path, getattr(exc, "context_mark", None) or mark, "yaml-unclosed-quote",
                   KNOWN[1][2], KNOWN[1][3], KNOWN[1][4])
    return _at(path, mark, "yaml-syntax", f"YAML ผิดรูปแบบ: {problem}",
               f"YAML syntax error: {problem}", None)


QUOTED_START = re.compile(r"^\s*(?:-\s+)?[^\s#:][^:#]*:\s+([\"'])|^\s*-\s+([\"'])")


def unclosed_quote(text: str, upto: int) -> yaml.Mark | None:
    """The first line before the error that opens a quoted value and never closes it."""
    for number, line in enumerate(text.splitlines()[: upto + 1]):
        match = QUOTED_START.match(line)
        if not match:
            continue
        quote = match.group(1) or match.group(2)
        start = match.end() - 1
        rest = line[start + 1:]
        closed = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        if quote not in closed:
            return yaml.Mark("", 0, number, start, "", 0)
    return None


def _char_at(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def _at(path: str, mark: yaml.Mark | None, code: str, th: str, en: str, hint: str | None) -> Diagnostic:
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Diagnostic(path, line, col, code, th, en, hint)
