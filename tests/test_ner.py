"""The NER training data (casing, tags, scorer), the word vectors and the bundled tagger."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.parse import ner, ner_data, vectors


def test_read_tsv_maps_corpus_tags(tmp_path: Path) -> None:
    f = tmp_path / "nerp-train.tsv"
    f.write_text("amos\tB-PPL\nkenda\tI-PPL\ndi\tO\nmanado\tB-PLC\n\nbakso\tB-FNB\n", encoding="utf-8")
    assert list(ner_data.read_tsv(f)) == [[("amos", "B-PER"), ("kenda", "I-PER"), ("di", "O"), ("manado", "B-LOC")],
                                         [("bakso", "B-FNB")]]


def test_case_restoration_uses_entities_and_the_cased_lexicon() -> None:
    lexicon = ner_data.casing_lexicon([("Kata", True), ("presiden", False), ("Presiden", False),
                                       ("Presiden", False), ("TNI", False), ("kata", False)])
    assert lexicon == {"presiden": "Presiden", "tni": "TNI"}
    sent = [("kata", "O"), ("presiden", "O"), ("joko", "B-PER"), ("widodo", "I-PER"), ("kepada", "O"),
            ("tni", "B-ORG")]
    assert [w for w, _ in ner_data.restore_case(sent, lexicon)] == ["Kata", "Presiden", "Joko", "Widodo",
                                                                     "kepada", "TNI"]


def test_augment_gives_both_spellings() -> None:
    out = ner_data.augment([[("Jakarta", "B-LOC")], [("bandung", "B-LOC")]], {})
    assert [s[0][0] for s in out] == ["Jakarta", "jakarta", "bandung", "Bandung"]


def test_entity_f1_is_exact_span_and_class() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["S-PER", "O", "O", "S-LOC"]]       # BIOES from a tagger: "S-PER" covers one word only
    score = ner_data.entity_f1(gold, pred)
    assert (score["p"], score["r"], score["gold"]) == (50.0, 50.0, 2)
    assert ner_data.spans(["B-ORG", "E-ORG", "I-LOC"]) == {(0, 2, "ORG"), (2, 3, "LOC")}


def test_vectors_put_words_of_like_contexts_together() -> None:
    sents = [["kota", name, "ramai", "sekali"] for name in ("jakarta", "bandung", "surabaya")] * 20
    sents += [["ia", verb, "kepada", "wartawan"] for verb in ("berkata", "mengatakan", "menjelaskan")] * 20
    vocab, vecs = vectors.build(sents, dim=4, window=2)
    v = dict(zip(vocab, vecs))
    assert v["jakarta"] @ v["bandung"] > v["jakarta"] @ v["berkata"]


def test_features_read_case_and_context() -> None:
    feats = ner.sentence_features(["Presiden", "Joko", "Widodo"], {"joko": ("1", "7", "30")})
    assert feats[1]["0:shape"] == "Xx" and feats[1]["0:c0"] == "1" and feats[1]["-1:w"] == "presiden"
    assert feats[0]["first"] == 1.0 and feats[2]["1:pad"] == 1.0 and "first" not in feats[1]


@pytest.fixture(scope="module")
def tagger() -> ner.Tagger:
    t = ner.tagger("id")
    assert t is not None, "the bundled Indonesian NER model is missing (kg models train-ner)"
    return t


def test_bundled_tagger_types_news_names(tagger: ner.Tagger) -> None:
    words = ["Presiden", "Prabowo", "Subianto", "bertemu", "Perdana", "Menteri", "Anthony", "Albanese", "di", "Jakarta", "."]
    tags = tagger.tag(words)
    found = {(" ".join(words[a:b]), c) for a, b, c in ner_data.spans(tags)}
    assert ("Prabowo Subianto", "PER") in found and ("Jakarta", "LOC") in found
    assert tagger.tag([]) == []
