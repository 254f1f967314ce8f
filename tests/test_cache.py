"""The parse cache: keyed by content and model, safe to share, and it really spares the parser."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path

from cli_run import ENV, kg

from kg.model import Article, Span
from kg.parse.nlp import parse_conllu
from kg.pipeline.cache import ParseCache

TEXT = "Presiden menelepon Perdana Menteri.\nIa membahas kerja sama."
CONLLU = """\
1\tPresiden\tpresiden\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tmenelepon\ttelepon\tVERB\t_\t_\t0\troot\t_\t_
3\tPerdana\tperdana\tPROPN\t_\t_\t2\tobj\t_\t_
4\tMenteri\tmenteri\tPROPN\t_\t_\t3\tflat\t_\t_
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

1\tIa\tia\tPRON\t_\t_\t2\tnsubj\t_\t_
2\tmembahas\tbahas\tVERB\t_\t_\t0\troot\t_\t_
3\tkerja\tkerja\tNOUN\t_\t_\t2\tobj\t_\t_
4\tsama\tsama\tADJ\t_\t_\t3\tamod\t_\t_
5\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
"""


def article(text: str = TEXT, id: str = "a.txt", dateline: Span | None = None) -> Article:
    return Article(id=id, path=Path("/news") / id, text=text, language="id", dateline=dateline)


def test_a_cached_parse_comes_back_equal(tmp_path: Path) -> None:
    a = article()
    sentences = parse_conllu(CONLLU, a)
    cache = ParseCache(tmp_path)
    key = cache.key(a, "models-1")
    assert cache.get(key, a) is None
    cache.put(key, sentences)
    assert cache.get(key, a) == sentences
    assert (cache.hits, cache.misses) == (1, 1)
    # stored as JSON, never pickle: a shared cache folder must not be able to run code
    (entry,) = tmp_path.rglob("*.json.gz")
    assert json.loads(gzip.decompress(entry.read_bytes()))[0][3][1][:3] == [2, "menelepon", "telepon"]


def test_the_key_follows_content_and_models_not_names(tmp_path: Path) -> None:
    cache = ParseCache(tmp_path)
    key = cache.key(article(), "models-1")
    assert cache.key(article(id="elsewhere/renamed.txt"), "models-1") == key
    assert cache.key(article(TEXT + " "), "models-1") != key
    assert cache.key(article(), "models-2") != key
    # the dateline is cut out of what the parser sees
    assert cache.key(article(dateline=Span(0, 9)), "models-1") != key


def test_the_key_follows_the_spelling_the_parser_reads(tmp_path: Path, monkeypatch) -> None:
    from kg.pipeline import cache as cache_module

    cache = ParseCache(tmp_path)
    key = cache.key(article(), "models-1")
    monkeypatch.setattr(cache_module.nlp, "spelling", lambda lang: {"’": "'"})
    assert cache.key(article(), "models-1") != key


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    a = article()
    cache = ParseCache(tmp_path)
    key = cache.key(a, "m")
    cache.put(key, parse_conllu(CONLLU, a))
    (entry,) = tmp_path.rglob("*.json.gz")
    entry.write_bytes(entry.read_bytes()[:20])
    assert cache.get(key, a) is None


def test_an_unwritable_cache_costs_only_speed(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    cache = ParseCache(tmp_path / "file" / "cache")
    a = article()
    cache.put(cache.key(a, "m"), parse_conllu(CONLLU, a))   # no exception
    assert cache.broken and cache.get(cache.key(a, "m"), a) is None


def api_build(src: Path, cache: Path) -> tuple[int, int, bool]:
    """(articles parsed, from cache, whether torch was even imported) of a build in a fresh process."""
    code = ("import sys, kg; from kg.pipeline.cache import ParseCache; "
            f"r = kg.build({str(src)!r}, cache=ParseCache({str(cache)!r})); "
            "print(r.stats.parsed, r.stats.cached, 'torch' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=600)
    assert proc.returncode == 0, proc.stderr
    parsed, cached, torch = proc.stdout.split()
    return int(parsed), int(cached), torch == "True"


def test_only_changed_articles_are_parsed_and_the_parser_is_not_loaded_otherwise(seed_dir: Path,
                                                                                 tmp_path: Path) -> None:
    src, cache = tmp_path / "articles", tmp_path / "cache"
    shutil.copytree(seed_dir, src)
    assert api_build(src, cache) == (2, 0, True)
    assert api_build(src, cache) == (0, 2, False)
    changed = sorted(src.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nIa juga menelepon Presiden Prancis.\n",
                       encoding="utf-8")
    entries = sorted(cache.rglob("*.json.gz"))
    assert len(entries) == 2
    uncached = kg("build", src, "-o", tmp_path / "out", "--no-cache")
    assert uncached.returncode == 0, uncached.stderr
    assert "(2 parsed, 0 from cache)" in uncached.stdout
    assert not (tmp_path / "out" / ".kg-cache").exists() and sorted(cache.rglob("*.json.gz")) == entries
    assert api_build(src, cache) == (1, 1, True)
