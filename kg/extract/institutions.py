"""A country's institution named by what it does, with the country beside it (read by the scanner).

"China's foreign ministry said", "the Chinese Foreign Ministry", "Kementerian Luar Negeri
China": one Organization per country and institution (``org/cn-foreign-ministry``), whatever
words an outlet uses, so that the reports of one ministry's statement meet. The country stands
where ``forces.yaml`` puts a force's country (before in English, after in Indonesian); an
institution named without one is left to the other rules.
"""
from __future__ import annotations

from kg.extract import ids
from kg.extract import scanner as sc_module  # the scanner imports this module: names are read at call time

COUNTRY = ("country", "demonym")


def institution(sc: sc_module.Scanner, i: int) -> sc_module.Draft | None:
    if sc.v.force_before:
        m = sc.name_at(i, COUNTRY)
        if not m:
            return None
        k = sc.past_possessive(i + m[1])
        inst = sc.v.institutions.match(sc.texts, k)
        end, country = (k + inst[1], m[0].id) if inst else (0, "")
    else:
        inst = sc.v.institutions.match(sc.texts, i)
        m = sc.name_at(i + inst[1], COUNTRY) if inst else None
        end, country = (i + inst[1] + m[1], m[0].id) if inst and m else (0, "")
    if not inst or not country:
        return None
    return sc_module.Draft(i, end, "Organization", "institution", affiliation=country,
                           ids=[ids.institution(country, inst[0].id)])
