"""The scanner: mention drafts in one sentence's words.

It reads tokens left to right as plain words (text, POS, offsets): token
sequences and capitalisation carry names where the modest parser's trees
fail; the tree adds lowercase name particles (``flat``). Each word position
tries the mention kinds in a fixed order (group, pronoun, title, force,
unit, force, place word, gazetteer name, organisation, bare name).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract import forces, ids, institutions, placewords, pointers
from kg.extract import gazetteer as gz
from kg.extract.gazetteer import Entry, Lexicon
from kg.extract.text import fold
from kg.extract.vocab import Vocab
from kg.extract.words import FUNCTION_UPOS, Word

# a Roman numeral after an office numbers it ("Komisi I", "Kodam III"): no name
_ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})$")
NAME_KINDS = ("country", "actor", "region")
# a bare name (no place word, no locative preposition before it) is a GeoNames place only
# for a city this big: many people are named like some town ("Norman", "Roy")
BARE_PLACE_MIN_POPULATION = 1_000_000


@dataclass
class Draft:
    """A mention found by the scanner, over words ``[i, j)``."""

    i: int
    j: int
    type: str
    source: str
    title: str | None = None
    affiliation: str | None = None
    ids: list[str] = field(default_factory=list)
    name: tuple[int, int] | None = None      # words of the person/unknown name
    place: gz.Place | None = None          # the GeoNames place an untyped name may be
    start: int | None = None                 # char offsets when not the words' own ("katanya")
    end: int | None = None
    skip: bool = False                       # consumed words that are no mention (a lone demonym)



class Scanner:
    """Finds mention drafts in one sentence's words."""

    def __init__(self, ws: list[Word], v: Vocab, lowercase: frozenset[str] = frozenset(),
                 countries: frozenset[str] = frozenset(), running: frozenset[str] | None = None) -> None:
        # lowercase: words the article also writes in lowercase (so not names when capitalised
        # by position); countries: ISO codes the article names (to prefer places in them);
        # running: words the article capitalises inside running text (a headline word that is a
        # name is written so again in the body: "Kirim", "Adakan" are not)
        self.ws, self.v, self.lowercase, self.countries = ws, v, lowercase, countries
        self.running = running
        self.texts = [w.text for w in ws]
        self.names = gz.names()

    # word tests

    def is_name(self, j: int) -> bool:
        w = self.ws[j]
        if self._split_hyphen(j):
            return True
        if not any(c.isalpha() for c in w.text) or fold(w.text) in gz.calendar_words():
            return False
        if w.cap:
            # a function word is no name, unless the tagger kept a capitalised lemma for a pronoun
            # ("Xi told Trump …", "Xi" tagged PRON; "He" has the lemma "he")
            misread = w.upos == "PRON" and w.lemma == w.text
            if w.upos in FUNCTION_UPOS and not misread:
                return False
            if w.headline and self.running is not None and fold(w.text) not in self.running:
                return False     # a headline fragment ("Kerahkan", "Berunding Soal …"), not a name
            # a capitalised word by position is a name only if tagged so, never seen in lowercase,
            # and its own lemma (the lemmatiser lowercases or strips common words: "Hanya" → "hanya")
            # (a foreign word, X, is written as a name: "Satgas Patriot II")
            return not w.initial or ((w.upos in ("PROPN", "X") or misread) and fold(w.text) not in self.lowercase
                                     and (not w.lemma or w.lemma == w.text) and not self.vocabulary_word(j)) \
                or self.known_name(j)
        if self._joined_particle(j):
            return True
        # lowercase particles inside a name ("bin", "von der") that the tree attaches as flat
        if not (0 < j and self._particle(j) and (self.ws[j - 1].cap or self._particle(j - 1))):
            return False
        k = j
        while k < len(self.ws) and self._particle(k):
            k += 1
        return k < len(self.ws) and self.ws[k].cap

    def known_name(self, j: int) -> bool:
        """A country, an actor of kg's files or a big city ("Beijing, which announced …",
        tagged VERB first in its sentence) is a name wherever it stands, unless the article
        also writes the word in lowercase."""
        w = self.ws[j]
        if fold(w.text) in self.lowercase:
            return False
        place = gz.find_place(w.text, self.countries)
        return self.name_at(j) is not None or place is not None and place.population >= BARE_PLACE_MIN_POPULATION

    def vocabulary_word(self, j: int) -> bool:
        """Does a phrase of kg's own vocabularies start at word ``j`` ("Dilansir dari …")?"""
        return any(lex.match(self.texts, j) for lex in (self.v.org_cues, self.v.locatives, self.v.place_before,
                                                         self.v.forces, self.v.links))

    def _particle(self, j: int) -> bool:
        w = self.ws[j]
        return not w.cap and w.upos == "PROPN" and w.deprel.startswith("flat")

    def _split_hyphen(self, j: int) -> bool:
        """A hyphenated name the tokenizer cut ("Lee Jae-myung", "Abdel Fattah al-Sisi"): the
        hyphen, glued to both neighbours, and each side of it belong to the name before when one
        side only is capitalised and the lowercase side is a noun or a particle ("Indonesia-Australia"
        is two names, "Russia-backed" no name)."""
        ws, k = self.ws, next((h for h in (j, j - 1, j + 1) if 0 < h < len(self.ws) - 1
                                and self.ws[h].text == "-"), None)
        if k is None or k == j + 1 and j < 1 or ws[k - 1].end != ws[k].start or ws[k].end != ws[k + 1].start:
            return False
        before, after = ws[k - 1], ws[k + 1]
        if after.cap == before.cap or not (before.text + after.text).isalpha():
            return False
        if before.cap:      # the hyphen and the lowercase part after it ("Jae" is a name by itself)
            return k != j + 1 and after.upos in ("NOUN", "PROPN", "X") and self.is_name(k - 1)
        return len(before.text) <= 3 and k >= 2 and ws[k - 2].cap and self.is_name(k - 2)

    def _joined_particle(self, j: int) -> bool:
        """A particle joined by a hyphen to a capitalised part, after a name word ("Sharm el-Sheikh",
        "Bashar al-Assad")."""
        w = self.ws[j]
        return 0 < j and self.ws[j - 1].cap and "-" in w.text[1:] and w.text.rsplit("-", 1)[1][:1].isupper()

    def name_at(self, i: int, kinds=NAME_KINDS) -> tuple[Entry, int] | None:
        if i >= len(self.ws) or not self.ws[i].cap:
            return None
        return self.names.match(self.texts, i, kinds)

    def starts_other(self, j: int) -> bool:
        """Does a gazetteer name or a title start at word ``j`` (ending a name run)?"""
        return bool(self.name_at(j, (*NAME_KINDS, "demonym")) or self.v.titles.match(self.texts, j))

    def name_run(self, i: int) -> int:
        j = i
        while j < len(self.ws):
            k = self._past_insertion(j)
            if not (k < len(self.ws) and self.is_name(k) and (k == i or not self.starts_other(k))):
                break
            j = k + 1
        return j

    def _past_insertion(self, j: int) -> int:
        """Past an editor's insertion of name words in square brackets inside a name ("President
        [Volodymyr] Zelensky" in a quote) when a name word follows it, else ``j``."""
        if self.texts[j] != "[" or "]" not in self.texts[j + 1:j + 5]:
            return j
        close = self.texts.index("]", j)
        inside = all(self.is_name(k) for k in range(j + 1, close))
        return close + 1 if close > j + 1 and inside and close + 1 < len(self.ws) else j

    def ends_with(self, lex: Lexicon, end: int) -> bool:
        """Does a phrase of ``lex`` end right before word ``end``?"""
        return any((m := lex.match(self.texts, end - n)) and m[1] == n
                   for n in range(1, min(lex.longest, end) + 1))

    # mention kinds, tried in this order at each word

    def scan(self) -> list[Draft]:
        out: list[Draft] = []
        i = 0
        while i < len(self.ws):
            d = (self.group(i) or self.pronoun(i) or self.titled(i) or forces.unit(self, i)
                 or institutions.institution(self, i) or forces.force(self, i)
                 or placewords.place_word(self, i) or self.named(i) or self.org(i) or self.name(i))
            if d is None:
                i += 1
                continue
            if not d.skip:
                out.append(d)
            i = d.j
        return out

    def group(self, i: int) -> Draft | None:
        m = self.v.groups.match(self.texts, i)
        if m:
            return Draft(i, i + m[1], m[0].type, "group")
        # "keduanya" as the tokenizer splits it: "kedua" + the clitic "nya"
        if (self.v.clitic and i + 1 < len(self.ws) and fold(self.texts[i + 1]) == self.v.clitic
                and self.ws[i].end == self.ws[i + 1].start):
            m = self.v.groups.match([self.texts[i] + self.texts[i + 1]], 0)
            if m:
                return Draft(i, i + 2, m[0].type, "group")
        return None

    def pronoun(self, i: int) -> Draft | None:
        w = self.ws[i]
        f = fold(w.text)
        clitic = self.v.clitic
        if clitic and f == clitic:
            host = self.ws[i - 1] if i and self.ws[i - 1].end == w.start else None
            if host is not None and fold(host.text) in self.v.nya_not_after:
                return None
            return Draft(i, i + 1, "Person", "pronoun")
        if f in self.v.pronouns or f in self.v.first_person:
            return Draft(i, i + 1, "Person", "pronoun")
        if f in self.v.reported_subject:
            return Draft(i, i + 1, "Unknown", "pronoun")
        # a speech verb whose "-nya" the tokenizer left attached ("katanya")
        if clitic and f.endswith(clitic) and f[:-len(clitic)] in self.v.speaker_hosts and clitic in self.v.pronouns:
            return Draft(i, i + 1, "Person", "pronoun", start=w.end - len(clitic), end=w.end)
        return pointers.epithet(self, i)

    def affiliation(self, j: int) -> tuple[str, int] | None:
        """A country or organisation a title serves, starting at word ``j``: (id, words)."""
        inst = institutions.institution(self, j)      # "Kemlu China": before the country alone
        if inst:
            return inst.ids[0], inst.j - j
        m = self.name_at(j, ("country", "actor"))
        if m:
            return m[0].id, m[1]
        org = self.org(j)
        return (org.ids[0], org.j - j) if org else None

    def titled(self, i: int) -> Draft | None:
        affil, k = None, i
        if self.v.affiliation_before:
            m = self.name_at(i, ("country", "actor", "demonym"))
            at = self.past_possessive(i + m[1]) if m else i       # "China's president"
            inst = institutions.institution(self, i) if m else None   # "China's foreign ministry spokesman"
            if inst and self.v.titles.match(self.texts, inst.j):
                affil, k = inst.ids[0], inst.j
            elif m and self.v.titles.match(self.texts, at):
                affil, k = m[0].id, at
        t = self.v.titles.match(self.texts, k)
        if not t:
            return None
        j = self._past_note(k + t[1])        # "Perdana Menteri (PM) Australia Anthony Albanese"
        if j < len(self.ws) and _ROMAN.match(self.texts[j]):
            j += 1          # a numbered office or body: "Ketua Komisi I DPR Utut Adianto"
        if affil is None and self.v.affiliation_after:
            link = self.v.links.match(self.texts, j)
            after = j + (link[1] if link else 0)
            a = self.affiliation(after)
            if a:
                affil, j = a[0], after + a[1]
                noted = self._past_rank(self._past_note(j))     # "Presiden Amerika Serikat (AS) Donald Trump"
                j = noted if noted > j and self.name_run(noted) > noted else j
        name_start = self._past_rank(j)
        if self.v.office_units.match(self.texts, name_start):
            held = self._holder_after_unit(name_start)
            if held is None:
                return None      # an office of a unit, no holder named: the unit is no person
            return Draft(i, held[1], "Person", "title", title=t[0].id, affiliation=affil, name=held)
        j = self.name_run(name_start)
        if j == name_start and j + 1 < len(self.ws) and self.texts[j] == ",":
            # the holder in apposition: "Wakil Menteri Pertahanan, Donny Ermawan" (not an
            # address: "kediaman Presiden, Jalan Kertanegara")
            held = self._past_rank(j + 1)
            if self.name_run(held) > held and not self.v.place_before.match(self.texts, held):
                name_start, j = held, self.name_run(held)
        if j > name_start and self._past_rank(j) > j:
            # "Komandan Lanud Roesmin Nurjadin Marsekal Pertama TNI Ronny …": the name before a
            # rank and a name is what the office is of; the holder is named after the rank
            name_start = self._past_rank(j)
            j = self.name_run(name_start)
        if j == name_start and affil is None:
            # a capitalised title alone ("oleh Presiden kepada …", "Presiden Kirim Pasukan") is its
            # holder, whom resolution finds named in the article; lowercase it is a common noun
            if not self.ws[i].cap or j != k + t[1]:
                return None
            j = k + t[1]
            if i and fold(self.texts[i - 1]) in self.v.predicative:     # "as President": an office held
                return Draft(i, j, "Person", "title", skip=True)
        return Draft(i, j, "Person", "title", title=t[0].id, affiliation=affil,
                      name=(name_start, j) if j > name_start else None)

    def _holder_after_unit(self, k: int) -> tuple[int, int] | None:
        """The holder's name after an office unit's name at word ``k``: the first name, after a
        title, a rank or a comma inside the chain of capitalised words and connectors, that ends
        the chain or is followed by a comma ("Biro Informasi Pertahanan Kementerian Pertahanan,
        Brigjen TNI Frega Wenas"; "Bidang Protokol, Pers dan Media Sekretariat Presiden Yusuf
        Permana dalam …"); a name followed by "dan" is part of the unit's ("Pers dan Media")."""
        connectors = {",", *self.v.coordinators}
        end = k
        while end < len(self.ws) and end - k < 16 and (self.ws[end].cap or self.texts[end] in connectors):
            end += 1
        for p in range(k + 1, end):
            start = self._past_rank(p) if self.v.titles.match(self.texts, p) else \
                p if self.texts[p - 1] == "," and not self.name_at(p) else None
            if start is None or self.v.office_units.match(self.texts, start):
                continue
            stop = self.name_run(start)
            if stop > start and (stop >= len(self.ws) or self.texts[stop] not in self.v.coordinators):
                return start, stop
        return None

    def _past_rank(self, j: int) -> int:
        """Where the name starts after a rank between office and name ("Panglima TNI Jenderal TNI
        Agus Subiyanto", "Wakil Menteri Pertahanan Marsekal Madya TNI (Purn) Donny Ermawan"): ``j``
        itself when no rank and name follow."""
        rank = self.v.titles.match(self.texts, j)
        if not rank:
            return j
        r = j + rank[1]
        a = self.affiliation(r) if self.v.affiliation_after and r < len(self.ws) else None
        r += a[1] if a else 0
        r = self._past_note(r)                            # "(Purn)"
        return r if self.name_run(r) > r else j

    def past_possessive(self, j: int) -> int:
        """Past a possessive at word ``j`` ("Russia's forces", "China's president"), else ``j``."""
        return j + 1 if j < len(self.ws) and self.texts[j] in self.v.possessive else j

    def _past_note(self, j: int) -> int:
        """Past a short note in brackets at word ``j`` (an abbreviation, "(Purn)"), else ``j``."""
        if j < len(self.ws) and self.texts[j] == "(" and ")" in self.texts[j + 1:j + 4]:
            return self.texts.index(")", j) + 1
        return j

    def place_draft(self, i: int, j: int, name: str, place: gz.Place | None = None) -> Draft:
        """A place mention named ``name``: GeoNames when it knows it, else a place by its word."""
        place = place or gz.find_place(name, self.countries)
        found = [place.id] if place else [ids.place(name)]
        return Draft(i, j, "Place", "gazetteer" if place else "propn", ids=found)

    def named(self, i: int) -> Draft | None:
        m = self.name_at(i, (*NAME_KINDS, "demonym"))
        if not m:
            return None
        entry, n = m
        if entry.kind == "demonym":
            return Draft(i, i + n, entry.type, "", skip=True)
        source = "actor" if entry.kind == "actor" else "gazetteer"
        return Draft(i, i + n, entry.type, source, affiliation=entry.affiliation, ids=[entry.id])

    def org(self, i: int) -> Draft | None:
        """An organisation by its head noun: "Pusat Perlawanan Nasional Ukraina"."""
        h = self.v.org_heads.match(self.texts, i) if i < len(self.ws) and self.ws[i].cap else None
        if not h:
            return None
        j, affil = i + h[1], None
        while j < len(self.ws):
            m = self.name_at(j, ("country", "actor"))
            if m:
                affil, j = m[0].id, j + m[1]
                break     # a country or organisation ends the name: "Kementerian Pertahanan Rusia"
            if not self.is_name(j) or self.v.titles.match(self.texts, j):
                break
            j += 1
        if j == i + h[1]:
            return None
        return Draft(i, j, "Organization", "propn", affiliation=affil,
                      ids=[ids.org(' '.join(self.texts[i:j]))])

    def name(self, i: int) -> Draft | None:
        j = self.name_run(i)
        if j == i:
            return None
        after = self.v.place_after.match(self.texts, j)
        if after:    # "Kursk Oblast", "Donbas region"
            return self.place_draft(i, j + after[1], " ".join(self.texts[i:j]))
        # the place word ending the capitalised run, past names inside it: "Natuna Island", "South China Sea"
        full = j
        while full < len(self.ws) and self.is_name(full):
            full += 1
        for end in dict.fromkeys((j, full)):
            for k in range(i + 1, end):
                inner = self.v.place_after.match(self.texts, k)
                if inner and k + inner[1] == end:
                    return self.place_draft(i, end, " ".join(self.texts[i:k]))
        d = Draft(i, j, "Unknown", "propn", name=(i, j))
        if j - i > 1 and self.ends_with(self.v.org_heads, j):
            # an organisation named before its head noun ("Foreign Ministry", "Stimson Center")
            d.type, d.ids, d.name = "Organization", [ids.org(' '.join(self.texts[i:j]))], None
            return d
        if self.ends_with(self.v.org_cues, i):
            d.type, d.ids = "Organization", [ids.org(' '.join(self.texts[i:j]))]
            return d
        place = gz.find_place(" ".join(self.texts[i:j]), self.countries)
        if place and (self.ends_with(self.v.locatives, i) or place.population >= BARE_PLACE_MIN_POPULATION):
            d.place = place
        return d
