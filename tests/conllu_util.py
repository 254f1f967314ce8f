"""Helpers for tests: compact hand-written parses → CoNLL-U → kg Sentences."""
from __future__ import annotations

from pathlib import Path

from kg.model import Article, EntityMention, ParsedArticle
from kg.parse.nlp import parse_conllu


def conllu(rows: str) -> str:
    """CoNLL-U from lines "form lemma UPOS head deprel [feats]", one sentence per block."""
    out = []
    for block in rows.strip().split("\n\n"):
        lines = [line.split() for line in block.strip().splitlines()]
        for i, parts in enumerate(lines, 1):
            form, lemma, upos, head, rel = parts[:5]
            feats = parts[5] if len(parts) > 5 else "_"
            out.append("\t".join([str(i), form, lemma, upos, "_", feats, head, rel, "_", "_"]))
        out.append("")
    return "\n".join(out) + "\n"


def parsed(text: str, rows: str, published=None, article_id: str = "t.txt", language: str = "id",
           **kw) -> ParsedArticle:
    art = Article(id=article_id, path=Path(article_id), text=text, language=language, published=published, **kw)
    return ParsedArticle(art, parse_conllu(conllu(rows), art))


def mention(p: ParsedArticle, surface: str, type_: str, nth: int = 0, source: str = "propn") -> EntityMention:
    """An entity mention of the ``nth`` occurrence of ``surface`` in the article."""
    text, start = p.article.text, -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    sent = next(s.index for s in p.sentences if s.start <= start < s.end)
    return EntityMention(p.article.id, sent, start, start + len(surface), surface, type_, source=source)


def args(ev) -> set[tuple[str, str]]:
    """An event mention's arguments as (role, mention text) pairs."""
    return {(a.role, a.mention.text) for a in ev.arguments}


def only(events, type_):
    """The one event mention of ``type_`` among ``events`` (fails when there are none or several)."""
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger_text) for e in events]
    return found[0]
