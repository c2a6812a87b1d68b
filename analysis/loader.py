"""Read article files into :class:`Article` objects.

Articles arrive from scrapers, e-mail and copy-paste, so the loader assumes mess: it
guesses encodings, strips HTML page furniture with trafilatura, accepts two styles of
metadata header, and turns every unusable file into a one-line reason instead of a
traceback. Character offsets in the extracted tables refer to ``Article.text``.
"""

from __future__ import annotations

import codecs
import re
import stat
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
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _textual_or_binary(data.decode("utf-32"))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _textual_or_binary(data.decode("utf-16"))
    if b"\x00" in data:
        guess = _bomless_utf16(data)
        if guess is None:
            raise ValueError(errors.BINARY)
        return guess
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        # Valid UTF-8 sequences next to stray high bytes: text pasted together from a UTF-8
        # and a Windows-1252 source. Decode each part as what it is.
        return _textual_or_binary(data.decode("utf-8", errors=_CP1252_FALLBACK))
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


#: A well-formed 2-4 byte UTF-8 sequence (the bytes a Windows-1252 file almost never has).
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CP1252_FALLBACK = "analysis-cp1252-fallback"


def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM (some Windows exports): NULs on every other byte of ASCII text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.7 * half and even < 0.05 * half:
        encoding, low = "utf-16-le", sample[0::2]
    elif even > 0.7 * half and odd < 0.05 * half:
        encoding, low = "utf-16-be", sample[1::2]
    else:
        return None
    if sum(1 for b in low if 32 <= b < 127 or b in (9, 10, 13)) < 0.7 * len(low):
        return None  # NULs in a regular pattern, but the other bytes are not ASCII text
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _looks_textual(text) else None


def _textual_or_binary(text: str) -> str:
    if not _looks_textual(text):
        raise ValueError(errors.BINARY)
    return text


def _looks_textual(text: str) -> bool:
    if not text:
        return True
    control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return control / len(text) < 0.01


class _HeaderYamlLoader(yaml.SafeLoader):
    """Safe YAML without aliases: ``*ref`` chains can expand a 1 kB header to gigabytes."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.events.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed in a metadata header", event.start_mark)
        return super().compose_node(parent, index)


#: Longest metadata value kept, and most keys read from one header.
MAX_META_VALUE = 1000
MAX_META_KEYS = 50
_OPEN_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n")


def _meta_key(key: object) -> str:
    return str(key).strip().lower().replace(" ", "_").replace("-", "_")


def split_header(text: str) -> tuple[dict[str, str], str, list[str]]:
    """Split a metadata header from the body.

    Accepts YAML front matter (``---`` ... ``---``) or a leading block of ``key: value``
    lines ended by a blank line, as plain-text news dumps have. A block only counts as a
    header when one of its keys is a known metadata key, so a first paragraph such as
    "BAMAKO: Troops left ..." is never swallowed. A header that cannot be read gives a
    warning and no metadata; the body is still used.

    RETURNS (tuple): metadata, body, warnings.
    """
    warnings: list[str] = []
    stripped = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(stripped)
    if match:
        body = stripped[match.end():]
        try:
            data = yaml.load(match.group(1), Loader=_HeaderYamlLoader)  # noqa: S506 - safe loader subclass
        except yaml.YAMLError as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            warnings.append(errors.BAD_HEADER.format(err=first))
            return {}, body, warnings
        if data is None:
            return {}, body, warnings
        if not isinstance(data, dict):
            warnings.append(errors.BAD_HEADER.format(err="front matter is not a key: value mapping"))
            return {}, body, warnings
        meta = {_meta_key(k): _scalar(v) for k, v in list(data.items())[:MAX_META_KEYS]}
        return meta, body, warnings

    if _OPEN_FRONT_MATTER.match(stripped):
        # "---" opens a header that is never closed: keep whatever key: value lines follow
        # up to the first blank line as metadata, and say so.
        warnings.append(errors.BAD_HEADER.format(err="front matter opened with --- is never closed"))
        rest = stripped[_OPEN_FRONT_MATTER.match(stripped).end():]
        meta, body, more = _key_value_header(rest, lenient=True)
        return meta, body, warnings + more
    return _key_value_header(stripped, lenient=False)


def _key_value_header(text: str, *, lenient: bool) -> tuple[dict[str, str], str, list[str]]:
    """A leading block of ``key: value`` lines ended by a blank line (``lenient``: drop bad lines)."""
    warnings: list[str] = []
    lines = text.splitlines(keepends=True)
    meta: dict[str, str] = {}
    consumed = 0
    for line in lines:
        if not line.strip():
            break
        m = _HEADER_LINE.match(line.rstrip("\r\n"))
        if not m:
            if not lenient:
                return {}, text, warnings
        elif len(meta) < MAX_META_KEYS:
            meta.setdefault(_meta_key(m.group(1)), _clip(m.group(2).strip()))
        consumed += 1
    if lenient:
        return meta, "".join(lines[consumed:]), warnings
    if consumed and consumed < len(lines) and HEADER_KEYS & meta.keys():
        return meta, "".join(lines[consumed:]), warnings
    return {}, text, warnings


def _clip(text: str) -> str:
    return text if len(text) <= MAX_META_VALUE else text[: MAX_META_VALUE - 1] + "\u2026"


def _scalar(value: object, depth: int = 0) -> str:
    """A metadata value as one line of text (lists joined, nesting and length bounded)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and depth < 3:
        return _clip(", ".join(filter(None, (_scalar(v, depth + 1) for v in value[:MAX_META_KEYS]))))
    return _clip(" ".join(str(value).split()))


