"""Every kind of messy input file, through analysis.loader (issue 7, "Inputs that must work").

Odd files (binary, UTF-16, Windows-1252, FIFOs, dangling links) are generated in tmp_path at
run time rather than committed. Each test asserts the exact outcome: the decoded text, the
parsed metadata, or the one-line reason a file is refused.
"""

from __future__ import annotations

import codecs
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis import config, errors, loader

BODY = (
    "Denmark announced on Thursday that it will start withdrawing its battalion of about 100 "
    "special forces soldiers from Mali. The minister said the decision was final and that the "
    "troops would be home by the end of the month.\n"
)

SEED = config.ARTICLES_DIR / "denmark-mali-takuba.txt"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


def refused(path: Path, **kw) -> errors.ArticleError:
    with pytest.raises(errors.ArticleError) as info:
        loader.load_article(path, **kw)
    err = info.value
    assert err.path == str(path)
    assert "\n" not in str(err), "reasons are one line"
    assert str(err).startswith(str(path) + ": ")
    return err


# --- empty, blank, binary -------------------------------------------------------------------


def test_empty_file_is_refused(tmp_path):
    assert refused(write(tmp_path, "empty.txt", b"")).reason == errors.EMPTY


@pytest.mark.parametrize("data", [b"   \n\t\n  \r\n", "\u00a0\u2003\n".encode("utf-8"), codecs.BOM_UTF8 + b" \n"])
def test_whitespace_only_file_is_refused(tmp_path, data):
    assert refused(write(tmp_path, "blank.txt", data)).reason == errors.BLANK


@pytest.mark.parametrize("name,data", [
    ("nul.txt", b"Denmark\x00announced\x00" * 50),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
    ("random.txt", random.Random(7).randbytes(5000)),
    ("all-bytes.md", bytes(range(256)) * 20),
])
def test_binary_file_is_refused(tmp_path, name, data):
    assert refused(write(tmp_path, name, data)).reason == errors.BINARY


# --- encodings --------------------------------------------------------------------------------


def test_latin1_is_decoded(tmp_path):
    text = "title: Caf\u00e9 d\u00e9bat\n\nThe caf\u00e9 near the d\u00e9p\u00f4t in S\u00e9gou was closed. " + BODY
    art = loader.load_article(write(tmp_path, "latin1.txt", text.encode("latin-1")))
    assert art.title == "Caf\u00e9 d\u00e9bat"
    assert art.text.startswith("The caf\u00e9 near the d\u00e9p\u00f4t in S\u00e9gou was closed.")


def test_windows_1252_smart_quotes_are_decoded(tmp_path):
    text = ("title: \u201cDirty game\u201d \u2013 Denmark\u2019s exit\n\n"
            "Denmark condemned what it called a \u201cdirty political game\u201d \u2014 it\u2019s over, "
            "the minister said, and the \u20ac2m mission ends\u2026 " + BODY)
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test really exercises the fallback
    art = loader.load_article(write(tmp_path, "cp1252.txt", data))
    assert art.title == "\u201cDirty game\u201d \u2013 Denmark\u2019s exit"
    assert "\u201cdirty political game\u201d \u2014 it\u2019s over" in art.text
    assert "\u20ac2m mission ends\u2026" in art.text
    assert "\ufffd" not in art.text


def test_mixed_utf8_and_windows_1252_lines_are_both_decoded(tmp_path):
    # A paste from a UTF-8 page followed by a line from a Windows-1252 e-mail.
    data = ("S\u00e9gou \u2013 " + BODY).encode("utf-8") + "It\u2019s \u201cfinal\u201d, he said.\n".encode("cp1252")
    art = loader.load_article(write(tmp_path, "mixed.txt", data))
    assert art.text.startswith("S\u00e9gou \u2013 Denmark")
    assert "It\u2019s \u201cfinal\u201d, he said." in art.text


@pytest.mark.parametrize("encoding,bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-8", codecs.BOM_UTF8),
    ("utf-32-le", codecs.BOM_UTF32_LE),
])
def test_unicode_with_bom_is_decoded(tmp_path, encoding, bom):
    text = "---\ntitle: S\u00e9gou \u201creport\u201d\nsource: Wire\n---\n\n" + BODY
    art = loader.load_article(write(tmp_path, f"{encoding}.txt", bom + text.encode(encoding)))
    assert art.title == "S\u00e9gou \u201creport\u201d"
    assert art.source == "Wire"
    assert art.text == BODY
    assert "\ufeff" not in art.text


