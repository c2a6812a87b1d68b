"""User-facing errors and messages, kept in one place.

Every failure a user can cause (bad file, missing folder, broken notebook) is raised as a
:class:`BriefingError` whose text is a single line the CLI prints as ``error: ...``. Anything
else escaping to the CLI is a bug in this package and is reported as such, still on one line.
"""

from __future__ import annotations


class BriefingError(Exception):
    """An error caused by input or environment, shown to the user as one line."""


class ArticleError(BriefingError):
    """One article file cannot be used; the others may still be processed."""

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


# Article problems (the reason part of ArticleError).
EMPTY = "file is empty"
BLANK = "file holds only whitespace"
BINARY = "file looks binary, not text (NUL bytes or undecodable)"
TOO_LARGE = "file is {size:,} bytes, over the {limit:,}-byte limit (raise it with --max-bytes)"
NOT_ENGLISH = "article does not look like English (English word share {share:.0%}); only English is supported"
UNREADABLE = "cannot read file ({err})"
NOT_A_FILE = "not a regular file ({kind})"
NO_BODY = "no article text left after removing the metadata header / page furniture"
DUPLICATE_ID = "article id {article_id!r} already used by {other}"
BAD_HEADER = "malformed metadata header ({err}); using the body without it"

# Path problems.
NO_SUCH_PATH = "no such file or folder"
NO_MATCH = "no files match this pattern"
UNREADABLE_FOLDER = "cannot list folder ({err})"
MISSING_PATH = "{path}: " + NO_SUCH_PATH
NO_ARTICLES = "no usable articles in {paths}"