def html_to_article(html: str) -> tuple[dict[str, str], str]:
    """Extract the article body and metadata from a news page with trafilatura.

    Navigation, cookie banners and footers are dropped by trafilatura's boilerplate
    removal; parsing HTML with regular expressions would let them into the tables.
    """
    import trafilatura

    # deduplicate=False: trafilatura's deduplication keeps a process-wide cache, so the
    # fourth load of the same page in one process (a notebook re-run, a second build) would
    # come back empty. Same input, same output.
    body = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False) or ""
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


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    """Read a regular file of at most ``max_bytes``; never block on a FIFO or read /dev/zero forever."""
    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise errors.ArticleError(path, errors.NOT_A_FILE.format(kind="a folder"))
        if not stat.S_ISREG(st.st_mode):
            raise errors.ArticleError(path, errors.NOT_A_FILE.format(kind="a device, pipe or socket"))
        if st.st_size > max_bytes:
            raise errors.ArticleError(path, errors.TOO_LARGE.format(size=st.st_size, limit=max_bytes))
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except errors.ArticleError:
        raise
    except OSError as err:
        raise errors.ArticleError(path, errors.UNREADABLE.format(err=err.strerror or err)) from None
    if len(data) > max_bytes:  # grew since stat
        raise errors.ArticleError(path, errors.TOO_LARGE.format(size=len(data), limit=max_bytes))
    return data


def load_article(path: Path | str, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Load one article file, raising :class:`errors.ArticleError` with a one-line reason."""
    path = Path(path)
    data = _read_bounded(path, max_bytes)
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
                problems.append(errors.ArticleError(raw, errors.NO_MATCH))
            found.extend(m for m in matches if m.is_file())
        elif p.is_dir():
            try:
                entries = sorted(p.iterdir())
            except OSError as err:
                problems.append(errors.ArticleError(raw, errors.UNREADABLE_FOLDER.format(err=err.strerror or err)))
                continue
            # Anything named like an article is tried, so a dangling link, a folder called
            # x.txt or an unreadable file is listed with its reason instead of vanishing.
            found.extend(f for f in entries
                         if f.suffix.lower() in ARTICLE_SUFFIXES and not f.name.startswith("."))
        elif p.exists() or p.is_symlink():
            found.append(p)
        else:
            problems.append(errors.ArticleError(raw, errors.NO_SUCH_PATH))
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
