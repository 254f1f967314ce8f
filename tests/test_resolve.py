"""Event merging on hand-built mentions (entity ids set by hand, no parser)."""
from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

from kg.extract import ids
from kg.model import (
    Argument,
    Article,
    Entity,
    EntityMention,
    Event,
    EventMention,
    ParsedArticle,
    Quantity,
    Sentence,
    Span,
    TimeAnchor,
    Token,
)
from kg.resolve.events import cluster_events

ENTITIES = [
    Entity(ids.country("UA"), "Country", "Ukraine"),
    Entity(ids.country("KR"), "Country", "South Korea"),
    Entity(ids.country("KP"), "Country", "North Korea"),
    Entity(ids.country("RU"), "Country", "Russia"),
    Entity(ids.country("DE"), "Country", "Germany"),
    Entity(ids.person("Ana Kovalenko"), "Person", "Ana Kovalenko", affiliation=ids.country("UA")),
    Entity(ids.person("Min Ho Park"), "Person", "Min-ho Park", affiliation=ids.country("KR")),
    Entity(ids.person("Klaus Weber"), "Person", "Klaus Weber", affiliation=ids.country("DE")),
    Entity("armedforce/KP", "ArmedForce", "North Korean forces", affiliation=ids.country("KP")),
    Entity(ids.geonames(1), "Place", "Oblast A", affiliation=ids.country("RU")),
    Entity("org/un", "Organization", "United Nations"),
]


def article(name: str, tokens: list[tuple[str, str, int]] = ()) -> ParsedArticle:
    """An article whose only sentence holds the given (text, lemma, start) tokens."""
    toks = [Token(i + 1, t, lemma, "VERB", "", 0, "root", s, s + len(t)) for i, (t, lemma, s) in enumerate(tokens)]
    sents = [Sentence(0, 0, 1000, "", toks)] if toks else []
    return ParsedArticle(Article(id=name, path=Path(name), text="", language="id"), sents)


def arg(role: str, *ids: str, text: str = "x") -> Argument:
    return Argument(role, EntityMention("a", 0, 0, 1, text, entity_ids=list(ids)))


_n = iter(range(10_000))


def mention(art: str, type_: str, start: int, trigger: str, *args: Argument, when: date | None = None,
            **kw) -> EventMention:
    kw = {"sentence": 0, "rule": "test", "sentence_text": "", **kw}
    return EventMention(id=f"m{next(_n)}", article_id=art, type=type_, trigger=Span(start, start + len(trigger)),
                        trigger_text=trigger, confidence=1.0,
                        arguments=list(args), date=when, **kw)


ANA, PARK, WEBER = ids.person("Ana Kovalenko"), ids.person("Min Ho Park"), ids.person("Klaus Weber")
DAY = date(2031, 3, 4)


def events_of(mentions, parsed=None):
    parsed = parsed or [article("a1.txt"), article("a2.txt")]
    return cluster_events(parsed, mentions, ENTITIES)


def test_one_call_told_with_different_triggers_in_two_articles_is_one_event():
    ms = [mention("a1.txt", "Call", 10, "membahas", arg("agent", ANA), arg("participant", PARK), when=DAY),
          mention("a1.txt", "Call", 300, "pembicaraan", arg("participant", ANA, PARK)),   # "kedua pemimpin"
          mention("a2.txt", "Call", 50, "percakapan telepon", arg("participant", ANA), when=DAY),
          mention("a2.txt", "Call", 90, "berbicara", arg("agent", PARK), arg("participant", ANA))]
    (ev,) = events_of(ms)
    assert ev.type == "Call" and ev.date == DAY
    assert ev.roles == {"agent": [ANA, PARK], "participant": [ANA, PARK]}
    assert [m.id for m in ev.mentions] == [m.id for m in ms]
    assert all(m.event_id == ev.id for m in ms)
    assert re.fullmatch(r"call-2031-03-04-[0-9a-f]{8}", ev.id)


def test_mention_without_participants_joins_the_only_event_of_its_type_in_its_article():
    call = mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK))
    bare = mention("a1.txt", "Call", 200, "percakapan telepon")
    elsewhere = mention("a2.txt", "Call", 5, "percakapan telepon")
    evs = events_of([bare, call, elsewhere])
    assert bare.event_id == call.event_id
    assert elsewhere.event_id != call.event_id and len(evs) == 2


def test_mention_without_participants_stays_alone_when_the_article_has_two_calls():
    ms = [mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK)),
          mention("a1.txt", "Call", 100, "menelepon", arg("agent", ANA), arg("addressee", WEBER)),
          mention("a1.txt", "Call", 200, "pembicaraan")]
    assert len(events_of(ms)) == 3


def test_different_persons_or_different_dates_make_different_calls():
    with_park = mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK))
    with_weber = mention("a2.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", WEBER))
    assert len(events_of([with_park, with_weber])) == 2
    day1 = mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK), when=DAY)
    day2 = mention("a2.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK),
                   when=date(2031, 3, 5))
    evs = events_of([day1, day2])
    assert sorted(e.date for e in evs) == [DAY, date(2031, 3, 5)]


def test_a_country_and_its_leader_count_as_the_same_side():
    # (verbs: an accord noun in another article would need a day or place in common as well)
    leaders = mention("a1.txt", "Agreement", 10, "sepakat", arg("participant", ANA, PARK), rule="verb-trigger:nsubj")
    countries = mention("a2.txt", "Agreement", 10, "menyepakati", arg("participant", ids.country("UA"),
                                                                     ids.country("KR")), rule="verb-trigger:nsubj")
    (ev,) = events_of([leaders, countries])
    assert ev.roles["participant"] == [ids.country("KR"), ids.country("UA"), ANA, PARK]


def test_deployments_merge_on_force_and_destination_but_not_planned_with_done():
    sent = mention("a1.txt", "Deployment", 10, "mengirim", arg("agent", ids.country("KP")), arg("force", "armedforce/KP"),
                   arg("destination", ids.country("RU")), quantity=Quantity(10000, "about", "tentara", "sekitar 10.000"))
    moved = mention("a2.txt", "Deployment", 40, "pemindahan", arg("force", "armedforce/KP"),
                    quantity=Quantity(10000, "about", "tentara", "sekitar 10.000"))
    by_agent = mention("a2.txt", "Deployment", 90, "kirim", arg("agent", ids.country("KP")),
                       arg("destination", ids.country("RU")), quantity=Quantity(None, "thousands", "tentara", "ribuan"))
    elsewhere = mention("a1.txt", "Deployment", 200, "pindah", arg("force", "armedforce/KP"),
                        arg("destination", ids.geonames(1)))
    planned = mention("a1.txt", "Deployment", 400, "mengerahkan", arg("agent", ids.country("RU")),
                      arg("force", "armedforce/KP"), modality=["planned"])
    evs = events_of([sent, moved, by_agent, elsewhere, planned])
    assert sent.event_id == moved.event_id == by_agent.event_id
    assert len({sent.event_id, elsewhere.event_id, planned.event_id}) == 3
    main = next(e for e in evs if e.id == sent.event_id)
    assert main.quantity.value == 10000 and main.modality == []
    assert next(e for e in evs if e.id == planned.event_id).modality == ["planned"]


