"""Word vectors built here from the text kg may train on.

kg's NER model uses word vectors (as clusters); fastText's
vectors cannot be downloaded here, so kg builds its own from the Indonesian
text at hand (UD treebanks, the NER corpora's train/valid splits, the example
articles; never a test split nor the development-set articles) by the classic
count method: positive pointwise mutual information over a symmetric window,
reduced by truncated SVD (Levy & Goldberg 2014 show it on par with word2vec
on small corpora). No extra dependency: numpy and scipy come with Stanza.

The corpus is small (~0.3 M words), so these vectors know far fewer words
and far less about them than fastText's Common Crawl vectors: a user who can
download those gets better recall on rare names (see the model card).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import numpy as np

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Lower-cased words and punctuation of raw text (for articles; corpora come tokenised)."""
    return [w.lower() for w in _WORD.findall(text)]


def build(sentences: Iterable[list[str]], dim: int = 100, window: int = 4, min_count: int = 2,
          max_vocab: int = 40000) -> tuple[list[str], np.ndarray]:
    """(vocabulary, vectors) by PPMI + truncated SVD over lower-cased ``sentences``."""
    from scipy import sparse
    from scipy.sparse.linalg import svds

    sents = [[w.lower() for w in s] for s in sentences]
    counts = Counter(w for s in sents for w in s)
    vocab = [w for w, n in counts.most_common(max_vocab) if n >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for s in sents:
        ids = [index.get(w, -1) for w in s]
        for i, a in enumerate(ids):
            if a < 0:
                continue
            for d in range(1, window + 1):
                if i + d < len(ids) and ids[i + d] >= 0:
                    b = ids[i + d]
                    rows += [a, b]
                    cols += [b, a]
                    vals += [1.0 / d, 1.0 / d]   # nearer words weigh more
    n = len(vocab)
    cooc = sparse.csr_matrix((vals, (rows, cols)), shape=(n, n), dtype=np.float64)
    cooc.sum_duplicates()
    total = cooc.sum()
    row = np.asarray(cooc.sum(axis=1)).ravel()
    col = np.asarray(cooc.sum(axis=0)).ravel() ** 0.75   # context smoothing
    col = col / col.sum() * total
    coo = cooc.tocoo()
    pmi = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(n, n))
    u, s, _ = svds(ppmi, k=min(dim, n - 1), random_state=0)
    vecs = u * np.sqrt(s)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    return vocab, vecs.astype(np.float32)
