"""Time anchors on event mentions: own clause first, then the sentence; kept in every export."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import kg
from kg.extract.anchoring import PHRASE, Trigger, pick_anchors
from kg.model import Sentence, Span, TimeAnchor, Token
from kg.read import layout

ARTICLE = """Prabowo Telepon Albanese

Rabu, 6 November 2024 | 10:15 WIB

JAKARTA - Presiden Prabowo Subianto menelepon Perdana Menteri Australia Anthony Albanese pada Senin (4/11/2024). \
Albanese mengatakan kemarin bahwa hubungan kedua negara sangat kuat. \
Sebelumnya, pada Juli 2024, Prabowo bertemu Putin di Moskow.

“Hubungan kami sangat kuat,” ujar Albanese dalam siaran pers, dikutip Selasa (5/11/2024).
"""


def tok(i: int, text: str, head: int, deprel: str, upos: str, start: int) -> Token:
    return Token(i, text, text.lower(), upos, "", head, deprel, start, start + len(text))


def sentence(words: list[tuple[str, int, str, str]]) -> Sentence:
    """A hand-made tree: (word, head, deprel, upos), words separated by one space."""
    tokens, pos = [], 0
    for i, (w, head, rel, upos) in enumerate(words, 1):
        tokens.append(tok(i, w, head, rel, upos, pos))
        pos += len(w) + 1
    return Sentence(0, 0, pos - 1, " ".join(w for w, *_ in words), tokens)


def anchor_on(sent: Sentence, word: str) -> TimeAnchor:
    t = next(t for t in sent.tokens if t.text == word)
    return TimeAnchor(word, t.start, t.end, "day", date(2025, 10, 13))


def trigger(sent: Sentence, word: str, topical: bool = False) -> Trigger:
    t = next(t for t in sent.tokens if t.text == word)
    return Trigger(t, Span(t.start, t.end), PHRASE) if topical else Trigger(t, Span(t.start, t.end))


# "Presiden memerintahkan TNI bersiap manakala KTT, Senin, mencapai hasil"
ORDER = sentence([("Presiden", 2, "nsubj", "PROPN"), ("memerintahkan", 0, "root", "VERB"), ("TNI", 2, "obj", "PROPN"),
                  ("bersiap", 2, "xcomp", "VERB"), ("manakala", 8, "mark", "SCONJ"), ("KTT", 8, "nsubj", "PROPN"),
                  ("Senin", 6, "appos", "PROPN"), ("mencapai", 2, "advcl", "VERB"), ("hasil", 8, "obj", "NOUN")])


def test_a_date_in_a_clause_with_its_own_subject_dates_that_clause_only():
    senin = anchor_on(ORDER, "Senin")
    got = pick_anchors(ORDER, [trigger(ORDER, "memerintahkan"), trigger(ORDER, "KTT")], [senin])
    assert got == [None, senin]


def test_a_clause_inherits_the_date_of_the_clause_that_governs_it():
    # "Trump Rabu mengonfirmasi bahwa ia melakukan percakapan": the call told on Wednesday
    s = sentence([("Trump", 3, "nsubj", "PROPN"), ("Rabu", 3, "obl", "PROPN"), ("mengonfirmasi", 0, "root", "VERB"),
                  ("bahwa", 6, "mark", "SCONJ"), ("ia", 6, "nsubj", "PRON"), ("melakukan", 3, "ccomp", "VERB"),
                  ("percakapan", 6, "obj", "NOUN")])
    rabu = anchor_on(s, "Rabu")
    assert pick_anchors(s, [trigger(s, "mengonfirmasi"), trigger(s, "percakapan")], [rabu]) == [rabu, rabu]
    # a nominal topic of another event takes only a date inside its own phrase
    assert pick_anchors(s, [trigger(s, "percakapan", topical=True)], [rabu]) == [None]


def test_a_date_in_the_phrase_of_a_mention_beside_this_one_dates_that_mention_only():
    # "This call was a follow up to our meeting, three weeks ago.": the meeting was three weeks ago
    s = sentence([("This", 2, "det", "DET"), ("call", 4, "nsubj", "NOUN"), ("was", 4, "cop", "AUX"),
                  ("follow-up", 0, "root", "NOUN"), ("to", 6, "case", "ADP"), ("meeting", 4, "nmod", "NOUN"),
                  ("three", 8, "nummod", "NUM"), ("weeks", 9, "obl", "NOUN"), ("ago", 6, "advmod", "ADV")])
    ago = anchor_on(s, "ago")
    assert pick_anchors(s, [trigger(s, "call"), trigger(s, "meeting")], [ago]) == [None, ago]
    # with no mention of the meeting, the date is the clause's, and so the call's
    assert pick_anchors(s, [trigger(s, "call")], [ago]) == [ago]
    # "… meeting in Korea, three weeks ago", "ago" hung on the root: the comma-set time still closes
    # the meeting's phrase (no verb between)
    s = sentence([("This", 2, "det", "DET"), ("call", 4, "nsubj", "NOUN"), ("was", 4, "cop", "AUX"),
                  ("follow-up", 0, "root", "NOUN"), ("to", 6, "case", "ADP"), ("meeting", 4, "nmod", "NOUN"),
                  ("in", 8, "case", "ADP"), ("Korea", 6, "nmod", "PROPN"), (",", 11, "punct", "PUNCT"),
                  ("three", 10, "nummod", "NUM"), ("weeks", 11, "obl", "NOUN"), ("ago", 4, "advmod", "ADV")])
    ago = anchor_on(s, "three")
    assert pick_anchors(s, [trigger(s, "call"), trigger(s, "meeting")], [ago]) == [None, ago]


def test_a_clause_below_with_its_own_subject_and_a_quotation_keep_their_time():
    # "Agus mengungkapkan bahwa situasi memanas sejak Oktober": the situation's time, not the statement's
    s = sentence([("Agus", 2, "nsubj", "PROPN"), ("mengungkapkan", 0, "root", "VERB"), ("bahwa", 5, "mark", "SCONJ"),
                  ("situasi", 5, "nsubj", "NOUN"), ("memanas", 2, "ccomp", "VERB"), ("Oktober", 5, "obl", "PROPN")])
    assert pick_anchors(s, [trigger(s, "mengungkapkan")], [anchor_on(s, "Oktober")]) == [None]
    # the same words inside a quotation: its time is the quote's own
    said = trigger(s, "mengungkapkan")
    inside = Span(s.tokens[3].start, s.end)
    assert pick_anchors(s, [said], [anchor_on(s, "Oktober")], [inside]) == [None]
    memanas = next(t for t in s.tokens if t.text == "memanas")
    oktober = anchor_on(s, "Oktober")
    assert pick_anchors(s, [Trigger(memanas, Span(memanas.start, memanas.end))], [oktober], [inside]) == [oktober]


def test_a_subjectless_clause_below_shares_its_date_with_the_act_it_is_part_of():
    # "Lanud mengerahkan pesawat dengan mengirimkan F-16 Selasa": the parser hangs the date low
    s = sentence([("Lanud", 2, "nsubj", "PROPN"), ("mengerahkan", 0, "root", "VERB"), ("pesawat", 2, "obj", "NOUN"),
                  ("dengan", 5, "mark", "ADP"), ("mengirimkan", 2, "advcl", "VERB"), ("F-16", 5, "obj", "PROPN"),
                  ("Selasa", 5, "obl", "PROPN")])
    selasa = anchor_on(s, "Selasa")
    assert pick_anchors(s, [trigger(s, "mengerahkan"), trigger(s, "mengirimkan")], [selasa]) == [selasa, selasa]


def test_a_relative_clause_on_a_word_of_the_mention_shares_its_scene():
    # "Pesan disampaikan melalui Bambang yang memimpin upacara Kamis": the message was given at that ceremony
    s = sentence([("Pesan", 2, "nsubj:pass", "NOUN"), ("disampaikan", 0, "root", "VERB"), ("melalui", 4, "case", "ADP"),
                  ("Bambang", 2, "obl", "PROPN"), ("yang", 6, "nsubj", "PRON"), ("memimpin", 4, "acl", "VERB"),
                  ("upacara", 6, "obj", "NOUN"), ("Kamis", 6, "obl", "PROPN")])
    kamis = anchor_on(s, "Kamis")
    assert pick_anchors(s, [trigger(s, "disampaikan")], [kamis]) == [kamis]


def test_a_date_in_a_relative_clause_on_the_event_noun_is_its_own():
    # "menghadiri KTT yang digelar Senin" (a topic-like noun after a verb, dated by its relative clause)
    s = sentence([("menghadiri", 0, "root", "VERB"), ("KTT", 1, "obj", "PROPN"), ("yang", 4, "nsubj", "PRON"),
                  ("digelar", 2, "acl", "VERB"), ("Senin", 4, "obl", "PROPN")])
    senin = anchor_on(s, "Senin")
    assert pick_anchors(s, [trigger(s, "KTT", topical=True)], [senin]) == [senin]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[kg.pipeline.Result, Path]:
    folder = tmp_path_factory.mktemp("articles")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return kg.build(folder), folder


def test_mentions_carry_their_anchor_and_its_granularity(built):
    result, _ = built
    assert result.articles[0].published == date(2024, 11, 6)        # the date line under the title
    by_trigger = {m.trigger_text: m for m in result.event_mentions}
    call = by_trigger["menelepon"]
    assert (call.date, call.time.text, call.time.kind) == (date(2024, 11, 4), "Senin (4/11/2024)", "explicit")
    said = by_trigger["mengatakan"]
    assert (said.date, said.time.text, said.time.kind) == (date(2024, 11, 5), "kemarin", "relative")
    met = by_trigger["bertemu"]
    assert (met.date, met.time.iso(), met.time.granularity) == (None, "2024-07", "month")
    # the day an outlet quoted the words is not the day they were said
    assert by_trigger["ujar"].time is None


def test_anchors_reach_events_json_rdf_and_the_html_evidence(built):
    from rdflib import Graph

    from kg.export import html, rdf, rdf_read, view
    from kg.export import json as export_json
    from kg.export.view import EventNode

    result, _ = built
    doc = json.loads(export_json.dumps(result))
    times = {m["trigger"]["text"]: m["time"] for e in doc["events"] for m in e["mentions"]}
    start = ARTICLE.index("Juli 2024")
    assert times["bertemu"] == {"text": "Juli 2024", "start": start, "end": start + 9, "granularity": "month",
                                "value": "2024-07", "kind": "explicit"}
    ttl = rdf.serialize(result.graph, "ttl").decode()
    assert '"2024-07"^^xsd:gYearMonth' in ttl and '"2024-11-04"^^xsd:date' in ttl
    back = rdf_read.to_networkx(Graph().parse(data=ttl, format="turtle"))
    mentions = [m for _, node in view.nodes(back) if isinstance(node, EventNode) for m in node.mentions]
    assert {(m.anchor, m.time_value, m.time_granularity) for m in mentions} >= {
        ("bertemu", "2024-07", "month"), ("menelepon", "2024-11-04", "day")}
    page = html.render(back)
    assert '"time_value":"2024-07","time_granularity":"month"' in page


def test_an_html_page_is_dated_by_its_metadata_never_by_an_event_date_in_its_text(tmp_path):
    from kg.read.articles import read_path

    body = ("<article><h1>Prabowo Menerima Albanese</h1><p>Presiden Prabowo Subianto menerima Perdana Menteri "
            "Australia di Istana Merdeka pada Kamis (15/5/2025) untuk membahas kerja sama.</p></article>")
    meta = '<meta property="article:published_time" content="2025-05-16T08:00:00+07:00">'
    (tmp_path / "plain.html").write_text(f"<html><head><title>T</title></head><body>{body}</body></html>")
    (tmp_path / "meta.html").write_text(f"<html><head><title>T</title>{meta}</head><body>{body}</body></html>")
    got = {a.id: a.published for a in read_path(tmp_path)}
    assert got == {"plain.html": None, "meta.html": date(2025, 5, 16)}


def test_a_dateline_or_byline_with_a_date_dates_the_article_and_an_event_date_does_not():
    body = "Presiden Prabowo Subianto menerima kunjungan Perdana Menteri Australia di Istana Merdeka hari ini."
    assert layout.analyse(f"Judul Berita Kunjungan\n\nJAKARTA, Senin (4/11/2024) - {body}", "id").published \
        == date(2024, 11, 4)
    assert layout.analyse(f"Judul Berita Kunjungan\nPenulis: Andi | Editor: Budi | Senin, 4 November 2024\n{body}",
                          "id").published == date(2024, 11, 4)
    assert layout.analyse(f"Headline About a Visit\nBy John Smith | October 29, 2024\n{body}", "en").published \
        == date(2024, 10, 29)
    assert layout.analyse(f"Headline About a Visit\n\nJAKARTA, Oct 29, 2024 (Reuters) - {body}", "en").published \
        == date(2024, 10, 29)
    bare = layout.analyse(f"Judul Berita Kunjungan\n\nJakarta, Jumat - {body}", "id")
    assert (bare.published, bare.dateline_place, bare.outlet) == (None, "Jakarta", None)   # a weekday is no outlet
    # the first paragraph's date is the event's, not the article's: no publication date
    event_day = "JAKARTA - Presiden Prabowo menerima Perdana Menteri Australia di Istana Merdeka pada Kamis (15/5/2025)."
    assert layout.analyse(f"Judul Berita Kunjungan\n\n{event_day}", "id").published is None


def test_a_phrase_opened_by_since_or_after_dates_what_it_tells_not_the_mention_outside():
    # "The conversation is the first since being sworn in on Monday" (the parser made it a clause on "first")
    sent = sentence([("The", 2, "det", "DET"), ("conversation", 4, "nsubj", "NOUN"), ("is", 4, "cop", "AUX"),
                     ("first", 0, "root", "NOUN"), ("since", 7, "mark", "SCONJ"), ("being", 7, "aux", "AUX"),
                     ("sworn", 4, "acl", "VERB"), ("in", 7, "compound:prt", "ADP"),
                     ("on", 10, "case", "ADP"), ("Monday", 7, "obl", "PROPN")])
    monday = anchor_on(sent, "Monday")
    assert pick_anchors(sent, [trigger(sent, "conversation")], [monday]) == [monday]      # without the marker
    assert pick_anchors(sent, [trigger(sent, "conversation"), trigger(sent, "sworn")], [monday],
                        sequence=frozenset({"since"})) == [None, monday]


def test_a_date_in_a_complement_that_is_an_event_of_its_own_dates_that_event_only():
    # "Ortiz agreed to meet Park in Kyiv next month": the meeting is next month, the agreement now;
    # the subjectless adjunct above ("dengan mengirimkan … Selasa") still shares its governor's date
    s = sentence([("Ortiz", 2, "nsubj", "PROPN"), ("agreed", 0, "root", "VERB"), ("to", 4, "mark", "PART"),
                  ("meet", 2, "xcomp", "VERB"), ("Park", 4, "obj", "PROPN"), ("in", 7, "case", "ADP"),
                  ("Kyiv", 4, "obl", "PROPN"), ("month", 4, "obl", "NOUN")])
    month = anchor_on(s, "month")
    assert pick_anchors(s, [trigger(s, "agreed"), trigger(s, "meet")], [month]) == [None, month]


def test_a_relative_clause_with_its_own_subject_on_a_common_noun_keeps_its_time():
    # "This deployment continues the commitment, which began in 2006": the commitment began then;
    # on a titled person ("… melalui Kepala Staf Bambang, yang memimpin upacara Kamis") it is the scene
    s = sentence([("deployment", 2, "nsubj", "NOUN"), ("continues", 0, "root", "VERB"),
                  ("commitment", 2, "obj", "NOUN"), ("which", 5, "nsubj", "PRON"), ("began", 3, "acl:relcl", "VERB"),
                  ("in", 7, "case", "ADP"), ("2006", 5, "obl", "NUM")])
    assert pick_anchors(s, [trigger(s, "deployment")], [anchor_on(s, "2006")]) == [None]
    t = sentence([("Pesan", 2, "nsubj:pass", "NOUN"), ("disampaikan", 0, "root", "VERB"), ("melalui", 4, "case", "ADP"),
                  ("Kepala", 2, "obl", "NOUN"), ("Staf", 4, "nmod", "PROPN"), ("yang", 7, "nsubj", "PRON"),
                  ("memimpin", 4, "acl:relcl", "VERB"), ("upacara", 7, "obj", "NOUN"), ("Kamis", 7, "obl", "PROPN")])
    kamis = anchor_on(t, "Kamis")
    assert pick_anchors(t, [trigger(t, "disampaikan")], [kamis]) == [kamis]
