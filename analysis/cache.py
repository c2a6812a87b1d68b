"""On-disk cache of the quality report's scores, keyed by everything that can change them.

Scoring the gold sets runs the whole extractor over every gold article (142 of them) and
was most of a build's time, although between two builds the code, data and model rarely
change. An entry is reused only when a content hash of all its inputs is unchanged:

- every ``*.py`` file under ``analysis/`` (the extractor, scorer and loader);
- every file under ``data/lexicons/`` and ``data/reference/``;
- the set's gold files and article files, names and bytes;
- the spaCy model in use (name, package version, ``meta.json`` and a size/mtime listing of
  its files, so a model swapped in place under the same name still counts as a change),
  the versions of the libraries that load and parse articles, the Python version and the
  article size limit;
- :data:`FORMAT_VERSION`, bumped whenever the stored layout or the scoring output changes
  in a way the inputs above do not capture.

A stale score in the quality report would be worse than a slow build, so the cache errs
towards recomputing: any unreadable, truncated or mismatched entry is ignored and
rewritten, and nothing here may make a build fail. ``FORCE_BRIEFING_NO_CACHE=1`` forces a
fresh run (the fresh result still replaces the stored one).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable

from . import config

#: Bump when the entry layout or the meaning of the stored rows changes.
FORMAT_VERSION = 1
#: Set to anything but "" or "0" to ignore stored scores and recompute them.
NO_CACHE_ENV = "FORCE_BRIEFING_NO_CACHE"
#: Folder for entries; default ``reports/.cache/quality`` (ignored by git, kept by ``make clean``).
CACHE_DIR_ENV = "FORCE_BRIEFING_CACHE_DIR"
DEFAULT_CACHE_DIR = config.REPORTS_DIR / ".cache" / "quality"

#: Inputs hashed whole. Module attributes, read at call time, so tests can point them at copies.
CODE_DIR = Path(__file__).resolve().parent
LEXICON_DIR = config.LEXICON_DIR
REFERENCE_DIR = config.REFERENCE_DIR
#: Installed libraries whose version can change what is loaded, parsed or scored.
DISTRIBUTIONS = ("spacy", "thinc", "trafilatura", "pandas", "numpy")

Rows = list[dict[str, Any]]
Scorer = Callable[[str, Path, Path], tuple[Rows, Rows]]


def cache_disabled() -> bool:
    """Whether the user asked for a fresh run through :data:`NO_CACHE_ENV`."""
    return os.environ.get(NO_CACHE_ENV, "").strip() not in ("", "0")


def cache_dir() -> Path:
    """Where entries live: :data:`CACHE_DIR_ENV` if set, else :data:`DEFAULT_CACHE_DIR`."""
    chosen = os.environ.get(CACHE_DIR_ENV, "").strip()
    return Path(chosen) if chosen else DEFAULT_CACHE_DIR


# ----------------------------------------------------------------------------- hashing


def _feed(h: "hashlib._Hash", *parts: str | bytes) -> None:
    """Add length-prefixed parts, so ("ab", "c") and ("a", "bc") never hash alike."""
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(f"{len(data)}:".encode())
        h.update(data)


def _feed_file(h: "hashlib._Hash", label: str, name: str, path: Path) -> None:
    """A file's name and bytes; an unreadable file or a folder named like one hashes as such
    (evaluate reports or skips it, and the key must change when that is fixed)."""
    try:
        data = path.read_bytes()
    except OSError as err:
        _feed(h, label, name, f"<unreadable: {type(err).__name__} {err.errno}>")
        return
    _feed(h, label, name, data)


def _feed_tree(h: "hashlib._Hash", label: str, root: Path, pattern: str = "*") -> None:
    """Every file under ``root`` matching ``pattern``, by path relative to it, in sorted order.

    Hidden and ``__pycache__`` files are included too except compiled bytecode: an extra file
    costs one recomputation at worst, a missed one a stale report.
    """
    root = Path(root)
    if root.is_file():
        _feed_file(h, label, root.name, root)
        return
    if not root.is_dir():
        _feed(h, label, f"<missing {root}>")
        return
    files = sorted(p for p in root.rglob(pattern)
                   if not p.is_dir() and "__pycache__" not in p.relative_to(root).parts)
    _feed(h, label, f"<{len(files)} files>")
    for p in files:
        _feed_file(h, label, p.relative_to(root).as_posix(), p)


def _feed_articles(h: "hashlib._Hash", articles: Path) -> None:
    """Exactly the article files ``evaluate`` would list for this folder, file or glob."""
    from .loader import iter_article_paths

    files, problems = iter_article_paths([articles])
    _feed(h, "articles", f"<{len(files)} files, {len(problems)} problems>")
    for problem in problems:
        _feed(h, "articles", str(problem))
    base = articles if articles.is_dir() else None
    for f in files:
        name = f.relative_to(base).as_posix() if base else str(f)
        _feed_file(h, "articles", name, f)


def _version(dist: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "<not installed>"


def model_fingerprint(model: str | None = None) -> list[str]:
    """The spaCy pipeline that ``evaluate`` would load, as strings to hash.

    Name (``$FORCE_BRIEFING_MODEL`` or the first installed default), package version,
    ``meta.json`` and every file's size and mtime: a user can point the package at another
    model, or reinstall or retrain one in place, and either must invalidate the scores.
    Loading the model just to ask would cost seconds, so only its files are inspected.
    """
    import spacy

    from .nlp import model_name

    name = model or model_name()
    out = [f"spacy={spacy.__version__}", f"model={name}"]
    if not name:
        return out
    try:
        if spacy.util.is_package(name):
            out.append(f"version={spacy.util.get_package_version(name)}")
            root = Path(spacy.util.get_package_path(name))
        else:
            root = Path(name)
        if root.is_dir():
            for p in sorted(root.rglob("*")):
                if p.is_file() and "__pycache__" not in p.relative_to(root).parts:
                    st = p.stat()
                    out.append(f"{p.relative_to(root).as_posix()}:{st.st_size}:{st.st_mtime_ns}")
                    if p.name == "meta.json":
                        out.append(hashlib.sha256(p.read_bytes()).hexdigest())
        else:
            out.append(f"<no model folder {root}>")
    except Exception as err:  # a broken install must not break the build; evaluate reports it
        out.append(f"<unresolved: {type(err).__name__}>")
    return out


def eval_set_key(name: str, gold: Path, articles: Path, *, model: str | None = None) -> str:
    """SHA-256 over everything that can change one evaluation set's scores (see module doc)."""
    from . import loader

    h = hashlib.sha256()
    _feed(h, "format", str(FORMAT_VERSION))
    _feed(h, "set", name, str(Path(gold).resolve()), str(Path(articles).resolve()))
    _feed(h, "python", f"{sys.version_info.major}.{sys.version_info.minor}")
    _feed(h, "max_bytes", str(loader.MAX_ARTICLE_BYTES))
    for dist in DISTRIBUTIONS:
        _feed(h, "dist", dist, _version(dist))
    for item in model_fingerprint(model):
        _feed(h, "model", item)
    _feed_tree(h, "code", CODE_DIR, "*.py")
    _feed_tree(h, "lexicons", LEXICON_DIR)
    _feed_tree(h, "reference", REFERENCE_DIR)
    _feed_tree(h, "gold", Path(gold))
    _feed_articles(h, Path(articles))
    return h.hexdigest()