def test_a_plan_with_the_exact_amount_of_a_deed_is_that_deed():
    """"Saya akan melepas 1.090 prajurit", said at the ceremony where they were sent: one deployment."""
    sent = mention("a1.txt", "Deployment", 10, "memberangkatkan", arg("force", "armedforce/KP"),
                   arg("destination", ids.country("RU")), quantity=Quantity(1090, None, "prajurit", "1.090"), when=DAY)
    plan = mention("a1.txt", "Deployment", 300, "melepas", arg("force", "armedforce/KP"),
                   quantity=Quantity(1090, None, "prajurit", "1.090"), modality=["planned"])
    events_of([sent, plan])
    assert plan.event_id == sent.event_id
    other = mention("a1.txt", "Deployment", 300, "melepas", arg("force", "armedforce/KP"),
                    quantity=Quantity(2000, None, "prajurit", "2.000"), modality=["planned"])
    sent.event_id = None
    events_of([sent, other])
    assert other.event_id != sent.event_id


def test_a_noun_whose_parties_are_only_its_sentence_s_subject_is_as_good_as_bare():
    """'… we will begin by calling X, to inform him of the conversation," Trump said': the
    conversation is the call that happened, not the planned one its borrowed subject shares."""
    done = mention("a1.txt", "Call", 10, "spoke", arg("agent", ANA), arg("participant", PARK))
    plan = mention("a1.txt", "Call", 100, "calling", arg("agent", ANA), arg("participant", WEBER),
                   modality=["planned"])
    noun = mention("a1.txt", "Call", 150, "conversation", arg("participant", ANA),
                   rule="nominal-trigger:sentence-subject")
    events_of([done, plan, noun])
    assert noun.event_id == done.event_id != plan.event_id


def test_statements_merge_only_as_reports_of_the_same_act():
    # same speaker and same words: one statement, in one article or two; the same verb is not enough
    said = "pasukan akan tiba di perbatasan pekan depan untuk latihan bersama"
    s1 = mention("a1.txt", "Statement", 10, "mengonfirmasi", arg("speaker", ANA), quote=said)
    s2 = mention("a1.txt", "Statement", 100, "mengatakan", arg("speaker", ANA), quote="harga minyak naik lagi")
    s3 = mention("a2.txt", "Statement", 20, "mengkonfirmasi", arg("speaker", ANA), when=DAY,
                 quote="Pasukan akan tiba di perbatasan pekan depan untuk latihan")
    s4 = mention("a2.txt", "Statement", 60, "mengatakan", arg("speaker", ANA), quote="cuaca cerah sepanjang pekan")
    other = mention("a2.txt", "Statement", 70, "mengonfirmasi", arg("speaker", WEBER), quote=said)
    nobody = mention("a2.txt", "Statement", 80, "katanya", quote=said)
    evs = events_of([s1, s2, s3, s4, other, nobody])
    assert s1.event_id == s3.event_id
    assert len(evs) == 5 and len({s1.event_id, s2.event_id, s4.event_id, other.event_id, nobody.event_id}) == 5
    assert next(e for e in evs if e.id == s1.event_id).date == DAY
    assert any(r.startswith("same words") for r in s3.resolution)


def test_an_indirect_report_and_the_quote_right_after_it_are_one_statement():
    told = mention("a1.txt", "Statement", 10, "menegaskan", arg("speaker", ANA), quote="hubungan kedua negara penting")
    quoted = mention("a1.txt", "Statement", 90, "kata", arg("speaker", ANA), rule="speech:quote-inverted",
                     quote="Tidak ada negara tetangga yang lebih dekat", sentence=1)
    again = mention("a1.txt", "Statement", 150, "lanjutnya", arg("speaker", ANA), rule="speech:quote-final-clitic",
                    quote="Kami akan bertemu lagi bulan depan", sentence=2)
    events_of([told, quoted, again])
    assert told.event_id == quoted.event_id != again.event_id      # successive quotes are successive statements
    assert "indirect report, then the quote" in quoted.resolution


