"""Messy folders: every bad file becomes one Skipped line, the rest is still read.

Each case is a real file written by the test into tmp_path.
"""
from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pytest

from kg.model import Article, Skipped
from kg.read.articles import MAX_BYTES, read_path

GOOD = ("JAKARTA - Menteri Luar Negeri bertemu dengan duta besar Jepang di Jakarta pada Selasa "
        "untuk membahas kerja sama perdagangan kedua negara.\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_one(path: Path, **kw) -> Article | Skipped:
    items = list(read_path(path, **kw))
    assert len(items) == 1, items
    return items[0]


def reason(item) -> str:
    assert isinstance(item, Skipped), item
    return item.reason


def test_empty_and_blank_files(tmp_path):
    assert reason(read_one(write(tmp_path / "empty.txt", b""))) == "empty file"
    assert reason(read_one(write(tmp_path / "blank.txt", "  \n\n \t\n"))) == "empty file"


@pytest.mark.parametrize("data, kind", [(PNG, "PNG image"), (PDF, "PDF document"),
                                        (b"abc\x00\x01\x02\x03" * 50, "NUL bytes")])
def test_binary_named_txt(tmp_path, data, kind):
    item = read_one(write(tmp_path / "foto.txt", data))
    assert reason(item) == f"binary data ({kind}), not text" and item.path.endswith("foto.txt")


def test_latin1_is_decoded(tmp_path):
    text = "Presiden Prancis mengunjungi sebuah café di Paris bersama Menteri Muñoz pada Selasa. Harganya £10.\n"
    a = read_one(write(tmp_path / "latin.txt", text.encode("latin-1")))
    assert isinstance(a, Article) and a.text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_bom_text_is_decoded(tmp_path, encoding):
    text = "Menteri “Luar Negeri” bertemu duta besar Jepang — café, Muñoz — pada Selasa untuk membahas perdagangan.\n"
    a = read_one(write(tmp_path / "bom.txt", text.encode(encoding)))
    assert isinstance(a, Article) and a.text == text      # the BOM is not part of the text


def test_invalid_utf8_in_the_middle_is_replaced_with_a_warning(tmp_path, caplog):
    good = "Menteri “Luar Negeri” bertemu duta besar Jepang pada Selasa untuk membahas kerja sama.\n"
    data = good.encode() + b"Kalimat kedua \xff\xfe rusak di tengah tetapi tetap dibaca oleh kg.\n" + good.encode()
    with caplog.at_level(logging.WARNING, logger="kg.read"):
        a = read_one(write(tmp_path / "rusak.txt", data))
    assert isinstance(a, Article)
    assert a.text.count("\ufffd") == 2 and a.text.startswith(good) and a.text.endswith(good)
    assert "rusak.txt: 2 invalid utf-8 byte sequence(s) replaced" in caplog.text


def test_50mb_file_is_skipped_fast_with_a_clear_reason(tmp_path):
    big = tmp_path / "dump.txt"
    with big.open("wb") as fh:
        line = GOOD.encode()
        fh.write(line * (50 * 2**20 // len(line) + 1))
    t = time.monotonic()
    item = read_one(big)
    assert time.monotonic() - t < 2
    assert reason(item).startswith("too large (50.0 MB, the limit is 20 MB")
    assert MAX_BYTES == 20 * 2**20


def test_max_bytes_option(tmp_path):
    f = write(tmp_path / "a.txt", GOOD * 40)
    assert reason(read_one(f, max_bytes=1000)).startswith("too large")
    assert isinstance(read_one(f, max_bytes=None), Article)


def test_only_boilerplate_is_skipped(tmp_path):
    text = ("Baca juga: Harga Beras Naik Lagi\n\nPenulis: Rina\nEditor: Agus\n"
            "Ikuti berita terkini di Google News\n\nLEAVE A RESPONSE\nAlamat email Anda tidak akan dipublikasikan.\n")
    assert reason(read_one(write(tmp_path / "furniture.txt", text))) == "no article text after boilerplate"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root can read a chmod 000 file: permission cannot be denied")
def test_unreadable_file(tmp_path):
    f = write(tmp_path / "secret.txt", GOOD)
    f.chmod(0)
    try:
        assert reason(read_one(f)) == "permission denied"
    finally:
        f.chmod(0o644)


def test_fifo_named_txt_does_not_hang(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    assert reason(read_one(tmp_path / "pipe.txt")) == "not a regular file"


def test_empty_folder_and_missing_path(tmp_path):
    (tmp_path / "kosong").mkdir()
    assert list(read_path(tmp_path / "kosong")) == []
    assert reason(read_one(tmp_path / "tidak-ada")) == "no such file or folder"


def test_symlink_loop_does_not_hang(tmp_path):
    write(tmp_path / "a" / "b" / "berita.txt", GOOD)
    os.symlink(tmp_path / "a", tmp_path / "a" / "b" / "loop")
    os.symlink(tmp_path / "a" / "b" / "berita.txt", tmp_path / "tautan.txt")   # links to files are read
    items = list(read_path(tmp_path))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    assert items[0].id == "a/b/berita.txt" and items[2].id == "tautan.txt"
    assert items[1].path.endswith("a/b/loop") and items[1].reason == "link to a folder, not followed"


def test_names_with_spaces_and_non_ascii(tmp_path):
    write(tmp_path / "berita dunia" / "Zürich – ç 日本.txt", GOOD)
    a = read_one(tmp_path)
    assert isinstance(a, Article) and a.id == "berita dunia/Zürich – ç 日本.txt"


def test_malformed_jsonl_lines_skip_only_that_line(tmp_path):
    lines = [json.dumps({"text": GOOD.strip()}, ensure_ascii=False), '{"text": "tanpa penutup', "", "[1, 2]", '{"title": "tanpa teks"}',
             '{"text": "Baca juga: Harga Beras Naik Lagi"}', json.dumps({"text": GOOD.strip()}, ensure_ascii=False)]
    items = list(read_path(write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")))
    assert [i.id for i in items if isinstance(i, Article)] == ["batch.jsonl#1", "batch.jsonl#7"]
    skipped = [(Path(i.path).name, i.reason) for i in items if isinstance(i, Skipped)]
    assert skipped[0][1].startswith("line 2: invalid JSON")
    assert skipped[1:] == [("batch.jsonl", "line 4: not a JSON object"), ("batch.jsonl", "line 5: no 'text'"),
                           ("batch.jsonl#6", "no article text after boilerplate")]


def test_broken_json_file(tmp_path):
    assert reason(read_one(write(tmp_path / "x.json", '{"text": '))).startswith("invalid JSON")


def test_html_of_only_script_and_style(tmp_path):
    html = "<html><head><style>p{color:red}</style></head><body><script>alert('x')</script></body></html>"
    assert reason(read_one(write(tmp_path / "kosong.html", html))) == "no main text found in the HTML page"


def test_unsupported_documents_are_reported_other_files_ignored(tmp_path):
    write(tmp_path / "laporan.pdf", PDF)
    write(tmp_path / "gambar.png", PNG)
    write(tmp_path / "ok.txt", GOOD)
    items = list(read_path(tmp_path))
    assert [type(i).__name__ for i in items] == ["Skipped", "Article"]
    assert items[0].reason.startswith("PDF files are not supported")
    assert reason(read_one(tmp_path / "gambar.png")).startswith("unsupported file type '.png'")


def test_a_messy_folder_is_read_to_the_end(tmp_path):
    write(tmp_path / "1-empty.txt", b"")
    write(tmp_path / "2-image.txt", PNG)
    write(tmp_path / "3-latin.txt", GOOD.replace("Jepang", "Jépang").encode("latin-1"))
    write(tmp_path / "4-bad.jsonl", "{nope\n")
    write(tmp_path / "5-good.md", GOOD)
    items = list(read_path(tmp_path))
    assert [(Path(i.path).name, type(i).__name__) for i in items] == [
        ("1-empty.txt", "Skipped"), ("2-image.txt", "Skipped"), ("3-latin.txt", "Article"),
        ("4-bad.jsonl", "Skipped"), ("5-good.md", "Article")]
