"""UD harmonisation and the UD evaluation (document, scorer, end to end), on small CoNLL-U written here."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.parse import ud, ud_eval

# GSD-style: lowercased proper-noun lemmas, nya/ia → dia, compound, its own XPOS and Morf=
GSD_LIKE = """\
# sent_id = g-1
# text = Ia melihat rumahnya di Jakarta Selatan.
# text_en = He saw his house in South Jakarta.
# newpar
1	Ia	dia	PRON	PS3	Number=Sing|Person=3	2	nsubj	_	Morf=^dia<p>_PS3$
2	melihat	lihat	VERB	VSA	Voice=Act	0	root	_	Morf=^me+lihat<v>_VSA$
3-4	rumahnya	_	_	_	_	_	_	_	_
3	rumah	rumah	NOUN	NSD	Number=Sing	2	obj	_	_
4	nya	dia	PRON	PS3	Number=Sing|Person=3	3	nmod:poss	_	_
5	di	di	ADP	R--	_	6	case	_	_
6	Jakarta	jakarta	PROPN	X--	_	2	obl	_	_
7	Selatan	selatan	PROPN	X--	_	6	compound	_	SpaceAfter=No|Morf=^selatan<n>_NSD$
8	.	.	PUNCT	Z--	_	2	punct	_	_
"""

# CSUI-style: tersebut derived from sebut
CSUI_LIKE = """\
# sent_id = c-1
# text = Berita tersebut benar.
1	Berita	berita	NOUN	NN	Number=Sing	3	nsubj	_	_
2	tersebut	sebut	DET	DT	_	1	det	_	_
3	benar	benar	ADJ	JJ	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	Z	_	3	punct	_	_
"""


def _read(tmp_path: Path, text: str) -> list[ud.UDSentence]:
    path = tmp_path / "in.conllu"
    path.write_text(text, encoding="utf-8")
    return list(ud.read_conllu(path))


def _column(sent: ud.UDSentence, form: str, col: int) -> str:
    return next(r[col] for r in sent.rows if r[1] == form and "-" not in r[0])


@pytest.fixture
def gsd(tmp_path):
    return _read(tmp_path, GSD_LIKE)[0]


def test_xpos_is_dropped(gsd):
    assert all(r[4] == "_" for r in ud.harmonise(gsd, "id").rows)


def test_compound_becomes_nmod(gsd):
    h = ud.harmonise(gsd, "id")
    assert _column(h, "Selatan", 7) == "nmod"
    assert "compound" not in {r[7] for r in h.rows}


def test_proper_noun_lemma_keeps_case_other_lemmas_do_not_change(gsd):
    h = ud.harmonise(gsd, "id")
    assert _column(h, "Jakarta", 2) == "Jakarta"
    assert _column(h, "Selatan", 2) == "Selatan"
    assert _column(h, "melihat", 2) == "lihat"
    assert _column(h, "rumah", 2) == "rumah"


def test_pronoun_clitics_keep_their_own_lemma(gsd):
    h = ud.harmonise(gsd, "id")
    assert _column(h, "nya", 2) == "nya"
    assert _column(h, "Ia", 2) == "ia"


def test_tersebut_is_its_own_lemma(tmp_path):
    h = ud.harmonise(_read(tmp_path, CSUI_LIKE)[0], "id")
    assert _column(h, "tersebut", 2) == "tersebut"
    assert _column(h, "Berita", 2) == "berita"


def test_misc_keeps_only_spaceafter_and_mwt_rows_are_untouched(gsd):
    h = ud.harmonise(gsd, "id")
    assert _column(h, "Selatan", 9) == "SpaceAfter=No"
    assert _column(h, "Ia", 9) == "_"
    assert next(r for r in h.rows if r[0] == "3-4") == gsd.rows[2]


def test_comments_keep_ids_text_and_paragraphs_only(gsd):
    h = ud.harmonise(gsd, "id")
    assert h.comments == ["# sent_id = g-1", "# text = Ia melihat rumahnya di Jakarta Selatan.", "# newpar"]


EWT_LIKE = """\
# sent_id = e-1
# text = I don't like the tax cuts.
1	I	I	PRON	PRP	Case=Nom	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	like	like	VERB	VB	VerbForm=Inf	0	root	0:root	_
4.1	like	like	VERB	VB	_	_	_	4:conj	CopyOf=4
5	the	the	DET	DT	Definite=Def	7	det	7:det	_
6	tax	tax	NOUN	NN	Number=Sing	7	compound	7:compound	_
7	cuts	cut	NOUN	NNS	Number=Plur	4	obj	4:obj	SpaceAfter=No
8	.	.	PUNCT	.	_	4	punct	4:punct	_
"""


def test_english_is_only_cleaned_its_compound_and_lemmas_stay(tmp_path):
    h = ud.harmonise(_read(tmp_path, EWT_LIKE)[0], "en")
    assert [r[0] for r in h.rows] == ["1", "2-3", "2", "3", "4", "5", "6", "7", "8"]   # empty node 4.1 gone
    assert _column(h, "tax", 7) == "compound" and _column(h, "n't", 2) == "not"
    assert all(r[4] == "_" and r[8] == "_" for r in h.rows if "-" not in r[0])   # XPOS and enhanced deps gone


def test_harmonise_leaves_its_input_alone(gsd):
    before = [list(r) for r in gsd.rows]
    ud.harmonise(gsd, "id")
    assert gsd.rows == before


def test_surface_text_follows_multiword_tokens_and_spaceafter(gsd):
    assert ud.surface_text(gsd) == "Ia melihat rumahnya di Jakarta Selatan."
    gsd.comments = []
    assert gsd.text == "Ia melihat rumahnya di Jakarta Selatan."


def test_write_then_read_round_trips(tmp_path, gsd):
    out = tmp_path / "out.conllu"
    ud.write_conllu([gsd, gsd], out)
    again = list(ud.read_conllu(out))
    assert [s.rows for s in again] == [gsd.rows, gsd.rows]
    assert again[0].comments == gsd.comments


def _numbered(n: int) -> list[ud.UDSentence]:
    return [ud.UDSentence([f"# text = Kalimat {i}."], [["1", "x"] + ["_"] * 8]) for i in range(n)]


def test_paragraphs_are_short_ordered_and_reproducible():
    sents = _numbered(60)
    paras = ud.paragraphs(sents)
    assert [s for p in paras for s in p] == sents
    assert all(1 <= len(p) <= 5 for p in paras)
    assert len({len(p) for p in paras}) > 1
    assert [len(p) for p in paras] == [len(p) for p in ud.paragraphs(sents)]


def test_split_dev_holds_out_every_tenth():
    sents = _numbered(25)
    train, dev = ud.split_dev(sents)
    assert dev == [sents[0], sents[10], sents[20]]
    assert len(train) == 22 and not set(map(id, train)) & set(map(id, dev))


def test_eval_document_is_paragraph_lines_of_gold_text():
    sents = _numbered(12)
    doc = ud_eval.document(sents)
    paras = doc.rstrip("\n").split("\n\n")
    assert all("\n" not in p for p in paras)
    assert " ".join(paras) == " ".join(f"Kalimat {i}." for i in range(12))


def test_scorer_is_perfect_on_gold_and_sees_a_wrong_head(tmp_path, gsd):
    gold = tmp_path / "gold.conllu"
    ud.write_conllu([ud.harmonise(gsd, "id")], gold)
    assert ud_eval.score(gold, gold) == {m: 100.0 for m in ud_eval.METRICS}
    wrong = ud.harmonise(gsd, "id")
    next(r for r in wrong.rows if r[1] == "di")[6] = "2"   # case attached to the verb
    system = tmp_path / "system.conllu"
    ud.write_conllu([wrong], system)
    scores = ud_eval.score(gold, system)
    assert scores["UPOS"] == 100.0 and scores["UAS"] < 100.0 and scores["LAS"] < 100.0


def test_scorer_refuses_a_different_text_in_one_line(tmp_path, gsd):
    gold = tmp_path / "gold.conllu"
    ud.write_conllu([gsd], gold)
    other = tmp_path / "other.conllu"
    other.write_text(CSUI_LIKE + "\n", encoding="utf-8")
    with pytest.raises(KgError, match="cannot score"):
        ud_eval.score(gold, other)


def test_table_has_a_row_per_treebank():
    row = dict.fromkeys(ud_eval.METRICS, 50.0)
    lines = ud_eval.table({"GSD-test": row, "CSUI-test": row}).splitlines()
    assert lines[0].split("|")[2].strip() == "Tokens"
    assert [line.split("|")[1].strip() for line in lines[2:]] == ["GSD-test", "CSUI-test"]


def test_evaluate_parses_raw_text_and_scores_both_treebanks(parser, tmp_path):
    """End to end with the real bundled pipeline, on a tiny UD folder written here."""
    from click.testing import CliRunner

    from kg.cli import _register, cli

    ud_dir = tmp_path / "ud"
    ud_dir.mkdir()
    for name in ud_eval.TEST_FILES["id"].values():
        (ud_dir / name).write_text(GSD_LIKE + "\n" + CSUI_LIKE, encoding="utf-8")
    _register()
    result = CliRunner().invoke(cli, ["models", "evaluate", "--ud", str(ud_dir), "--out", str(tmp_path / "out"),
                                      "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert list(scores) == list(ud_eval.TEST_FILES["id"])
    for row in scores.values():
        assert set(row) == set(ud_eval.METRICS) and all(0 <= v <= 100 for v in row.values())
        assert row["Tokens"] >= 90          # two plain sentences: the tokenizer must get them
    gold = (tmp_path / "out" / "GSD-test.gold.conllu").read_text(encoding="utf-8")
    assert "compound" not in gold and "\tJakarta\tJakarta\t" in gold
    out = tmp_path / "out"
    assert ud_eval.score(out / "GSD-test.gold.conllu", out / "GSD-test.system.conllu") == scores["GSD-test"]


def test_evaluate_needs_both_test_files(tmp_path):
    with pytest.raises(KgError, match="id_csui-ud-test.conllu"):
        ud_eval.evaluate(tmp_path, tmp_path / "out", "id")


def test_a_second_tokenizer_run_starts_from_the_best_model_so_far(tmp_path):
    """Stanza's tokenizer keeps no checkpoint: without --load_name a longer run would start from nothing."""
    from kg.parse import training

    paths = {k: tmp_path / k for k in ("train_txt", "train_labels", "dev_txt", "dev_labels", "dev_conllu",
                                       "dev_mwt", "train_conllu")}
    first = training._commands(paths, tmp_path, training.Budget.quick(), "en")["tokenize"]
    assert "--load_name" not in first
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "tokenize.pt").write_bytes(b"")
    again = training._commands(paths, tmp_path, training.Budget.quick(), "en")["tokenize"]
    assert again[again.index("--load_name") + 1] == "tokenize.pt"
    assert "--load_name" not in training._commands(paths, tmp_path, training.Budget.quick(), "en")["pos"]


