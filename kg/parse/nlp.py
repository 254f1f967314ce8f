"""From raw article text to kg's sentences and tokens, with exact offsets.

Three providers give the same :class:`~kg.model.Sentence` objects:

* ``bundled`` (default): kg's own Indonesian Stanza models in
  ``kg/models/id``, loaded with no network access at all;
* ``stanza``: the official Stanza models, once a user has run
  ``kg models download``;
* ``conllu``: pre-parsed CoNLL-U from any UD parser, read from
  ``<article>.conllu`` beside each article (``parse_conllu``).

Stanza's tokenizer reads a single line break as a space, so headlines,
datelines and "Baca juga" lines would run into the next sentence. kg
therefore parses each non-empty line as its own paragraph (the dateline
cut off) and adds the line's offset back, which keeps every offset pointing
into the file text.
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg import lang as languages
from kg.errors import KgError
from kg.model import Article, Sentence, Token

if TYPE_CHECKING:
    import stanza

# KG_MODELS_DIR points kg at another models folder (e.g. freshly trained ones)
SHIPPED_MODELS_DIR = Path(__file__).parent.parent / "models"   # the languages kg bundles models for
MODELS_DIR = Path(os.environ.get("KG_MODELS_DIR") or SHIPPED_MODELS_DIR)
# Stanza's Pipeline insists on a resources.json even when it downloads nothing;
# kg ships one (written by kg.parse.training.write_resources) that fits any models folder
RESOURCES = Path(__file__).parent.parent / "models" / "resources.json"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
PROVIDERS = ("bundled", "stanza", "conllu")
# Words per dependency-parser batch. Stanza sorts a call's sentences by length and cuts
# batches of this many words, each padded to its longest sentence, and the parser's work
# grows with the square of that length: batches of like lengths parse kg's batches of
# articles about a fifth faster than Stanza's default of 2,000, with the same heads and
# labels (benchmarks/build_speed.py; docs/cli.md).
DEPPARSE_BATCH_WORDS = 500

_LINE = re.compile(r"[^\n]+")


class ModelsMissing(KgError):
    """The requested models are not installed; the message says how to get them."""


class Parser(Protocol):
    def parse(self, article: Article) -> list[Sentence]: ...

    def parse_many(self, articles: list[Article]) -> list[list[Sentence]]: ...


def spelling(lang: str) -> dict[str, str]:
    """Characters read as the treebank writes them before parsing (``spelling`` of the language's
    treebank.yaml), one for one so that every offset stays the article's."""
    table = languages.get(lang).data("treebank").get("spelling") or {} if languages.known(lang) else {}
    return {k: v for k, v in table.items() if len(k) == len(v) == 1}


