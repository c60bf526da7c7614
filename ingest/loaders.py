"""Read files by suffix into raw text pages (one page for non-PDF formats).

Every failure becomes :class:`UnreadableFileError` with a one-line reason.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from bs4 import BeautifulSoup

from ingest.encoding import decode_bytes
from ingest.errors import UnreadableFileError

logger = logging.getLogger(__name__)
UNSUPPORTED = "unsupported type"

_CLUTTER_TAGS = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "template",
    "svg",
    "button",
    "select",
)
_CLUTTER_NAME = re.compile(
    r"nav|menu|breadcrumb|footer|header|sidebar|share|banner|toolbar|crumb", re.IGNORECASE
)
_MAIN_NAME = re.compile(r"^(content|article|main|zoom|text|detail)", re.IGNORECASE)
_BLOCK_TAGS = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "td",
    "th",
)


def read_text_file(path: Path) -> list[str]:
    """Plain text in any supported encoding."""
    return [decode_bytes(path.read_bytes())]


def _strip_markdown(text: str) -> str:
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"^\s{0,3}(?:[-*+]|>)\s+", "", text, flags=re.MULTILINE)
    return re.sub(r"^\s*(?:-{3,}|\*{3,}|`{3}.*)\s*$", "", text, flags=re.MULTILINE)


def read_markdown(path: Path) -> list[str]:
    """Markdown with its markup (headings marks, links, emphasis) removed."""
    return [_strip_markdown(decode_bytes(path.read_bytes()))]


def _attr_text(tag: object) -> str:
    attrs = getattr(tag, "attrs", None) or {}
    classes = attrs.get("class") or []
    return " ".join([attrs.get("id") or "", *(classes if isinstance(classes, list) else [classes])])


def html_to_text(markup: str) -> str:
    """Main text of an HTML page without navigation, scripts, headers and footers."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_CLUTTER_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if getattr(tag, "decomposed", False) or tag.attrs is None:
            continue
        if _CLUTTER_NAME.search(_attr_text(tag)) and tag.name not in ("html", "body"):
            tag.decompose()
    root = soup.find("main") or soup.find("article")
    if root is None:
        root = next(
            (
                t
                for t in soup.find_all(True)
                if t.attrs is not None and _MAIN_NAME.search(_attr_text(t).strip())
            ),
            None,
        )
    root = root or soup.body or soup
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    title = soup.title.get_text(strip=True) if soup.title else ""
    body = root.get_text()
    return f"{title}\n{body}" if title and title not in body else body


def read_html(path: Path) -> list[str]:
    """An HTML page's main text."""
    return [html_to_text(decode_bytes(path.read_bytes()))]


def read_pdf(path: Path) -> list[str]:
    """The text layer of a PDF, one string per page."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFileError("encrypted PDF (password required)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableFileError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise UnreadableFileError(f"corrupt or unreadable PDF ({type(exc).__name__})") from exc
    if not pages:
        raise UnreadableFileError("PDF has no pages")
    if not any(p.strip() for p in pages):
        raise UnreadableFileError("PDF has no text layer (scanned image?)")
    return pages


def _docx_blocks(document: object) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    text = cell.text.strip()
                    if text and (not cells or cells[-1] != text):
                        cells.append(text)
                if cells:
                    yield "；".join(cells)


def read_docx(path: Path) -> list[str]:
    """Paragraphs and table rows of a Word document, in document order."""
    import docx

    try:
        document = docx.Document(str(path))
        text = "\n".join(_docx_blocks(document))
    except Exception as exc:  # python-docx raises many types on damaged files
        raise UnreadableFileError(f"corrupt or unreadable .docx ({type(exc).__name__})") from exc
    if not text.strip():
        raise UnreadableFileError("empty document")
    return [text]


LOADERS: dict[str, Callable[[Path], list[str]]] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}


def load_pages(path: Path) -> list[str]:
    """Raw text pages of ``path``; raises UnreadableFileError (reason) on any failure."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise UnreadableFileError(UNSUPPORTED)
    try:
        if path.stat().st_size == 0:
            raise UnreadableFileError("empty file")
        return loader(path)
    except OSError as exc:
        raise UnreadableFileError(
            f"cannot read file ({exc.strerror or type(exc).__name__})"
        ) from exc
