"""One real-world event told in two languages is one node of the graph.

Two invented reports of one phone call, one English and one Indonesian, go
through the whole pipeline (read → language detection → extraction → entity
and event resolution) with pre-parsed CoNLL-U beside each article, so that
the test does not depend on which parsing models are installed.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from conllu_util import conllu

import kg

EN = ("Chilean President Gabriel Boric spoke by phone with Peruvian President Dina Boluarte "
      "on Tuesday, March 4, 2031, about fishing rights.")
EN_ROWS = """
Chilean chilean ADJ 2 amod
President president PROPN 5 nsubj
Gabriel Gabriel PROPN 2 flat
Boric Boric PROPN 2 flat
spoke speak VERB 0 root
by by ADP 7 case
phone phone NOUN 5 obl
with with ADP 10 case
Peruvian peruvian ADJ 10 amod
President president PROPN 5 obl
Dina Dina PROPN 10 flat
Boluarte Boluarte PROPN 10 flat
on on ADP 14 case
Tuesday Tuesday PROPN 5 obl
, , PUNCT 16 punct
March March PROPN 14 appos
4 4 NUM 16 nummod
, , PUNCT 16 punct
2031 2031 NUM 16 nummod
, , PUNCT 5 punct
about about ADP 23 case
fishing fishing NOUN 23 compound
rights right NOUN 5 obl
. . PUNCT 5 punct
"""
ID = ("Presiden Chile Gabriel Boric berbicara melalui telepon dengan Presiden Peru Dina Boluarte "
      "pada Selasa (4/3/2031) tentang hak penangkapan ikan.")
ID_ROWS = """
Presiden presiden PROPN 5 nsubj
Chile Chile PROPN 1 flat
Gabriel Gabriel PROPN 1 flat
Boric Boric PROPN 1 flat
berbicara bicara VERB 0 root
melalui melalui ADP 7 case
telepon telepon NOUN 5 obl
dengan dengan ADP 9 case
Presiden presiden PROPN 5 obl
Peru Peru PROPN 9 flat
Dina Dina PROPN 9 flat
Boluarte Boluarte PROPN 9 flat
pada pada ADP 14 case
Selasa Selasa PROPN 5 obl
( ( PUNCT 16 punct
4/3/2031 4/3/2031 NUM 14 appos
) ) PUNCT 16 punct
tentang tentang ADP 19 case
hak hak NOUN 5 obl
penangkapan penangkapan NOUN 19 nmod
ikan ikan NOUN 20 nmod
. . PUNCT 5 punct
"""


def _write(folder: Path, name: str, text: str, rows: str) -> None:
    (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / f"{name}.conllu").write_text(conllu(rows), encoding="utf-8")


def test_an_english_and_an_indonesian_report_of_one_call_are_one_event(tmp_path: Path):
    _write(tmp_path, "call-en", EN, EN_ROWS)
    _write(tmp_path, "call-id", ID, ID_ROWS)
    result = kg.build(tmp_path, provider="conllu")
    assert sorted(a.language for a in result.articles) == ["en", "id"]
    calls = [e for e in result.events if e.type == "Call"]
    assert len(calls) == 1, [(e.id, [m.article_id for m in e.mentions]) for e in calls]
    call = calls[0]
    assert sorted({m.article_id for m in call.mentions}) == ["call-en.txt", "call-id.txt"]
    assert call.date == date(2031, 3, 4)
    people = {i for ids in call.roles.values() for i in ids if i.startswith("person/")}
    assert people == {"person/gabriel-boric", "person/dina-boluarte"}