def test_utf16_without_bom_is_decoded(tmp_path):
    art = loader.load_article(write(tmp_path, "nobom.txt", ("title: No BOM\n\n" + BODY).encode("utf-16-le")))
    assert art.title == "No BOM"
    assert art.text == BODY


def test_crlf_and_cr_line_endings(tmp_path):
    crlf = ("title: Windows\r\nsource: Mail\r\n\r\n" + BODY.replace("\n", "\r\n") + "\r\nSecond paragraph of the article.\r\n")
    art = loader.load_article(write(tmp_path, "crlf.txt", crlf))
    assert (art.title, art.source) == ("Windows", "Mail")
    assert "\r" not in art.text
    assert art.text == BODY + "\nSecond paragraph of the article.\n"


# --- HTML pages -------------------------------------------------------------------------------

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Denmark to withdraw special forces from Mali | World News Daily</title>
<meta property="og:title" content="Denmark to withdraw special forces from Mali">
<meta property="og:site_name" content="World News Daily">
<meta property="article:published_time" content="2022-01-27T10:00:00Z">
<script>window.dataLayer = [{"page": "article"}]; trackReaderEverywhere();</script>
<style>.cookie{position:fixed}</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies to personalise content and ads. Accept all cookies to continue browsing our partner network.</p>
  <button>Accept all cookies</button><button>Manage preferences</button>
</div>
<header class="site-header">
  <nav class="main-nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li>
    <li><a href="/subscribe">Subscribe to our premium newsletter today</a></li>
  </ul></nav>
</header>
<main>
<article>
  <h1>Denmark to withdraw special forces from Mali</h1>
  <p>Denmark announced on Thursday that it will start withdrawing its battalion of about 100 special forces soldiers from Mali in response to repeated requests from the ruling junta.</p>
  <p>The junta said it had not yet approved the deployment of the Danish forces, which had arrived in the country earlier this month to join the European Takuba task force.</p>
  <p>"We don't accept that, so we decided to bring our soldiers home," Foreign Minister Jeppe Kofod said at a press conference in Copenhagen.</p>
  <p>French Foreign Minister Jean-Yves Le Drian expressed his support for Denmark and said the military council in Bamako was increasingly isolated from its international partners.</p>
</article>
<aside class="related"><h3>Most read</h3>
  <ul><li><a href="/a">Celebrity chef opens restaurant on the moon</a></li><li><a href="/b">Ten gadgets you need this winter</a></li></ul>
</aside>
</main>
<footer class="site-footer">
  <p>Copyright 2022 World News Daily Media Group. All rights reserved.</p>
  <p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a> | <a href="/contact">Contact us</a></p>