def segments(article: Article) -> list[tuple[int, str]]:
    """The (offset, text) pieces to parse: non-empty lines, the dateline cut off."""
    out = []
    for m in _LINE.finditer(article.text):
        start, end = m.start(), m.end()
        if article.dateline and start <= article.dateline.start < end:
            # the dateline ("KYIV, outlet –") is metadata, not the sentence's subject
            start = max(start, article.dateline.end)
        piece = article.text[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            out.append((start + lead, piece))
    return out


def _word_spans(token_text: str, start: int, words: list[str]) -> list[tuple[int, int]] | None:
    """Offsets of the words of one (multi-word) token spelled ``token_text`` at ``start``, or None.

    ``membahasnya`` → ``membahas`` + ``nya`` spells the token, so each word
    gets its own part. When only the words after the first spell its end (the
    expander rewrote the stem: ``pembicaraannya`` → ``pembicaran`` + ``nya``), the
    first word is the rest of the token. Otherwise (None) every word gets the whole span.
    """
    if len(words) < 2:
        return None
    tail = "".join(words[1:]).lower()
    if "".join(words).lower() != token_text.lower() and not (
            token_text.lower().endswith(tail) and len(token_text) > len(tail)):
        return None
    spans, pos = [(start, start + len(token_text) - len(tail))], start + len(token_text) - len(tail)
    for w in words[1:]:
        spans.append((pos, pos + len(w)))
        pos += len(w)
    return spans


def stanza_words(doc, tok) -> list[tuple[object, str, int, int]]:
    """The words of Stanza token ``tok`` of ``doc`` as (word, text, start, end) in ``doc.text``.

    A word that its span spells takes the text's spelling, so that
    text[start:end] == word text; a one-word token always does (the MWT
    expander may rewrite it, e.g. into ``<UNK>``), and so does a stem the
    expander misspelt before a clitic it split off.
    """
    surface = doc.text[tok.start_char:tok.end_char]
    spans = _word_spans(surface, tok.start_char, [w.text or "" for w in tok.words])
    if spans is None:
        whole = (tok.start_char, tok.end_char)
        return [(w, surface if len(tok.words) == 1 else w.text, *whole) for w in tok.words]
    return [(w, doc.text[a:b], a, b) for w, (a, b) in zip(tok.words, spans)]


def _from_stanza(doc, base: int, first_index: int) -> list[Sentence]:
    """kg sentences from a Stanza document of one segment that starts at ``base``."""
    sentences = []
    for i, s in enumerate(doc.sentences):
        tokens = [Token(id=w.id, text=text, lemma=w.lemma or text, upos=w.upos or "X", feats=w.feats or "_",
                        head=w.head or 0, deprel=w.deprel or "dep", start=base + a, end=base + b,
                        mwt_end=tok.words[-1].id if len(tok.words) > 1 else 0)
                  for tok in s.tokens for w, text, a, b in stanza_words(doc, tok)]
        start, end = base + s.tokens[0].start_char, base + s.tokens[-1].end_char
        sentences.append(Sentence(first_index + i, start, end, "", tokens))
    return sentences


class StanzaParser:
    """A Stanza pipeline over kg's line segments; built once per process."""

    def __init__(self, lang: str, provider: str = "bundled") -> None:
        kwargs: dict = {"processors": ",".join(PROCESSORS), "download_method": None, "use_gpu": False,
                        "logging_level": "ERROR", "depparse_batch_size": DEPPARSE_BATCH_WORDS}
        if provider == "bundled":
            model_dir = MODELS_DIR / lang
            missing = [p for p in PROCESSORS if not (model_dir / f"{p}.pt").exists()]
            if missing:
                raise ModelsMissing(f"no bundled {lang} models in {model_dir} "
                                    f"(missing {', '.join(missing)}; run: kg models train)")
            kwargs.update({f"{p}_model_path": str(model_dir / f"{p}.pt") for p in PROCESSORS})
            kwargs.update(dir=str(MODELS_DIR), resources_filepath=str(RESOURCES))
            # kg's tagger and parser were trained without pretrained vectors
            kwargs["pos_pretrain_path"] = kwargs["depparse_pretrain_path"] = None
        import stanza  # heavy: imported only when parsing is really needed
        import stanza.resources.common as res

        if provider == "stanza" and not (Path(res.DEFAULT_MODEL_DIR) / lang).exists():
            raise ModelsMissing(f"official Stanza models for '{lang}' are not installed "
                                f"(run: kg models download {lang})")
        logging.getLogger("stanza").setLevel(logging.ERROR)
        self.lang = lang
        self.provider = provider
        self.pipeline = stanza.Pipeline(lang, **kwargs)

    def documents(self, article: Article) -> list[tuple[int, stanza.Document]]:
        """Stanza's documents for the segments of ``article``, each with its offset in the text."""
        return self._documents([article])[0]

    def _documents(self, articles: list[Article]) -> list[list[tuple[int, stanza.Document]]]:
        """The segments of several articles through one Stanza call, which batches sentences across them all."""
        import stanza

        segs = [segments(a) for a in articles]
        table = str.maketrans(spelling(self.lang))
        texts = [stanza.Document([], text=t.translate(table)) for pieces in segs for _, t in pieces]
        docs = iter(self.pipeline(texts) if texts else [])
        return [[(base, next(docs)) for base, _ in pieces] for pieces in segs]

    def parse(self, article: Article) -> list[Sentence]:
        return self.parse_many([article])[0]

    def parse_many(self, articles: list[Article]) -> list[list[Sentence]]:
        """The sentences of each article, all parsed in one Stanza call."""
        out = []
        for article, documents in zip(articles, self._documents(articles)):
            sentences: list[Sentence] = []
            for base, doc in documents:
                sentences.extend(_from_stanza(doc, base, len(sentences)))
            for s in sentences:
                s.text = article.text[s.start:s.end]
                for t in s.tokens:      # the article's own spelling back ("Russia’s", not "Russia's")
                    if not t.mwt_end:
                        t.text = article.text[t.start:t.end]
            out.append(sentences)
        return out


class ConlluParser:
    """Pre-parsed CoNLL-U from any UD parser, read from beside each article.

    ``story.txt`` is parsed by reading ``story.conllu``; the tokens are
    aligned to the article text by :func:`parse_conllu`.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.provider = "conllu"

    def parse(self, article: Article) -> list[Sentence]:
        path = article.path.with_suffix(".conllu")
        if not path.is_file():
            raise KgError(f"no pre-parsed CoNLL-U for {article.path}: expected {path}")
        return parse_conllu(path.read_text(encoding="utf-8"), article)

    def parse_many(self, articles: list[Article]) -> list[list[Sentence]]:
        return [self.parse(a) for a in articles]


def get_parser(lang: str, provider: str = "bundled") -> Parser:
    """The parser for ``lang``, loaded lazily and once per process."""
    if provider not in PROVIDERS:
        raise KgError(f"unknown parsing provider {provider!r} (choose from {', '.join(PROVIDERS)})")
    return _load(lang, provider)


@lru_cache(maxsize=None)
def _load(lang: str, provider: str) -> Parser:
    # positional arguments only: lru_cache keys get_parser("id") and get_parser(lang="id") apart
    return ConlluParser(lang) if provider == "conllu" else StanzaParser(lang, provider)


def model_version(lang: str, provider: str = "bundled") -> str:
    """Identifies the models, so caches of parses can tell when they are stale."""
    if provider == "bundled":
        card = MODELS_DIR / lang / "VERSION"
        return f"bundled-{lang}-" + (card.read_text().strip() if card.exists() else "dev")
    if provider == "conllu":
        return "conllu"
    import stanza

    return f"stanza-{stanza.__version__}-{lang}"


def parse_conllu(text: str, article: Article) -> list[Sentence]:
    """Sentences from pre-parsed CoNLL-U, aligned to ``article.text``.

    Tokens are found in the article text in order (whitespace and the
    dateline between them skipped); a token that cannot be found is an error
    (:class:`KgError`), since offsets must be exact.
    """
    sentences: list[Sentence] = []
    pos = 0
    for block in re.split(r"\n\s*\n", text.strip()):
        rows = [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]
        tokens: list[Token] = []
        mwt_end = 0
        mwt_words: list[list[str]] = []
        mwt_text = ""
        for row in rows:
            if len(row) != 10:
                raise KgError(f"not CoNLL-U: a row has {len(row)} columns instead of 10")
            if "." in row[0]:
                continue
            if "-" in row[0]:
                mwt_end = int(row[0].split("-")[1])
                mwt_text, mwt_words = row[1], []
                continue
            word_id = int(row[0])
            if word_id <= mwt_end:
                mwt_words.append(row)
                if word_id == mwt_end:
                    start = _find(article, mwt_text, pos)
                    pos = start + len(mwt_text)
                    spans = _word_spans(mwt_text, start, [r[1] for r in mwt_words]) or \
                        [(start, pos)] * len(mwt_words)
                    tokens.extend(_conllu_token(r, a, b, mwt_end) for r, (a, b) in zip(mwt_words, spans))
                continue
            start = _find(article, row[1], pos)
            pos = start + len(row[1])
            tokens.append(_conllu_token(row, start, pos))
        if tokens:
            s, e = tokens[0].start, max(t.end for t in tokens)
            sentences.append(Sentence(len(sentences), s, e, article.text[s:e], tokens))
    return sentences


def _find(article: Article, form: str, pos: int) -> int:
    """Where ``form`` starts after ``pos``, only whitespace or the dateline (which kg never parses) between."""
    text = article.text
    idx = text.find(form, pos)
    gap = [i for i in range(pos, max(idx, pos)) if not text[i].isspace()]
    dateline = article.dateline
    if idx < 0 or any(not (dateline and dateline.start <= i < dateline.end) for i in gap):
        raise KgError(f"CoNLL-U token {form!r} not found in the article text at offset {pos}")
    return idx


def _conllu_token(row: list[str], start: int, end: int, mwt_end: int = 0) -> Token:
    return Token(id=int(row[0]), text=row[1], lemma=row[2] if row[2] != "_" else row[1], upos=row[3],
                 feats=row[5], head=int(row[6]) if row[6].isdigit() else 0, deprel=row[7],
                 start=start, end=end, mwt_end=mwt_end)


def to_conllu(sentences: Iterable[Sentence], text: str) -> str:
    """CoNLL-U of ``sentences`` of the article ``text`` (``kg parse``); offsets go into MISC.

    A multi-word token gets its range line (``3-4  berdirinya``) spelled as
    in the text, above its words, so UD tools and the CoNLL 2018 scorer find
    the text's tokens again.
    """
    out = []
    for s in sentences:
        out.append(f"# sent_id = {s.index + 1}\n# text = {' '.join(s.text.split())}")
        for t in s.tokens:
            if t.mwt_end and (t.id == 1 or s.tokens[t.id - 2].mwt_end != t.mwt_end):
                last = s.tokens[t.mwt_end - 1]
                out.append(f"{t.id}-{t.mwt_end}\t{text[t.start:last.end]}" + "\t_" * 7
                           + f"\tstart_char={t.start}|end_char={last.end}")
            out.append("\t".join([str(t.id), t.text, t.lemma, t.upos, "_", t.feats or "_", str(t.head),
                                  t.deprel, "_", f"start_char={t.start}|end_char={t.end}"]))
        out.append("")
    return "\n".join(out) + "\n"


def to_json(sentences: Iterable[Sentence]) -> list[dict]:
    return [{"index": s.index, "start": s.start, "end": s.end, "text": s.text,
             "tokens": [t.__dict__ for t in s.tokens]} for s in sentences]


def download(lang: str) -> None:
    """Fetch the official Stanza models (needs internet; the user's opt-in, never run by tests)."""
    import requests
    import stanza

    try:
        stanza.download(lang, processors=",".join(PROCESSORS))
    except (requests.RequestException, OSError) as e:
        raise KgError(f"could not download the Stanza models for '{lang}': {e}") from e
