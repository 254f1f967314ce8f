"""Actor and place mentions and their resolution, on small articles written for these tests.

The sentences are hand-tokenised (kg.model Tokens with the POS a parser
would give) so that each rule is tested on its own, without a parser; one
test reads pre-parsed CoNLL-U to check the tree rule (flat name particles).
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.extract import gazetteer as gz
from kg.extract import ids
from kg.extract.entities import find_mentions, mention_at
from kg.model import Article, Boilerplate, EntityMention, ParsedArticle, Sentence, Token
from kg.parse.nlp import parse_conllu
from kg.resolve.entities import resolve_entities

_WORD = re.compile(r"(?<=\w)'s\b|\w+(?:[-.]\w+)*|[^\w\s]")   # "Russia's" → "Russia" + "'s", as Stanza
_WORD_CUT = re.compile(r"(?<=\w)'s\b|\w+(?:[.]\w+)*|[^\w\s]")   # and "Jae-myung" → "Jae" "-" "myung", as EWT


def parse(text: str, tags: dict[str, str] | None = None, clitic: tuple[str, ...] = (), aid: str = "a.txt",
          lang: str = "id", boilerplate: list[Boilerplate] | None = None, cut_hyphens: bool = False) -> ParsedArticle:
    """One sentence per line; capitalised words PROPN unless ``tags`` says otherwise; words in
    ``clitic`` split into host + "nya" as Stanza's MWT splitter does; ``cut_hyphens``: hyphenated
    words in three tokens, as kg's English tokenizer (trained on EWT) cuts them."""
    tags = tags or {}
    art = Article(aid, Path(aid), text, language=lang, boilerplate=boilerplate or [])
    sentences = []
    for line in re.finditer(r"[^\n]+", text):
        tokens: list[Token] = []
        for m in (_WORD_CUT if cut_hyphens else _WORD).finditer(line.group()):
            w, start = m.group(), line.start() + m.start()
            if w in clitic:
                host = w[:-3]
                tokens.append(Token(len(tokens) + 1, host, host, "VERB", "_", 0, "dep", start, start + len(host)))
                tokens.append(Token(len(tokens) + 1, "nya", "nya", "PRON", "_", 0, "dep", start + len(host),
                                    start + len(w)))
                continue
            upos = tags.get(w) or ("PUNCT" if not w[0].isalnum() else "NUM" if w[0].isdigit()
                                   else "PROPN" if w[0].isupper() else "NOUN")
            lemma = w if upos == "PROPN" else w.lower()      # Stanza keeps names' case in lemmas
            tokens.append(Token(len(tokens) + 1, w, lemma, upos, "_", 0, "dep", start, start + len(w)))
        sentences.append(Sentence(len(sentences), line.start(), line.end(), line.group(), tokens))
    return ParsedArticle(art, sentences)


def by_text(mentions: list[EntityMention]) -> dict[str, EntityMention]:
    return {m.text: m for m in mentions}


def assert_offsets(p: ParsedArticle) -> None:
    """Every mention's offsets point at its own text in the article."""
    for m in find_mentions(p):
        assert p.article.text[m.start:m.end] == m.text


def test_title_name_chain_is_one_person_with_title_and_country():
    ms = by_text(find_mentions(parse("Presiden Prancis Emmanuel Macron tiba di Berlin .")))
    m = ms["Presiden Prancis Emmanuel Macron"]
    assert (m.type, m.title, m.affiliation, m.source) == ("Person", "Presiden", ids.country("FR"), "title")
    assert "Prancis" not in ms          # maximal, non-overlapping
    assert ms["Berlin"].type == "Place"


def test_multiword_title_and_organisation_affiliation():
    text = "Menteri Luar Negeri Jepang Yoko Kamikawa bertemu Juru Bicara Kremlin Dmitry Peskov ."
    ms = by_text(find_mentions(parse(text)))
    fm = ms["Menteri Luar Negeri Jepang Yoko Kamikawa"]
    assert (fm.title, fm.affiliation) == ("Menteri Luar Negeri", ids.country("JP"))
    sp = ms["Juru Bicara Kremlin Dmitry Peskov"]
    assert (sp.type, sp.title, sp.affiliation) == ("Person", "Juru Bicara", ids.actor("kremlin"))


def test_offsets_point_into_the_article_text():
    p = parse("Kemarin , Perdana Menteri India Narendra Modi berbicara .", tags={"Kemarin": "ADV"})
    assert_offsets(p)


def test_title_without_name_resolves_to_the_named_holder():
    text = ("Perdana Menteri Jepang Fumio Kishida menelepon Presiden Filipina Ferdinand Marcos .\n"
            "Ia berterima kasih kepada Perdana Menteri Jepang atas bantuan itu .")
    p = parse(text, tags={"Ia": "PRON"})
    ms = find_mentions(p)
    titled = by_text(ms)["Perdana Menteri Jepang"]
    assert (titled.type, titled.affiliation) == ("Person", ids.country("JP"))
    ents = {e.id: e for e in resolve_entities([p], ms)}
    assert titled.entity_ids == [ids.person("Fumio Kishida")]
    assert "Perdana Menteri Jepang" in ents[ids.person("Fumio Kishida")].aliases
    # "Ia": the subject before it, unless its own sentence names that one otherwise
    assert by_text(ms)["Ia"].entity_ids == [ids.person("Ferdinand Marcos")]


def test_a_capitalised_title_alone_is_its_holder_named_in_the_article_but_not_after_sebagai():
    p = parse("Presiden Raka Wiguna tiba di Jakarta .\n"
              "Perintah itu disampaikan oleh Presiden kepada menteri .\n"
              "Ia kembali sebagai Presiden .\npresiden itu diam .", tags={"Ia": "PRON"})
    found = find_mentions(p)
    resolve_entities([p], found)
    bare = [m for m in found if m.text == "Presiden"]
    assert len(bare) == 1 and bare[0].sentence == 1          # not "sebagai Presiden", not lowercase
    assert (bare[0].title, bare[0].entity_ids) == ("Presiden", [ids.person("Raka Wiguna")])


def test_a_bracketed_abbreviation_of_the_country_stays_between_title_and_name():
    p = parse("Presiden Amerika Serikat ( AS ) Joe Biden tiba .\nPresiden Amerika Serikat ( AS ) tiba .")
    found = find_mentions(p)
    resolve_entities([p], found)
    ms = by_text(found)
    m = ms["Presiden Amerika Serikat ( AS ) Joe Biden"]
    assert (m.title, m.affiliation, m.entity_ids) == ("Presiden", ids.country("US"), [ids.person("Joe Biden")])
    assert ms["Presiden Amerika Serikat"].affiliation == ids.country("US")    # no name: the note is not its


def test_an_office_of_a_named_unit_is_held_by_the_name_after_the_unit_s():
    """ "Kepala Biro X Kementerian Y, Brigjen TNI Name" and "Deputi Bidang A, B dan C Sekretariat
    Presiden Name": the unit's name is no person; its holder is named after it."""
    p = parse("Kepala Biro Informasi Kementerian Pertahanan , Brigjen TNI Raka Wiguna hadir .\n"
              "ujar Deputi Bidang Protokol , Pers dan Media Sekretariat Presiden Sinta Dewi dalam siaran .\n"
              "Kepala Biro Humas mengatakan itu .")
    found = find_mentions(p)
    resolve_entities([p], found)
    ms = by_text(found)
    head = ms["Kepala Biro Informasi Kementerian Pertahanan , Brigjen TNI Raka Wiguna"]
    deputy = ms["Deputi Bidang Protokol , Pers dan Media Sekretariat Presiden Sinta Dewi"]
    assert (head.title, head.entity_ids) == ("Kepala", [ids.person("Raka Wiguna")])
    assert (deputy.title, deputy.entity_ids) == ("Deputi", [ids.person("Sinta Dewi")])
    assert not any(m.type == "Person" and "Biro Humas" in m.text for m in found)


