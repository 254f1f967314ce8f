"""A build stopped by Ctrl-C or SIGTERM mid-parse keeps the previous outputs, byte for byte.

The running build is real: ``kg build`` over a folder of many articles,
signalled once it has parsed its first one. While it runs, a second build
into the same folder is refused with the first one's pid.
"""
from __future__ import annotations

import shutil
import signal
import time
from pathlib import Path

import pytest
from cli_run import kg, kg_background

ARTICLE = """Kabar Dunia

Menlu Indonesia Terima Kunjungan Menlu Jepang

JAKARTA, kabardunia.example – Menteri Luar Negeri Indonesia menerima kunjungan Menteri Luar Negeri Jepang di Jakarta pada Senin (3/3/2025).

Kedua menteri membahas kerja sama perdagangan dan keamanan maritim di kawasan.

"Kami sepakat memperkuat hubungan kedua negara," kata Menteri Luar Negeri Indonesia kepada wartawan.
"""


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """An output folder holding a finished build: the outputs a stopped build must not touch."""
    src = tmp_path_factory.mktemp("small")
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    done = kg("build", src, "-o", out)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """Sixty articles: minutes of parsing, so the signal arrives mid-parse."""
    src = tmp_path_factory.mktemp("many")
    for i in range(60):
        (src / f"{i:03d}.txt").write_text(ARTICLE.replace("Senin", f"Senin pekan ke-{i}"), encoding="utf-8")
    return src


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".kg-cache" not in p.parts}


def wait_for(path: Path, text: str, timeout: float = 900) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        content = path.read_text()
        if text in content:
            return content
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; stderr so far:\n{path.read_text()}")


@pytest.mark.parametrize("sig, code, said", [(signal.SIGINT, 130, "kg: interrupted"),
                                             (signal.SIGTERM, 143, "kg: terminated (SIGTERM)")])
def test_signal_mid_parse_keeps_previous_outputs(previous: Path, many: Path, tmp_path: Path,
                                                 sig: int, code: int, said: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = snapshot(out)
    assert {"events.json", "graph.ttl", "graph.html"} <= set(before)
    err = tmp_path / "stderr"
    proc = kg_background("build", many, "-o", out, "--verbose", "--no-cache", stderr=err)
    try:
        wait_for(err, "kg: parsed ")   # the first article is parsed: the build is mid-parse
        # a second build into the same folder meanwhile is refused, naming the running one
        second = kg("build", many, "-o", out, "--no-cache")
        assert second.returncode == 1
        assert f"another kg build is writing to {out}/ (pid {proc.pid})" in second.stderr
        proc.send_signal(sig)
        assert proc.wait(timeout=120) == code
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = err.read_text()
    assert f"{said}; the previous outputs in {out}/ are unchanged" in stderr
    assert "Traceback" not in stderr
    assert snapshot(out) == before   # byte-identical, and no temporary or lock file left behind
