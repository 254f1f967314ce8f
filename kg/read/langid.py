"""Which language an article is in, offline, with py3langid.

py3langid knows 97 languages and runs without network. Its model is loaded
once, on first use (about a second).
"""
from __future__ import annotations

from functools import lru_cache

SAMPLE_CHARS = 10_000        # enough for a confident guess; a 20 MB dump is not read whole
# Close pairs the classifier confuses on news: an Indonesian article read as
# Malay by a narrow margin stays Indonesian (kg's first language).
PREFER = {"ms": "id"}
PREFER_MIN_SHARE = 0.05      # the preferred language needs at least this probability
# below this probability the guess is noise (short texts: "Zelensky menelepon
# Yoon" comes out Afrikaans), and the caller's fallback language is used
MIN_CONFIDENCE = 0.5


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect(text: str, fallback: str = "id") -> tuple[str, float]:
    """The ISO 639-1 code of ``text``'s language and the classifier's probability.

    ``fallback`` is returned (with the low probability) when the text is too
    short or too mixed for a confident guess.
    """
    ranked = _identifier().rank(text[:SAMPLE_CHARS])
    code, prob = ranked[0]
    if prob < MIN_CONFIDENCE:
        return fallback, float(prob)
    preferred = PREFER.get(code)
    if preferred:
        share = dict(ranked).get(preferred, 0.0)
        if share >= PREFER_MIN_SHARE:
            return preferred, float(share)
    return code, float(prob)
