"""The build: read → parse → extract → resolve → graph, as pure stages.

``build`` never stops for one bad article: an input that cannot be read,
parsed (no model for its language) or extracted becomes a
:class:`~kg.model.Skipped` with a one-line reason, and the rest of the folder
is still built. Parses come from a :class:`~kg.cache.ParseCache` when one is
given, and the Stanza pipeline is loaded only when some article really needs
parsing.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from kg import lang as languages
from kg.errors import KgError
from kg.model import Article, EntityMention, EventMention, ParsedArticle, Result, Sentence, Skipped, Stats
from kg.pipeline.cache import ParseCache
from kg.pipeline.progress import SILENT, Reporter

# the languages kg can build graphs for (``--lang``): the folders of kg/lang/; others are skipped with a reason
LANGUAGES = languages.codes()
# longer than any news article (≈ 150,000 words): a dump, which would tie up the parser for hours
MAX_ARTICLE_CHARS = 1_000_000

log = logging.getLogger(__name__)


def extract(parsed: ParsedArticle) -> tuple[list[EntityMention], list[EventMention]]:
    """Entity and event mentions of one parsed article."""
    from kg.extract import entities, entity_types, events

    mentions = entity_types.type_mentions(parsed, entities.find_mentions(parsed))
    return mentions, events.extract_events(parsed, mentions)


def language_name(code: str) -> str:
    """"French" for ``fr``: messages name the language, not only its code."""
    from babel import Locale

    return Locale("en").languages.get(code, code)


class NoModel(KgError):
    """Articles in this language cannot be parsed; the message says why and what to do."""


class Parsers:
    """Parses articles per language: from the cache, else with a lazily loaded parser.

    A language whose models are missing is remembered with the reason, so
    every article in it is skipped with the same message.
    """

    def __init__(self, provider: str, cache: ParseCache | None, stats: Stats) -> None:
        self.provider = provider
        # pre-parsed CoNLL-U is read from its own file, which the cache key does not cover
        self.cache = cache if provider != "conllu" else None
        self.stats = stats
        self._versions: dict[str, str] = {}
        self._unavailable: dict[str, str] = {}

    def unavailable(self, lang: str) -> str | None:
        """Why articles in ``lang`` cannot be built, or None when they can."""
        if lang not in self._unavailable and not languages.known(lang):
            self._unavailable[lang] = (f"the article is in {language_name(lang)} ({lang}); kg builds graphs "
                                       f"for {', '.join(language_name(c) for c in languages.codes())} only")
        return self._unavailable.get(lang)

    def parse(self, article: Article) -> tuple[list[Sentence], bool]:
        """The sentences of ``article`` and whether they came from the cache.

        Raises :class:`NoModel` when the article's language cannot be parsed.
        """
        from kg.parse import nlp

        lang = article.language
        reason = self.unavailable(lang)
        if reason:
            raise NoModel(reason)
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise KgError(f"too long for one news article ({len(article.text):,} characters; kg parses at most "
                          f"{MAX_ARTICLE_CHARS:,}): split it into its articles")
        if lang not in self._versions:
            self._versions[lang] = nlp.model_version(lang, self.provider)
        key = self.cache.key(article, self._versions[lang]) if self.cache else ""
        sentences = self.cache.get(key, article) if self.cache else None
        if sentences is not None:
            self.stats.cached += 1
            return sentences, True
        try:
            parser = nlp.get_parser(lang, self.provider)
        except nlp.ModelsMissing as e:
            self._unavailable[lang] = self._no_models(lang, str(e))
            raise NoModel(self._unavailable[lang]) from None
        sentences = parser.parse(article)
        self.stats.parsed += 1
        if self.cache:
            self.cache.put(key, sentences)
        return sentences, False

    def _no_models(self, lang: str, detail: str) -> str:
        from kg.parse import nlp

        name = language_name(lang)
        if self.provider == "bundled" and not (nlp.SHIPPED_MODELS_DIR / lang).is_dir():
            return (f"the article is in {name} ({lang}) and kg bundles no {name} model; "
                    f"run `kg models download {lang}` once, then build with --provider stanza")
        return f"no {name} ({lang}) parsing model: {detail}"


def build(path: Path | str, lang: str = "auto", provider: str = "bundled", cache: ParseCache | None = None,
          progress: Reporter | None = None, strict: bool = False) -> Result:
    """Build the event graph for a file or folder of articles.

    ``lang`` is ``auto`` (detected per article) or a code from LANGUAGES;
    ``cache`` reuses earlier parses; ``progress`` hears about every article
    and every skipped input; ``strict`` lets an article's failure raise
    instead of skipping it (for ``--debug``).
    """
    from kg.export.graph import build_graph
    from kg.read import articles as read
    from kg.resolve import events as resolve

    progress = progress or Reporter(SILENT)
    result = Result()
    stats = result.stats
    parsers = Parsers(provider, cache, stats)

    def skip(item: Skipped) -> None:
        result.skipped.append(item)
        progress.skipped(item)

    t0 = time.monotonic()
    articles: list[Article] = []
    for item in read.read_path(Path(path), lang=lang):
        if isinstance(item, Skipped):
            skip(item)
        else:
            articles.append(item)
    stats.seconds["read"] = time.monotonic() - t0

    t0 = time.monotonic()
    progress.start(len(articles))
    try:
        for article in articles:
            done = _parse_and_extract(article, parsers, result, skip, strict)
            if done:
                parsed, cached = done
                progress.detail(f"{'cached' if cached else 'parsed'} {article.id} ({article.language}): "
                                f"{len(parsed.sentences)} sentences")
            progress.advance(article.id)
    finally:
        progress.finish()
    stats.seconds["parse+extract"] = time.monotonic() - t0

    t0 = time.monotonic()
    if result.parsed:
        result.entities, result.events = resolve.resolve(result.parsed, result.entity_mentions,
                                                         result.event_mentions)
    result.graph = build_graph(result.articles, result.entities, result.events)
    stats.seconds["resolve+graph"] = time.monotonic() - t0
    return result


def _source(article: Article) -> str:
    """The article's file as the user named it, with the record number of a JSON record."""
    record = article.id.rpartition("#")[2]
    return f"{article.path}#{record}" if "#" in article.id and record.isdigit() else str(article.path)


def _parse_and_extract(article: Article, parsers: Parsers, result: Result, skip: Callable[[Skipped], None],
                       strict: bool) -> tuple[ParsedArticle, bool] | None:
    """Parse and extract one article into ``result``; a failure skips just this article.

    Returns the parsed article and whether its parse came from the cache.
    """
    stage = "parse"
    try:
        sentences, cached = parsers.parse(article)
        parsed = ParsedArticle(article, sentences)
        stage = "extract events from"
        ents, evs = extract(parsed)
    except KgError as e:  # no model for its language, no pre-parsed CoNLL-U beside it …
        skip(Skipped(_source(article), str(e)))
        return None
    except Exception as e:  # one article's failure must not cost the whole folder
        if strict:
            raise
        log.debug("failed on %s", article.path, exc_info=True)
        skip(Skipped(_source(article), f"kg could not {stage} it ({type(e).__name__}: {e}); "
                                        "this is a kg bug: please report it (--debug shows details)"))
        return None
    result.articles.append(article)
    result.parsed.append(parsed)
    result.entity_mentions += ents
    result.event_mentions += evs
    result.stats.sentences += len(sentences)
    return parsed, cached