def test_different_days_or_different_principals_never_merge_and_a_missing_date_is_unknown():
    monday, later = date(2031, 3, 3), date(2031, 5, 19)
    first = mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK), when=monday)
    second = mention("a2.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK), when=later)
    other = mention("a2.txt", "Call", 300, "menelepon", arg("agent", ANA), arg("addressee", WEBER), when=monday)
    undated = mention("a2.txt", "Call", 600, "percakapan telepon", arg("participant", ANA, PARK))
    events_of([first, second, other, undated])
    assert len({first.event_id, second.event_id, other.event_id}) == 3
    # the undated report is either call: its own article tells the May one, so it joins that
    assert undated.event_id == second.event_id


def test_an_event_recalled_as_earlier_is_not_the_one_reported():
    parsed = [ParsedArticle(Article(id="a1.txt", path=Path("a1.txt"), text="", language="id"), [
        Sentence(0, 0, 40, "", [Token(1, "bertemu", "temu", "VERB", "", 0, "root", 10, 17)]),
        Sentence(1, 40, 90, "", [Token(1, "pertemuan", "temu", "NOUN", "", 0, "root", 50, 59),
                                 Token(2, "sebelumnya", "belum", "ADV", "", 1, "advmod", 60, 70)])])]
    now = mention("a1.txt", "Meeting", 10, "bertemu", arg("participant", ANA, PARK))
    before = mention("a1.txt", "Meeting", 50, "pertemuan", arg("participant", ANA, PARK), sentence=1)
    cluster_events(parsed, [now, before], ENTITIES)
    assert now.event_id != before.event_id


def test_a_back_reference_to_a_recalled_event_is_that_earlier_event():
    # "Keduanya bertemu (19/6). Ia mengenang pertemuan mereka sebelumnya. Pertemuan yang dimaksud
    # terjadi di Moskow pada Juli 2024."
    art = Article(id="a1.txt", path=Path("a1.txt"), text="", language="id", published=date(2031, 6, 19))
    parsed = [ParsedArticle(art, [
        Sentence(0, 0, 40, "", [Token(1, "bertemu", "temu", "VERB", "", 0, "root", 10, 17)]),
        Sentence(1, 40, 90, "", [Token(1, "pertemuan", "temu", "NOUN", "", 0, "root", 50, 59),
                                 Token(2, "sebelumnya", "belum", "ADV", "", 1, "advmod", 60, 70)]),
        Sentence(2, 90, 140, "", [Token(1, "Pertemuan", "temu", "NOUN", "", 4, "nsubj", 90, 99),
                                  Token(2, "yang", "yang", "PRON", "", 3, "nsubj", 100, 104),
                                  Token(3, "dimaksud", "maksud", "VERB", "", 1, "acl", 105, 113),
                                  Token(4, "terjadi", "jadi", "VERB", "", 0, "root", 114, 121)])])]
    from kg.model import TimeAnchor
    now = mention("a1.txt", "Meeting", 10, "bertemu", arg("participant", ANA, PARK), when=date(2031, 6, 19))
    before = mention("a1.txt", "Meeting", 50, "pertemuan", arg("participant", ANA), sentence=1)
    meant = mention("a1.txt", "Meeting", 90, "Pertemuan", arg("place", ids.geonames(1)), sentence=2,
                    time=TimeAnchor("Juli 2030", 130, 139, "month", date(2030, 7, 1)))
    cluster_events(parsed, [now, before, meant], ENTITIES)
    assert meant.event_id == before.event_id != now.event_id


def test_a_recall_marker_may_be_a_phrase():
    parsed = [ParsedArticle(Article(id="a1.txt", path=Path("a1.txt"), text="", language="id"), [
        Sentence(0, 0, 40, "", [Token(1, "mengunjungi", "kunjung", "VERB", "", 0, "root", 10, 21)]),
        Sentence(1, 40, 90, "", [Token(1, "Terakhir", "akhir", "ADJ", "", 3, "advmod", 40, 48),
                                 Token(2, "kali", "kali", "NOUN", "", 1, "obj", 49, 53),
                                 Token(3, "mengunjungi", "kunjung", "VERB", "", 0, "root", 60, 71)])])]
    now = mention("a1.txt", "Visit", 10, "mengunjungi", arg("agent", ANA), arg("destination", ids.country("KR")))
    last = mention("a1.txt", "Visit", 60, "mengunjungi", arg("agent", ANA), arg("destination", ids.country("KR")),
                   sentence=1)
    cluster_events(parsed, [now, last], ENTITIES)
    assert now.event_id != last.event_id


def test_last_and_a_month_or_the_year_recall_an_earlier_event():
    """ "when Mr Prabowo visited Canberra last August": not the visit the article reports."""
    words = [("visited", "visit", "VERB"), ("Canberra", "Canberra", "PROPN"), ("last", "last", "ADJ"),
             ("August", "August", "PROPN")]
    toks, at = [], 40
    for k, (w, lemma, upos) in enumerate(words, 1):
        toks.append(Token(k, w, lemma, upos, "", 0, "dep", at, at + len(w)))
        at += len(w) + 1
    parsed = [ParsedArticle(Article(id="a1.txt", path=Path("a1.txt"), text="", language="en"), [
        Sentence(0, 0, 30, "", [Token(1, "visit", "visit", "NOUN", "", 0, "root", 10, 15)]),
        Sentence(1, 40, 90, "", toks)])]
    now = mention("a1.txt", "Visit", 10, "visit")
    then = mention("a1.txt", "Visit", 40, "visited", arg("agent", ANA), arg("destination", ids.country("KR")),
                   sentence=1)
    cluster_events(parsed, [now, then], ENTITIES)
    assert now.event_id != then.event_id


def test_it_follows_recalls_the_event_after_it_not_the_one_before():
    """ "Indonesia has deployed warships … It follows the deployment on Friday of 600 personnel":
    the second is earlier; "The deployment follows the visit" keeps the deployment the news."""
    def sentence(index: int, start: int, words: list[str]) -> Sentence:
        toks, at = [], start
        for k, w in enumerate(words, 1):
            toks.append(Token(k, w, w.lower(), "NOUN", "", 0, "dep", at, at + len(w)))
            at += len(w) + 1
        return Sentence(index, start, at, " ".join(words), toks)

    def two(words: list[str]) -> tuple[EventMention, EventMention]:
        parsed = [ParsedArticle(Article(id="a1.txt", path=Path("a1.txt"), text="", language="en"), [
            sentence(0, 0, ["Indonesia", "deployed", "warships"]), sentence(1, 40, words)])]
        news = mention("a1.txt", "Deployment", 10, "deployed", arg("agent", ids.country("UA")))
        at = 40 + sum(len(w) + 1 for w in words[:words.index("deployment")])
        other = mention("a1.txt", "Deployment", at, "deployment", sentence=1)
        cluster_events(parsed, [news, other], ENTITIES)
        return news, other

    news, earlier = two(["It", "follows", "the", "deployment", "of", "personnel"])
    assert news.event_id != earlier.event_id
    news, same = two(["The", "deployment", "follows", "the", "visit"])
    assert news.event_id == same.event_id


def test_statement_about_links_to_the_event_it_reports():
    call = mention("a1.txt", "Call", 40, "membahas", arg("agent", ANA), arg("participant", PARK))
    again = mention("a2.txt", "Call", 40, "panggilan telepon", arg("participant", ANA, PARK))
    said = mention("a2.txt", "Statement", 10, "mengumumkan", arg("speaker", ANA), about_mentions=[again.id])
    ev = {e.id: e for e in events_of([call, again, said])}
    assert ev[said.event_id].about == [call.event_id]


def test_ids_are_stable_under_reordering_and_rerunning_and_collisions_get_a_suffix():
    def build():
        ms = [mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK)),
              mention("a1.txt", "Call", 90, "akan menelepon", arg("agent", ANA), arg("addressee", PARK),
                      modality=["planned"]),
              mention("a2.txt", "Statement", 5, "kata", arg("speaker", WEBER)),
              mention("a2.txt", "Deployment", 50, "mengerahkan", arg("force", "armedforce/KP"))]
        return ms
    first = sorted(e.id for e in events_of(build()))
    shuffled = build()
    random.Random(7).shuffle(shuffled)
    assert sorted(e.id for e in events_of(shuffled)) == first
    again = build()
    events_of(again)
    assert sorted(e.id for e in events_of(again)) == first       # re-resolving adds nothing
    calls = [i for i in first if i.startswith("call-")]
    assert len(calls) == 2 and calls[1] == calls[0] + "-2"


def test_articles_published_weeks_apart_tell_different_events_unless_the_dates_agree():
    early, late = article("a1.txt"), article("a2.txt")
    early.article.published, late.article.published = date(2031, 3, 4), date(2031, 5, 1)
    first = mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK))
    second = mention("a2.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK))
    assert len(events_of([first, second], [early, late])) == 2
    recalled = mention("a2.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK), when=DAY)
    dated = mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK), when=DAY)
    assert len(events_of([dated, recalled], [early, late])) == 1