# ----------------------------------------------------------------------------- entries


def entry_path(name: str, gold: Path, articles: Path, directory: Path | None = None) -> Path:
    """One file per set location, overwritten when its key changes, so the cache never grows."""
    where = hashlib.sha256(f"{Path(gold).resolve()}\0{Path(articles).resolve()}".encode()).hexdigest()[:12]
    slug = re.sub(r"[^A-Za-z0-9_-]+", "_", name)[:40] or "set"
    return (directory or cache_dir()) / f"{slug}-{where}.json"


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(r, dict) for r in value)


def load_entry(path: Path, key: str) -> tuple[Rows, Rows] | None:
    """Stored (rows, errors) if ``path`` holds a well-formed entry for ``key``, else None.

    Anything else (missing, unreadable, truncated, not JSON, another format or key) is a
    miss: the caller recomputes, and the cache can never be the reason a build fails.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if (not isinstance(data, dict) or data.get("format") != FORMAT_VERSION or data.get("key") != key
            or not _is_rows(data.get("rows")) or not _is_rows(data.get("errors"))):
        return None
    return data["rows"], data["errors"]


def store_entry(path: Path, key: str, rows: Rows, errors: Rows) -> bool:
    """Write an entry atomically (temporary file + rename); False, never an exception, on failure.

    A read-only checkout or a full disk only costs the next build its speed.
    """
    from .evaluate import write_json_atomic

    try:
        write_json_atomic({"format": FORMAT_VERSION, "key": key, "rows": rows, "errors": errors}, path)
    except (OSError, TypeError, ValueError):
        return False
    return True


def cached_scores(name: str, gold: Path, articles: Path, score: Scorer, *,
                  directory: Path | None = None, use_cache: bool | None = None) -> tuple[Rows, Rows]:
    """``score(name, gold, articles)``, or its stored result when no input has changed.

    use_cache (bool | None): False recomputes (and refreshes the entry); None follows
        :data:`NO_CACHE_ENV`.
    """
    try:
        key = eval_set_key(name, gold, articles)
        path = entry_path(name, gold, articles, directory)
    except Exception:  # hashing must never be what breaks a build: just score
        return score(name, gold, articles)
    if use_cache is None:
        use_cache = not cache_disabled()
    if use_cache:
        hit = load_entry(path, key)
        if hit is not None:
            return hit
    rows, errors = score(name, gold, articles)
    store_entry(path, key, rows, errors)
    return rows, errors

