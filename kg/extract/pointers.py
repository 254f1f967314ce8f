"""Descriptions that point back to someone told before, like pronouns (read by the scanner).

"Purnawirawan jenderal bintang empat itu pun mengaku …", '"…," ungkap pemain
berkebangsaan Amerika itu': a description closed by a demonstrative, opening a
sentence (its first word one of the language's ``epithets``) or right after a
quote's speech verb, is a pointer; resolution (:mod:`kg.resolve.entities`)
finds whom it points to. The words are in ``kg/lang/<code>/pronouns.yaml``.
"""
from __future__ import annotations

from kg.extract import scanner as sc_module  # the scanner imports this module: names are read at call time
from kg.extract.text import fold

# how far the demonstrative may be from the description's first word ("purnawirawan jenderal bintang empat itu")
EPITHET_WORDS = 7


def epithet(sc: sc_module.Scanner, i: int) -> sc_module.Draft | None:
    """The description starting at word ``i`` as a pronoun mention, or None."""
    w = sc.ws[i]
    after_speech = i > 0 and fold(sc.ws[i - 1].text) in sc.v.speaker_hosts and w.text.islower()
    if not (i == 0 and fold(w.text) in sc.v.epithets or after_speech):
        return None
    for j in range(i + 1, min(len(sc.ws), i + EPITHET_WORDS)):
        w = sc.ws[j]
        if fold(w.text) in sc.v.demonstratives:
            return sc_module.Draft(i, j + 1, "Person", "pronoun")
        origin = after_speech and sc.name_at(j, ("country", "region", "demonym"))   # "… Amerika itu"
        if not w.text[:1].isalnum() or w.cap and not origin:
            return None      # a name or a break: "Mantan Menteri Luar Negeri Retno itu …" names her
    return None
