"""Hostile input (issue 7): article text, titles and metadata are untrusted.

One build of a hostile article (tests/fixtures/hostile.py) is opened in headless Chromium:
no dialog, no console error, no request beyond the page itself, the markup shown as text.
The same pages are opened once more with their Content-Security-Policy removed, so the
test proves the escaping, not only the CSP. The article folder's name is a papermill
parameter injection; the file name is markup.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from analysis import config, loader

from fixtures.hostile import (HOSTILE_FILE_NAME, IMG, INJECTION_DIR_NAME, JS_LINK, SCRIPT, hostile_build)

REPORTS = ("briefing", "actors", "forces", "stances")
#: Reports that show article text (title, sources, evidence sentences); actors shows names only.
TEXT_REPORTS = ("briefing", "forces", "stances")
CSP_META = re.compile(r'<meta[^>]*http-equiv="Content-Security-Policy"[^>]*>')
REMOTE = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", re.I)
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    b = hostile_build(tmp_path_factory)
    res = b["result"]
    assert res.returncode == 0, res.stderr[-3000:]
    return b


def _open_all(html_files: list[Path]) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    if not Path(config.CHROMIUM_PATH).exists():
        pytest.skip(f"no Chromium at {config.CHROMIUM_PATH}")
    seen: dict[str, dict] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=config.CHROMIUM_PATH, args=BROWSER_ARGS)
        try:
            for f in html_files:
                ev: dict = {"dialogs": [], "console": [], "errors": [], "requests": []}
                page = browser.new_page()
                page.on("dialog", lambda d, ev=ev: (ev["dialogs"].append(d.message), d.dismiss()))
                page.on("console", lambda m, ev=ev: ev["console"].append((m.type, m.text)))
                page.on("pageerror", lambda e, ev=ev: ev["errors"].append(str(e)))
                page.on("request", lambda r, ev=ev: ev["requests"].append(r.url))
                url = f.resolve().as_uri()
                page.goto(url, wait_until="load")
                page.wait_for_timeout(300)  # let an onerror handler or a late script fire
                ev["url"] = url
                ev["text"] = page.inner_text("body")
                ev["dom"] = page.evaluate("""() => ({
                    scripts: document.scripts.length,
                    handlers: [...document.querySelectorAll('*')].filter(
                        el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
                    js_links: document.querySelectorAll('a[href^="javascript:" i]').length,
                    imgs_without_data: [...document.images].filter(i => !i.src.startsWith('data:')).length,
                    iframes: document.querySelectorAll('iframe, object, embed').length,
                })""")
                seen[f.name] = ev
                page.close()
        finally:
            browser.close()
    return seen


def _check_pages(seen: dict[str, dict]) -> None:
    assert sorted(seen) == sorted(f"{r}.html" for r in REPORTS)
    for name, ev in seen.items():
        assert ev["dialogs"] == [], f"{name}: article script ran: {ev['dialogs']}"
        assert ev["errors"] == [], f"{name}: {ev['errors']}"
        assert [c for c in ev["console"] if c[0] in ("error", "warning")] == [], f"{name}: {ev['console']}"
        others = [u for u in ev["requests"] if u != ev["url"] and not u.startswith("data:")]
        assert others == [], f"{name} made network requests: {others}"
        assert ev["dom"] == {"scripts": 0, "handlers": 0, "js_links": 0, "imgs_without_data": 0, "iframes": 0}, name
        if name.removesuffix(".html") in TEXT_REPORTS:
            assert SCRIPT in ev["text"], f"{name}: the markup is not shown as text"
    briefing = seen["briefing.html"]["text"]
    for literal in (SCRIPT + " Denmark & Mali: $x$ 100% _under_ control, caf\u00e9", IMG + " Reuters & Co", JS_LINK,
                    "a cost of $x$ and 50% of the budget_total & more", "S\u00e9gou"):
        assert literal in briefing, literal
    assert IMG in seen["stances.html"]["text"]


@pytest.mark.slow
def test_reports_show_hostile_text_and_run_nothing_in_chromium(built):
    html = sorted(built["out"].glob("*.html"))
    for f in html:
        csp = CSP_META.search(f.read_text(encoding="utf-8"))
        assert csp and "default-src 'none'" in csp.group(0), f"{f.name} lost its Content-Security-Policy"
    _check_pages(_open_all(html))


@pytest.mark.slow
def test_escaping_alone_stops_the_script_even_without_the_csp(built, tmp_path):
    """Remove the CSP meta tag: if any article markup were live, alert() would now fire."""
    copies = []
    for f in sorted(built["out"].glob("*.html")):
        text, n = CSP_META.subn("", f.read_text(encoding="utf-8"))
        assert n == 1
        (tmp_path / f.name).write_text(text, encoding="utf-8")
        copies.append(tmp_path / f.name)
    _check_pages(_open_all(copies))


@pytest.mark.slow
def test_raw_html_has_no_live_article_markup(built):
    for name in REPORTS:
        text = (built["out"] / f"{name}.html").read_text(encoding="utf-8")
        assert REMOTE.search(text) is None, f"{name}.html loads something from the network"
        for needle in ("<script>alert", "<img src=x", "onerror=alert(2)>", 'href="javascript:', "<img src=y"):
            if needle == "onerror=alert(2)>":
                assert "onerror=alert(2)&gt;" in text or name not in ("briefing", "stances")
                assert re.search(r"<img[^>]*onerror", text) is None
                continue
            assert needle not in text, f"{name}.html contains {needle!r}"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (built["out"] / "briefing.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_pdf_shows_hostile_text_literally(built):
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils not installed")
    pdf = built["out"] / "briefing.pdf"
    assert pdf.exists(), "PDF not built (Chromium missing?)"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for literal in (SCRIPT, "Denmark & Mali: $x$ 100% _under_ control, caf\u00e9", JS_LINK, "S\u00e9gou"):
        assert literal in flat, literal


@pytest.mark.slow
def test_executed_notebooks_carry_escaped_output_only(built):
    for name in REPORTS:
        nb = nbformat.read(str(built["out"] / "executed" / f"{name}.ipynb"), as_version=4)
        for cell in nb.cells:
            for out in cell.get("outputs", []):
                html = out.get("data", {}).get("text/html", "")
                assert "<script" not in html.lower() and "onerror=" not in html.replace("onerror=alert(2)&gt;", "")


@pytest.mark.slow
def test_papermill_parameter_injection_through_the_articles_path_runs_nothing(built):
    """The articles folder is named like Python code; it must reach the kernel as one string."""
    assert not built["marker"].exists(), "code in the articles parameter was executed"
    folder = str(built["articles"])
    assert Path(folder).name == INJECTION_DIR_NAME
    nb = nbformat.read(str(built["out"] / "executed" / "briefing.ipynb"), as_version=4)
    assert nb.metadata.papermill.parameters["articles"] == folder
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    namespace: dict = {}
    exec(compile(injected.source, "<injected-parameters>", "exec"), {}, namespace)  # plain assignments only
    assert namespace["articles"] == folder
    # the kernel really used that string: it found the article and showed its title
    assert "Denmark &amp; Mali: $x$ 100% _under_ control" in (built["out"] / "briefing.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_papermill_string_parameters_round_trip(tmp_path):
    """Quotes, backslashes, newlines and triple quotes in any parameter stay data."""
    import papermill as pm

    marker = tmp_path / "pwned"
    values = {
        "a": 'x"; import os; os.system("touch ' + str(marker) + '"); "',
        "b": "x'''; open(r'" + str(marker) + "', 'w'); '''",
        "c": 'back\\slash\\"; open("' + str(marker) + '", "w") #',
        "d": "line one\nimport os; os.system('touch " + str(marker) + "')\n",
        "e": "{0} %s $x$ _ & <script>alert(1)</script> caf\u00e9",
    }
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "fb", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell("\n".join(f"{k} = ''" for k in values), metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("import json; print(json.dumps([" + ", ".join(values) + "]))")]
    src, dest = tmp_path / "params.ipynb", tmp_path / "out.ipynb"
    nbformat.write(nb, str(src))
    pm.execute_notebook(str(src), str(dest), parameters=values, kernel_name=config.KERNEL_NAME, progress_bar=False,
                        cwd=str(tmp_path))
    out = nbformat.read(str(dest), as_version=4).cells[-1].outputs[0]["text"]
    assert json.loads(out) == list(values.values())
    assert not marker.exists()


# --- ids and file names -------------------------------------------------------------------------

ID_OK = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@pytest.mark.parametrize("name", [
    "../../etc/passwd", "..", "...txt", "../.txt", "a/../../b.txt", "..\\..\\windows.txt", "x/..%2f..%2fy.txt",
    HOSTILE_FILE_NAME, "<script>alert(1)</script>.txt".replace("/", "_"), "caf\u00e9 d\u00e9j\u00e0.md",
    " .. .txt", "-rf .txt", "\u202eevil\u202d.txt", "nul\x00.txt".replace("\x00", ""), ".hidden.txt",
])
def test_article_ids_cannot_leave_the_output_folder(tmp_path, name):
    art_id = loader.article_id_for(Path(name))
    assert ID_OK.fullmatch(art_id), art_id
    assert art_id not in (".", "..") and "/" not in art_id and "\\" not in art_id
    out = tmp_path / "out"
    assert (out / f"{art_id}.csv").resolve().parent == out.resolve()


def test_hostile_file_name_gives_a_safe_id_and_loads(tmp_path):
    p = tmp_path / HOSTILE_FILE_NAME
    p.write_text("title: x\n\nDenmark said on Thursday that it will withdraw its troops from Mali.\n")
    art = loader.load_articles([tmp_path]).articles[0]
    assert art.id == "img-src-y-onerror-alert-5-x-100-_caf"
    assert art.path == str(p)


def test_notebook_names_cannot_leave_the_output_folder(tmp_path, capsys):
    from analysis import cli

    rc = cli.main(["build", "--articles", str(config.ARTICLES_DIR), "--out", str(tmp_path / "out"),
                   "--notebooks", "../notebooks/briefing", "--no-pdf"])
    assert rc == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: no such notebook: ../notebooks/briefing")
    assert not (tmp_path / "out").exists() and not (tmp_path / "notebooks").exists()


@pytest.mark.parametrize("folder", ["a,b", "[draft] 2024", "x*y?"])
def test_article_folders_with_list_or_glob_characters_resolve_whole(tmp_path, folder):
    """The build passes the folder as the notebooks' ``articles`` string; "a,b" used to split in two."""
    from analysis import report

    d = tmp_path / folder
    d.mkdir()
    (d / "seed.txt").write_bytes((config.ARTICLES_DIR / "denmark-mali-takuba.txt").read_bytes())
    (tmp_path / "a").mkdir()  # "[draft]"-style names must not glob-match a sibling instead
    assert report.resolve_articles(str(d)) == [str(d)]
    meta = report.article_metadata(str(d))
    assert meta["title"].tolist() == ["Denmark to withdraw special forces from Mali after junta demand"]
    tune = config.DEV_DIR / "tune" / "articles"  # a real comma-separated list still splits
    assert report.resolve_articles(f"{config.ARTICLES_DIR}, {tune}") == [str(config.ARTICLES_DIR), str(tune)]
