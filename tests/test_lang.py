"""kg.lang: one Language per folder, checked on load, and a new language is only a new folder.

The made-up language below lives in a temporary copy of kg/lang/ (the real
folders linked in, plus ``eo/`` with two tiny data files); with pre-parsed
CoNLL-U standing in for its parsing models, ``kg.build`` turns its article into
an event without any Python change.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import kg
from kg import lang
from kg.errors import KgError
from kg.extract import lexicon
from kg.extract.vocab import vocab

REAL = Path(lang.__file__).parent

ROLES = """frames:
  contact:
    subject: participant
    patterns:
      - {rel: nsubj, role: participant}
      - {rel: obj, role: participant}
"""
TRIGGERS = """triggers:
  - forms: [telefonis]
    senses:
      - {type: Call, frame: contact}
    confidence: 0.9
"""
TEXT = "Ukrainio telefonis Japanion .\n"
CONLLU = """# text = Ukrainio telefonis Japanion .
1\tUkrainio\tUkrainio\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\ttelefonis\ttelefoni\tVERB\t_\t_\t0\troot\t_\t_
3\tJapanion\tJapanio\tPROPN\t_\t_\t2\tobj\t_\t_
4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""


@pytest.fixture
def lang_dir(tmp_path, monkeypatch):
    """A copy of kg/lang/ (the real languages linked in) that tests may add folders to."""
    root = tmp_path / "lang"
    root.mkdir()
    for code in lang.codes():
        (root / code).symlink_to(REAL / code, target_is_directory=True)
    monkeypatch.setattr(lang, "LANG_DIR", root)
    yield root
    lexicon.load.cache_clear()
    vocab.cache_clear()


def test_the_known_languages_are_the_folders_present():
    folders = sorted(p.name for p in REAL.iterdir() if p.is_dir() and any(p.glob("*.yaml")))
    assert lang.codes() == tuple(folders) and {"id", "en"} <= set(folders)
    assert lang.get("id") is lang.get("id")          # loaded once
    assert lang.get("id").data("triggers")["triggers"]


def test_an_unknown_language_is_an_error_not_another_languages_words():
    with pytest.raises(KgError, match="no language 'fr'.*en, id"):
        lang.get("fr")


@pytest.mark.parametrize("content, complaint", [
    ("affiliation: after\ntitels: {Presiden: President}\n", "titels: unknown key"),
    ("titles: [Presiden]\n", "titles: expected a mapping, not a list"),
    ("affiliation: [after]\n", "affiliation: expected text, not a list"),
])
def test_a_misspelled_key_or_a_wrong_kind_fails_loudly_with_file_and_key(lang_dir, content, complaint):
    (lang_dir / "eo").mkdir()
    (lang_dir / "eo" / "titles.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(KgError) as e:
        lang.get("eo")
    assert str(e.value).startswith(f"{lang_dir / 'eo' / 'titles.yaml'}: {complaint}")


def test_an_unknown_data_file_fails_loudly(lang_dir):
    (lang_dir / "eo").mkdir()
    (lang_dir / "eo" / "trigers.yaml").write_text("triggers: []\n", encoding="utf-8")
    with pytest.raises(KgError, match="trigers.yaml: not a kg data file"):
        lang.get("eo")


def test_a_new_language_is_a_new_folder(lang_dir, tmp_path):
    (lang_dir / "eo").mkdir()
    (lang_dir / "eo" / "roles.yaml").write_text(ROLES, encoding="utf-8")
    (lang_dir / "eo" / "triggers.yaml").write_text(TRIGGERS, encoding="utf-8")
    assert "eo" in lang.codes()
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "novaĵo.json").write_text(json.dumps({"text": TEXT, "language": "eo"}), encoding="utf-8")
    (articles / "novaĵo.conllu").write_text(CONLLU, encoding="utf-8")

    result = kg.build(articles, provider="conllu")

    assert result.skipped == [] and [a.language for a in result.articles] == ["eo"]
    (call,) = result.events
    assert call.type == "Call" and call.mentions[0].trigger_text == "telefonis"
    assert call.mentions[0].rule.startswith("verb-trigger")
    assert sorted(m.mention.text for m in call.mentions[0].arguments) == ["Japanion", "Ukrainio"]
