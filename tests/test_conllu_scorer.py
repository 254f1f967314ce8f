"""`kg parse --format conllu` is valid CoNLL-U: the CoNLL 2018 scorer that Stanza ships accepts it.

Raw text of small UD-style documents written here is parsed by the real
bundled models through the CLI, and the output goes straight to
``stanza.utils.conll18_ud_eval`` against the gold the text came from.
"""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.model import Sentence, Token
from kg.parse import nlp, ud, ud_eval

# Indonesian: -nya clitics, which the bundled MWT expander splits off
ID_GOLD = """\
# text = Rumahnya dekat kantornya.
1-2	Rumahnya	_	_	_	_	_	_	_	_
1	Rumah	rumah	NOUN	_	_	3	nsubj	_	_
2	nya	nya	PRON	_	_	1	nmod:poss	_	_
3	dekat	dekat	ADJ	_	_	0	root	_	_
4-5	kantornya	_	_	_	_	_	_	_	SpaceAfter=No
4	kantor	kantor	NOUN	_	_	3	obl	_	_
5	nya	nya	PRON	_	_	4	nmod:poss	_	_
6	.	.	PUNCT	_	_	3	punct	_	_

# text = Presiden membahasnya di Jakarta.
1	Presiden	presiden	PROPN	_	_	2	nsubj	_	_
2-3	membahasnya	_	_	_	_	_	_	_	_
2	membahas	bahas	VERB	_	_	0	root	_	_
3	nya	nya	PRON	_	_	2	obj	_	_
4	di	di	ADP	_	_	5	case	_	_
5	Jakarta	Jakarta	PROPN	_	_	2	obl	_	SpaceAfter=No
6	.	.	PUNCT	_	_	2	punct	_	_

"""

# English: contractions, which EWT (and so the bundled English MWT expander) splits
EN_GOLD = """\
# text = I don't think they'll come.
1	I	I	PRON	_	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	_	_	4	aux	_	_
3	n't	not	PART	_	_	4	advmod	_	_
4	think	think	VERB	_	_	0	root	_	_
5-6	they'll	_	_	_	_	_	_	_	_
5	they	they	PRON	_	_	7	nsubj	_	_
6	'll	will	AUX	_	_	7	aux	_	_
7	come	come	VERB	_	_	4	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	_	_	4	punct	_	_

# text = She said it wasn't the plan.
1	She	she	PRON	_	_	2	nsubj	_	_
2	said	say	VERB	_	_	0	root	_	_
3	it	it	PRON	_	_	7	nsubj	_	_
4-5	wasn't	_	_	_	_	_	_	_	_
4	was	be	AUX	_	_	7	cop	_	_
5	n't	not	PART	_	_	7	advmod	_	_
6	the	the	DET	_	_	7	det	_	_
7	plan	plan	NOUN	_	_	2	ccomp	_	SpaceAfter=No
8	.	.	PUNCT	_	_	2	punct	_	_

"""


def _kg_parse_and_score(tmp_path: Path, gold_text: str, lang: str) -> tuple[str, dict[str, float]]:
    """`kg parse` the raw text of ``gold_text``; return its CoNLL-U and the official scorer's F1s."""
    from stanza.models.common.utils import ud_scores

    from kg.cli import _register, cli

    gold = tmp_path / "gold.conllu"
    gold.write_text(gold_text, encoding="utf-8")
    raw = tmp_path / "raw.txt"
    raw.write_text(ud_eval.document(list(ud.read_conllu(gold))), encoding="utf-8")
    _register()
    result = CliRunner().invoke(cli, ["parse", str(raw), "--lang", lang], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    system = tmp_path / "system.conllu"
    system.write_text(result.stdout, encoding="utf-8")
    # raises UDError when the tokens do not spell the text or a range line is malformed
    scores = ud_scores(str(gold), str(system))
    return result.stdout, {m: 100 * scores[m].f1 for m in ("Tokens", "Words", "UPOS", "LAS")}


def test_indonesian_clitics_get_range_lines_and_the_official_scorer_accepts_them(parser, tmp_path):
    out, scores = _kg_parse_and_score(tmp_path, ID_GOLD, "id")
    ranges = [line.split("\t")[:2] for line in out.splitlines() if line.split("\t")[0].count("-") == 1]
    assert ["2-3", "membahasnya"] in ranges
    assert scores["Tokens"] == 100.0 and scores["Words"] > 90


def test_english_contractions_get_range_lines_and_the_official_scorer_accepts_them(english, tmp_path):
    out, scores = _kg_parse_and_score(tmp_path, EN_GOLD, "en")
    ranges = [line.split("\t")[:2] for line in out.splitlines() if line.split("\t")[0].count("-") == 1]
    assert ["2-3", "don't"] in ranges
    assert scores["Tokens"] == 100.0 and scores["Words"] > 90


def test_range_line_spells_the_token_and_words_follow_it():
    text = "Ia membahasnya."
    words = [Token(1, "Ia", "ia", "PRON", "_", 2, "nsubj", 0, 2),
             Token(2, "membahas", "bahas", "VERB", "_", 0, "root", 3, 11, mwt_end=3),
             Token(3, "nya", "nya", "PRON", "_", 2, "obj", 11, 14, mwt_end=3),
             Token(4, ".", ".", "PUNCT", "_", 2, "punct", 14, 15)]
    lines = nlp.to_conllu([Sentence(0, 0, 15, text, words)], text).splitlines()
    ids = [line.split("\t")[0] for line in lines if not line.startswith("#") and line]
    assert ids == ["1", "2-3", "2", "3", "4"]
    assert lines[3].split("\t")[1] == "membahasnya" and lines[3].split("\t")[9] == "start_char=3|end_char=14"


def test_conllu_provider_keeps_multiword_tokens_through_a_round_trip(tmp_path):
    from kg.model import Article

    text = "Rumahnya dekat kantornya.\n\nPresiden membahasnya di Jakarta.\n"
    article = Article(id="a", path=tmp_path / "a.txt", text=text, language="id")
    sentences = nlp.parse_conllu(ID_GOLD, article)
    assert nlp.to_conllu(sentences, text).count("\t_\t_\t_\t_\t_\t_\t_\tstart_char=") == 3
    again = nlp.parse_conllu(nlp.to_conllu(sentences, text), article)
    assert [(t.text, t.start, t.end, t.mwt_end) for s in again for t in s.tokens] == \
           [(t.text, t.start, t.end, t.mwt_end) for s in sentences for t in s.tokens]
