"""Stage 3, extract: parsed articles in, entity and event mentions out, one article at a time.

Actors and places: ``vocab`` (a language's entity vocabularies), ``words``
(what the scanner reads), ``scanner``
(mention drafts in a sentence's words), ``gazetteer`` (countries, places,
actor files), ``entities`` (:func:`~kg.extract.entities.find_mentions`).
Events: ``lexicon`` (a language's event vocabularies), ``tree`` (questions
about a parsed sentence), ``classes`` (a phrase in a word class), ``triggers``, ``roles`` (role frames), ``speech``
(reported speech), ``modality``, ``dates``, ``quantities``, and ``events``
(:func:`~kg.extract.events.extract_events`), which puts them together.
"""