def test_a_move_to_a_region_is_not_the_move_to_its_country():
    to_ru = mention("a1.txt", "Deployment", 10, "mengirim", arg("force", "armedforce/KP"),
                    arg("destination", ids.country("RU")))
    to_region = mention("a1.txt", "Deployment", 90, "pindah", arg("force", "armedforce/KP"),
                        arg("destination", ids.geonames(1)), arg("destination", ids.country("RU")))   # "Oblast A, Rusia"
    seen_there = mention("a2.txt", "Deployment", 30, "terdeteksi", arg("force", "armedforce/KP"),
                         arg("destination", ids.geonames(1)))
    again_ru = mention("a2.txt", "Deployment", 60, "dipindahkan", arg("force", "armedforce/KP"),
                       arg("destination", ids.country("RU")))
    events_of([to_ru, to_region, seen_there, again_ru])
    assert to_ru.event_id == again_ru.event_id != to_region.event_id == seen_there.event_id


def test_a_bare_move_does_not_join_a_move_elsewhere():
    to_a = mention("a1.txt", "Deployment", 10, "mengirim", arg("force", "armedforce/KP"), arg("destination", ids.geonames(1)))
    to_ru = mention("a1.txt", "Deployment", 90, "pemindahan", arg("destination", ids.country("RU")))
    assert len(events_of([to_a, to_ru])) == 2


# ---- the real stages: entity resolution (kg.entities) and extraction (kg.events) on hand-made trees ----

def row(i, form, lemma, upos, head, rel):
    return f"{i}\t{form}\t{lemma}\t{upos}\t_\t_\t{head}\t{rel}\t_\t_"

def conllu(*sents):
    return "\n\n".join("\n".join(row(*t) for t in s) for s in sents) + "\n"

A = "Presiden Prancis Emmanuel Macron menelepon Kanselir Jerman Olaf Scholz pada Senin (4/3/2024). Pembicaraan kedua pemimpin itu berlangsung satu jam."
A_CONLLU = conllu(
    [(1, "Presiden", "presiden", "NOUN", 5, "nsubj"), (2, "Prancis", "Prancis", "PROPN", 1, "nmod"),
     (3, "Emmanuel", "Emmanuel", "PROPN", 1, "appos"), (4, "Macron", "Macron", "PROPN", 3, "flat"),
     (5, "menelepon", "telepon", "VERB", 0, "root"), (6, "Kanselir", "kanselir", "NOUN", 5, "obj"),
     (7, "Jerman", "Jerman", "PROPN", 6, "nmod"), (8, "Olaf", "Olaf", "PROPN", 6, "appos"),
     (9, "Scholz", "Scholz", "PROPN", 8, "flat"), (10, "pada", "pada", "ADP", 11, "case"),
     (11, "Senin", "Senin", "PROPN", 5, "obl"), (12, "(", "(", "PUNCT", 13, "punct"),
     (13, "4/3/2024", "4/3/2024", "NUM", 11, "appos"), (14, ")", ")", "PUNCT", 13, "punct"),
     (15, ".", ".", "PUNCT", 5, "punct")],
    [(1, "Pembicaraan", "bicara", "NOUN", 5, "nsubj"), (2, "kedua", "dua", "NUM", 3, "nummod"),
     (3, "pemimpin", "pimpin", "NOUN", 1, "nmod"), (4, "itu", "itu", "DET", 1, "det"),
     (5, "berlangsung", "langsung", "VERB", 0, "root"), (6, "satu", "satu", "NUM", 7, "nummod"),
     (7, "jam", "jam", "NOUN", 5, "obl"), (8, ".", ".", "PUNCT", 5, "punct")])
B = "Kanselir Jerman Olaf Scholz berbicara melalui telepon dengan Presiden Prancis Emmanuel Macron pada Senin (4/3/2024)."
B_CONLLU = conllu(
    [(1, "Kanselir", "kanselir", "NOUN", 5, "nsubj"), (2, "Jerman", "Jerman", "PROPN", 1, "nmod"),
     (3, "Olaf", "Olaf", "PROPN", 1, "appos"), (4, "Scholz", "Scholz", "PROPN", 3, "flat"),
     (5, "berbicara", "bicara", "VERB", 0, "root"), (6, "melalui", "lalu", "ADP", 7, "case"),
     (7, "telepon", "telepon", "NOUN", 5, "obl"), (8, "dengan", "dengan", "ADP", 9, "case"),
     (9, "Presiden", "presiden", "NOUN", 5, "obl"), (10, "Prancis", "Prancis", "PROPN", 9, "nmod"),
     (11, "Emmanuel", "Emmanuel", "PROPN", 9, "appos"), (12, "Macron", "Macron", "PROPN", 11, "flat"),
     (13, "pada", "pada", "ADP", 14, "case"), (14, "Senin", "Senin", "PROPN", 5, "obl"),
     (15, "(", "(", "PUNCT", 16, "punct"), (16, "4/3/2024", "4/3/2024", "NUM", 14, "appos"),
     (17, ")", ")", "PUNCT", 16, "punct"), (18, ".", ".", "PUNCT", 5, "punct")])



def test_resolve_runs_entity_resolution_and_merges_one_call_told_by_two_outlets():
    from kg.parse.nlp import parse_conllu
    from kg.pipeline.stages import extract
    from kg.resolve.events import resolve

    parsed, entity_mentions, event_mentions = [], [], []
    for name, text, cu in [("a.txt", A, A_CONLLU), ("b.txt", B, B_CONLLU)]:
        art = Article(name, Path(name), text, language="id")
        p = ParsedArticle(art, parse_conllu(cu, art))
        ents, evs = extract(p)
        parsed.append(p)
        entity_mentions += ents
        event_mentions += evs
    entities, events = resolve(parsed, entity_mentions, event_mentions)
    assert {ids.person("Emmanuel Macron"), ids.person("Olaf Scholz")} <= {e.id for e in entities}
    (call,) = [e for e in events if e.type == "Call"]
    assert sorted(m.trigger_text for m in call.mentions) == ["Pembicaraan", "berbicara melalui telepon", "menelepon"]
    assert sorted({i for ids in call.roles.values() for i in ids}) == [ids.person("Emmanuel Macron"), ids.person("Olaf Scholz")]
    assert call.date == date(2024, 3, 4) and call.id.startswith("call-2024-03-04-")
    assert all(m.event_id == call.id for m in call.mentions)


