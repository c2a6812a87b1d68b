"""``python -m analysis extract`` on bad input, run as a real subprocess (issue 7).

A refused input must end as exactly one ``error:`` line naming the file and the reason,
a non-zero exit and no traceback; a folder with at least one good file exits 0, lists
each bad file with its reason and writes tables for the good ones only.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import config, errors

from test_loader_inputs import BODY, FRENCH, NEWS_PAGE

SEED = config.ARTICLES_DIR / "denmark-mali-takuba.txt"


def extract(*args: str | Path, cwd: Path | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_BRIEFING_DEBUG"}
    return subprocess.run([sys.executable, "-m", "analysis", "extract", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, cwd=cwd or config.PROJ_ROOT, env=env)


def lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip()]


def assert_one_error_line(res: subprocess.CompletedProcess, *must_contain: str) -> str:
    assert res.returncode == 1, (res.returncode, res.stderr)
    assert "Traceback" not in res.stderr + res.stdout
    assert res.stdout == ""
    err_lines = [ln for ln in lines(res.stderr) if ln.startswith("error:")]
    assert len(err_lines) == 1, res.stderr
    assert "internal error" not in err_lines[0]
    for text in must_contain:
        assert text in err_lines[0], (text, err_lines[0])
    return err_lines[0]


def _make(tmp: Path, case: str) -> tuple[Path, list[str], str]:
    """Build one bad input; return (path, extra CLI args, expected reason text)."""
    p = tmp / f"{case}.txt"
    if case == "empty":
        p.write_bytes(b"")
        return p, [], errors.EMPTY
    if case == "whitespace":
        p.write_bytes(b" \n\t\n\r\n   ")
        return p, [], errors.BLANK
    if case == "binary":
        p.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 16)
        return p, [], errors.BINARY
    if case == "too-large":
        p.write_text(BODY * 50)
        size = p.stat().st_size
        return p, ["--max-bytes", "1000"], errors.TOO_LARGE.format(size=size, limit=1000)
    if case == "french":
        p.write_text(FRENCH)
        return p, [], "does not look like English"
    if case == "dangling-link":
        p.symlink_to(tmp / "was-deleted.txt")
        return p, [], errors.UNREADABLE.format(err="No such file or directory")
    if case == "folder-named-txt":
        p.mkdir()
        (p / "inner.txt").write_bytes(b"")  # given explicitly, it is a folder to scan: one empty file
        return p, [], errors.EMPTY
    if case == "fifo":
        os.mkfifo(p)
        return p, [], errors.NOT_A_FILE.format(kind="a device, pipe or socket")
    if case == "missing-folder":
        return tmp / "no-such-folder", [], errors.NO_SUCH_PATH
    if case == "unmatched-glob":
        return tmp / "*.nothing", [], errors.NO_MATCH
    if case == "empty-folder":
        p = tmp / "empty-folder"
        p.mkdir()
        (p / "readme.csv").write_text("x\n")
        return p, [], "no article files found"
    if case == "html-without-article":
        p = tmp / "menu.html"
        p.write_text("<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>")
        return p, [], errors.NO_BODY
    raise AssertionError(case)


CASES = ["empty", "whitespace", "binary", "too-large", "french", "dangling-link", "folder-named-txt", "fifo",
         "missing-folder", "unmatched-glob", "empty-folder", "html-without-article"]


@pytest.mark.parametrize("case", CASES)
def test_each_refused_input_gives_one_error_line(tmp_path, case):
    path, extra, reason = _make(tmp_path, case)
    out = tmp_path / "out"
    res = extract(path, "--out", out, *extra, timeout=60)
    line = assert_one_error_line(res, reason)
    if case not in ("empty-folder", "folder-named-txt"):
        assert line == f"error: {path}: {reason}" or (reason in line and str(path) in line)
    assert len(lines(res.stderr)) == 1, "a single bad file is one line, not a warning plus an error"
    assert not out.exists(), "nothing is written when nothing could be processed"


def test_folder_of_only_bad_files_lists_each_and_fails(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00" * 64)
    (tmp_path / "c.txt").write_text(FRENCH)
    res = extract(tmp_path, "--out", tmp_path / "out", timeout=60)
    assert_one_error_line(res, "no usable articles", "3 file(s) skipped")
    warnings = [ln for ln in lines(res.stderr) if ln.startswith("warning:")]
    assert warnings == [
        f"warning: skipped {tmp_path / 'a.txt'}: {errors.EMPTY}",
        f"warning: skipped {tmp_path / 'b.txt'}: {errors.BINARY}",
        f"warning: skipped {tmp_path / 'c.txt'}: " + next(ln for ln in warnings if "c.txt" in ln).split(": ", 2)[2],
    ]
    assert "does not look like English" in warnings[2]


def test_mixed_folder_exits_0_and_extracts_only_the_good_files(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    (arts / "seed.txt").write_bytes(SEED.read_bytes())
    (arts / "windows.txt").write_bytes(("title: Windows\n\nDenmark\u2019s \u201cexit\u201d from Mali. " + BODY).encode("cp1252"))
    (arts / "utf16.md").write_bytes(("---\ntitle: UTF-16\n---\n" + BODY.replace("Denmark", "France")).encode("utf-16"))
    (arts / "page.html").write_text(NEWS_PAGE)
    (arts / "bad-header.txt").write_text("---\ntitle: [oops\n---\n" + BODY)
    (arts / "seed.md").write_text(BODY)  # duplicate id "seed"; seed.md sorts first and wins
    (arts / "empty.txt").write_bytes(b"")
    (arts / "binary.txt").write_bytes(b"\x00\xff" * 500)
    (arts / "french.txt").write_text(FRENCH)
    (arts / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    out = tmp_path / "out"
    res = extract(arts, tmp_path / "missing-folder", "--out", out)
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr and "error:" not in res.stderr
    prefix = "warning: skipped "
    skipped = {ln[len(prefix):].split(": ", 1)[0]: ln for ln in lines(res.stderr) if ln.startswith(prefix)}
    assert sorted(Path(p).name for p in skipped) == ["binary.txt", "empty.txt", "french.txt", "gone.txt",
                                                     "missing-folder", "seed.txt"]
    assert errors.EMPTY in skipped[str(arts / "empty.txt")]
    assert errors.BINARY in skipped[str(arts / "binary.txt")]
    assert "already used by" in skipped[str(arts / "seed.txt")]
    assert errors.NO_SUCH_PATH in skipped[str(tmp_path / "missing-folder")]
    header_warnings = [ln for ln in lines(res.stderr) if "malformed metadata header" in ln]
    assert len(header_warnings) == 1 and str(arts / "bad-header.txt") in header_warnings[0]
    assert lines(res.stdout) == [str(out / f"{n}.csv") for n in ("actors", "forces", "stances")]
    with open(out / "actors.csv", newline="", encoding="utf-8") as fh:
        ids = {row["article_id"] for row in csv.DictReader(fh)}
    assert ids == {"bad-header", "page", "seed", "utf16", "windows"}


def test_unwritable_output_folder_is_one_error_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    res = extract(SEED, "--out", blocker / "tables")
    assert_one_error_line(res, "cannot write tables to", str(blocker / "tables"))


@pytest.mark.skipif(not (hasattr(os, "geteuid") and os.geteuid() == 0), reason="needs root to switch to 'nobody'")
@pytest.mark.skipif(not Path("/usr/bin/setpriv").exists(), reason="util-linux setpriv not installed")
def test_chmod_000_file_as_an_unprivileged_user_is_one_error_line():
    """Root reads anything, so drop to uid 65534 (nobody) to get a real EACCES."""
    import shutil
    import tempfile

    d = Path(tempfile.mkdtemp(prefix="fb-perm-", dir="/tmp"))  # pytest's tmp_path is 0700 root
    try:
        d.chmod(0o755)
        secret = d / "secret.txt"
        secret.write_text(BODY)
        secret.chmod(0)
        res = subprocess.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                              sys.executable, "-m", "analysis", "extract", str(secret), "--out", str(d / "out")],
                             capture_output=True, text=True, timeout=60, cwd=config.PROJ_ROOT)
        if "Permission denied" in res.stderr and "secret.txt" not in res.stderr:
            pytest.skip(f"nobody cannot run the venv here: {res.stderr.strip()[:200]}")
        assert_one_error_line(res, f"{secret}: " + errors.UNREADABLE.format(err="Permission denied"))
        assert lines(res.stderr) == [f"error: {secret}: " + errors.UNREADABLE.format(err="Permission denied")]
    finally:
        shutil.rmtree(d, ignore_errors=True)
