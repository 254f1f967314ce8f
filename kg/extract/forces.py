"""Armed forces in a sentence's words: named units and force nouns (read by the scanner).

A unit noun heads one named unit ("Satgas TNI Kontingen Garuda UNIFIL"); a
force noun is troops of the country (or known force) next to it ("tentara
Korea Utara", "North Korean troops", "prajurit TNI"), or troops whose country
the context tells (:func:`kg.extract.entities` finds it).
"""
from __future__ import annotations

from kg.extract import ids
from kg.extract import scanner as sc_module  # the scanner imports this module: names are read at call time
from kg.extract.text import fold


def unit(sc: sc_module.Scanner, i: int) -> sc_module.Draft | None:
    """A named military unit: unit nouns, forces and names ("Satgas TNI Kontingen Garuda UNIFIL",
    "kontingen Garuda (Konga)"), named by the first name after its last unit noun (Garuda)."""
    u = sc.v.units.match(sc.texts, i)
    if not u:
        return None
    j, name, affil = i + u[1], (0, 0), None
    while j < len(sc.ws):
        more = sc.v.units.match(sc.texts, j)
        known = sc.name_at(j, ("country", "actor"))
        if more:
            j, name = j + more[1], (0, 0)
        elif known:
            affil = affil or (known[0].affiliation if known[0].kind == "actor" else known[0].id)
            j += known[1]
        elif sc.is_name(j) and not sc.starts_other(j):
            name, j = (name if name[1] > name[0] else (j, j + 1)), sc.name_run(j)
        else:
            break
    if name[1] == name[0]:
        return None
    if j + 2 < len(sc.ws) and sc.texts[j] == "(" and sc.texts[j + 2] == ")" and sc.ws[j + 1].cap:
        j += 3           # its short name in brackets: "(Konga)"
    return sc_module.Draft(i, j, "ArmedForce", "force", affiliation=affil,
                           ids=[ids.unit(" ".join(sc.texts[name[0]:name[1]]))])


def force(sc: sc_module.Scanner, i: int) -> sc_module.Draft | None:
    """Troops by a force noun, with the country (or known force) next to it when there is one."""
    if sc.v.force_before:
        m = sc.name_at(i, ("country", "demonym"))
        if not m:
            f = sc.v.forces.match(sc.texts, i)
            alone = f and fold(f[0].id) in sc.v.alone
            return sc_module.Draft(i, i + f[1], "ArmedForce", "force") if alone else None
        k = sc.past_possessive(i + m[1])
        f = sc.v.forces.match(sc.texts, k)
        state = sc.v.state_nouns.match(sc.texts, k) if not f else None
        if state:     # "the Chinese government said": the country speaks
            return sc_module.Draft(i, k + state[1], "Country", "gazetteer", ids=[m[0].id])
        if not f:
            return None
        code = m[0].id
        return sc_module.Draft(i, k + f[1], "ArmedForce", "force", affiliation=code, ids=[ids.force(code)])
    f = sc.v.forces.match(sc.texts, i)
    if not f:
        return None
    if (fold(f[0].id) in sc.v.attributive and i and sc.ws[i - 1].upos == "NOUN"
            and not sc.ws[i - 1].cap):
        return None
    m = sc.name_at(i + f[1], ("country", "demonym"))
    held = sc.name_at(i + f[1], ("actor",))
    if not m and held and held[0].type == "ArmedForce":
        # troops of a force the actor file knows: "prajurit TNI"
        return sc_module.Draft(i, i + f[1] + held[1], "ArmedForce", "force", affiliation=held[0].affiliation,
                               ids=[held[0].id])
    if not m:
        # "tentara" with no country: still troops, whose country the context may tell
        return sc_module.Draft(i, i + f[1], "ArmedForce", "force") if fold(f[0].id) in sc.v.alone else None
    code = m[0].id
    return sc_module.Draft(i, i + f[1] + m[1], "ArmedForce", "force", affiliation=code, ids=[ids.force(code)])