def test_a_statement_told_elsewhere_only_by_a_back_reference_is_the_same_verb_of_the_same_speaker():
    # "Rutte juga mengonfirmasi kabar tersebut": what he said is told in the other article
    full = mention("a1.txt", "Statement", 10, "mengkonfirmasi", arg("speaker", WEBER),
                   quote="pasukan asing telah terdeteksi di perbatasan timur")
    thin = mention("a2.txt", "Statement", 10, "mengonfirmasi", arg("speaker", WEBER), quote="kabar tersebut")
    other = mention("a2.txt", "Statement", 90, "membantah", arg("speaker", WEBER), quote="itu")
    events_of([full, thin, other])
    assert full.event_id == thin.event_id != other.event_id
    assert "same speech verb" in thin.resolution
    # a verb every report uses ("mengatakan", "said") is no sign of the same act
    told = mention("a1.txt", "Statement", 10, "mengatakan", arg("speaker", WEBER),
                   quote="pasukan asing telah terdeteksi di perbatasan timur")
    said = mention("a2.txt", "Statement", 10, "mengatakan", arg("speaker", WEBER), quote="itu")
    events_of([told, said])
    assert told.event_id != said.event_id


def test_time_anchors_conflict_at_the_coarser_granularity_and_a_week_is_no_month():
    from kg.resolve.evidence import Anchor
    day = Anchor(date(2025, 6, 19))
    assert Anchor(date(2024, 7, 1), "month").conflicts(day)
    assert not Anchor(date(2025, 6, 1), "month").conflicts(day)
    assert not Anchor(date(2025, 6, 16), "week").conflicts(day)
    assert Anchor(date(2025, 6, 9), "week").conflicts(day)
    assert not Anchor(date(2025, 6, 30), "week").conflicts(Anchor(date(2025, 7, 1), "month"))


def test_bare_mentions_of_a_type_the_article_names_no_party_of_are_one_event():
    first = mention("a1.txt", "Call", 10, "sambungan telepon")
    second = mention("a1.txt", "Call", 90, "percakapan")
    deal = mention("a1.txt", "Agreement", 120, "perjanjian")
    other_deal = mention("a1.txt", "Agreement", 160, "kesepakatan")
    events_of([first, second, deal, other_deal])
    assert first.event_id == second.event_id
    assert deal.event_id != other_deal.event_id        # agreement nouns are also used generically


def test_a_statement_referring_back_or_told_in_the_title_line_is_the_statement_of_the_article():
    toks = [Token(1, "memerintahkan", "perintah", "VERB", "", 0, "root", 10, 23)]
    back = [Token(1, "Perintah", "perintah", "NOUN", "", 3, "nsubj", 40, 48),
            Token(2, "itu", "itu", "DET", "", 1, "det", 49, 52),
            Token(3, "disampaikan", "sampai", "VERB", "", 0, "root", 53, 64)]
    art = Article(id="a1.txt", path=Path("a1.txt"), text="", language="id", title="Ana Kecam Serangan")
    parsed = [ParsedArticle(art, [Sentence(0, 0, 30, "", toks), Sentence(1, 30, 70, "", back)])]
    ordered = mention("a1.txt", "Statement", 10, "memerintahkan", arg("speaker", ANA), quote="pasukan bersiap siaga")
    passed_on = mention("a1.txt", "Statement", 53, "disampaikan", sentence=1)
    title = mention("a1.txt", "Statement", 100, "Kecam", arg("speaker", ANA), sentence=2,
                    sentence_text="Ana Kecam Serangan")
    cluster_events(parsed, [ordered, passed_on, title], ENTITIES)
    assert ordered.event_id == passed_on.event_id == title.event_id


def test_an_unmarked_bare_noun_is_no_plan_unless_it_points_back_to_one():
    plan = mention("a1.txt", "Meeting", 10, "akan bertemu", arg("participant", ANA, PARK), modality=["planned"])
    bare = mention("a1.txt", "Meeting", 90, "pertemuan")
    events_of([plan, bare])
    assert plan.event_id != bare.event_id



def test_an_unmarked_back_reference_is_the_event_that_happened_not_the_plan_just_before():
    # "Ana spoke with Park … we will begin by calling Weber to inform him of the conversation"
    en = ParsedArticle(Article(id="a1.txt", path=Path("a1.txt"), text="", language="en"), [
        Sentence(0, 0, 300, "", [Token(1, "the", "the", "DET", "", 2, "det", 200, 203),
                                 Token(2, "conversation", "conversation", "NOUN", "", 0, "root", 204, 216)])])
    done = mention("a1.txt", "Call", 10, "spoke", arg("participant", ANA), arg("participant", PARK))
    plan = mention("a1.txt", "Call", 150, "calling", arg("participant", WEBER), modality=["planned"])
    back = mention("a1.txt", "Call", 204, "conversation", rule="nominal-trigger:none")
    cluster_events([en], [done, plan, back], ENTITIES)
    assert back.event_id == done.event_id != plan.event_id


def test_an_english_and_an_indonesian_report_of_one_call_are_one_event():
    en = ParsedArticle(Article(id="b1.txt", path=Path("b1.txt"), text="", language="en"), [
        Sentence(0, 0, 30, "", [Token(1, "the", "the", "DET", "", 2, "det", 0, 3),
                                Token(2, "call", "call", "NOUN", "", 0, "root", 4, 8)])])
    call_id = mention("a1.txt", "Call", 10, "percakapan telepon", arg("participant", ANA, PARK), when=DAY)
    call_en = mention("b1.txt", "Call", 20, "spoke", arg("participant", ANA), arg("participant", PARK), when=DAY)
    the_call = mention("b1.txt", "Call", 4, "call")
    cluster_events([article("a1.txt"), en], [call_id, call_en, the_call], ENTITIES)
    assert call_id.event_id == call_en.event_id == the_call.event_id
    assert "same day (2031-03-04)" in call_en.resolution or "same day (2031-03-04)" in call_id.resolution


def test_a_bare_mention_inherits_the_parties_its_event_names_in_the_same_article_only():
    from kg.resolve.arguments import inherit_arguments

    named = mention("a1.txt", "Meeting", 10, "bertemu", arg("agent", ANA), arg("participant", PARK),
                    arg("place", ids.geonames(1)), when=DAY)
    bare = mention("a1.txt", "Meeting", 300, "Pertemuan")
    placed = mention("a1.txt", "Meeting", 500, "pertemuan", arg("place", ids.geonames(1)))
    elsewhere = mention("a2.txt", "Meeting", 40, "pertemuan", when=DAY)
    (ev,) = events_of([named, bare, placed, elsewhere])
    inherit_arguments([ev])
    assert [(a.role, a.mention.entity_ids, a.inherited_from) for a in bare.arguments] == [
        ("agent", [ANA], named.id), ("participant", [PARK], named.id), ("place", [ids.geonames(1)], placed.id)]   # the nearest that names it
    # a slot the mention fills itself is its own; the other is inherited
    assert [(a.role, a.inherited_from) for a in placed.arguments] == [
        ("place", None), ("agent", named.id), ("participant", named.id)]
    assert elsewhere.arguments == []          # another outlet's words are not this one's
    assert [a.inherited_from for a in named.arguments] == [None, None, None]


