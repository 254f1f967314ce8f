"""Rule-based event extraction, one job per module.

``lexicon`` loads the per-language data files, ``tree`` answers questions
about a parsed sentence, ``triggers`` finds trigger words, ``roles`` fills
role frames, ``speech`` finds reported speech, ``modality`` reads negation
and plans. :func:`kg.events.extract_events` puts them together.
"""
