"""A small, valid PDF written with the standard library, for demo and test documents.

One A4 page of text in Helvetica (a font every PDF reader has), a title and
paragraphs wrapped to the page's width. Enough for a teaching file in the
demo; real files are uploaded by the education services.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
LEADING = 15
WRAP = 88  # characters per line at 11 points


def _escape(text):
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(title, paragraphs):
    y = PAGE_HEIGHT - MARGIN
    ops = [b"BT", b"/F2 16 Tf", f"{MARGIN} {y} Td".encode(), b"(" + _escape(title) + b") Tj"]
    ops.append(b"/F1 11 Tf")
    lines = 0
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph, WRAP) or [""]
        for index, line in enumerate(wrapped):
            # The first line of a paragraph sits a little lower than the line before it.
            step = LEADING * 1.6 if index == 0 else LEADING
            ops.append(f"0 {-step:.1f} Td".encode())
            ops.append(b"(" + _escape(line) + b") Tj")
            lines += 1
            if lines > 44:  # one page is enough for a demo file
                break
    ops.append(b"ET")
    return b"\n".join(ops)


def minimal_pdf(title, paragraphs=()):
    """The bytes of a one-page PDF showing ``title`` and ``paragraphs``."""
    stream = _content(title, list(paragraphs))
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        )
        % (PAGE_WIDTH, PAGE_HEIGHT),
        font % b"Helvetica",
        font % b"Helvetica-Bold",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title (" + _escape(title) + b") /Producer (Musenor) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (
        len(objects) + 1,
        len(objects),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