def test_a_report_of_a_joint_event_takes_the_parties_it_leaves_out_but_a_speaker_is_not_joined():
    from kg.resolve.arguments import inherit_arguments

    met = mention("a1.txt", "Meeting", 10, "bertemu", arg("participant", ANA), arg("participant", PARK), when=DAY)
    with_one = mention("a1.txt", "Meeting", 300, "pertemuan", arg("participant", PARK))
    (ev,) = events_of([met, with_one])
    inherit_arguments([ev])
    # "pertemuan dengan Park" is Ana's meeting too
    assert [(a.mention.entity_ids, a.inherited_from) for a in with_one.arguments] == [
        ([PARK], None), ([ANA], met.id)]
    # "Weber menyatakan percakapan ini penting": a party borrowed from another verb's subject is a guess,
    # kept on its own mention but not passed on to the others
    met = mention("a1.txt", "Meeting", 10, "bertemu", arg("participant", ANA), arg("participant", PARK))
    bare = mention("a1.txt", "Meeting", 300, "pertemuan")
    guess = mention("a1.txt", "Meeting", 600, "percakapan", arg("participant", WEBER),
                    rule="nominal-trigger:sentence-subject")
    inherit_arguments([Event("meeting-1", "Meeting", [met, bare, guess])])
    assert not any(WEBER in a.mention.entity_ids for m in (met, bare) for a in m.arguments)
    assert {a.mention.entity_ids[0] for a in guess.arguments} == {WEBER, ANA, PARK}
    said = mention("a1.txt", "Statement", 10, "mengatakan", arg("speaker", ANA), arg("addressee", PARK))
    told = mention("a1.txt", "Statement", 90, "kata", arg("speaker", ANA))
    inherit_arguments([Event("statement-1", "Statement", [said, told])])
    assert [a.mention.entity_ids for a in told.arguments] == [[ANA]]    # a statement's slot it fills is its own


def test_a_day_named_without_its_year_keeps_apart_other_days_and_joins_the_same_day():
    from kg.model import TimeAnchor

    def yearless(month, day):
        return TimeAnchor("Rabu (9/4)", 0, 5, "day", month_day=(month, day))

    done = mention("a1.txt", "Deployment", 10, "melepas", arg("force", "armedforce/KP"),
                   arg("destination", ids.country("UA")), when=date(2031, 2, 27))
    other = mention("a2.txt", "Deployment", 10, "melepas", arg("force", "armedforce/KP"),
                    arg("destination", ids.country("UA")), time=yearless(4, 9))
    same = mention("a2.txt", "Deployment", 10, "melepas", arg("force", "armedforce/KP"),
                   arg("destination", ids.country("UA")), time=yearless(2, 27))
    assert len(events_of([done, other])) == 2
    (ev,) = events_of([done, same])
    assert any(r.startswith("same day of the year (--02-27)") for r in same.resolution)


def _on(weekday: int | None = None, month_day: tuple[int, int] | None = None) -> TimeAnchor:
    """A day the text names without a publication date to resolve it ("on Monday", "Feb. 12")."""
    return TimeAnchor("…", 0, 1, "day", weekday=weekday, month_day=month_day)


def test_a_weekday_or_a_day_without_its_year_rules_out_other_days_and_backs_the_same_one():
    thursday, monday = date(2031, 3, 6), date(2031, 3, 3)
    dated = mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("addressee", PARK), when=thursday)
    other = mention("a1.txt", "Call", 900, "menelepon", arg("agent", ANA), arg("addressee", PARK), when=monday)
    on_monday = mention("a2.txt", "Call", 10, "call", arg("participant", ANA, PARK), time=_on(weekday=0))
    events_of([dated, other, on_monday])
    assert on_monday.event_id == other.event_id != dated.event_id
    assert any("same weekday" in r for r in on_monday.resolution)
    march_6 = mention("a2.txt", "Call", 10, "call", arg("participant", ANA, PARK), time=_on(month_day=(3, 6)))
    events_of([dated, other, march_6])
    assert march_6.event_id == dated.event_id
    friday = mention("a2.txt", "Call", 10, "call", arg("participant", ANA, PARK), time=_on(weekday=4))
    events_of([dated, other, friday])
    assert friday.event_id not in (dated.event_id, other.event_id)


def test_an_organisation_read_as_a_destination_or_force_rules_nothing_out():
    told = mention("a1.txt", "Deployment", 10, "mengirim", arg("force", "armedforce/KP"),
                   arg("destination", ids.country("RU")), when=DAY)
    misread = mention("a2.txt", "Deployment", 10, "dispatched", arg("force", "armedforce/KP"),
                      arg("destination", "org/un"), when=DAY)     # "to serve in the United Nations … in Russia"
    events_of([told, misread])
    assert told.event_id == misread.event_id


def test_a_force_and_its_country_are_one_side_and_a_shared_amount_is_evidence():
    home, abroad = article("a1.txt"), article("a2.txt")
    sends = mention("a1.txt", "Deployment", 10, "mengirim", arg("agent", ids.country("KP")),
                    arg("force", "armedforce/KP"))
    other = mention("a2.txt", "Deployment", 10, "deployed", arg("agent", ids.country("KP")),
                    arg("force", "armedforce/KP"))
    # one country sending its forces, told in two undated articles with no place or day: unknown, kept apart
    assert len(events_of([sends, other], [home, abroad])) == 2
    sends.quantity = other.quantity = Quantity(1090, None, "troops", "1,090")
    events_of([sends, other], [home, abroad])
    assert sends.event_id == other.event_id
    assert any(r.startswith("same amount") for r in other.resolution)


def test_a_speech_verb_reports_its_clause_up_to_the_next_speech_verb_of_the_sentence():
    text = ("Weber noted the entry of Ukraine into the alliance and said he was sure it would make "
            "a significant contribution to the grouping")
    noted = mention("a1.txt", "Statement", text.index("noted"), "noted", arg("speaker", WEBER), sentence_text=text)
    said = mention("a1.txt", "Statement", text.index("said"), "said", arg("speaker", WEBER), sentence_text=text)
    events_of([noted, said], [article("a1.txt", [("noted", "note", 6)])])   # its sentence starts at 0
    assert noted.event_id != said.event_id        # "noted X and said Y": two things said
    # the same when the parser gave "noted" the rest of the sentence as its complement
    noted.quote = text[text.index("the entry"):]
    events_of([noted, said], [article("a1.txt", [("noted", "note", 6)])])
    assert noted.event_id != said.event_id


