"""``kg build`` end to end on the sample articles: outputs, evidence, summary, options, locking."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cli_run import kg

from kg.model import EVENT_TYPES
from kg.pipeline.lock import LOCK_NAME, BuildLock
from kg.pipeline.progress import NORMAL, Reporter


@pytest.fixture(scope="module")
def build(seed_dir: Path, tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path_factory.mktemp("out")
    return kg("build", seed_dir, "-o", out), out


@pytest.fixture(scope="module")
def cache(build) -> Path:
    """The parse cache the first build filled: later builds here need no parser."""
    return build[1] / ".kg-cache"


def test_build_writes_all_outputs_and_one_summary(build) -> None:
    proc, out = build
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    for name in ("events.json", "graph.ttl", "graph.html"):
        assert (out / name).stat().st_size > 0
    assert not (out / LOCK_NAME).exists()
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    summary = proc.stdout
    assert "2 read, 0 skipped (2 parsed, 0 from cache)" in summary
    for line in ("sentences", "events", "entities", "written"):
        assert f"  {line} " in summary
    assert f"{out / 'events.json'}, {out / 'graph.ttl'}, {out / 'graph.html'}" in summary


def test_events_json_carries_the_evidence(build, seed_dir: Path) -> None:
    _, out = build
    doc = json.loads((out / "events.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in seed_dir.glob("*.txt")}
    assert sorted(a["id"] for a in doc["articles"]) == sorted(texts)
    assert doc["events"], "the sample articles tell events"
    types = {e["type"] for e in doc["events"]}
    assert types <= set(EVENT_TYPES) and {"Call", "Statement"} <= types
    for ev in doc["events"]:
        assert ev["label"].startswith(ev["type"])
        for role, refs in ev["roles"].items():
            assert all(r["id"] and r["label"] for r in refs), (role, refs)
        for m in ev["mentions"]:
            text = texts[m["article"]]
            t = m["trigger"]
            assert text[t["start"]:t["end"]] == t["text"]           # offsets point into the article
            assert t["text"] in m["sentence"]["text"] and m["sentence"]["text"] in text
            assert m["rule"] and 0 < m["confidence"] <= 1


def test_a_cached_rebuild_gives_the_same_bytes_and_other_formats(build, cache: Path, seed_dir: Path,
                                                                tmp_path: Path) -> None:
    proc = kg("build", seed_dir, "-o", tmp_path, "--cache-dir", cache, "--format", "nt", "--no-html")
    assert proc.returncode == 0, proc.stderr
    assert "(0 parsed, 2 from cache)" in proc.stdout
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["events.json", "graph.nt"]
    assert (tmp_path / "events.json").read_bytes() == (build[1] / "events.json").read_bytes()


def test_an_unchanged_rerun_has_nothing_to_do_and_an_edited_output_is_rebuilt(cache: Path, seed_dir: Path,
                                                                               tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = kg("build", seed_dir, "-o", out, "--cache-dir", cache)
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    again = kg("build", seed_dir, "-o", out, "--cache-dir", cache, "--verbose")
    assert again.returncode == 0, again.stderr
    assert again.stderr == f"kg: nothing changed since the last build: {out}/ is up to date\n"
    assert again.stdout.startswith("kg: up to date, nothing to rebuild in ")
    assert "2 read, 0 skipped" in again.stdout and again.stdout.rstrip().endswith("(unchanged)")
    (out / "events.json").write_text("edited by hand")
    rebuilt = kg("build", seed_dir, "-o", out, "--cache-dir", cache)
    assert "(0 parsed, 2 from cache)" in rebuilt.stdout
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_quiet_prints_nothing_and_verbose_tells_each_article(cache: Path, seed_dir: Path, tmp_path: Path) -> None:
    quiet = kg("build", seed_dir, "-o", tmp_path, "--cache-dir", cache, "--quiet")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    verbose = kg("build", seed_dir, "-o", tmp_path / "v", "--cache-dir", cache, "--verbose")
    assert verbose.returncode == 0
    for name in ("000_91fd489c48fefebd.txt", "002_c45c19499be97a17.txt"):
        assert f"kg: cached {name} (id): " in verbose.stderr


def test_a_live_lock_refuses_and_a_dead_one_is_taken_over(cache: Path, seed_dir: Path, tmp_path: Path) -> None:
    with BuildLock(tmp_path):
        busy = kg("build", seed_dir, "-o", tmp_path, "--cache-dir", cache)
    assert busy.returncode == 1
    assert busy.stderr == (f"kg: error: another kg build is writing to {tmp_path}/ (pid {os.getpid()}); "
                           "wait for it to finish or choose another -o folder\n")
    assert not (tmp_path / "events.json").exists()
    # a build killed with SIGKILL leaves its lock file, naming a pid that is gone
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / LOCK_NAME).write_text(dead.stdout)
    taken = kg("build", seed_dir, "-o", tmp_path, "--cache-dir", cache, "--verbose")
    assert taken.returncode == 0, taken.stderr
    assert f"kg: took over the lock left by pid {dead.stdout.strip()}" in taken.stderr
    assert not (tmp_path / LOCK_NAME).exists()


def test_usage_errors_exit_2(seed_dir: Path, tmp_path: Path) -> None:
    missing = kg("build", tmp_path / "nowhere", "-o", tmp_path / "out")
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    (tmp_path / "file").write_text("x")
    not_a_folder = kg("build", seed_dir, "-o", tmp_path / "file")
    assert not_a_folder.returncode == 2 and "is a file" in not_a_folder.stderr
    bad_format = kg("build", seed_dir, "--format", "xml")
    assert bad_format.returncode == 2
    assert "Traceback" not in missing.stderr + not_a_folder.stderr + bad_format.stderr


def test_help_documents_exit_codes_and_python_m_kg_works() -> None:
    for args in (["--help"], ["build", "--help"]):
        proc = kg(*args)
        assert proc.returncode == 0
        for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "130"):
            assert f"\n    {code}" in proc.stdout
        assert "143 terminated (SIGTERM)" in proc.stdout


def test_an_output_folder_that_cannot_be_made_is_one_line(cache: Path, seed_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "out"       # under a file: works as root too, unlike chmod
    proc = kg("build", seed_dir, "-o", out, "--cache-dir", cache)
    assert proc.returncode == 1
    assert proc.stderr == f"kg: error: cannot write to {out}/: Not a directory\n"


def test_a_single_file_can_be_built(cache: Path, seed_dir: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    shutil.copy(next(seed_dir.glob("*.txt")), one)
    proc = kg("build", one, "-o", tmp_path / "out", "--cache-dir", cache)
    assert proc.returncode == 0, proc.stderr
    assert "1 read, 0 skipped (0 parsed, 1 from cache)" in proc.stdout


def test_progress_is_a_bar_on_a_terminal_and_log_lines_otherwise() -> None:
    bar = io.StringIO()
    reporter = Reporter(NORMAL, stream=bar, tty=True)
    reporter.start(3)
    for name in "abc":
        time.sleep(0.15)   # tqdm redraws at most every 0.1 s
        reporter.advance(name)
    reporter.finish()
    assert re.search(r"kg: parsing: +100%\|.*\| 3/3 \[[\d:]+<[\d:]+, +[\d.]+(article/s|s/article)\]", bar.getvalue())
    log = io.StringIO()
    reporter = Reporter(NORMAL, stream=log, tty=False, log_every=0)
    reporter.start(3)
    for name in "abc":
        reporter.advance(name)
    reporter.finish()
    lines = log.getvalue().splitlines()
    assert lines[0] == "kg: parsing 3 articles"
    assert re.fullmatch(r"kg: 1/3 articles \([\d.]+/s, about \d+s left\)", lines[1]), lines
    assert len(lines) == 3   # no line for the last article: the summary follows


def test_slow_progress_says_seconds_per_article_not_zero_per_second(monkeypatch) -> None:
    clock = iter([100.0, 126.0])   # start, then the first of two articles parsed 26 s later
    monkeypatch.setattr("kg.pipeline.progress.time.monotonic", lambda: next(clock))
    log = io.StringIO()
    reporter = Reporter(NORMAL, stream=log, tty=False, log_every=0)
    reporter.start(2)
    reporter.advance("a")
    assert log.getvalue().splitlines()[1] == "kg: 1/2 articles (26s per article, about 26s left)"
