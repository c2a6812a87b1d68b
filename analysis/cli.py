"""Command line: ``briefing extract | build | evaluate`` (also ``python -m analysis``).

Errors a user can cause end as one ``error: ...`` line and a non-zero exit; a traceback
only appears with FORCE_BRIEFING_DEBUG=1, because analysts read these messages, not us.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from . import config
from .errors import BriefingError

EXIT_USER_ERROR = 1
EXIT_INTERNAL = 3


def _cmd_extract(args: argparse.Namespace) -> int:
    from .loader import load_articles
    from .pipeline import extract_tables, write_tables

    if args.model:
        os.environ[config.MODEL_ENV_VAR] = args.model
    loaded = load_articles(args.paths, max_bytes=args.max_bytes)
    if not loaded.articles and len(loaded.problems) == 1:
        raise loaded.problems[0]  # one file, one line: "error: PATH: reason"
    for prob in loaded.problems:
        print(f"warning: skipped {prob}", file=sys.stderr)
    for art in loaded.articles:
        for w in art.warnings:
            print(f"warning: {art.path}: {w}", file=sys.stderr)
    if not loaded.articles:
        why = f"{len(loaded.problems)} file(s) skipped, see above" if loaded.problems else "no article files found"
        raise BriefingError(f"no usable articles in {' '.join(args.paths)} ({why})")
    tables = extract_tables(loaded.articles)
    try:
        written = write_tables(tables, args.out)
    except OSError as err:
        raise BriefingError(f"cannot write tables to {args.out}: {err.strerror or err}") from None
    for path in written:
        print(path)
    print(f"{len(loaded.articles)} article(s): {len(tables.actors)} actors, {len(tables.forces)} force rows, "
          f"{len(tables.stances)} stances", file=sys.stderr)
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import NOTEBOOKS, build_reports

    notebooks = args.notebooks.split(",") if args.notebooks else NOTEBOOKS
    if args.max_bytes is not None:
        # notebooks that extract for themselves read the limit from the environment
        os.environ["FORCE_BRIEFING_MAX_BYTES"] = str(args.max_bytes)
    result = build_reports(args.articles, args.out, notebooks=notebooks, pdf=not args.no_pdf,
                           max_bytes=args.max_bytes)
    for path in result.reports:
        print(path)
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import cli_evaluate

    return cli_evaluate(args.gold, args.articles, args.json)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="write actors.csv, forces.csv and stances.csv")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    ex.add_argument("--out", required=True, metavar="DIR", help="folder for the three CSV files")
    ex.add_argument("--max-bytes", type=int, default=config.MAX_ARTICLE_BYTES,
                    help="refuse article files larger than this (default %(default)s)")
    ex.add_argument("--model", help=f"spaCy pipeline to use (default: ${config.MODEL_ENV_VAR} or en_core_web_sm)")
    ex.set_defaults(func=_cmd_extract)

    bd = sub.add_parser("build", help="run the notebooks and render HTML and PDF reports")
    bd.add_argument("--articles", nargs="+", metavar="PATH", help="article files/folders (default data/articles)")
    bd.add_argument("--out", metavar="DIR", help="report folder (default reports/)")
    bd.add_argument("--notebooks", metavar="NAMES", help="comma-separated subset, e.g. briefing,forces")
    bd.add_argument("--no-pdf", action="store_true", help="build HTML only")
    bd.add_argument("--max-bytes", type=int, default=None,
                    help=f"refuse article files larger than this (default {config.MAX_ARTICLE_BYTES})")
    bd.set_defaults(func=_cmd_build)

    ev = sub.add_parser("evaluate", help="score extraction against gold files")
    ev.add_argument("--gold", required=True, metavar="DIR", help="folder of <article_id>.gold.json files")
    ev.add_argument("--articles", nargs="+", metavar="PATH", help="article files/folders (default data/articles)")
    ev.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    ev.set_defaults(func=_cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``briefing`` console script."""
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BriefingError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # a bug: still one line unless debugging
        if os.environ.get("FORCE_BRIEFING_DEBUG"):
            raise
        first = str(err).strip().splitlines()[0] if str(err).strip() else ""
        print(f"error: internal error ({type(err).__name__}: {first[:300]}); "
              "rerun with FORCE_BRIEFING_DEBUG=1 for details", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