def test_a_back_reference_points_to_the_event_told_before_it_not_a_nearer_one_after():
    # "Ana spoke with Park. … said the call was underway. … Weber said he had just spoken to Ana."
    en = ParsedArticle(Article(id="a1.txt", path=Path("a1.txt"), text="", language="en"), [
        Sentence(0, 0, 1000, "", [Token(1, "the", "the", "DET", "", 2, "det", 896, 899),
                                  Token(2, "call", "call", "NOUN", "", 0, "root", 900, 904)])])
    first = mention("a1.txt", "Call", 40, "spoke", arg("participant", ANA), arg("participant", PARK))
    back = mention("a1.txt", "Call", 900, "call", rule="nominal-trigger:none")
    later = mention("a1.txt", "Call", 1500, "spoken", arg("participant", WEBER), arg("participant", ANA))
    cluster_events([en], [first, back, later], ENTITIES)
    assert back.event_id == first.event_id != later.event_id


def test_a_pronoun_or_group_pointing_back_to_no_one_is_no_argument_and_a_person_no_place_or_force():
    from kg.resolve.arguments import drop_unfit_arguments

    lone = Argument("speaker", EntityMention("a1.txt", 0, 0, 2, "he", source="pronoun"))
    named = Argument("speaker", EntityMention("a1.txt", 0, 0, 2, "he", source="pronoun", entity_ids=[ANA]))
    text = Argument("place", EntityMention("a1.txt", 0, 5, 9, "Gaza", source="propn"))
    m = mention("a1.txt", "Statement", 10, "said", lone, named, text)
    drop_unfit_arguments([m], ENTITIES)
    assert m.arguments == [named, text]     # an unresolved name stays: it is still a name
    # "rapat terbatas di kediaman pribadi Presiden, Jalan Kertanegara": the owner of the residence is no place
    owner, street = arg("place", ANA, text="Presiden"), arg("place", ids.geonames(1), text="Jalan Kertanegara")
    meeting = mention("a1.txt", "Meeting", 10, "rapat terbatas", owner, street)
    drop_unfit_arguments([meeting], ENTITIES)
    assert meeting.arguments == [street]
    # "Hadi … dispatched four fighter jets": the commander is no force sent
    jets, commander = arg("force", "armedforce/KP", text="fighter jets"), arg("force", ANA, text="Hadi")
    sent = mention("a1.txt", "Deployment", 10, "dispatched", jets, commander)
    drop_unfit_arguments([sent], ENTITIES)
    assert sent.arguments == [jets]


def test_meetings_held_in_different_countries_are_two_events():
    """ "the two leaders met in person in South Korea" and "Pertemuan … di Beijing": the same
    two people, no dates, but places in two countries (a place counts for the country it lies in)."""
    there = mention("a1.txt", "Meeting", 10, "met", arg("participant", ANA, PARK), arg("place", ids.geonames(1)))
    here = mention("a2.txt", "Meeting", 10, "meeting", arg("participant", ANA, PARK),
                   arg("place", ids.country("DE")))
    assert len(events_of([there, here])) == 2
    also = mention("a2.txt", "Meeting", 10, "meeting", arg("participant", ANA, PARK),
                   arg("place", ids.country("RU")))
    assert len(events_of([there, also])) == 1       # Oblast A lies in Russia


def test_a_summit_and_the_cabinet_meeting_before_it_are_two_events():
    """ "rapat terbatas di kediamannya … bertolak ke Mesir untuk menghadiri KTT": two meetings of one
    man in one article; the trigger words name two kinds of meeting, which are never one event."""
    summit = mention("a1.txt", "Meeting", 10, "Konferensi Tingkat Tinggi", arg("place", ids.country("DE")))
    cabinet = mention("a1.txt", "Meeting", 300, "rapat terbatas", arg("participant", ANA), when=DAY)
    again = mention("a1.txt", "Meeting", 600, "KTT")
    events_of([summit, cabinet, again], [article("a1.txt")])
    assert summit.event_id == again.event_id != cabinet.event_id


def test_across_articles_only_events_sharing_a_key_are_tried():
    from kg.model import TimeAnchor
    from kg.resolve.candidates import Candidates
    from kg.resolve.evidence import Group, describe

    by_id = {e.id: e for e in ENTITIES}

    def group(*args, **kw):
        return Group.of(describe(mention("a1.txt", "Call", 10, "call", *args, **kw), 0, None, None, "en", by_id))

    index = Candidates(by_id)
    index.add(0, group(arg("participant", ANA)))
    index.add(1, group(arg("participant", WEBER)))
    index.add(2, group(time=TimeAnchor("in March 2031", 0, 5, "month", value=date(2031, 3, 1))))
    assert index.of(group(arg("participant", ANA))) == [0]
    # Ana stands for Ukraine: a mention naming only the country may be her call
    assert index.of(group(arg("participant", ids.country("UA")))) == [0]
    # a week and a month are never compared, so any week may join any month
    week = group(time=TimeAnchor("last week", 0, 5, "week", value=date(2029, 6, 4)))
    assert index.of(week) == [2]
    assert index.of(group(arg("participant", PARK))) == []


