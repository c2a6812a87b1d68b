"""Read article files into :class:`Article` objects.

Articles arrive from scrapers, e-mail and copy-paste, so the loader assumes mess: it
guesses encodings, strips HTML page furniture with trafilatura, accepts two styles of
metadata header, and turns every unusable file into a one-line reason instead of a
traceback. Character offsets in the extracted tables refer to ``Article.text``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from . import errors
from .config import MAX_ARTICLE_BYTES

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")

#: Keys that mark a leading ``key: value`` block as a metadata header rather than prose.
HEADER_KEYS = frozenset(
    {"title", "headline", "source", "source_url", "url", "outlet", "publisher", "published",
     "date", "author", "byline", "dateline", "language", "lang", "section", "id"}
)
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9_ -]{0,30}):[ \t]*(.*)$")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

#: Common English function words; their share of tokens tells English from other languages
#: without a model download (langdetect-style libraries are heavier and non-deterministic).
_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on it with as was by at from he said its are be has have "
    "his which not this an they were will but their had who been would after also or about "
    "over more than into against its them last new we our".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.U)


@dataclass
class Article:
    """One article: its id (file stem), metadata, and body text."""

    id: str
    path: str
    text: str
    title: str = ""
    source: str = ""
    published: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class LoadResult:
    """Articles that loaded and the files that did not, each with its reason."""

    articles: list[Article]
    problems: list[errors.ArticleError]


def article_id_for(path: Path) -> str:
    """Make a file-name-safe id from the file stem, so an id can never leave the output folder."""
    stem = _ID_UNSAFE.sub("-", path.stem).strip(".-_")
    return stem or "article"


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: BOMs first, then strict UTF-8, then a detected legacy encoding."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ValueError(errors.BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    encoding = best.encoding if best is not None else "cp1252"
    # Western news text that is not UTF-8 is nearly always Windows-1252 (smart quotes);
    # charset-normalizer sometimes proposes an exotic code page for short samples.
    if encoding.replace("_", "").lower() not in {"cp1252", "windows1252", "latin1", "iso88591"}:
        try:
            text = data.decode("cp1252")
            if _looks_textual(text):
                return text
        except UnicodeDecodeError:
            pass
    text = data.decode(encoding, errors="replace")
    if not _looks_textual(text):
        raise ValueError(errors.BINARY)
    return text


def _looks_textual(text: str) -> bool:
    if not text:
        return True
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return control / len(text) < 0.01


def split_header(text: str) -> tuple[dict[str, str], str, list[str]]:
    """Split a metadata header from the body.

    Accepts YAML front matter (``---`` ... ``---``) or a leading block of ``key: value``
    lines ended by a blank line, as plain-text news dumps have. A block only counts as a
    header when one of its keys is a known metadata key, so a first paragraph such as
    "BAMAKO: Troops left ..." is never swallowed.

    RETURNS (tuple): metadata, body, warnings.
    """
    warnings: list[str] = []
    stripped = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(stripped)
    if match:
        body = stripped[match.end():]
        try:
            data = yaml.safe_load(match.group(1))
        except yaml.YAMLError as err:
            first = str(err).splitlines()[0] if str(err) else type(err).__name__
            warnings.append(errors.BAD_HEADER.format(err=first))
            return {}, body, warnings
        if data is None:
            return {}, body, warnings
        if not isinstance(data, dict):
            warnings.append(errors.BAD_HEADER.format(err="front matter is not a key: value mapping"))
            return {}, body, warnings
        meta = {str(k).strip().lower(): _scalar(v) for k, v in data.items()}
        return meta, body, warnings

    lines = stripped.splitlines(keepends=True)
    meta: dict[str, str] = {}
    consumed = 0
    for line in lines:
        if not line.strip():
            break
        m = _HEADER_LINE.match(line.rstrip("\r\n"))
        if not m:
            return {}, text, warnings
        meta[m.group(1).strip().lower().replace(" ", "_").replace("-", "_")] = m.group(2).strip()
        consumed += 1
    if consumed and consumed < len(lines) and HEADER_KEYS & meta.keys():
        return meta, "".join(lines[consumed:]), warnings
    return {}, text, warnings


def _scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_scalar(v) for v in value)
    return str(value).strip()


def html_to_article(html: str) -> tuple[dict[str, str], str]:
    """Extract the article body and metadata from a news page with trafilatura.

    Navigation, cookie banners and footers are dropped by trafilatura's boilerplate
    removal; parsing HTML with regular expressions would let them into the tables.
    """
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True) or ""
    meta: dict[str, str] = {}
    doc = trafilatura.extract_metadata(html)
    if doc is not None:
        for key in ("title", "date", "sitename", "url", "author"):
            value = getattr(doc, key, None)
            if value:
                meta[{"date": "published", "sitename": "source"}.get(key, key)] = str(value)
    return meta, body


def english_share(text: str) -> float:
    """Share of word tokens that are common English function words (0 for no words)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH_WORDS) / len(words)


