"""Accuracy of kg's parser on held-out UD test files, end to end from raw text.

For each test treebank the ``# text`` of its gold sentences is joined into
one document of paragraphs (``kg.parse.ud.paragraphs``: 1-5 sentences each,
separated by blank lines, since the treebanks mark no paragraphs). kg parses
that document exactly as it parses an article (``kg.parse.nlp``: line segments,
offsets and all), and the system CoNLL-U is scored with the CoNLL 2018
shared-task scorer that Stanza ships, against the gold harmonised with
``kg.parse.ud.harmonise`` — the convention kg trains to, so GSD's ``compound`` is
scored as ``nmod`` and proper-noun lemmas keep their case.
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.io import atomic_write
from kg.model import Article
from kg.parse import ud

# per language: the held-out test treebanks, never trained on
TEST_FILES = {"id": {"GSD-test": "id_gsd-ud-test.conllu", "CSUI-test": "id_csui-ud-test.conllu"},
              "en": {"EWT-test": "en_ewt-ud-test.conllu"}}
METRICS = ("Tokens", "Sentences", "UPOS", "Lemmas", "UAS", "LAS")


def document(sentences: list[ud.UDSentence]) -> str:
    """The raw text of ``sentences`` as a document: one line per paragraph, blank lines between."""
    return "\n\n".join(" ".join(s.text for s in p) for p in ud.paragraphs(sentences)) + "\n"


def system_conllu(parser, article: Article) -> str:
    """CoNLL-U of ``article`` exactly as ``kg parse`` writes it, multi-word token lines included."""
    from kg.parse.nlp import to_conllu

    return to_conllu(parser.parse(article), article.text)


def score(gold: Path, system: Path) -> dict[str, float]:
    """CoNLL 2018 F1 scores (percent) of ``system`` against ``gold``."""
    from stanza.models.common.utils import ud_scores

    try:
        evaluation = ud_scores(str(gold), str(system))
    except Exception as e:  # the scorer's UDError: the two files spell different texts
        raise KgError(f"cannot score {system} against {gold}: {' '.join(str(e).split())}") from e
    return {m: round(100 * evaluation[m].f1, 2) for m in METRICS}


def evaluate(ud_dir: Path, out: Path, lang: str, provider: str = "bundled",
             log=lambda message: None) -> dict[str, dict[str, float]]:
    """Parse and score every test treebank; gold and system files are written into ``out``."""
    from kg.parse import nlp

    if lang not in TEST_FILES:
        raise KgError(f"no UD test treebank is known for '{lang}' (known: {', '.join(TEST_FILES)})")
    missing = [f for f in TEST_FILES[lang].values() if not (ud_dir / f).exists()]
    if missing:
        raise KgError(f"UD folder {ud_dir} lacks {', '.join(missing)}")
    parser = nlp.get_parser(lang, provider)
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, float]] = {}
    for name, filename in TEST_FILES[lang].items():
        gold = [ud.harmonise(s, lang) for s in ud.read_conllu(ud_dir / filename)]
        gold_path, system_path = out / f"{name}.gold.conllu", out / f"{name}.system.conllu"
        atomic_write(gold_path, "".join(s.to_conllu() for s in gold))
        article = Article(id=name, path=ud_dir / filename, text=document(gold), language=lang)
        log(f"parsing {name}: {len(gold)} sentences")
        atomic_write(system_path, system_conllu(parser, article))
        results[name] = score(gold_path, system_path)
    return results


def table(results: dict[str, dict[str, float]]) -> str:
    """A plain-text (Markdown) table: one row per treebank, one column per metric."""
    lines = ["| Treebank | " + " | ".join(METRICS) + " |", "|---" * (len(METRICS) + 1) + "|"]
    for name, scores in results.items():
        lines.append(f"| {name} | " + " | ".join(f"{scores[m]:.2f}" for m in METRICS) + " |")
    return "\n".join(lines)