def test_a_plural_trigger_noun_joins_no_single_event():
    """ "spoke with Keldan's leader … as part of a series of phone calls": the plural noun
    tells several calls, none of which is the one told by the verb."""
    from conllu_util import mention, parsed

    from kg.extract.events import extract_events
    from kg.resolve.events import resolve

    text = "Lena Ortiz spoke with Marek Dal on Monday as part of a series of phone calls."
    rows = """
Lena Lena PROPN 3 nsubj
Ortiz Ortiz PROPN 1 flat
spoke speak VERB 0 root
with with ADP 5 case
Marek Marek PROPN 3 obl
Dal Dal PROPN 5 flat
on on ADP 8 case
Monday Monday PROPN 3 obl
as as ADP 10 case
part part NOUN 3 obl
of of ADP 13 case
a a DET 13 det
series series NOUN 10 nmod
of of ADP 16 case
phone phone NOUN 16 compound
calls call NOUN 13 nmod Number=Plur
. . PUNCT 3 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Lena Ortiz", "Person"), mention(p, "Marek Dal", "Person")]
    evs = extract_events(p, ms)
    assert sorted(e.trigger_text for e in evs if e.type == "Call") == ["phone calls", "spoke"]
    _, events = resolve([p], ms, evs)
    assert len([e for e in events if e.type == "Call"]) == 2


def test_an_accord_noun_in_another_article_needs_a_day_or_place_in_common():
    """Two countries have many accords: "the defence agreement" in one article is not the swap
    deal another article says they renewed, for the parties alone; on the same day it may be."""
    ua, de = ids.country("UA"), ids.country("DE")
    renewed = mention("a1.txt", "Agreement", 10, "renewed", arg("participant", ua, de), rule="verb-trigger:nsubj")
    noun = mention("a2.txt", "Agreement", 10, "agreement", arg("participant", ua, de), rule="nominal-trigger:none")
    assert len(events_of([renewed, noun])) == 2
    renewed = mention("a1.txt", "Agreement", 10, "renewed", arg("participant", ua, de), when=DAY,
                      rule="verb-trigger:nsubj")
    noun = mention("a2.txt", "Agreement", 10, "agreement", arg("participant", ua, de), when=DAY,
                   rule="nominal-trigger:none")
    assert len(events_of([renewed, noun])) == 1


def test_an_undated_article_tells_its_news_on_the_first_full_date_it_states():
    """ "… on June 5, 2025 …": in an article with no publication date, a deal "struck on May 12"
    is weeks from the news, not the only agreement the story can be."""
    from kg.model import TimeAnchor
    from kg.resolve.events import news_day

    text = "Trump and Xi agreed to more talks, the White House said on June 5, 2025. They struck a deal on May 12."
    p = ParsedArticle(Article(id="a1.txt", path=Path("a1.txt"), text=text, language="en"), [])
    assert news_day(p.article) == date(2025, 6, 5)
    agreed = mention("a1.txt", "Agreement", 15, "agreed", arg("participant", ANA, WEBER), rule="verb-trigger:nsubj")
    struck = mention("a1.txt", "Agreement", 90, "struck", when=date(2025, 5, 12), rule="verb-trigger:none",
                     time=TimeAnchor("May 12", 97, 103, "day", value=date(2025, 5, 12)))
    assert len(events_of([agreed, struck], [p])) == 2
    # with no full date in the article, nothing says the deal is not the story's own
    p.article.text = text.replace(", 2025", "")
    assert news_day(p.article) is None
    assert len(events_of([agreed, struck], [p])) == 1


def test_an_accord_noun_with_only_its_sentences_subject_is_as_good_as_bare():
    """ "Putin said they agreed … on a memorandum on a possible peace accord": the accord noun's
    party is only the sentence's subject, so it is a generic noun, joined by a back-reference only."""
    agreed = mention("a1.txt", "Agreement", 10, "agreed", arg("participant", ANA, WEBER), rule="verb-trigger:with")
    accord = mention("a1.txt", "Agreement", 90, "accord", arg("participant", ANA),
                     rule="nominal-trigger:sentence-subject")
    assert len(events_of([agreed, accord])) == 2
    own = mention("a1.txt", "Agreement", 90, "accord", arg("participant", ANA), rule="nominal-trigger:between")
    assert len(events_of([agreed, own])) == 1


def test_a_statement_about_the_two_leaders_does_not_point_back_to_an_earlier_one():
    """ "He said they both agreed …" names a group, which ties a call to the one told before
    ("the two leaders discussed"); a statement is told again only by its own words."""
    they = Argument("addressee", EntityMention("a", 0, 0, 4, "they", source="group", entity_ids=[ANA, WEBER]))
    praised = mention("a1.txt", "Statement", 10, "praised", arg("speaker", ANA), rule="verb-trigger:nsubj",
                      quote="he even used my campaign motto")
    said = mention("a1.txt", "Statement", 200, "said", arg("speaker", ANA), they, rule="verb-trigger:nsubj",
                   sentence=1, quote="we want to stop the millions of deaths in the war")
    assert len(events_of([praised, said])) == 2


def test_an_undated_report_that_fits_two_events_equally_joins_neither():
    # two calls between the same leaders, months apart, each dated; a third outlet reports "their call"
    # with no date at all: it may be either, so it is kept apart rather than guessed
    march = mention("a1.txt", "Call", 10, "menelepon", arg("participant", ANA), arg("participant", PARK), when=DAY)
    june = mention("a2.txt", "Call", 10, "menelepon", arg("participant", ANA), arg("participant", PARK),
                   when=date(2031, 6, 9))
    undated = mention("a3.txt", "Call", 10, "percakapan", arg("participant", ANA), arg("participant", PARK))
    arts = [article("a3.txt"), article("a1.txt"), article("a2.txt")]
    for p in arts[1:]:
        p.article.published = DAY if p.article.id == "a1.txt" else date(2031, 6, 9)
    cluster_events(arts, [march, june, undated], ENTITIES)
    assert len({march.event_id, june.event_id, undated.event_id}) == 3
    # with one of them only, it is that one
    undated2 = mention("a3.txt", "Call", 10, "percakapan", arg("participant", ANA), arg("participant", PARK))
    cluster_events(arts[:2], [march, undated2], ENTITIES)
    assert undated2.event_id == march.event_id


def test_a_place_named_as_lying_in_the_other_is_no_other_destination():
    from kg.model import Entity
    from kg.resolve.sides import within

    by_id = {i: Entity(i, "Place", label) for i, label in
             (("place/natuna", "Natuna"), ("place/base", "Raden Sadjad Ranai Natuna"), ("place/paris", "Paris"),
              ("country/FR", "France"))}
    assert within(frozenset({"place/base"}), frozenset({"place/natuna"}), by_id)
    assert within(frozenset({"place/natuna"}), frozenset({"place/base"}), by_id)
    assert not within(frozenset({"place/paris"}), frozenset({"country/FR"}), by_id)   # told of other trips


def test_two_articles_telling_one_event_together_make_their_other_reports_likelier_the_same():
    def story(second_call_with):
        return [mention("a1.txt", "Call", 10, "menelepon", arg("agent", ANA), arg("participant", PARK), when=DAY),
                mention("a1.txt", "Agreement", 90, "sepakat", arg("participant", ANA), rule="verb-trigger"),
                # told before the call in its article: it tries again once the call has found its event
                mention("a2.txt", "Agreement", 10, "sepakat", arg("participant", ANA), rule="verb-trigger"),
                mention("a2.txt", "Call", 50, "berbicara", arg("agent", ANA), arg("participant", second_call_with),
                        when=DAY)]

    calls, agreements = {}, {}
    for other in (PARK, WEBER):
        evs = events_of(story(other))
        calls[other] = [e for e in evs if e.type == "Call"]
        agreements[other] = [e for e in evs if e.type == "Agreement"]
    assert len(calls[PARK]) == 1 and len(agreements[PARK]) == 1
    assert "the articles tell another event together" in agreements[PARK][0].mentions[-1].resolution
    # a shared participant alone is not enough across articles: another call, two agreements
    assert len(calls[WEBER]) == 2 and len(agreements[WEBER]) == 2