def normalise_body(body: str) -> str:
    """Normalise line endings and trim; keep paragraphs (blank lines) as the text has them."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    body = re.sub(r"[ \t]+\n", "\n", body)
    return body.strip() + "\n"


def load_article(path: Path | str, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Load one article file, raising :class:`errors.ArticleError` with a one-line reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise errors.ArticleError(path, errors.TOO_LARGE.format(size=size, limit=max_bytes))
        data = path.read_bytes()
    except errors.ArticleError:
        raise
    except OSError as err:
        raise errors.ArticleError(path, errors.UNREADABLE.format(err=err.strerror or err)) from None
    if not data:
        raise errors.ArticleError(path, errors.EMPTY)
    try:
        text = decode_bytes(data)
    except (ValueError, UnicodeDecodeError):
        raise errors.ArticleError(path, errors.BINARY) from None
    if not text.strip():
        raise errors.ArticleError(path, errors.BLANK)

    warnings: list[str] = []
    if path.suffix.lower() in HTML_SUFFIXES or re.match(r"\s*(<!doctype html|<html)", text[:500], re.I):
        meta, body = html_to_article(text)
    else:
        meta, body, warnings = split_header(text)
    body = normalise_body(body)
    if len(body.strip()) < 20:
        raise errors.ArticleError(path, errors.NO_BODY)
    share = english_share(body)
    if share < 0.12:
        raise errors.ArticleError(path, errors.NOT_ENGLISH.format(share=share))
    return Article(
        id=article_id_for(path),
        path=str(path),
        text=body,
        title=meta.get("title") or meta.get("headline", ""),
        source=meta.get("source") or meta.get("outlet") or meta.get("publisher") or meta.get("source_url", ""),
        published=meta.get("published") or meta.get("date", ""),
        meta=meta,
        warnings=warnings,
    )


def iter_article_paths(paths: Iterable[Path | str]) -> tuple[list[Path], list[errors.ArticleError]]:
    """Expand files, folders and globs into article files, sorted for repeatable output."""
    found: list[Path] = []
    problems: list[errors.ArticleError] = []
    for raw in paths:
        p = Path(raw)
        if any(ch in str(raw) for ch in "*?[") and not p.exists():
            matches = sorted(Path().glob(str(raw))) if not p.is_absolute() else sorted(
                Path(p.anchor).glob(str(p.relative_to(p.anchor))))
            if not matches:
                problems.append(errors.ArticleError(raw, "no files match this pattern"))
            found.extend(m for m in matches if m.is_file())
        elif p.is_dir():
            found.extend(sorted(f for f in p.iterdir()
                                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES
                                and not f.name.startswith(".")))
        elif p.exists():
            found.append(p)
        else:
            problems.append(errors.ArticleError(raw, "no such file or folder"))
    return found, problems


def load_articles(paths: Iterable[Path | str], *, max_bytes: int = MAX_ARTICLE_BYTES) -> LoadResult:
    """Load every article under ``paths``; bad files become problems, good ones still load."""
    files, problems = iter_article_paths(paths)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for f in files:
        try:
            art = load_article(f, max_bytes=max_bytes)
        except errors.ArticleError as err:
            problems.append(err)
            continue
        if art.id in seen:
            problems.append(errors.ArticleError(f, errors.DUPLICATE_ID.format(article_id=art.id, other=seen[art.id])))
            continue
        seen[art.id] = str(f)
        articles.append(art)
    return LoadResult(articles=articles, problems=problems)