def test_an_editor_s_bracketed_insertion_inside_a_name_is_part_of_it():
    """ "calling President [Volodymyr] Zelensky" in a quote: one person, the one named elsewhere
    without the brackets, not a nameless "President" beside two loose names."""
    p = parse("We will begin by calling President [ Volodymyr ] Zelensky , of Ukraine .\n"
              "Ukrainian President Volodymyr Zelensky said no .\n[ Volodymyr ] Zelensky left .", lang="en")
    found = find_mentions(p)
    entities = {e.id: e for e in resolve_entities([p], found)}
    ms = by_text(found)
    assert entities[ids.person("Volodymyr Zelensky")].label == "Volodymyr Zelensky"
    assert ms["President [ Volodymyr ] Zelensky"].entity_ids == [ids.person("Volodymyr Zelensky")]
    assert ms["[ Volodymyr ] Zelensky"].entity_ids == [ids.person("Volodymyr Zelensky")]
    assert not {"President", "Volodymyr", "Zelensky"} & set(ms)


def test_a_title_is_held_by_the_person_told_with_it_or_with_the_office_a_generic_title_stands_for():
    text = ("Finnish President Sauli Niinisto met Swedish Prime Minister Ulf Kristersson .\n"
            "President Sauli Niinisto said the leaders agreed .\n"
            "The Swedish leader thanked the President of Finland .")
    p = parse(text, lang="en", tags={"The": "DET"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    found = by_text(ms)
    # "President Sauli Niinisto" names no country, but the first sentence told whose president he is
    assert found["President of Finland"].entity_ids == [ids.person("Sauli Niinisto")]
    assert found["Swedish leader"].entity_ids == [ids.person("Ulf Kristersson")]

    p = parse("Presiden Finlandia Sauli Niinisto tiba di Stockholm .\nKepala Negara Finlandia disambut Raja Swedia .")
    ms = find_mentions(p)
    resolve_entities([p], ms)
    assert by_text(ms)["Kepala Negara Finlandia"].entity_ids == [ids.person("Sauli Niinisto")]   # a head of state


def test_a_foreign_word_in_a_sentence_dense_with_capitals_is_still_part_of_a_name():
    text = ("Menteri Pertahanan Ana Kovac melepas kontingen Satgas Patriot II dari Pangkalan Udara Halim "
            "Perdanakusuma Jakarta Timur .")
    p = parse(text, tags={"Patriot": "X", "dari": "ADP"})
    next(t for t in p.sentences[0].tokens if t.text == "Patriot").lemma = "Patriot"    # as Stanza leaves it
    ms = by_text(find_mentions(p))
    assert ms["kontingen Satgas Patriot II"].entity_ids == [ids.unit("Patriot")]     # named by its first name


def test_a_pronoun_points_back_to_the_subject_or_speaker_not_the_addressee():
    text = ("“Kami akan atur kunjungan Anda ke sini ,” kata Presiden Prabowo kepada Perdana Menteri Albanese .\n"
            "Ia juga menyatakan kesiapan Indonesia menyambut kedatangan tamunya .")
    p = parse(text, tags={"Ia": "PRON"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    assert by_text(ms)["Ia"].entity_ids == [ids.person("Prabowo")]


def test_an_unnamed_office_holder_is_the_office():
    p = parse("Presiden Brasil menolak usulan itu .")
    ms = find_mentions(p)
    ents = {e.id: e for e in resolve_entities([p], ms)}
    assert ms[0].entity_ids == [ids.office_holder("President", ids.country("BR"))]
    assert ents[ids.office_holder("President", ids.country("BR"))].label == "President of Brazil"


def test_armed_forces_take_the_country_after_the_noun_not_the_count():
    text = ("Rusia mengerahkan 5.000 tentara Rusia dan pasukan militer Belarus .\n"
            "Unit militer Belarus tiba , sementara invasi militer Rusia berlanjut .")
    p = parse(text, tags={"Unit": "NOUN"})
    ms = by_text(find_mentions(p))
    assert (ms["tentara Rusia"].type, ms["tentara Rusia"].affiliation) == ("ArmedForce", ids.country("RU"))
    assert ms["pasukan militer Belarus"].entity_ids == [ids.force(ids.country("BY"))]
    assert ms["Unit militer Belarus"].type == "ArmedForce"
    # "militer" modifying "invasi" is an adjective: Russia stays the country
    assert "militer Rusia" not in ms and [m for m in find_mentions(p) if m.text == "Rusia"][-1].type == "Country"
    ents = {e.id: e for e in resolve_entities([p], find_mentions(p))}
    assert ents[ids.force(ids.country("BY"))].label == "Belarusian armed forces" and ents[ids.force(ids.country("BY"))].affiliation == ids.country("BY")


def test_abbreviations_and_organisations_from_the_actor_file():
    text = "Korut dan AS berdebat di PBB , kata kantor berita Yonhap , as usual ."
    ms = by_text(find_mentions(parse(text)))
    assert ms["Korut"].entity_ids == [ids.country("KP")]
    assert ms["AS"].entity_ids == [ids.country("US")]
    assert ms["PBB"].entity_ids == [ids.actor("un")] and ms["PBB"].type == "Organization"
    assert ms["Yonhap"].source == "actor"
    assert "as" not in ms              # abbreviations match only as written


def test_a_hyphenated_pair_of_known_names_is_one_mention_per_side():
    p = parse("Pembicaraan AS-China dan poros NATO-Rusia kembali buntu , kata Anak-Anak Jakarta-Raya .")
    ms = by_text(find_mentions(p))
    assert ms["AS"].entity_ids == [ids.country("US")] and ms["China"].entity_ids == [ids.country("CN")]
    assert ms["NATO"].entity_ids == [ids.actor("nato")] and ms["Rusia"].entity_ids == [ids.country("RU")]
    assert_offsets(p)
    assert "AS-China" not in ms and "NATO-Rusia" not in ms
    # a hyphenated word whose sides are not both known names stays whole
    assert "Jakarta" not in ms and "Raya" not in ms


def test_a_hyphenated_pair_of_longer_names_splits_where_the_names_meet():
    p = parse("Hubungan Korea Utara-Korea Selatan memburuk sejak Amerika Serikat-China bersaing .")
    ms = by_text(find_mentions(p))
    assert ms["Korea Utara"].entity_ids == [ids.country("KP")] and ms["Korea Selatan"].entity_ids == [ids.country("KR")]
    assert ms["Amerika Serikat"].entity_ids == [ids.country("US")] and ms["China"].entity_ids == [ids.country("CN")]
    assert_offsets(p)


def test_places_with_place_words_and_alternate_names():
    text = "Drone menyerang Kiev dan wilayah perbatasan Belgorod , lalu Oblast Kherson dan Moskow ."
    ms = by_text(find_mentions(parse(text, tags={"Drone": "NOUN"})))
    assert ms["Kiev"].entity_ids == [ids.geonames(703448)]              # Kyiv
    assert ms["wilayah perbatasan Belgorod"].type == "Place"
    assert ms["Oblast Kherson"].source == "gazetteer"
    assert ms["Moskow"].entity_ids == [ids.geonames(524901)]            # Moscow, Russia


def test_it_in_a_clause_a_speech_verb_reports_is_the_country_that_says_it():
    from conllu_util import mention, parsed

    from kg.extract.vocab import vocab
    from kg.resolve.pointers import resolve_pointers

    text = "Keldan says it plans to send troops. It is late."
    rows = """
Keldan Keldan PROPN 2 nsubj
says say VERB 0 root
it it PRON 4 nsubj
plans plan VERB 2 ccomp
to to PART 6 mark
send send VERB 4 xcomp
troops troop NOUN 6 obj
. . PUNCT 2 punct

It it PRON 3 nsubj
is be AUX 3 cop
late late ADJ 0 root
. . PUNCT 3 punct
"""
    p = parsed(text, rows, language="en")
    keldan = mention(p, "Keldan", "Country")
    keldan.entity_ids = ["country/XK"]
    it, expletive = mention(p, "it", "Unknown", source="pronoun"), mention(p, "It", "Unknown", source="pronoun")
    resolve_pointers([keldan, it, expletive], text, vocab("en"), {s.index: s for s in p.sentences})
    assert (it.entity_ids, it.type) == (["country/XK"], "Country")
    assert expletive.entity_ids == []
    assert "it" in by_text(find_mentions(parse("Keldan says it plans to send troops .", lang="en")))


def test_a_name_the_tagger_misread_as_a_pronoun_keeps_its_capitalised_lemma():
    """ "Xi told Trump …" with "Xi" tagged PRON: Stanza keeps the lemma "Xi", a pronoun's is "he"."""
    text = "Xi told Weber .\nHe told Weber ."
    rows = [[("Xi", "Xi", "PRON"), ("told", "tell", "VERB"), ("Weber", "Weber", "PROPN"), (".", ".", "PUNCT")],
            [("He", "he", "PRON"), ("told", "tell", "VERB"), ("Weber", "Weber", "PROPN"), (".", ".", "PUNCT")]]
    sentences, at = [], 0
    for k, row in enumerate(rows):
        toks, start = [], at
        for i, (w, lemma, upos) in enumerate(row, 1):
            toks.append(Token(i, w, lemma, upos, "_", 0, "dep", at, at + len(w)))
            at += len(w) + 1
        sentences.append(Sentence(k, start, at - 1, text[start:at - 1], toks))
    p = ParsedArticle(Article("a.txt", Path("a.txt"), text, language="en"), sentences)
    found = [m.text for m in find_mentions(p) if m.source != "pronoun"]
    assert found == ["Xi", "Weber", "Weber"]


def test_their_after_a_group_phrase_in_its_clause_is_that_group():
    p = parse("President Ana Kovalenko met Prime Minister Min Park in Keldan .\n"
              "Germany and France also talked .\n"
              "The two countries renewed their currency swap .", lang="en", tags={"The": "DET"})
    found = find_mentions(p)
    resolve_entities([p], found)
    ms = by_text(found)
    assert ms["their"].entity_ids == ms["The two countries"].entity_ids == [ids.country("DE"), ids.country("FR")]


def test_an_english_organisation_named_before_its_head_noun():
    ms = by_text(find_mentions(parse("Later the Foreign Ministry said so , and Ostrava Center agreed .",
                                     lang="en", tags={"Later": "ADV"})))
    assert (ms["Foreign Ministry"].type, ms["Foreign Ministry"].entity_ids) == \
        ("Organization", [ids.org("Foreign Ministry")])
    assert ms["Ostrava Center"].type == "Organization"


def test_a_possessive_in_a_fronted_phrase_points_ahead_to_the_subject():
    from conllu_util import mention, parsed

    from kg.extract.vocab import vocab
    from kg.resolve.pointers import resolve_pointers

    def nya_of(text: str, rows: str) -> list[str]:
        """Whom "nya" stands for, with Raka told first and Presiden Sinta Dewi the subject after it."""
        p = parsed(text, rows)
        raka, sinta = mention(p, "Raka", "Person"), mention(p, "Presiden Sinta Dewi", "Person", source="title")
        raka.entity_ids, sinta.entity_ids = [ids.person("Raka")], [ids.person("Sinta Dewi")]
        nya = mention(p, "nya", "Person", source="pronoun")
        resolve_pointers([raka, nya, sinta], text, vocab("id"), {s.index: s for s in p.sentences})
        return nya.entity_ids

    text = "Raka tiba.\nDalam kunjungannya ke Keldan, Presiden Sinta Dewi mengundang Raka."
    rows = """
Raka Raka PROPN 2 nsubj
tiba tiba VERB 0 root
. . PUNCT 2 punct

Dalam dalam ADP 2 case
kunjungan kunjung NOUN 10 obl
nya nya PRON 2 nmod:poss
ke ke ADP 5 case
Keldan Keldan PROPN 2 nmod
, , PUNCT 2 punct
Presiden Presiden PROPN 10 nsubj
Sinta Sinta PROPN 7 flat:name
Dewi Dewi PROPN 7 flat:name
mengundang undang VERB 0 root
Raka Raka PROPN 10 obj
. . PUNCT 10 punct
"""
    assert nya_of(text, rows) == [ids.person("Sinta Dewi")]      # not Raka, told before

    # the sentence's first word, set off by a comma, however the parser hangs it
    text = "Raka tiba.\nSetibanya di Keldan, Presiden Sinta Dewi bertemu Raka."
    rows = """
Raka Raka PROPN 2 nsubj
tiba tiba VERB 0 root
. . PUNCT 2 punct

Setiba setiba NOUN 9 nsubj
nya nya PRON 1 nmod:poss
di di ADP 4 case
Keldan Keldan PROPN 1 nmod
, , PUNCT 1 punct
Presiden Presiden PROPN 9 nsubj
Sinta Sinta PROPN 6 flat:name
Dewi Dewi PROPN 6 flat:name
bertemu temu VERB 0 root
Raka Raka PROPN 9 obj
. . PUNCT 9 punct
"""
    assert nya_of(text, rows) == [ids.person("Sinta Dewi")]


def test_a_building_named_by_its_organisation_is_a_place():
    ms = by_text(find_mentions(parse("Ia berbicara di Gedung DPR , Senayan , Jakarta .", tags={"Ia": "PRON"})))
    assert (ms["Gedung DPR"].type, ms["Gedung DPR"].entity_ids) == ("Place", [ids.place("Gedung DPR")])
    assert "Gedung" not in ms and "DPR" not in ms
    white_house = by_text(find_mentions(parse("Gedung Putih menyatakan itu .")))["Gedung Putih"]
    assert white_house.type != "Place" and white_house.entity_ids != [ids.place("Putih")]


def test_ambiguous_place_prefers_a_country_the_article_names():
    lebanon = by_text(find_mentions(parse("Ledakan terjadi di Tripoli , Lebanon .", tags={"Ledakan": "NOUN"})))
    libya = by_text(find_mentions(parse("Ledakan terjadi di Tripoli .", tags={"Ledakan": "NOUN"})))
    assert lebanon["Tripoli"].entity_ids != libya["Tripoli"].entity_ids
    p = parse("Ledakan terjadi di Tripoli , Lebanon .", tags={"Ledakan": "NOUN"})
    ents = {e.id: e for e in resolve_entities([p], find_mentions(p))}
    tripoli = ents[lebanon["Tripoli"].entity_ids[0]]
    assert tripoli.affiliation == ids.country("LB") and tripoli.lat and tripoli.geonames_id


def test_untyped_names_stay_unknown_until_evidence_in_the_article():
    text = ("Budi Santoso tiba di Jakarta .\n"
            "Gubernur Jawa Barat Ridwan Kamil menyambut .\n"
            "Kamil mengatakan Budi Santoso akan kembali .")
    ms = find_mentions(parse(text))
    kinds = [(m.text, m.type) for m in ms]
    assert ("Budi Santoso", "Unknown") in kinds
    assert ("Kamil", "Person") in kinds            # part of a titled person's name


def test_organisations_by_head_noun_and_by_source_cue():
    text = ("Kementerian Pertahanan Jepang membantah , dilansir dari Nikkei .\n"
            "Pusat Kajian Strategis Jerman menerbitkan laporan .")
    ms = by_text(find_mentions(parse(text)))
    kem = ms["Kementerian Pertahanan Jepang"]
    assert (kem.type, kem.affiliation) == ("Organization", ids.country("JP"))
    assert ms["Nikkei"].type == "Organization"
    assert ms["Pusat Kajian Strategis Jerman"].entity_ids == [ids.org("Pusat Kajian Strategis Jerman")]


def test_positional_capitals_dates_and_headlines_are_not_names():
    text = ("Pertemuan itu berlangsung Kamis di Seoul .\n"
            "Presiden Baru Tolak Rencana Damai Korea\n"
            "Pertemuan berikutnya belum dijadwalkan .\n"
            "Namun Seoul membantah .")
    p = parse(text, tags={"Pertemuan": "NOUN", "Baru": "ADJ", "Tolak": "VERB", "Rencana": "NOUN", "Damai": "NOUN"})
    # a sentence-initial word the tagger wrongly calls PROPN, but whose lemma is a common word
    namun = next(t for s in p.sentences for t in s.tokens if t.text == "Namun")
    assert namun.upos == "PROPN"
    namun.lemma = "namun"
    texts = [m.text for m in find_mentions(p)]
    assert "Pertemuan" not in texts and "Kamis" not in texts and "Namun" not in texts
    # a sentence-initial word of kg's own vocabularies (a source cue) tagged PROPN
    cue = find_mentions(parse("Dikutip dari Nikkei , Menlu Jepang Yoko Kamikawa menolak ."))
    assert [m.text for m in cue] == ["Nikkei", "Menlu Jepang Yoko Kamikawa"]
    assert not any("Tolak" in t or "Rencana" in t for t in texts)
    assert texts.count("Seoul") == 2


def test_pronouns_nya_and_quote_final_speaker():
    text = ("Kanselir Jerman Olaf Scholz berbicara dengan Presiden Polandia Andrzej Duda .\n"
            "\" Kami mendukung Presiden Moldova Maia Sandu , \" katanya .\n"
            "Sebelumnya , negaranya mengirim bantuan .")
    p = parse(text, tags={"Kami": "PRON", "Sebelumnya": "ADV"}, clitic=("katanya", "negaranya", "Sebelumnya"))
    ms = find_mentions(p)
    kami, *pronouns = [m for m in ms if m.source == "pronoun"]
    assert [m.text for m in pronouns] == ["nya", "nya"]   # "Sebelumnya" is an adverb, not "his"
    resolve_entities([p], ms)
    # the speaker of the quote is not the person named inside it, but the subject before it
    assert pronouns[0].entity_ids == [ids.person("Olaf Scholz")]
    assert pronouns[1].entity_ids == [ids.person("Maia Sandu")]
    # "Kami" inside the quote is its speaker, once "-nya" after it is known to be Scholz
    assert kami.text == "Kami" and kami.entity_ids == [ids.person("Olaf Scholz")]


def test_a_quote_s_speaker_pronoun_after_a_paragraph_with_no_subject_is_the_last_one_quoted():
    text = ("\" Kami siap , \" ujar Menteri Sekretaris Negara Prasetyo Hadi .\n"
            "Namun , panitia meminta kehadiran Presiden Prabowo .\n"
            "\" Presiden berangkat malam ini , \" tambahnya .\n"
            "Perdana Menteri Albanese menanggapi Presiden Prabowo .\n"
            "\" Terima kasih , \" katanya .")
    p = parse(text, tags={"Kami": "PRON", "Namun": "CCONJ", "Presiden": "PROPN"}, clitic=("tambahnya", "katanya"))
    ms = find_mentions(p)
    resolve_entities([p], ms)
    kami, added, said = [m for m in ms if m.source == "pronoun"]
    assert kami.entity_ids == [ids.person("Prasetyo Hadi")]     # '“Kami siap,” ujar Menteri …'

    # Prabowo is only the object of the paragraph before: the speaker is the one quoted before it
    assert added.entity_ids == [ids.person("Prasetyo Hadi")]
    # a paragraph that opens with someone makes them the one who goes on speaking
    assert said.entity_ids == [ids.person("Albanese")]


def test_a_sentence_opening_with_a_described_person_and_a_demonstrative_points_back():
    text = ("\" Kami siap , \" ujar Menteri Pertahanan Sjafrie Sjamsoeddin .\n"
            "Purnawirawan jenderal bintang empat itu pun mengaku akan mendampingi Presiden Prabowo .\n"
            "Mantan Menteri Retno itu hadir .")
    p = parse(text, tags={"Kami": "PRON", "Purnawirawan": "NOUN", "Mantan": "NOUN"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    epithet = by_text(ms)["Purnawirawan jenderal bintang empat itu"]
    assert epithet.source == "pronoun" and epithet.entity_ids == [ids.person("Sjafrie Sjamsoeddin")]
    assert "Mantan Menteri Retno itu" not in by_text(ms)        # a name inside: it names her


def test_a_described_speaker_after_a_quote_is_the_person_told_before_not_one_named_in_the_quote():
    text = ("Presiden Joko Widodo tiba di Sydney .\n"
            "\" Saya berterima kasih pada Perdana Menteri Anthony Albanese , \" ungkap pemimpin asal Indonesia itu .")
    p = parse(text, tags={"Saya": "PRON"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    speaker = by_text(ms)["pemimpin asal Indonesia itu"]
    assert speaker.source == "pronoun" and speaker.entity_ids == [ids.person("Joko Widodo")]


def test_first_person_is_the_quote_s_speaker_and_no_one_outside_a_quote():
    text = ("Presiden Kenya William Ruto tiba .\n"
            "\" Saya berterima kasih kepada Presiden Tanzania Samia Suluhu Hassan , \" ujar Ruto .\n"
            "Saya menulis dari Nairobi .\n"
            "\" Kami siap ,\n")
    p = parse(text, tags={"Saya": "PRON", "Kami": "PRON"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    quoted, outside, unclosed = [m for m in ms if m.text in ("Saya", "Kami")]
    assert quoted.entity_ids == [ids.person("William Ruto")]      # not the one named inside the quote
    assert outside.entity_ids == [] and unclosed.entity_ids == []  # the writer; a quote running on


def test_unsplit_speech_verb_keeps_its_clitic_as_a_pronoun():
    p = parse("Menlu Chile Alberto van Klaveren hadir .\n\" Kami siap , \" katanya .", tags={"Kami": "PRON"})
    ms = find_mentions(p)
    nya = [m for m in ms if m.source == "pronoun"][-1]
    assert p.article.text[nya.start:nya.end] == "nya"
    resolve_entities([p], ms)
    assert nya.entity_ids and nya.entity_ids[0].startswith(ids.person("Alberto"))


def test_groups_take_the_actors_told_most_not_the_last_named():
    text = ("Presiden Kenya William Ruto menerima Presiden Tanzania Samia Suluhu Hassan .\n"
            "Ruto dan Hassan berfoto bersama .\n"
            "Hadir pula Menteri Kenya Alfred Mutua dan Duta Besar Tanzania John Simbachawene .\n"
            "Kedua pemimpin membahas perdagangan .")
    p = parse(text, tags={"Kedua": "NUM"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    assert by_text(ms)["Kedua pemimpin"].entity_ids == [ids.person("Samia Suluhu Hassan"), ids.person("William Ruto")]


def test_groups_take_the_last_distinct_actors():
    text = ("Presiden Kenya William Ruto menerima Presiden Tanzania Samia Suluhu Hassan .\n"
            "Kedua pemimpin membahas perdagangan antara kedua negara .")
    p = parse(text, tags={"Kedua": "NUM"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    g = by_text(ms)
    assert g["Kedua pemimpin"].source == "group"
    assert g["Kedua pemimpin"].entity_ids == [ids.person("Samia Suluhu Hassan"), ids.person("William Ruto")]
    # the countries come from the leaders' affiliations
    assert g["kedua negara"].entity_ids == [ids.country("KE"), ids.country("TZ")]


def test_short_names_join_the_full_name_in_the_article():
    text = ("Presiden Ukraina Petro Poroshenko tiba .\n"
            "Poroshenko bertemu Angela Merkel dan Merkel tersenyum .")
    p = parse(text)
    ms = find_mentions(p)
    ents = {e.id: e for e in resolve_entities([p], ms)}
    assert ents[ids.person("Petro Poroshenko")].aliases == {"Presiden Ukraina Petro Poroshenko", "Poroshenko"}
    assert by_text(ms)["Merkel"].entity_ids == [ids.unknown("Angela Merkel")]


def test_one_entity_across_articles_and_languages():
    a = parse("Presiden Korea Selatan Lee Jae-myung menelepon Korea Utara .", aid="a.txt")
    b = parse("South Korean President Lee Jae Myung spoke about North Korea and North Korean troops .",
              aid="b.txt", lang="en")
    ms = find_mentions(a) + find_mentions(b)
    ents = {e.id: e for e in resolve_entities([a, b], ms)}
    lee = ents[ids.person("Lee Jae Myung")]
    assert {"Presiden Korea Selatan Lee Jae-myung", "South Korean President Lee Jae Myung"} <= lee.aliases
    assert lee.affiliation == ids.country("KR")
    assert ents[ids.country("KP")].aliases == {"Korea Utara", "North Korea"}
    assert ents[ids.country("KP")].label == "North Korea"
    assert ids.force(ids.country("KP")) in ents
    assert [e.id for e in resolve_entities([a, b], ms)] == sorted(ents)


def test_boilerplate_lines_have_no_mentions():
    text = "Presiden Chile Gabriel Boric tiba .\nBaca juga : Presiden Peru Dina Boluarte Mundur"
    line2 = text.index("Baca")
    p = parse(text, tags={"Baca": "VERB"}, boilerplate=[Boilerplate(line2, len(text), rule="baca-juga")])
    assert all(m.start < line2 for m in find_mentions(p))


def test_flat_name_particles_from_the_tree():
    text = "Ursula von der Leyen tiba di Brussel ."
    rows = [("Ursula", "PROPN", 5, "nsubj"), ("von", "PROPN", 1, "flat"), ("der", "PROPN", 1, "flat"),
            ("Leyen", "PROPN", 1, "flat"), ("tiba", "VERB", 0, "root"), ("di", "ADP", 7, "case"),
            ("Brussel", "PROPN", 5, "obl"), (".", "PUNCT", 5, "punct")]
    conllu = "\n".join(f"{k}\t{w}\t{w}\t{u}\t_\t_\t{h}\t{d}\t_\t_" for k, (w, u, h, d) in enumerate(rows, 1))
    art = Article("c.txt", Path("c.txt"), text, language="id")
    ms = find_mentions(ParsedArticle(art, parse_conllu(conllu, art)))
    assert [m.text for m in ms] == ["Ursula von der Leyen", "Brussel"]


def test_mention_at_prefers_the_best_overlap():
    p = parse("Presiden Prancis Emmanuel Macron menelepon Korea Utara .")
    ms = find_mentions(p)
    text = p.article.text
    macron = text.index("Macron")
    assert mention_at(ms, macron, macron + 6).text == "Presiden Prancis Emmanuel Macron"
    assert mention_at(ms, text.index("Utara"), text.index("Utara") + 5).entity_ids == [ids.country("KP")]
    assert mention_at(ms, text.index("menelepon"), text.index("menelepon") + 9) is None


def test_split_keduanya_is_a_group_not_a_pronoun():
    text = "Presiden Kenya William Ruto menerima Presiden Ghana John Mahama .\nKeduanya tersenyum ."
    p = parse(text, clitic=("Keduanya",))
    ms = find_mentions(p)
    resolve_entities([p], ms)
    group = [m for m in ms if m.source == "group"]
    assert [m.text for m in group] == ["Keduanya"] and len(group[0].entity_ids) == 2
    assert not [m for m in ms if m.source == "pronoun"]


def test_english_titles_forces_and_places():
    text = ("NATO Secretary General Jens Stoltenberg met the President of Finland Sauli Niinisto in Helsinki .\n"
            "Russia's forces and North Korean soldiers moved near the Kursk region , he said .")
    p = parse(text, lang="en", tags={"NATO": "PROPN"})
    ms = by_text(find_mentions(p))
    sg = ms["NATO Secretary General Jens Stoltenberg"]
    assert (sg.title, sg.affiliation) == ("Secretary General", ids.actor("nato"))
    assert ms["President of Finland Sauli Niinisto"].affiliation == ids.country("FI")
    assert ms["Russia's forces"].entity_ids == [ids.force(ids.country("RU"))]
    assert ms["North Korean soldiers"].entity_ids == [ids.force(ids.country("KP"))]
    assert ms["Kursk region"].type == "Place"
    resolve_entities([p], list(ms.values()))
    assert ms["he"].entity_ids == [ids.person("Jens Stoltenberg")]   # the subject before it


def test_a_title_and_its_link_word_ending_a_line_are_no_error():
    # "… the post of Defence Minister of" cut at the line's end: nothing after the link word
    p = parse("Rask named Ortiz the new Defence Minister of", lang="en")
    assert {"Rask", "Ortiz"} <= {m.text for m in find_mentions(p)}
    assert_offsets(p)


def test_a_bare_name_is_a_town_only_after_a_locative_or_if_the_town_is_big():
    ms = find_mentions(parse("Norman menolak .\nIa pindah ke Norman .\nWarga bergerak menuju Seoul .\nSeoul membantah .",
                             tags={"Ia": "PRON", "Warga": "NOUN"}))
    kinds = [(m.text, m.type) for m in ms if m.source != "pronoun"]
    assert kinds == [("Norman", "Unknown"), ("Norman", "Place"), ("Seoul", "Place"), ("Seoul", "Place")]


def test_a_name_untyped_in_one_article_takes_its_type_from_another():
    a = parse("Kanselir Austria Karl Nehammer tiba .", aid="a.txt")
    b = parse("Nehammer tersenyum .\nKarl Nehammer pulang .\nPravda melaporkan .", aid="b.txt")
    c = parse("Menurut laporan Pravda , harga naik .", aid="c.txt", tags={"Menurut": "ADP"})
    ms = find_mentions(a) + find_mentions(b) + find_mentions(c)
    untyped = [m for m in ms if m.article_id == "b.txt"]
    assert {m.type for m in untyped} == {"Unknown"}
    resolve_entities([a, b, c], ms)
    assert [m.entity_ids for m in untyped] == [[ids.person("Karl Nehammer")]] * 2 + [[ids.org("Pravda")]]
    assert [m.type for m in untyped] == ["Person", "Person", "Organization"]


def test_apposition_gives_the_name_its_title():
    text = "Anwar Ibrahim , Perdana Menteri Malaysia , tiba .\nPerdana Menteri Malaysia tersenyum ."
    p = parse(text)
    ms = find_mentions(p)
    anwar = by_text(ms)["Anwar Ibrahim"]
    assert (anwar.type, anwar.title, anwar.affiliation) == ("Person", "Perdana Menteri", ids.country("MY"))
    resolve_entities([p], ms)
    assert {m.entity_ids[0] for m in ms} == {ids.person("Anwar Ibrahim")}


def test_troops_with_no_country_take_it_from_the_context():
    # tree: "Iran yang mengirim tentara" — the troops of the relative clause's subject
    rows = [("Iran", "PROPN", 0, "root"), ("yang", "PRON", 3, "nsubj"), ("mengirim", "VERB", 1, "acl:relcl"),
            ("tentara", "NOUN", 3, "obj"), ("ke", "ADP", 6, "case"), ("Suriah", "PROPN", 4, "nmod"),
            (".", "PUNCT", 1, "punct")]
    text = "Iran yang mengirim tentara ke Suriah ."
    conllu = "\n".join(f"{k}\t{w}\t{w}\t{u}\t_\t_\t{h}\t{d}\t_\t_" for k, (w, u, h, d) in enumerate(rows, 1))
    art = Article("t.txt", Path("t.txt"), text, language="id")
    ms = by_text(find_mentions(ParsedArticle(art, parse_conllu(conllu, art))))
    assert (ms["tentara"].type, ms["tentara"].affiliation, ms["tentara"].entity_ids) == \
        ("ArmedForce", ids.country("IR"), [ids.force(ids.country("IR"))])
    # words: a headline the parser cannot read; then "pasukan tersebut" and bare troops point back
    # to the troops named before, while the forces named so far serve one country
    turkey = [ids.force(ids.country("TR"))]
    text = ("Turki Kirim Pasukan ke Libya\n"
            "Pasukan tersebut tiba di Tripoli .\n"
            "Pejabat menyebut 300 tentara berlatih .\n"
            "Mesir mengerahkan tentara Mesir ke perbatasan .\n"
            "Pejabat menyebut tentara berlatih .")
    p = parse(text, tags={"Pasukan": "NOUN", "Pejabat": "NOUN"})
    forces = [(m.text, m.entity_ids) for m in find_mentions(p) if m.type == "ArmedForce"]
    assert forces == [("Pasukan", turkey), ("Pasukan", turkey), ("tentara", turkey),
                      ("tentara Mesir", [ids.force(ids.country("EG"))]), ("tentara", [])]
    # an officer sends the troops of the force he serves, a number between verb and troops or not
    p = parse("Panglima TNI Kirim 1.090 Prajurit ke Lebanon", tags={"Prajurit": "NOUN", "Kirim": "VERB"})
    troops = next(m for m in find_mentions(p) if m.text == "Prajurit")
    assert (troops.affiliation, troops.entity_ids) == (ids.country("ID"), ["force/ID"])


def test_a_named_unit_is_one_force_and_the_troops_it_holds_are_that_unit():
    # tree: "melepas 1.090 prajurit yang tergabung dalam Satgas TNI Kontingen Garuda"
    rows = [("Panglima", "PROPN", 2, "nsubj"), ("melepas", "VERB", 0, "root"), ("1.090", "NUM", 4, "nummod"),
            ("prajurit", "NOUN", 2, "obj"), ("yang", "PRON", 6, "nsubj"), ("tergabung", "VERB", 4, "acl"),
            ("dalam", "ADP", 8, "case"), ("Satgas", "PROPN", 6, "obl"), ("TNI", "PROPN", 8, "flat"),
            ("Kontingen", "PROPN", 8, "flat"), ("Garuda", "PROPN", 8, "flat"), (".", "PUNCT", 2, "punct")]
    text = " ".join(w for w, *_ in rows)
    conllu = "\n".join(f"{k}\t{w}\t{w}\t{u}\t_\t_\t{h}\t{d}\t_\t_" for k, (w, u, h, d) in enumerate(rows, 1))
    art = Article("t.txt", Path("t.txt"), text, language="id")
    ms = by_text(find_mentions(ParsedArticle(art, parse_conllu(conllu, art))))
    unit = ms["Satgas TNI Kontingen Garuda"]
    assert (unit.type, unit.entity_ids, unit.affiliation) == ("ArmedForce", [ids.unit("Garuda")], ids.country("ID"))
    assert ms["prajurit"].entity_ids == [ids.unit("Garuda")]
    # "prajurit TNI": troops of a force the actor file knows
    ms = by_text(find_mentions(parse("Prajurit TNI tiba di Beirut .", tags={"Prajurit": "NOUN"})))
    assert ms["Prajurit TNI"].entity_ids == ["force/ID"]
    # a unit of no known country beside TNI contradicts no one: later bare troops are the last named
    text = "TNI melepas Kontingen Garuda .\nPanglima memberangkatkan prajurit ke Lebanon ."
    forces = {m.text: m.entity_ids for m in find_mentions(parse(text, tags={"Panglima": "NOUN"}))
              if m.type == "ArmedForce"}
    assert forces["prajurit"] == forces["Kontingen Garuda"] == [ids.unit("Garuda")]


def test_a_headline_fragment_is_no_name_and_a_title_holds_the_name_after_a_comma():
    # every headline word is capitalised: only words the body also capitalises are names
    text = ("Prabowo Kerahkan Pasukan Berunding Soal Natuna\n"
            "Wakil Menteri Pertahanan , Donny Ermawan mengatakan Presiden Prabowo siap .")
    ms = by_text(find_mentions(parse(text)))
    assert "Prabowo" in ms                              # a name the body writes too
    assert not any(w in m for m in ms for w in ("Kerahkan", "Berunding", "Soal"))
    held = ms["Wakil Menteri Pertahanan , Donny Ermawan"]
    assert (held.type, held.title) == ("Person", "Wakil Menteri Pertahanan")


def test_a_title_case_headline_with_small_function_words_is_still_a_headline():
    text = ("Trump dan Putin Berbincang 2 Jam via Telepon\n"
            "Trump dan Putin Berbincang 2 Jam via Telepon\n"
            "Presiden Trump berbicara dengan Putin .")
    ms = find_mentions(parse(text, tags={"dan": "CCONJ", "via": "ADP", "2": "NUM", "Berbincang": "VERB"}))
    assert not any("Berbincang" in m.text for m in ms)
    assert {"Trump", "Putin"} <= {m.text for m in ms}


def test_an_address_after_a_title_and_a_comma_is_no_holder_of_the_title():
    ms = by_text(find_mentions(parse("Rapat digelar di kediaman Presiden , Jalan Kertanegara , Jakarta .",
                                     tags={"Rapat": "NOUN"})))
    assert ms["Jalan Kertanegara"].type == "Place"
    assert not any(m.type == "Person" and "Kertanegara" in m.text for m in ms.values())


def test_a_particle_joined_by_a_hyphen_continues_a_name():
    ms = {m.text for m in find_mentions(parse("Prabowo bertolak ke Sharm el-Sheikh , Mesir ."))}
    assert "Sharm el-Sheikh" in ms


def test_a_numbered_office_keeps_its_number_in_the_title():
    ms = by_text(find_mentions(parse("Ketua Komisi I DPR Utut Adianto menyebut itu .")))
    held = next(m for m in ms.values() if "Utut" in m.text)
    assert held.type == "Person" and held.text.startswith("Ketua Komisi I")
    assert "I" not in ms


def test_countries_news_still_calls_by_their_older_names():
    # CLDR now writes Türkiye, Palestinian Territories, Myanmar (Burma): news writes the older names
    text = "Officials from Palestine , Turkey and Myanmar met ."
    ms = {m.text: m.entity_ids for m in find_mentions(parse(text, lang="en", tags={"Officials": "NOUN", "and": "CCONJ"}))}
    assert ms == {"Palestine": [ids.country("PS")], "Turkey": [ids.country("TR")], "Myanmar": [ids.country("MM")]}


def test_a_rank_between_office_and_name_is_part_of_the_title():
    text = ("Panglima TNI Jenderal TNI Agus Subiyanto melepas prajurit .\n"
            "Wakil Menteri Pertahanan Marsekal Madya TNI ( Purn ) Donny Ermawan mengatakan itu .")
    ms = find_mentions(parse(text, tags={"(": "PUNCT", ")": "PUNCT"}))
    ents = {e.id for e in resolve_entities([parse(text)], ms)}
    assert {"person/agus-subiyanto", "person/donny-ermawan"} <= ents


def test_an_abbreviation_in_brackets_after_a_title_keeps_title_country_and_name_together():
    text = "Prabowo menyambut Perdana Menteri ( PM ) Australia Anthony Albanese di Istana ."
    ms = by_text(find_mentions(parse(text, tags={"(": "PUNCT", ")": "PUNCT"})))
    held = ms["Perdana Menteri ( PM ) Australia Anthony Albanese"]
    assert (held.type, held.title, held.affiliation) == ("Person", "Perdana Menteri", "country/AU")
    assert "Menteri" not in ms and "Australia" not in ms


def test_a_country_s_office_with_a_possessive_is_its_holder():
    text = "Trump got China's president on the phone."
    words = [("Trump", "PROPN"), ("got", "VERB"), ("China", "PROPN"), ("'s", "PART"), ("president", "NOUN"),
             ("on", "ADP"), ("the", "DET"), ("phone", "NOUN"), (".", "PUNCT")]
    tokens, at = [], 0
    for i, (w, upos) in enumerate(words, 1):
        at = text.index(w, at)
        tokens.append(Token(i, w, w if upos == "PROPN" else w.lower(), upos, "_", 0, "dep", at, at + len(w)))
        at += len(w)
    p = ParsedArticle(Article("a.txt", Path("a.txt"), text, language="en"), [Sentence(0, 0, len(text), text, tokens)])
    held = by_text(find_mentions(p))["China's president"]
    assert (held.type, held.affiliation, held.source) == ("Person", "country/CN", "title")


def test_a_namesake_with_another_title_is_another_person_and_a_surname_joins_the_most_told_full_name():
    a = parse("President Ortiz spoke on Friday .\nOrtiz thanked First Lady Ana Ortiz .", aid="a.txt", lang="en")
    b = parse("Carlos Ortiz arrived .\nCarlos Ortiz spoke .\nCarlos Ortiz left .", aid="b.txt", lang="en")
    ms = find_mentions(a) + find_mentions(b)
    resolve_entities([a, b], ms)
    president = mention_at([m for m in ms if m.article_id == "a.txt"], 10, 15)
    lady = next(m for m in ms if "Ana Ortiz" in m.text)
    assert president.entity_ids != lady.entity_ids == [ids.person("Ana Ortiz")]
    # "Ortiz" alone is Carlos Ortiz, whom the articles name three times as often as Ana Ortiz
    assert president.entity_ids == [ids.person("Carlos Ortiz")]


def test_a_plural_pronoun_is_the_two_people_the_article_is_about():
    text = ("Kenyan President William Ruto and Tanzanian President Samia Suluhu Hassan spoke .\n"
            "They agreed on trade , according to summaries of their phone call .")
    p = parse(text, tags={"They": "PRON"}, lang="en")
    ms = find_mentions(p)
    resolve_entities([p], ms)
    both = [ids.person("Samia Suluhu Hassan"), ids.person("William Ruto")]
    assert by_text(ms)["They"].entity_ids == by_text(ms)["their"].entity_ids == both
    # Indonesian "mereka" likewise ("pertemuan mereka di Busan")
    text = ("Presiden Kenya William Ruto dan Presiden Tanzania Samia Suluhu Hassan berbicara .\n"
            "Ini kontak pertama setelah pertemuan mereka di Arusha .")
    p = parse(text, tags={"Ini": "PRON"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    assert by_text(ms)["mereka"].entity_ids == both


def test_a_place_word_ending_a_capitalised_name_makes_it_a_place_gazetteer_or_not():
    p = parse("The jets flew to Natuna Island near the Anambas Islands .", lang="en")
    ms = by_text(find_mentions(p))
    assert ms["Natuna Island"].type == ms["Anambas Islands"].type == "Place"   # GeoNames has neither
    # a country inside the name does not cut it: "South China Sea" is one place, not South + China + Sea
    sea = by_text(find_mentions(parse("Jets patrol near the South China Sea .", lang="en")))
    assert sea["South China Sea"].type == "Place" and "China" not in sea
    assert ms["Natuna Island"].entity_ids == [ids.place("Natuna")]
    q = parse("Jets flew to Natuna Island .\nThey patrol Natuna today .", lang="en")
    ms = find_mentions(q)
    for m in ms:
        if m.text == "Natuna":          # as a weak tagger may type it
            m.type, m.entity_ids = "Person", [ids.person("Natuna")]
    resolve_entities([q], ms)
    assert [m.entity_ids for m in ms if m.text == "Natuna"] == [[ids.place("Natuna")]]   # the place told with it
    r = parse("President Lena Ortiz flew to Ortiz Island .\nOrtiz spoke .", lang="en")
    ms = find_mentions(r)
    resolve_entities([r], ms)
    assert [m.entity_ids for m in ms if m.text == "Ortiz"] == [[ids.person("Lena Ortiz")]]   # a titled person stays one


def test_a_country_or_big_city_first_in_its_sentence_is_a_name_whatever_its_tag():
    """ "Beijing, which announced the call first, said …": the tagger calls the first word a verb;
    a country, a known actor or a city of a million is a name wherever it stands."""
    p = parse("Beijing , which announced it , said nothing .\nKremlin officials said so .", lang="en",
              tags={"Beijing": "VERB", "Kremlin": "ADJ"})
    found = by_text(find_mentions(p))
    assert found["Beijing"].type == "Place" and "Kremlin" in found
    # a word the article also writes in lowercase stays a common word at the start of a sentence
    p = parse("Reading , he said , is key .\nHe likes reading .", lang="en", tags={"Reading": "VERB"})
    assert "Reading" not in by_text(find_mentions(p))


def test_a_name_after_a_dash_is_no_part_of_the_pronouns_own_clause():
    """ "He said … — with Ortiz using a figure": Ortiz, named in another clause of the sentence,
    may still be who "He" is; in "He thanked Weber" he may not be Weber."""
    text = ("President Ortiz praised Minister Weber , saying that Weber helped .\n"
            "He said they agreed — with Ortiz using a figure .\n"
            "He thanked Weber .")
    p = parse(text, lang="en", tags={"He": "PRON", "they": "PRON"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    first, second = [m for m in ms if m.text == "He"]
    assert first.entity_ids == [ids.person("Ortiz")]
    assert second.entity_ids == [ids.person("Ortiz")]


def test_a_demonym_before_a_state_noun_names_the_country():
    p = parse("“We want calm ,” the Chinese government said .", lang="en", tags={"government": "NOUN"})
    found = by_text(find_mentions(p))
    assert found["Chinese government"].type == "Country"
    resolve_entities([p], list(found.values()))
    assert found["Chinese government"].entity_ids == [ids.country("CN")]


def test_a_base_or_an_airport_named_after_a_person_is_a_place():
    en = by_text(find_mentions(parse("Four jets left Halim Sudarmo Airbase for Natuna .", lang="en")))
    assert en["Halim Sudarmo Airbase"].type == "Place"
    id_ = by_text(find_mentions(parse("Empat jet berangkat dari Lanud Halim Sudarmo ke Natuna .")))
    assert id_["Lanud Halim Sudarmo"].type == "Place"
    assert id_["Lanud Halim Sudarmo"].entity_ids == [ids.place("Halim Sudarmo")]


def test_a_model_designation_cut_at_its_hyphen_is_one_word():
    from kg.extract.words import sentence_words

    text = "Four F-16 jets and Su-35s flew , a two - way trip ."
    spans = [("Four", 0), ("F", 5), ("-", 6), ("16", 7), ("jets", 10), ("and", 15), ("Su-", 19), ("35s", 22),
             ("flew", 26), (",", 31), ("a", 33), ("two", 35), ("-", 39), ("way", 41), ("trip", 45), (".", 50)]
    heads = {"F": 5, "-": 2, "16": 2}
    toks = [Token(i, w, w.lower(), "PROPN" if w[0].isupper() else "NOUN", "_", heads.get(w, 0), "dep", s, s + len(w))
            for i, (w, s) in enumerate(spans, 1)]
    words = [w.text for w in sentence_words(Sentence(0, 0, len(text), text, toks), 0)]
    assert words[:6] == ["Four", "F-16", "jets", "and", "Su-35s", "flew"]
    assert words[-5:] == ["two", "-", "way", "trip", "."]      # spaced: no designation


def test_a_paragraph_s_subject_pronoun_carries_its_person_to_the_next_pronoun():
    text = ("“Four jets are leaving now ,” said Commander Ronny Moningka .\n"
            "He explained that the flight was ordered by Marshal Hadi Tjahjanto .\n"
            "The aircraft will patrol the border .\n"
            "“This is a routine procedure ,” he said .")
    p = parse(text, lang="en", tags={"He": "PRON", "he": "PRON", "The": "DET", "This": "PRON"})
    ms = find_mentions(p)
    resolve_entities([p], ms)
    assert [m.entity_ids for m in ms if m.text.lower() == "he"] == [[ids.person("Ronny Moningka")]] * 2


def test_an_office_of_a_named_base_then_a_rank_and_a_name_is_held_by_the_later_name():
    p = parse("Komandan Lanud Roesmin Nurjadin Marsekal Pertama TNI Ronny Irianto Moningka mengatakan itu .")
    ms = find_mentions(p)
    resolve_entities([p], ms)
    (m,) = [m for m in ms if m.type == "Person"]
    assert m.text == "Komandan Lanud Roesmin Nurjadin Marsekal Pertama TNI Ronny Irianto Moningka"
    assert m.entity_ids == [ids.person("Ronny Irianto Moningka")]


def test_a_hyphenated_name_the_tokenizer_cut_stays_one_name():
    """English tokenization cuts "Jae-myung" and "al-Sisi" at the hyphen; one side capitalised."""
    text = ("President Lena Jae-myung met Abdel Fattah al-Sisi .\n"
            "The Keldan-Ostria council met .\nKeldan-backed rebels left .")
    p = parse(text, lang="en", tags={"The": "DET", "backed": "VERB"}, cut_hyphens=True)
    found = find_mentions(p)
    resolve_entities([p], found)
    ms = by_text(found)
    assert ms["President Lena Jae-myung"].entity_ids == [ids.person("Lena Jae-myung")]
    assert "Abdel Fattah al-Sisi" in ms
    # both sides capitalised: two names; a participle after the hyphen: no part of the name
    assert "Keldan" in ms and "Ostria" in ms and "Keldan-backed" not in ms


def test_a_country_s_institution_is_one_organisation_whatever_the_words():
    en = parse("China's foreign ministry said no .\nThe Chinese Foreign Ministry said no .\n"
               "Japan's defence ministry said yes .", lang="en", tags={"The": "DET", "'s": "PART"})
    id_ = parse("Kementerian Luar Negeri China mengatakan tidak .", aid="b.txt")
    found = find_mentions(en) + find_mentions(id_)
    resolve_entities([en, id_], found)
    ms = {m.text: m for m in found}
    cn = "org/cn-foreign-ministry"
    assert ms["China's foreign ministry"].entity_ids == [cn] and ms["China's foreign ministry"].type == "Organization"
    assert ms["Chinese Foreign Ministry"].entity_ids == [cn]
    assert ms["Kementerian Luar Negeri China"].entity_ids == [cn]
    assert ms["Japan's defence ministry"].entity_ids == ["org/jp-defence-ministry"]
    assert gz.entity_labels()[cn] == ("Foreign Ministry of China", "Organization", "country/CN")


def test_a_sea_strait_or_gulf_is_named_by_its_whole_name():
    ms = by_text(find_mentions(parse("Kapal Keldan berlayar ke Laut China Selatan dan Selat Hormuz .\n"
                                     "Angkatan Laut Indonesia berpatroli di perairan Natuna .")))
    assert ms["Laut China Selatan"].type == "Place" and "China" not in ms
    assert ms["Laut China Selatan"].entity_ids == [ids.place("Laut China Selatan")]
    assert ms["Selat Hormuz"].type == "Place"
    assert "Laut Indonesia" not in ms             # the navy's name, not a sea
    assert ms["perairan Natuna"].type == "Place"  # the waters of a place: that place
    en = by_text(find_mentions(parse("Keldan sent destroyers to the Sea of Japan .", lang="en",
                                     tags={"the": "DET"})))
    assert en["Sea of Japan"].type == "Place" and "Japan" not in en
    assert en["destroyers"].type == "ArmedForce"


def test_a_spokesperson_of_a_country_s_institution_is_the_person_named_after():
    id_ = parse("juru bicara Kemlu China Mao Ning mengatakan tidak .", tags={"juru": "NOUN", "bicara": "NOUN"})
    en = parse("China's foreign ministry spokesman Lin Jian said no .", aid="b.txt", lang="en",
               tags={"'s": "PART"})
    ms = by_text(find_mentions(id_) + find_mentions(en))
    assert ms["juru bicara Kemlu China Mao Ning"].affiliation == "org/cn-foreign-ministry"
    assert ms["China's foreign ministry spokesman Lin Jian"].affiliation == "org/cn-foreign-ministry"

