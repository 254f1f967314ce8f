"""From the bytes of a file to text, or a clear reason why the bytes are not text.

Scraped folders hold files in legacy encodings, UTF-16 exports and binaries
with a ``.txt`` name; kg must read what it can and say what it cannot, in
one line, rather than crash or fill the graph with mojibake.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# signatures of binary formats that turn up renamed as text
MAGIC = (
    (b"%PDF", "PDF document"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"), (b"\x7fELF", "executable"), (b"{\\rtf", "RTF document"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"), (b"Rar!", "RAR archive"), (b"7z\xbc\xaf", "7-Zip archive"),
    (b"RIFF", "RIFF media file"), (b"ID3", "MP3 audio"), (b"OggS", "Ogg media file"),
    (b"SQLite format 3", "SQLite database"),
)
# UTF-32 first: its little-endian BOM starts with UTF-16's
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# well-formed multi-byte UTF-8 sequences: their presence says "this is UTF-8"
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
SNIFF_BYTES = 1 << 16
# Latin-script news in a legacy encoding is Windows-1252 far more often than
# the Baltic or Central European code pages a detector may rank equally well
PREFERRED_8BIT = "cp1252"
MAX_BAD_SHARE = 0.01   # more replaced characters than this: not text worth reading


class NotText(ValueError):
    """The bytes are not readable text; the message says what they are."""


@dataclass
class Decoded:
    text: str
    encoding: str
    note: str | None = None   # a warning for the user: bytes that had to be replaced


def binary_kind(head: bytes) -> str | None:
    """The binary format ``head`` starts with, if it is a known one."""
    return next((kind for magic, kind in MAGIC if head.startswith(magic)), None)


def decode(raw: bytes) -> Decoded:
    """Decode a file's bytes: BOM, then UTF-8, then a detected legacy encoding.

    A UTF-8 file with a few broken bytes keeps its text (broken bytes become
    U+FFFD and ``note`` says how many); a file with no valid multi-byte UTF-8
    at all is taken to be in a legacy 8-bit encoding (Latin-1, cp1252 …).
    Raises :class:`NotText` for binary data.
    """
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return _checked(raw.decode(encoding, errors="replace"), encoding)
    kind = binary_kind(raw[:32])
    if kind:
        raise NotText(f"binary data ({kind}), not text")
    if b"\x00" in raw[:SNIFF_BYTES]:
        encoding = _detect(raw[:SNIFF_BYTES])
        if not encoding or not encoding.startswith(("utf_16", "utf_32")):
            raise NotText("binary data (NUL bytes), not text")
        return _checked(raw.decode(encoding, errors="replace"), encoding)
    try:
        return _checked(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(raw):
        return _checked(raw.decode("utf-8", errors="replace"), "utf-8")
    encoding = _detect(raw[: 1 << 20]) or PREFERRED_8BIT
    return _checked(raw.decode(encoding, errors="replace"), encoding)


def _detect(sample: bytes) -> str | None:
    """The encoding charset-normalizer finds, preferring cp1252 among near ties."""
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(sample))
    if not matches:
        return None
    best = matches[0]
    # a match lists the encodings that decode the sample the same way
    if any(PREFERRED_8BIT in m.could_be_from_charset for m in matches if m.chaos <= best.chaos + 0.1):
        return PREFERRED_8BIT
    return best.encoding


def _checked(text: str, encoding: str) -> Decoded:
    """Reject decoded text that is mostly replacement or control characters."""
    head = text[:SNIFF_BYTES]
    if len(_CONTROL.findall(head)) > MAX_BAD_SHARE * max(len(head), 1) + 2:
        raise NotText("binary data (control characters), not text")
    bad = text.count("\ufffd")
    if bad > MAX_BAD_SHARE * len(text) + 2:
        raise NotText(f"not readable as {encoding}: {bad} undecodable byte sequences")
    note = f"{bad} invalid {encoding} byte sequence(s) replaced with U+FFFD" if bad else None
    return Decoded(text, encoding, note)
