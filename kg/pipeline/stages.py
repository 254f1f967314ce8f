"""The build: read → parse → extract → resolve → graph, as pure stages.

``build`` never stops for one bad article: an input that cannot be read,
parsed (no model for its language) or extracted becomes a
:class:`~kg.model.Skipped` with a one-line reason, and the rest of the folder
is still built. Parses come from a :class:`~kg.pipeline.cache.ParseCache` when
one is given; parsing and extraction run in batches, here or in workers
(:mod:`kg.pipeline.parallel`), and a Stanza pipeline is loaded only where some
article really needs parsing.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from kg import lang as languages
from kg.errors import KgError
from kg.model import Article, EntityMention, EventMention, ParsedArticle, Result, Sentence, Skipped, Stats
from kg.pipeline import parallel
from kg.pipeline.cache import ParseCache
from kg.pipeline.progress import SILENT, Reporter
from kg.read import manifest as listing

# the languages kg can build graphs for (``--lang``): the folders of kg/lang/; others are skipped with a reason
LANGUAGES = languages.codes()
# longer than any news article (≈ 150,000 words): a dump, which would tie up the parser for hours
MAX_ARTICLE_CHARS = 1_000_000

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
    """Which articles can be parsed, and their parses from the cache; a build's parsing is the workers'.

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

    def unavailable(self, article: Article) -> str | None:
        """Why ``article`` cannot be built, or None when it can."""
        lang = article.language
        if lang not in self._unavailable and not languages.known(lang):
            self._unavailable[lang] = (f"the article is in {language_name(lang)} ({lang}); kg builds graphs "
                                       f"for {', '.join(language_name(c) for c in languages.codes())} only")
        if lang in self._unavailable:
            return self._unavailable[lang]
        if len(article.text) > MAX_ARTICLE_CHARS:
            return (f"too long for one news article ({len(article.text):,} characters; kg parses at most "
                    f"{MAX_ARTICLE_CHARS:,}): split it into its articles")
        return None

    def no_model(self, lang: str, reason: str) -> None:
        self._unavailable[lang] = reason

    def _key(self, article: Article) -> str:
        from kg.parse import nlp

        if article.language not in self._versions:
            self._versions[article.language] = nlp.model_version(article.language, self.provider)
        return self.cache.key(article, self._versions[article.language]) if self.cache else ""

    def cached(self, article: Article) -> list[Sentence] | None:
        """The article's sentences from the cache, or None when it must be parsed."""
        sentences = self.cache.get(self._key(article), article) if self.cache else None
        if sentences is not None:
            self.stats.cached += 1
        return sentences

    def parsed(self, article: Article, sentences: list[Sentence]) -> None:
        """A worker parsed ``article``: counted, and kept for the next build."""
        self.stats.parsed += 1
        if self.cache:
            self.cache.put(self._key(article), sentences)

    def parse(self, article: Article) -> tuple[list[Sentence], bool]:
        """The sentences of one ``article`` here (``kg parse``) and whether they came from the cache.

        Raises :class:`NoModel` when the article's language cannot be parsed,
        :class:`KgError` when the article cannot be (too long).
        """
        from kg.parse import nlp

        reason = self.unavailable(article)
        if reason:
            raise (NoModel if article.language in self._unavailable else KgError)(reason)
        sentences = self.cached(article)
        if sentences is not None:
            return sentences, True
        try:
            parser = nlp.get_parser(article.language, self.provider)
        except nlp.ModelsMissing as e:
            self.no_model(article.language, no_model_reason(article.language, self.provider, str(e)))
            raise NoModel(self._unavailable[article.language]) from None
        sentences = parser.parse(article)
        self.parsed(article, sentences)
        return sentences, False


def no_model_reason(lang: str, provider: str, detail: str) -> str:
    """Why articles in ``lang`` cannot be parsed with ``provider``, and what to do."""
    from kg.parse import nlp

    name = language_name(lang)
    if provider == "bundled" and not (nlp.SHIPPED_MODELS_DIR / lang).is_dir():
        return (f"the article is in {name} ({lang}) and kg bundles no {name} model; "
                f"run `kg models download {lang}` once, then build with --provider stanza")
    return f"no {name} ({lang}) parsing model: {detail}"


def build(path: Path | str, lang: str = "auto", provider: str = "bundled", cache: ParseCache | None = None,
          progress: Reporter | None = None, strict: bool = False, jobs: int = 1,
          scheduler: str | None = None, sources: Path | str | listing.Manifest | None = None) -> Result:
    """Build the event graph for a file or folder of articles.

    ``lang`` is ``auto`` (detected per article) or a code from LANGUAGES;
    ``cache`` reuses earlier parses; ``progress`` hears about every article
    and every skipped input; ``strict`` lets an article's failure raise
    instead of skipping it (for ``--debug``). Articles are parsed and
    extracted in ``jobs`` processes, or on the Dask ``scheduler`` (an
    address, or ``local``): the result is the same whichever (see
    :mod:`kg.pipeline.parallel`). ``sources`` is a manifest of the articles'
    publication dates, URLs and outlets (:mod:`kg.read.manifest`): its file or loaded.
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
    manifest = listing.load(sources) if isinstance(sources, (str, Path)) else sources
    for problem in manifest.problems if manifest is not None else []:
        skip(problem)
    articles: list[Article] = []
    for item in read.read_path(Path(path), lang=lang, manifest=manifest):
        if isinstance(item, Skipped):
            skip(item)
        else:
            articles.append(item)
    if manifest is not None and manifest.unused():
        progress.info(f"{manifest.source}: {manifest.unused()} of its {len(manifest.by_path)} records "
                      "name no article that was read")
    stats.seconds["read"] = time.monotonic() - t0

    t0 = time.monotonic()
    progress.start(len(articles))
    try:
        tasks: list[parallel.Task] = []
        for article in articles:
            reason = parsers.unavailable(article)
            if reason:
                skip(Skipped(_source(article), reason))
                progress.advance(article.id)
            else:
                tasks.append((article, parsers.cached(article)))
        for (article, cached), outcome in zip(tasks, parallel.run(tasks, provider, strict, jobs, scheduler)):
            _take(article, cached is not None, outcome, parsers, result, skip, progress)
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


def _take(article: Article, cached: bool, outcome: parallel.Outcome, parsers: Parsers, result: Result,
          skip: Callable[[Skipped], None], progress: Reporter) -> None:
    """One article's outcome into ``result``, in article order."""
    if outcome.no_model:
        parsers.no_model(article.language, outcome.skipped)
    if not cached and outcome.sentences and not outcome.no_model:
        parsers.parsed(article, outcome.sentences)
    if outcome.skipped is not None:
        skip(Skipped(_source(article), outcome.skipped))
        return
    result.articles.append(article)
    result.parsed.append(ParsedArticle(article, outcome.sentences))
    result.entity_mentions += outcome.entity_mentions
    result.event_mentions += outcome.event_mentions
    result.stats.sentences += len(outcome.sentences)
    progress.detail(f"{'cached' if cached else 'parsed'} {article.id} ({article.language}): "
                    f"{len(outcome.sentences)} sentences")
