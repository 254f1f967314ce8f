"""Places named with a place word: "Oblast Kursk", "kota Kyiv", "Gedung DPR", "Laut China Selatan".

A word before a name (``before`` in ``places.yaml``) makes a place of the name after it; a
word that begins a place's own name (``named_before``: "Laut", "Sea of") makes the whole a place
of its own, whatever names follow (the sea, not China). Read by the scanner.
"""
from __future__ import annotations

from kg.extract import gazetteer as gz
from kg.extract import scanner as sc_module  # the scanner imports this module: names are read at call time


def place_word(sc: sc_module.Scanner, i: int) -> sc_module.Draft | None:
    named = sc.v.place_named.match(sc.texts, i)
    if named and sc.ws[i].cap and not (i and sc.ws[i - 1].cap):
        j = sc.name_run(i + named[1])       # "Laut China Selatan", "Sea of Japan": the whole is the name
        if j > i + named[1]:
            return sc.place_draft(i, j, " ".join(sc.texts[i:j]))
    p = sc.v.place_before.match(sc.texts, i)
    if not p or sc.name_at(i):
        return None          # "Gedung Putih": a name of its own (the White House)
    k = i + p[1]
    known = sc.name_at(k)
    if known and known[0].type == "Organization":
        # "Gedung DPR", "Markas PBB": the organisation's building, a place of its own
        return sc.place_draft(i, k + known[1], " ".join(sc.texts[i:k + known[1]]))
    if known:
        return None          # "wilayah Ukraina": the country itself
    j = sc.name_run(k)
    if j == k:
        return None
    whole = sc.ws[i].cap and gz.find_place(" ".join(sc.texts[i:j]), sc.countries)
    return sc.place_draft(i, j, " ".join(sc.texts[k:j]), whole or None)