def test_the_english_parser_learns_from_the_taggers_own_tags(tmp_path):
    """Trained on gold tags only, the parser lost 6.6 LAS on EWT-dev once the tags were predicted."""
    from kg.parse import training
    from kg.parse.nlp import MODELS_DIR

    gold = tmp_path / "gold.conllu"
    gold.write_text("# text = I don't know.\n"
                    "1\tI\tI\tX\t_\t_\t4\tnsubj\t_\t_\n"
                    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
                    "2\tdo\tdo\tX\t_\t_\t4\taux\t_\t_\n"
                    "3\tn't\tnot\tX\t_\t_\t4\tadvmod\t_\t_\n"
                    "4\tknow\tknow\tX\t_\t_\t0\troot\t_\tSpaceAfter=No\n"
                    "5\t.\t.\tX\t_\t_\t4\tpunct\t_\t_\n\n", encoding="utf-8")
    tagger = tmp_path / "models" / "pos.pt"
    tagger.parent.mkdir()
    shutil.copyfile(MODELS_DIR / "en" / "pos.pt", tagger)
    rows = [line.split("\t") for line in training.retag(gold, tmp_path / "tagged.conllu", tagger, "en")
            .read_text(encoding="utf-8").splitlines() if "\t" in line]
    assert [r[3] for r in rows] == ["PRON", "_", "AUX", "PART", "VERB", "PUNCT"]     # the tagger's, not X
    assert [(r[0], r[1], r[6], r[7]) for r in rows] == [(r[0], r[1], r[6], r[7]) for r in
                                                         (line.split("\t") for line in gold.read_text().splitlines()
                                                          if "\t" in line)]
    assert rows[0][5] == "Case=Nom|Number=Sing|Person=1|PronType=Prs"

    paths = {k: tmp_path / k for k in ("train_txt", "train_labels", "dev_txt", "dev_labels", "dev_conllu",
                                       "dev_mwt", "train_conllu", "train_tagged", "dev_tagged")}
    cmd = training._commands(paths, tmp_path, training.Budget.quick(), "en", continue_from=tmp_path / "p.pt")
    parser = cmd["depparse"]
    assert parser[parser.index("--train_file") + 1] == str(paths["train_conllu"])    # the vocabulary: gold
    assert parser[parser.index("--silver_file") + 1] == str(paths["train_tagged"])
    assert parser[parser.index("--eval_file") + 1] == str(paths["dev_tagged"])
    assert parser[parser.index("--continue_from") + 1] == str(tmp_path / "p.pt")

    with pytest.raises(RuntimeError, match="train the tagger first"):
        training.train(tmp_path / "no-ud", tmp_path / "out", tmp_path / "empty-work", "en", processors=("depparse",))


