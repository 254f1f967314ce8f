"""A messy folder through the real ``kg build``: one line per bad input, the rest built.

Every case is a real file written here. One folder holds them all (with
good articles beside them) and is built once; the cases that decide the
exit code on their own (empty folder, nothing usable, missing models) get
their own small folders.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_run import ENV, command, kg

ARTICLE = """Kabar Dunia

Menlu Indonesia Terima Kunjungan Menlu Jepang

JAKARTA, kabardunia.example – Menteri Luar Negeri Indonesia menerima kunjungan Menteri Luar Negeri Jepang di Jakarta pada Senin (3/3/2025).

Kedua menteri membahas kerja sama perdagangan dan keamanan maritim di kawasan.

"Kami sepakat memperkuat hubungan kedua negara," kata Menteri Luar Negeri Indonesia kepada wartawan.
"""
ENGLISH = """World Desk

Ministers Meet in Tokyo

TOKYO - The foreign ministers of Indonesia and Japan met in Tokyo on Monday to discuss trade and maritime security.
"We agreed to strengthen the ties between our two countries," the Indonesian minister told reporters after the talks.
"""
FRENCH = """Le Monde Diplomatique

Les ministres se rencontrent à Tokyo

Les ministres des Affaires étrangères de l'Indonésie et du Japon se sont rencontrés lundi à Tokyo pour discuter du commerce et de la sécurité maritime dans la région.
"""
LATIN1_TITLE = "Menlu Indonesia Terima Kunjungan Menlu Jepang di Café Tokyo"


def make_folder(root: Path) -> dict[str, str]:
    """The messy folder; returns the expected reason word of every file that must be skipped."""
    (root / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4)
    (root / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n" + bytes(range(256)))
    latin1 = ARTICLE.replace("–", "-").replace("Menlu Jepang\n", "Menlu Jepang di Café Tokyo\n")
    (root / "latin1.txt").write_bytes(latin1.encode("latin-1"))
    (root / "utf16.txt").write_bytes(ARTICLE.replace("Jakarta", "Bandung").encode("utf-16"))
    raw = ARTICLE.replace("Jakarta", "Surabaya").encode("utf-8")
    (root / "broken-utf8.txt").write_bytes(raw[:200] + b"\xff\xfe\xc3" + raw[200:])
    with open(root / "dump.txt", "wb") as fh:          # 50 MB: a dump, not an article
        fh.write(b"Menteri itu berbicara kepada wartawan. " * (50 * 1024 * 1024 // 39 + 1))
    (root / "boilerplate.txt").write_text("Baca juga: Menteri Bertemu Presiden\n\nLEAVE A RESPONSE\n"
                                          "Ikuti berita terbaru di WhatsApp Channel\n", encoding="utf-8")
    (root / "nested" / "a" / "b").mkdir(parents=True)
    (root / "nested" / "a" / "b" / "deep.txt").write_text(ARTICLE.replace("Jakarta", "Medan"), encoding="utf-8")
    os.symlink("../..", root / "nested" / "a" / "b" / "loop")
    (root / "kabar dari Café Ñusantara.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "records.jsonl").write_text(
        json.dumps({"text": ARTICLE, "title": "Rekaman satu"}) + "\n{not json\n" + json.dumps({"title": "no text"})
        + "\n", encoding="utf-8")
    (root / "page.html").write_text(
        "<html><head><title>Menlu Bertemu di Jakarta</title><style>body{color:red} .x{}</style>"
        "<script>var tracker = 'SKRIP-RAHASIA'; document.write('<p>Presiden menelepon</p>');</script></head>"
        "<body><nav>Beranda | Dunia</nav><article><h1>Menlu Bertemu di Jakarta</h1>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[2:]) + "</article></body></html>", encoding="utf-8")
    (root / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (root / "french.txt").write_text(FRENCH, encoding="utf-8")
    return {"empty.txt": "empty", "image.txt": "PNG", "report.txt": "PDF", "dump.txt": "too large",
            "boilerplate.txt": "boilerplate", "loop": "link", "french.txt": "French"}


@pytest.fixture(scope="module")
def messy(tmp_path_factory) -> tuple[Path, dict[str, str], subprocess.CompletedProcess, Path]:
    root = tmp_path_factory.mktemp("messy")
    expected = make_folder(root)
    out = tmp_path_factory.mktemp("out")
    return root, expected, kg("build", root, "-o", out), out


def lines_naming(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if f"/{name}:" in line or f"/{name} " in line]


def test_each_bad_input_is_one_line_and_the_exit_code_says_some_were_skipped(messy) -> None:
    root, expected, proc, _ = messy
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 3, proc.stderr
    for name, reason in expected.items():
        lines = lines_naming(proc.stderr, name)
        assert len(lines) == 1, (name, proc.stderr)
        assert lines[0].startswith(f"kg: skipped {root}/") and reason in lines[0], lines[0]
    # the two bad lines of the JSONL file, each with its line number
    jsonl = lines_naming(proc.stderr, "records.jsonl")
    assert len(jsonl) == 2 and "line 2" in jsonl[0] and "line 3" in jsonl[1], jsonl
    # the English article is parsed by the bundled English models, not skipped
    assert not lines_naming(proc.stderr, "english.txt")
    assert f"{len(expected) + 2} skipped" in proc.stdout


def test_an_unchanged_rerun_repeats_the_skipped_lines(messy) -> None:
    root, _, first, out = messy
    again = kg("build", root, "-o", out)
    assert again.returncode == 3
    assert "up to date" in again.stdout
    skipped = [line for line in first.stderr.splitlines() if line.startswith("kg: skipped ")]
    assert [line for line in again.stderr.splitlines() if line.startswith("kg: skipped ")] == skipped


def test_everything_readable_is_built(messy) -> None:
    _, _, proc, out = messy
    doc = json.loads((out / "events.json").read_text(encoding="utf-8"))
    articles = {a["id"]: a for a in doc["articles"]}
    assert sorted(articles) == sorted([
        "good.txt", "latin1.txt", "utf16.txt", "broken-utf8.txt", "nested/a/b/deep.txt",
        "kabar dari Café Ñusantara.txt", "records.jsonl#1", "page.html", "english.txt"])
    assert "9 read" in proc.stdout
    assert articles["english.txt"]["language"] == "en" and articles["good.txt"]["language"] == "id"
    # decoded, not mojibake: the Latin-1 headline came through
    assert articles["latin1.txt"]["title"] == LATIN1_TITLE
    assert articles["utf16.txt"]["title"] == articles["good.txt"]["title"]
    assert articles["page.html"]["title"] == "Menlu Bertemu di Jakarta"
    # the broken UTF-8 file is kept, and the user hears about the replaced bytes
    (note,) = lines_naming(proc.stderr, "broken-utf8.txt")
    assert note.startswith("kg: warning: ") and "replaced" in note
    # script and style bodies never reach any output
    for f in out.iterdir():
        if f.is_file():
            assert "SKRIP-RAHASIA" not in f.read_text(encoding="utf-8", errors="replace"), f.name


def test_an_unreadable_file_is_skipped(messy, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root, which reads any file: chmod 000 cannot make one unreadable")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    proc = kg("build", tmp_path, "-o", tmp_path / "out", "--cache-dir", messy[3] / ".kg-cache")
    assert proc.returncode == 3
    assert lines_naming(proc.stderr, "locked.txt") == [f"kg: skipped {locked}: permission denied"]


def test_an_empty_folder_processes_nothing_and_leaves_no_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    proc = kg("build", tmp_path / "empty", "-o", tmp_path / "out")
    assert proc.returncode == 4
    assert proc.stderr.splitlines()[-1] == f"kg: error: no article in {tmp_path / 'empty'} could be processed (0 inputs skipped)"
    assert not (tmp_path / "out").exists()   # no empty output folder, and no claim about outputs that never were


def test_one_bad_input_alone_is_one_input_skipped_and_no_folder(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    proc = kg("build", src, "-o", tmp_path / "out")
    assert proc.returncode == 4
    assert proc.stderr.splitlines()[-1] == f"kg: error: no article in {src} could be processed (1 input skipped)"
    assert not (tmp_path / "out").exists()


def test_a_folder_of_only_bad_files_processes_nothing_and_keeps_old_outputs(tmp_path: Path) -> None:
    src, out = tmp_path / "bad", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (out / "events.json").write_text("previous")
    proc = kg("build", src, "-o", out)
    assert proc.returncode == 4
    assert len(lines_naming(proc.stderr, "empty.txt")) == len(lines_naming(proc.stderr, "image.txt")) == 1
    assert "(2 inputs skipped); the previous outputs in" in proc.stderr and "Traceback" not in proc.stderr
    assert (out / "events.json").read_text() == "previous"


def test_a_language_without_bundled_models_names_the_language_and_the_fix(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    (models / "id").symlink_to(Path(__file__).parent.parent / "kg" / "models" / "id")  # Indonesian only
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "english.txt").write_text(ENGLISH, encoding="utf-8")
    proc = subprocess.run(command("build", tmp_path / "in", "-o", tmp_path / "out", "--no-cache"),
                          capture_output=True, text=True, env={**ENV, "KG_MODELS_DIR": str(models)}, timeout=600)
    assert proc.returncode == 4 and "Traceback" not in proc.stderr
    (line,) = lines_naming(proc.stderr, "english.txt")
    # kg ships English models, so a models folder without them is told how to make them
    assert "English (en)" in line and "kg models train" in line and f"{models}/en" in line


def test_missing_models_name_the_language_and_the_fix(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    env = {**ENV, "STANZA_RESOURCES_DIR": str(tmp_path / "no-stanza-models")}
    proc = subprocess.run(command("build", tmp_path, "-o", tmp_path / "out", "--provider", "stanza", "--no-cache"),
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 4
    (line,) = lines_naming(proc.stderr, "good.txt")
    assert "Indonesian (id)" in line and "kg models download id" in line


def test_debug_shows_the_traceback_a_user_never_sees(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    plain = kg("build", tmp_path, "-o", tmp_path / "file" / "out")
    debug = kg("--debug", "build", tmp_path, "-o", tmp_path / "file" / "out")
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    assert debug.returncode == 1 and "Traceback" in debug.stderr and "NotADirectoryError" in debug.stderr