</footer>
</body>
</html>
"""

PAGE_FURNITURE = ["cookies", "Accept all", "Manage preferences", "Home", "Business", "Subscribe",
                  "newsletter", "Most read", "Celebrity chef", "gadgets", "Copyright", "All rights reserved",
                  "Privacy policy", "Terms of use", "Contact us", "dataLayer", "trackReaderEverywhere", "position:fixed"]


@pytest.mark.parametrize("name", ["page.html", "page.htm", "saved-page.txt"])
def test_html_page_keeps_the_article_and_drops_page_furniture(tmp_path, name):
    art = loader.load_article(write(tmp_path, name, NEWS_PAGE))
    for sentence in ("Denmark announced on Thursday that it will start withdrawing its battalion",
                     "The junta said it had not yet approved the deployment",
                     "Foreign Minister Jeppe Kofod said at a press conference in Copenhagen.",
                     "increasingly isolated from its international partners."):
        assert sentence in art.text
    for junk in PAGE_FURNITURE:
        assert junk not in art.text, f"page furniture {junk!r} reached the article text"
    assert "<" not in art.text and "&" not in art.text
    assert art.title == "Denmark to withdraw special forces from Mali"
    assert art.source == "World News Daily"
    assert art.published == "2022-01-27"


def test_html_page_without_article_text_is_refused(tmp_path):
    page = "<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav><footer>Copyright</footer></body></html>"
    assert refused(write(tmp_path, "empty-page.html", page)).reason == errors.NO_BODY


def test_html_page_in_windows_1252(tmp_path):
    page = NEWS_PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "\"We don't accept that", "\u201cWe don\u2019t accept that").replace("home,\"", "home,\u201d")
    art = loader.load_article(write(tmp_path, "cp1252.html", page.encode("cp1252")))
    assert "\u201cWe don\u2019t accept that, so we decided to bring our soldiers home,\u201d" in art.text


# --- size -------------------------------------------------------------------------------------


def test_file_over_the_limit_is_refused_with_the_size_and_how_to_raise_it(tmp_path):
    p = write(tmp_path, "long.txt", BODY * 10)
    size = p.stat().st_size
    err = refused(p, max_bytes=size - 1)
    assert err.reason == errors.TOO_LARGE.format(size=size, limit=size - 1)
    assert f"{size:,} bytes" in err.reason and "--max-bytes" in err.reason
    assert loader.load_article(p, max_bytes=size).text == (BODY * 10).strip() + "\n"


def test_several_megabyte_file_refused_by_default_accepted_when_raised(tmp_path):
    para = SEED.read_text(encoding="utf-8").split("---", 2)[2].strip() + "\n\n"
    p = write(tmp_path, "huge.txt", para * (max(config.MAX_ARTICLE_BYTES, 3_000_000) // len(para.encode()) + 1))
    size = p.stat().st_size
    assert size > config.MAX_ARTICLE_BYTES and size > 3_000_000

    t0 = time.perf_counter()
    err = refused(p)
    assert err.reason == errors.TOO_LARGE.format(size=size, limit=config.MAX_ARTICLE_BYTES)
    assert time.perf_counter() - t0 < 1.0, "the size check must not read the file"

    t0 = time.perf_counter()
    art = loader.load_article(p, max_bytes=size + 1)
    assert time.perf_counter() - t0 < 10.0
    assert len(art.text) > 2_900_000
    assert art.text.startswith("Denmark announced Thursday")


def test_device_and_fifo_are_refused_without_reading_forever(tmp_path):
    """/dev/zero reports size 0 and never ends; a FIFO blocks on open. Run in a subprocess with a timeout."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = ("import sys; from analysis import loader\n"
            "r = loader.load_articles(sys.argv[1:])\n"
            "print('\\n'.join(p.reason for p in r.problems))")
    out = subprocess.run([sys.executable, "-c", code, "/dev/zero", str(fifo)], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [errors.NOT_A_FILE.format(kind="a device, pipe or socket")] * 2


# --- language ---------------------------------------------------------------------------------

FRENCH = ("Le Danemark a annonc\u00e9 jeudi qu'il allait commencer \u00e0 retirer son bataillon d'environ 100 "
          "soldats des forces sp\u00e9ciales du Mali, en r\u00e9ponse aux demandes r\u00e9p\u00e9t\u00e9es de la junte au "
          "pouvoir, qui a affirm\u00e9 ne pas avoir encore approuv\u00e9 le d\u00e9ploiement des forces danoises. "
          "Le ministre a d\u00e9clar\u00e9 que la d\u00e9cision \u00e9tait d\u00e9finitive et qu'il a un plan.\n")
GERMAN = ("D\u00e4nemark hat am Donnerstag angek\u00fcndigt, sein Bataillon von etwa 100 Soldaten der "
          "Spezialkr\u00e4fte aus Mali abzuziehen, nachdem die regierende Junta wiederholt dazu aufgefordert "
          "hatte. Die Junta erkl\u00e4rte, sie habe den Einsatz der d\u00e4nischen Truppen noch nicht genehmigt.\n")
SPANISH = ("Dinamarca anunci\u00f3 el jueves que comenzar\u00e1 a retirar su batall\u00f3n de unos 100 soldados de "
           "fuerzas especiales de Mal\u00ed, en respuesta a las reiteradas peticiones de la junta militar, que "
           "afirm\u00f3 que a\u00fan no hab\u00eda aprobado el despliegue de las fuerzas danesas.\n")


@pytest.mark.parametrize("text", [FRENCH, GERMAN, SPANISH], ids=["fr", "de", "es"])
def test_non_english_article_is_refused(tmp_path, text):
    err = refused(write(tmp_path, "foreign.txt", "title: Foreign\n\n" + text))
    assert "does not look like English" in err.reason


def test_english_article_with_foreign_quotes_and_many_names_is_kept(tmp_path):
    text = ("French President Emmanuel Macron told Le Monde: \u00abLa France ne partira pas.\u00bb "
            "Mali, Niger, Burkina Faso, Chad, Mauritania, Senegal and C\u00f4te d'Ivoire sent delegates. " + BODY)
    art = loader.load_article(write(tmp_path, "english.txt", text))
    assert "C\u00f4te d'Ivoire" in art.text


def test_every_bundled_english_article_passes_the_language_check():
    paths = sorted(config.ARTICLES_DIR.glob("*.txt")) + sorted(config.DEV_DIR.glob("*/articles/*.txt"))
    assert paths
    for p in paths:
        art = loader.load_article(p)
        assert loader.english_share(art.text) > 0.25, p


# --- metadata headers -------------------------------------------------------------------------


def test_yaml_front_matter(tmp_path):
    art = loader.load_article(write(tmp_path, "yaml.txt",
                                    "---\ntitle: \"Denmark: troops out\"\nsource: Reuters\npublished: 2022-01-27\n"
                                    "source url: https://example.org/x\n---\n\n" + BODY))
    assert (art.title, art.source, art.published) == ("Denmark: troops out", "Reuters", "2022-01-27")
    assert art.meta["source_url"] == "https://example.org/x"
    assert art.text == BODY and art.warnings == []


def test_key_value_header(tmp_path):
    art = loader.load_article(write(tmp_path, "kv.txt",
                                    "Title: Denmark pulls out\noutlet: AP\nPublished: 27 January 2022\n"
                                    "source_url: https://example.org/y\n\n" + BODY))
    assert (art.title, art.source, art.published) == ("Denmark pulls out", "AP", "27 January 2022")
    assert art.meta["source_url"] == "https://example.org/y"
    assert art.text == BODY and art.warnings == []


def test_no_header(tmp_path):
    art = loader.load_article(write(tmp_path, "plain.txt", BODY + "\nMore text follows here.\n"))
    assert (art.title, art.source, art.published, art.meta) == ("", "", "", {})
    assert art.text.startswith("Denmark announced on Thursday")


def test_dateline_paragraph_is_not_taken_for_a_header(tmp_path):
    art = loader.load_article(write(tmp_path, "dateline.txt", "BAMAKO: " + BODY + "\nSecond paragraph here.\n"))
    assert art.meta == {}
    assert art.text.startswith("BAMAKO: Denmark announced")


def test_seed_article_header():
    art = loader.load_article(SEED)
    assert art.id == "denmark-mali-takuba"
    assert art.title == "Denmark to withdraw special forces from Mali after junta demand"
    assert art.published == "2022-01-27"
    assert art.text.startswith("Denmark announced Thursday")


@pytest.mark.parametrize("header,why", [
    ("---\ntitle: [unclosed\nsource: x\n---\n", "while parsing"),
    ("---\ntitle: a\n  bad: indent\n: x\n---\n", "mapping"),
    ("---\n- just\n- a list\n---\n", "not a key: value mapping"),
    ("---\ntitle: Open\nsource: Never closed\n\n", "never closed"),
    ("---\ntitle: !!python/object/apply:os.system [\"touch /tmp/fb-yaml-pwned\"]\n---\n", "python/object"),
])
def test_malformed_header_warns_and_uses_the_body(tmp_path, header, why):
    art = loader.load_article(write(tmp_path, "bad-header.txt", header + "\n" + BODY))
    assert len(art.warnings) == 1
    assert art.warnings[0].startswith("malformed metadata header (") and why in art.warnings[0]
    assert art.warnings[0].endswith("using the body without it")
    assert "\n" not in art.warnings[0]
    assert art.text == BODY
    assert not Path("/tmp/fb-yaml-pwned").exists()


def test_unclosed_front_matter_keeps_readable_keys(tmp_path):
    art = loader.load_article(write(tmp_path, "open.txt", "---\ntitle: Open header\nsource: Wire\n\n" + BODY))
    assert (art.title, art.source) == ("Open header", "Wire")
    assert art.text == BODY


def test_yaml_alias_bomb_is_refused_quickly(tmp_path):
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, cur in zip("abcdefg", "bcdefgh"):
        levels.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    levels.append("title: [" + ",".join(["*h"] * 9) + "]")
    t0 = time.perf_counter()
    art = loader.load_article(write(tmp_path, "bomb.txt", "---\n" + "\n".join(levels) + "\n---\n\n" + BODY))
    assert time.perf_counter() - t0 < 5.0
    assert art.title == "" and "aliases" in art.warnings[0]
    assert art.text == BODY


def test_header_values_are_one_bounded_line(tmp_path):
    art = loader.load_article(write(tmp_path, "long-title.txt",
                                    "---\ntitle: |\n  Line one\n  line two\nsource: " + "x" * 5000 + "\n---\n\n" + BODY))
    assert art.title == "Line one line two"
    assert len(art.source) == loader.MAX_META_VALUE


# --- ids, duplicates, paths -------------------------------------------------------------------


def test_duplicate_article_ids_keep_one_and_list_the_other(tmp_path):
    write(tmp_path, "a.txt", "title: From txt\n\n" + BODY)
    write(tmp_path, "a.md", "title: From md\n\n" + BODY)
    write(tmp_path, "b.txt", BODY)
    res = loader.load_articles([tmp_path])
    assert [a.id for a in res.articles] == ["a", "b"]
    assert res.articles[0].title == "From md"  # sorted order: a.md before a.txt, every run
    assert len(res.problems) == 1
    prob = res.problems[0]
    assert prob.path == str(tmp_path / "a.txt")
    assert prob.reason == errors.DUPLICATE_ID.format(article_id="a", other=str(tmp_path / "a.md"))


def test_same_stem_in_two_folders_is_a_duplicate(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    write(tmp_path / "one", "x.txt", BODY)
    write(tmp_path / "two", "x.txt", BODY)
    res = loader.load_articles([tmp_path / "one", tmp_path / "two"])
    assert [a.path for a in res.articles] == [str(tmp_path / "one" / "x.txt")]
    assert [p.path for p in res.problems] == [str(tmp_path / "two" / "x.txt")]
    assert "already used by" in res.problems[0].reason


def test_missing_folder_and_unmatched_glob(tmp_path):
    res = loader.load_articles([tmp_path / "nope", str(tmp_path / "*.zzz")])
    assert res.articles == []
    assert [(p.path, p.reason) for p in res.problems] == [
        (str(tmp_path / "nope"), errors.NO_SUCH_PATH), (str(tmp_path / "*.zzz"), errors.NO_MATCH)]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_chmod_000(tmp_path):
    p = write(tmp_path, "secret.txt", BODY)
    p.chmod(0)
    try:
        assert refused(p).reason == errors.UNREADABLE.format(err="Permission denied")
    finally:
        p.chmod(0o644)


def test_unreadable_file_permission_error(tmp_path, monkeypatch):
    """Same path as chmod 000 for a non-root user, simulated so it also runs as root."""
    p = write(tmp_path, "secret.txt", BODY)
    real_open = Path.open

    def deny(self, *a, **kw):
        if self == p:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *a, **kw)

    monkeypatch.setattr(Path, "open", deny)
    assert refused(p).reason == errors.UNREADABLE.format(err="Permission denied")


def test_dangling_link_and_folder_named_like_an_article_are_listed(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-target.txt")
    (tmp_path / "folder.txt").mkdir()
    res = loader.load_articles([tmp_path])
    assert res.articles == []
    assert sorted((Path(p.path).name, p.reason) for p in res.problems) == [
        ("folder.txt", errors.NOT_A_FILE.format(kind="a folder")),
        ("gone.txt", errors.UNREADABLE.format(err="No such file or directory")),
    ]


def test_mixed_folder_processes_good_files_and_lists_each_bad_one(tmp_path):
    write(tmp_path, "good-one.txt", "title: One\n\n" + BODY)
    write(tmp_path, "good-two.md", "---\ntitle: Two\n---\n" + BODY)
    write(tmp_path, "good-cp1252.txt", ("Denmark\u2019s \u201cexit\u201d. " + BODY).encode("cp1252"))
    write(tmp_path, "good-page.html", NEWS_PAGE)
    bad = {
        "empty.txt": errors.EMPTY,
        "blank.txt": errors.BLANK,
        "binary.txt": errors.BINARY,
        "french.txt": None,
        "big.txt": None,
    }
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.txt", b"\n\n   \n")
    write(tmp_path, "binary.txt", b"\x00\x01\x02" * 100)
    write(tmp_path, "french.txt", FRENCH)
    write(tmp_path, "big.txt", BODY * 400)
    write(tmp_path, "notes.csv", "not,an,article\n")  # not an article suffix: ignored
    (tmp_path / ".hidden.txt").write_text(BODY)  # hidden: ignored
    res = loader.load_articles([tmp_path], max_bytes=50_000)
    assert [a.id for a in res.articles] == ["good-cp1252", "good-one", "good-page", "good-two"]
    reasons = {Path(p.path).name: p.reason for p in res.problems}
    assert sorted(reasons) == sorted(bad)
    for name, reason in bad.items():
        if reason:
            assert reasons[name] == reason
    assert "does not look like English" in reasons["french.txt"]
    assert "50,000-byte limit" in reasons["big.txt"]


def test_same_html_page_loads_the_same_every_time(tmp_path):
    """trafilatura's deduplicate=True caches text process-wide: the 4th load used to come back empty."""
    p = write(tmp_path, "page.html", NEWS_PAGE)
    texts = {loader.load_article(p).text for _ in range(6)}
    assert len(texts) == 1
    assert "Jeppe Kofod" in texts.pop()


def test_regular_nul_pattern_without_ascii_text_is_binary_not_utf16(tmp_path):
    assert refused(write(tmp_path, "pattern.txt", b"\x00\xff" * 500)).reason == errors.BINARY
    assert refused(write(tmp_path, "pattern2.txt", b"\x01\x00" * 500)).reason == errors.BINARY