def _tiny_ewt(folder: Path) -> Path:
    """An English UD folder in EWT's file names, a few hand-made sentences in each."""
    rows = [("Ana", "Ana", "PROPN", 2, "nsubj"), ("called", "call", "VERB", 0, "root"),
            ("Park", "Park", "PROPN", 2, "obj"), (".", ".", "PUNCT", 2, "punct")]
    sent = "".join(f"{i}\t{f}\t{lemma}\t{u}\t_\t_\t{h}\t{r}\t_\t{'SpaceAfter=No' if i == 3 else '_'}\n"
                   for i, (f, lemma, u, h, r) in enumerate(rows, 1))
    folder.mkdir()
    for name, n in (("train", 12), ("dev", 3)):
        text = "".join(f"# sent_id = {name}-{k}\n# text = Ana called Park.\n{sent}\n" for k in range(n))
        (folder / f"en_ewt-ud-{name}.conllu").write_text(text, encoding="utf-8")
    return folder


def test_a_tagger_goes_on_from_a_trained_one_with_the_same_vocabulary_only(tmp_path):
    """kg.parse.tagger_warm: Stanza's tagger trainer, started from a saved tagger's weights."""
    from kg.parse import training

    ud = _tiny_ewt(tmp_path / "ud")
    training.train(ud, tmp_path / "out1", tmp_path / "w1", "en", training.Budget.quick(), processors=("pos",),
                   lanes=1, log=lambda m: None)
    first = tmp_path / "w1" / "models" / "pos.pt"
    cmd = training._commands(training.prepare_data(ud, tmp_path / "w2", "en"), tmp_path / "w2",
                             training.Budget.quick(), "en", continue_from=first)["pos"]
    assert cmd[2:5] == ["kg.parse.tagger_warm", "--warm_from", str(first)]
    assert cmd[cmd.index("--optim") + 1] == "amsgrad" and "--no_second_optim" in cmd
    training.train(ud, tmp_path / "out2", tmp_path / "w2", "en", training.Budget.quick(), processors=("pos",),
                   lanes=1, log=lambda m: None, continue_from=first)
    assert (tmp_path / "out2" / "pos.pt").stat().st_size > 0
    # another training set, another vocabulary: no weights to go on from
    other = tmp_path / "ud2"
    other.mkdir()
    for f in ud.iterdir():
        (other / f.name).write_text(f.read_text(encoding="utf-8").replace("Park", "Ortiz"), encoding="utf-8")
    with pytest.raises(RuntimeError, match="training failed for pos"):
        training.train(other, tmp_path / "out3", tmp_path / "w3", "en", training.Budget.quick(),
                       processors=("pos",), lanes=1, log=lambda m: None, continue_from=first)
    assert "trained on other data" in (tmp_path / "w3" / "logs" / "pos.log").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="one model"):
        training.train(ud, tmp_path / "out4", tmp_path / "w4", "en", processors=("pos", "depparse"),
                       continue_from=first)
