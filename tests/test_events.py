"""Event extraction rules and traps, on small hand-parsed articles (CoNLL-U).

The articles are written for these tests (other people, countries and events
than the sample articles); each exercises one rule or one trap. Parses are
given as compact rows "form lemma UPOS head deprel [feats]" and go through
kg.parse.nlp.parse_conllu like any pre-parsed input.
"""
from __future__ import annotations

from datetime import date

import pytest
from conllu_util import args, mention, only, parsed

from kg.extract.events import extract_events
from kg.model import ACTOR_ROLES, PLACE_ROLES, Boilerplate

# --- a statement reporting a call, a deployment topic, a date ------------------------------

MACRON = ("Presiden Prancis Emmanuel Macron mengumumkan pada Senin (4/11/2024) bahwa ia telah membahas "
          "pengiriman pasukan Inggris ke Estonia dengan Keir Starmer.")
MACRON_ROWS = """
Presiden presiden PROPN 5 nsubj
Prancis Prancis PROPN 1 nmod
Emmanuel Emmanuel PROPN 1 flat
Macron Macron PROPN 1 flat
mengumumkan umum VERB 0 root Voice=Act
pada pada ADP 7 case
Senin Senin PROPN 5 obl
( ( PUNCT 9 punct
4/11/2024 4/11/2024 NUM 7 nmod
) ) PUNCT 9 punct
bahwa bahwa SCONJ 14 mark
ia ia PRON 14 nsubj
telah telah ADV 14 advmod
membahas bahas VERB 5 ccomp Voice=Act
pengiriman pengiriman NOUN 14 obj
pasukan pasukan NOUN 15 nmod
Inggris Inggris PROPN 16 nmod
ke ke ADP 19 case
Estonia Estonia PROPN 15 nmod
dengan dengan ADP 21 case
Keir Keir PROPN 14 obl
Starmer Starmer PROPN 21 flat
. . PUNCT 5 punct
"""


def macron():
    p = parsed(MACRON, MACRON_ROWS, published=date(2024, 11, 5))
    ms = [mention(p, "Presiden Prancis Emmanuel Macron", "Person"), mention(p, "ia", "Person", source="pronoun"),
          mention(p, "pasukan Inggris", "ArmedForce"), mention(p, "Estonia", "Country"),
          mention(p, "Keir Starmer", "Person")]
    return p, ms, extract_events(p, ms)


def test_statement_speaker_from_subject_and_call_in_its_complement():
    p, ms, evs = macron()
    st, call, dep = only(evs, "Statement"), only(evs, "Call"), only(evs, "Deployment")
    assert st.trigger_text == "mengumumkan" and st.rule == "verb-trigger:nsubj"
    assert args(st) == {("speaker", "Presiden Prancis Emmanuel Macron")}
    # the pronoun is attached as is: entity resolution says who "ia" is
    assert args(call) == {("participant", "ia"), ("participant", "Keir Starmer")}
    assert st.about_mentions == [call.id, dep.id]
    assert st.quote.startswith("ia telah membahas")
    # arguments are the very mention objects given
    assert all(any(a.mention is m for m in ms) for e in evs for a in e.arguments)
    assert st.id == f"t.txt:{st.trigger.start}" and MACRON[st.trigger.start:st.trigger.end] == "mengumumkan"


def test_date_dates_statement_and_reported_call_but_not_a_topic():
    _, _, evs = macron()
    assert only(evs, "Statement").date == date(2024, 11, 4)
    assert only(evs, "Statement").date_text == "Senin (4/11/2024)"
    assert only(evs, "Call").date == date(2024, 11, 4)
    dep = only(evs, "Deployment")
    assert dep.date is None                       # "membahas pengiriman …": a topic, not dated
    assert args(dep) == {("force", "pasukan Inggris"), ("destination", "Estonia")}
    assert dep.rule == "nominal-trigger:nmod"


def test_roles_are_declared_roles():
    _, _, evs = macron()
    assert all(a.role in ACTOR_ROLES + PLACE_ROLES for e in evs for a in e.arguments)
    assert all(0 < e.confidence <= 1 for e in evs)


# --- reported speech ------------------------------------------------------------------------

QUOTE = "“Kami siap membantu Moldova,” katanya.\n“Perang harus berakhir,” tulis Scholz di media sosial, dikutip Reuters."
QUOTE_ROWS = """
“ “ PUNCT 4 punct
Kami kami PRON 3 nsubj
siap siap ADJ 0 root
membantu bantu VERB 3 xcomp
Moldova Moldova PROPN 4 obj
, , PUNCT 3 punct
” ” PUNCT 3 punct
kata kata VERB 3 parataxis
nya nya PRON 8 nsubj
. . PUNCT 3 punct

“ “ PUNCT 2 punct
Perang perang NOUN 4 nsubj
harus harus AUX 4 aux
berakhir akhir VERB 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
tulis tulis VERB 4 parataxis
Scholz Scholz PROPN 7 nsubj
di di ADP 11 case
media media NOUN 7 obl
sosial sosial ADJ 10 amod
, , PUNCT 13 punct
dikutip kutip VERB 7 advcl Voice=Pass
Reuters Reuters PROPN 13 obj
. . PUNCT 4 punct
"""


def quotes():
    p = parsed(QUOTE, QUOTE_ROWS)
    ms = [mention(p, "Kami", "Unknown", source="pronoun"), mention(p, "Moldova", "Country"),
          mention(p, "nya", "Person", source="pronoun"), mention(p, "Scholz", "Person"),
          mention(p, "Reuters", "Organization")]
    return p, ms, extract_events(p, ms)


def test_quote_final_clitic_is_a_statement_by_the_pronoun():
    p, ms, evs = quotes()
    st = next(e for e in evs if e.trigger_text == "katanya")
    assert st.type == "Statement" and st.rule == "speech:quote-final-clitic"
    assert args(st) == {("speaker", "nya")}
    assert st.quote == "Kami siap membantu Moldova"


def test_quote_inverted_speech_verb_with_medium_and_source():
    p, ms, evs = quotes()
    st = next(e for e in evs if e.trigger_text == "tulis")
    assert st.rule == "speech:quote-inverted"
    assert args(st) == {("speaker", "Scholz")}
    assert st.medium == "media sosial" and st.via == "Reuters"
    assert st.quote == "Perang harus berakhir"


# --- traps ----------------------------------------------------------------------------------

def test_menyerukan_calls_for_is_a_statement_not_a_call():
    text = "Kanselir Jerman Olaf Scholz menyerukan gencatan senjata."
    rows = """
Kanselir kanselir PROPN 5 nsubj
Jerman Jerman PROPN 1 nmod
Olaf Olaf PROPN 1 flat
Scholz Scholz PROPN 1 flat
menyerukan seru VERB 0 root Voice=Act
gencatan gencatan NOUN 5 obj
senjata senjata NOUN 6 compound
. . PUNCT 5 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Kanselir Jerman Olaf Scholz", "Person")])
    assert [(e.type, e.trigger_text) for e in evs] == [("Statement", "menyerukan")]
    assert args(evs[0]) == {("speaker", "Kanselir Jerman Olaf Scholz")}


def test_sending_a_delegation_is_a_planned_visit_not_a_deployment():
    text = "Jepang akan mengirimkan delegasi ke Filipina."
    rows = """
Jepang Jepang PROPN 3 nsubj
akan akan AUX 3 aux
mengirimkan kirim VERB 0 root Voice=Act
delegasi delegasi NOUN 3 obj
ke ke ADP 6 case
Filipina Filipina PROPN 3 obl
. . PUNCT 3 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Jepang", "Country"), mention(p, "Filipina", "Country")])
    visit = only(evs, "Visit")
    assert not [e for e in evs if e.type == "Deployment"]
    assert args(visit) == {("agent", "Jepang"), ("destination", "Filipina")}
    assert visit.modality == ["planned"]


def test_negated_comment_is_no_statement():
    text = "Iran maupun Suriah tidak mengomentari laporan itu."
    rows = """
Iran Iran PROPN 5 nsubj
maupun maupun CCONJ 3 cc
Suriah Suriah PROPN 1 conj
tidak tidak PART 5 advmod
mengomentari komentar VERB 0 root Voice=Act
laporan laporan NOUN 5 obj
itu itu DET 6 det
. . PUNCT 5 punct
"""
    p = parsed(text, rows)
    assert extract_events(p, [mention(p, "Iran", "Country"), mention(p, "Suriah", "Country")]) == []


PLAN = "Turki berencana mengerahkan sekitar 5.000 tentara ke Libya."
PLAN_ROWS = """
Turki Turki PROPN 2 nsubj
berencana rencana VERB 0 root Voice=Act
mengerahkan kerah VERB 2 xcomp Voice=Act
sekitar sekitar ADV 5 advmod
5.000 5.000 NUM 6 nummod
tentara tentara NOUN 3 obj
ke ke ADP 8 case
Libya Libya PROPN 3 obl
. . PUNCT 2 punct
"""


def test_planned_deployment_inherits_subject_and_counts_troops():
    p = parsed(PLAN, PLAN_ROWS)
    evs = extract_events(p, [mention(p, "Turki", "Country"), mention(p, "Libya", "Country")])
    dep = only(evs, "Deployment")
    assert dep.modality == ["planned"]
    assert dep.rule == "verb-trigger:inherited"
    assert args(dep) == {("agent", "Turki"), ("destination", "Libya")}
    assert (dep.quantity.value, dep.quantity.qualifier, dep.quantity.unit) == (5000, "about", "tentara")


def test_baca_juga_headline_is_not_an_event_of_the_article():
    text = "Baca juga: Inggris Kirim 2.000 Tentara ke Polandia"
    rows = """
Baca baca VERB 0 root
juga juga ADV 1 advmod
: : PUNCT 1 punct
Inggris Inggris PROPN 5 nsubj
Kirim kirim VERB 1 parataxis
2.000 2.000 NUM 7 nummod
Tentara tentara NOUN 5 obj
ke ke ADP 9 case
Polandia Polandia PROPN 5 obl
"""
    p = parsed(text, rows, boilerplate=[Boilerplate(0, len(text), rule="baca-juga")])
    assert extract_events(p, [mention(p, "Inggris", "Country"), mention(p, "Polandia", "Country")]) == []
    # nor are lines above the article's headline (body_start): a site banner
    p = parsed(text, rows, body_start=len(text))
    assert extract_events(p, [mention(p, "Inggris", "Country"), mention(p, "Polandia", "Country")]) == []
    # the same line as content is a deployment: the trap is the boilerplate, not the words
    p = parsed(text, rows)
    dep = only(extract_events(p, [mention(p, "Inggris", "Country"), mention(p, "Polandia", "Country")]),
               "Deployment")
    assert dep.quantity.value == 2000


# --- nominal triggers, conjoined and relative subjects ---------------------------------------

def test_nominal_call_between_two_parties_with_place():
    text = "Pembicaraan antara Erdogan dan Putin berlangsung di Sochi."
    rows = """
Pembicaraan pembicaraan NOUN 6 nsubj
antara antara ADP 3 case
Erdogan Erdogan PROPN 1 nmod
dan dan CCONJ 5 cc
Putin Putin PROPN 3 conj
berlangsung langsung VERB 0 root
di di ADP 8 case
Sochi Sochi PROPN 6 obl
. . PUNCT 6 punct
"""
    p = parsed(text, rows)
    call = only(extract_events(p, [mention(p, "Erdogan", "Person"), mention(p, "Putin", "Person"),
                                   mention(p, "Sochi", "Place")]), "Call")
    assert call.rule == "nominal-trigger:antara"
    # "berlangsung di Sochi": where the talks took place, found after the trigger by sequence
    assert args(call) == {("participant", "Erdogan"), ("participant", "Putin"), ("place", "Sochi")}


def test_nominal_call_framing_a_clause_takes_its_subject_and_medium():
    text = "Selama percakapan telepon, Biden dan Kishida sepakat memperkuat aliansi."
    rows = """
Selama selama ADP 2 case
percakapan percakapan NOUN 8 obl
telepon telepon NOUN 2 compound
, , PUNCT 2 punct
Biden Biden PROPN 8 nsubj
dan dan CCONJ 7 cc
Kishida Kishida PROPN 5 conj
sepakat sepakat VERB 0 root
memperkuat kuat VERB 8 xcomp
aliansi aliansi NOUN 9 obj
. . PUNCT 8 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Biden", "Person"), mention(p, "Kishida", "Person")])
    call = only(evs, "Call")
    assert call.trigger_text == "percakapan telepon" and call.rule == "multiword-trigger:clause-subject"
    assert args(call) == {("participant", "Biden"), ("participant", "Kishida")}
    assert call.medium == "telepon"
    assert args(only(evs, "Agreement")) == {("participant", "Biden"), ("participant", "Kishida")}


def test_talk_verb_is_a_call_only_with_a_second_party():
    text = "Macron dan Scholz membahas krisis energi.\nParlemen membahas anggaran."
    rows = """
Macron Macron PROPN 4 nsubj
dan dan CCONJ 3 cc
Scholz Scholz PROPN 1 conj
membahas bahas VERB 0 root
krisis krisis NOUN 4 obj
energi energi NOUN 5 nmod
. . PUNCT 4 punct

Parlemen parlemen NOUN 2 nsubj
membahas bahas VERB 0 root
anggaran anggaran NOUN 2 obj
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Macron", "Person"), mention(p, "Scholz", "Person"),
                             mention(p, "Parlemen", "Organization")])
    call = only(evs, "Call")
    assert call.sentence == 0 and args(call) == {("participant", "Macron"), ("participant", "Scholz")}
    # "dengan" that names no one ("dibahas bersamaan dengan perjanjian damai") is no second party
    text = "Gencatan senjata dibahas bersamaan dengan perjanjian damai."
    rows = """
Gencatan gencatan NOUN 3 nsubj:pass
senjata senjata NOUN 1 compound
dibahas bahas VERB 0 root Voice=Pass
bersamaan sama ADV 3 advmod
dengan dengan ADP 6 case
perjanjian janji NOUN 3 obl
damai damai ADJ 6 amod
. . PUNCT 3 punct
"""
    p = parsed(text, rows)
    assert not [e for e in extract_events(p, []) if e.type == "Call"]


def test_relative_clause_head_is_the_agent_and_moving_forces_deploy():
    text = "Belarus yang mengirim pasukan ke perbatasan dikecam.\nBeberapa unit militer Iran telah pindah ke Suriah."
    rows = """
Belarus Belarus PROPN 7 nsubj:pass
yang yang PRON 3 nsubj
mengirim kirim VERB 1 acl:relcl Voice=Act
pasukan pasukan NOUN 3 obj
ke ke ADP 6 case
perbatasan perbatasan NOUN 3 obl
dikecam kecam VERB 0 root Voice=Pass
. . PUNCT 7 punct

Beberapa beberapa DET 2 det
unit unit NOUN 6 nsubj
militer militer NOUN 2 nmod
Iran Iran PROPN 2 nmod
telah telah ADV 6 advmod
pindah pindah VERB 0 root
ke ke ADP 8 case
Suriah Suriah PROPN 6 obl
. . PUNCT 6 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Belarus", "Country"), mention(p, "unit militer Iran", "ArmedForce"),
          mention(p, "Suriah", "Country")]
    evs = [e for e in extract_events(p, ms) if e.type == "Deployment"]
    assert len(evs) == 2
    assert evs[0].trigger_text == "mengirim" and ("agent", "Belarus") in args(evs[0])
    assert args(evs[1]) == {("force", "unit militer Iran"), ("destination", "Suriah")}
    assert (evs[1].quantity.value, evs[1].quantity.qualifier) == (None, "several")   # "Beberapa unit"


def test_headline_with_a_flat_parse_falls_back_to_token_sequences():
    text = "Korsel Kirim Tentara ke Irak"
    rows = """
Korsel Korsel PROPN 0 root
Kirim Kirim PROPN 1 flat
Tentara Tentara PROPN 1 flat
ke ke ADP 5 case
Irak Irak PROPN 1 nmod
"""
    p = parsed(text, rows)
    dep = only(extract_events(p, [mention(p, "Korsel", "Country"), mention(p, "Irak", "Country")]), "Deployment")
    assert args(dep) == {("agent", "Korsel"), ("destination", "Irak")}
    assert dep.rule == "verb-trigger:left-scan" and dep.confidence < 0.9


def test_passive_deployment_by_agent_with_vague_amount():
    text = "Pengerahan ribuan tentara oleh Kremlin dikritik."
    rows = """
Pengerahan pengerahan NOUN 6 nsubj:pass
ribuan ribu NUM 3 nummod
tentara tentara NOUN 1 nmod
oleh oleh ADP 5 case
Kremlin Kremlin PROPN 1 nmod
dikritik kritik VERB 0 root Voice=Pass
. . PUNCT 6 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Kremlin", "Organization")])
    dep = only(evs, "Deployment")
    assert args(dep) == {("agent", "Kremlin")}
    assert (dep.quantity.value, dep.quantity.qualifier) == (None, "thousands")
    # a passive speech verb with no speaker named is still a statement, of nobody
    assert not only(evs, "Statement").arguments


def test_forces_prepared_to_be_sent_and_a_counted_force_in_a_relative_clause_deploy():
    # "menyiapkan prajurit untuk diberangkatkan": the prepared troops are the ones sent off;
    # "jumlah personel TNI yang akan dikirim": the counted personnel are sent; fishermen are not forces
    text = ("TNI telah menyiapkan prajurit untuk diberangkatkan. Jumlah personel yang akan dikirim ke Gaza belum "
            "ditentukan. Nelayan dikirim ke Natuna.")
    rows = """
TNI TNI PROPN 3 nsubj
telah telah AUX 3 aux
menyiapkan siap VERB 0 root
prajurit prajurit NOUN 3 obj
untuk untuk SCONJ 6 mark
diberangkatkan berangkat VERB 3 advcl Voice=Pass
. . PUNCT 3 punct

Jumlah jumlah NOUN 9 nsubj:pass
personel personel NOUN 1 nmod
yang yang PRON 5 nsubj:pass
akan akan AUX 5 aux
dikirim kirim VERB 1 acl:relcl Voice=Pass
ke ke ADP 7 case
Gaza Gaza PROPN 5 obl
belum belum PART 9 advmod
ditentukan tentu VERB 0 root Voice=Pass
. . PUNCT 9 punct

Nelayan nelayan NOUN 2 nsubj:pass
dikirim kirim VERB 0 root Voice=Pass
ke ke ADP 4 case
Natuna Natuna PROPN 2 obl
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "TNI", "Organization"), mention(p, "Gaza", "Place"),
                             mention(p, "Natuna", "Place")])
    deps = [e for e in evs if e.type == "Deployment"]
    assert [e.trigger_text for e in deps] == ["diberangkatkan", "dikirim"]
    assert ("destination", "Gaza") in args(deps[1]) and "planned" in deps[1].modality


# --- menurut X ------------------------------------------------------------------------------

def test_menurut_with_a_report_noun_is_a_statement_and_otherwise_the_source():
    text = ("Menurut laporan Reuters, Israel berencana mengerahkan pasukan.\n"
            "Netanyahu, menurut kantornya, mengatakan Israel tidak akan mundur.")
    rows = """
Menurut menurut ADP 2 case
laporan laporan NOUN 7 obl
Reuters Reuters PROPN 2 nmod
, , PUNCT 2 punct
Israel Israel PROPN 6 nsubj
berencana rencana VERB 0 root
mengerahkan kerah VERB 6 xcomp
pasukan pasukan NOUN 7 obj
. . PUNCT 6 punct

Netanyahu Netanyahu PROPN 7 nsubj
, , PUNCT 4 punct
menurut menurut ADP 4 case
kantor kantor NOUN 7 obl
nya nya PRON 4 nmod
, , PUNCT 4 punct
mengatakan kata VERB 0 root Voice=Act
Israel Israel PROPN 11 nsubj
tidak tidak PART 11 advmod
akan akan AUX 11 aux
mundur mundur VERB 7 ccomp
. . PUNCT 7 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Reuters", "Organization"), mention(p, "Israel", "Country"),
          mention(p, "Netanyahu", "Person"), mention(p, "Israel", "Country", nth=1)]
    evs = extract_events(p, ms)
    report = next(e for e in evs if e.trigger_text == "laporan")
    dep = only(evs, "Deployment")
    assert report.rule == "speech:menurut-report" and args(report) == {("speaker", "Reuters")}
    assert dep.id in report.about_mentions and dep.modality == ["planned"]
    said = next(e for e in evs if e.trigger_text == "mengatakan")
    assert args(said) == {("speaker", "Netanyahu")} and said.via == "kantornya"


# --- dates across sentences -------------------------------------------------------------------

def test_same_day_takes_the_date_named_before():
    text = "Pada Kamis (7/11/2024), Scholz mengatakan perang harus berakhir.\nPada hari yang sama, Macron menegaskan dukungannya."
    rows = """
Pada pada ADP 2 case
Kamis Kamis PROPN 8 obl
( ( PUNCT 4 punct
7/11/2024 7/11/2024 NUM 2 nmod
) ) PUNCT 4 punct
, , PUNCT 2 punct
Scholz Scholz PROPN 8 nsubj
mengatakan kata VERB 0 root Voice=Act
perang perang NOUN 11 nsubj
harus harus AUX 11 aux
berakhir akhir VERB 8 ccomp
. . PUNCT 8 punct

Pada pada ADP 2 case
hari hari NOUN 8 obl
yang yang PRON 4 nsubj
sama sama ADJ 2 acl
, , PUNCT 2 punct
Macron Macron PROPN 8 nsubj
menegaskan tegas VERB 0 root Voice=Act
dukungan dukungan NOUN 8 obj
nya nya PRON 9 nmod
. . PUNCT 8 punct
"""
    p = parsed(text, rows, published=None)
    evs = extract_events(p, [mention(p, "Scholz", "Person"), mention(p, "Macron", "Person")])
    assert [(e.trigger_text, e.date) for e in evs] == [("mengatakan", date(2024, 11, 7)),
                                                        ("menegaskan", date(2024, 11, 7))]
    assert evs[1].date_text == "hari yang sama"


# --- English ----------------------------------------------------------------------------------

def test_english_statement_and_planned_deployment():
    text = "Scholz said Germany will send 5,000 troops to Lithuania."
    rows = """
Scholz Scholz PROPN 2 nsubj
said say VERB 0 root
Germany Germany PROPN 5 nsubj
will will AUX 5 aux
send send VERB 2 ccomp
5,000 5,000 NUM 7 nummod
troops troops NOUN 5 obj
to to ADP 9 case
Lithuania Lithuania PROPN 5 obl
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    evs = extract_events(p, [mention(p, "Scholz", "Person"), mention(p, "Germany", "Country"),
                             mention(p, "Lithuania", "Country")])
    st, dep = only(evs, "Statement"), only(evs, "Deployment")
    assert args(st) == {("speaker", "Scholz")} and st.about_mentions == [dep.id]
    assert args(dep) == {("agent", "Germany"), ("destination", "Lithuania")}
    assert dep.modality == ["planned"] and dep.quantity.value == 5000


@pytest.mark.parametrize("purpose_head", [8, 7], ids=["on-arrival", "on-reporting-verb"])
def test_arrival_of_a_person_is_a_reported_visit_absorbing_its_purpose_noun(purpose_head: int):
    text = "Menteri Luar Negeri Iran Abbas Araghchi dilaporkan tiba di Kairo untuk kunjungan resmi."
    rows = f"""
Menteri menteri PROPN 8 nsubj
Luar luar PROPN 1 flat
Negeri negeri PROPN 1 flat
Iran Iran PROPN 1 nmod
Abbas Abbas PROPN 1 flat
Araghchi Araghchi PROPN 1 flat
dilaporkan lapor VERB 0 root Voice=Pass
tiba tiba VERB 7 xcomp
di di ADP 10 case
Kairo Kairo PROPN 8 obl
untuk untuk ADP 12 case
kunjungan kunjungan NOUN {purpose_head} obl
resmi resmi ADJ 12 amod
. . PUNCT 7 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Menteri Luar Negeri Iran Abbas Araghchi", "Person"),
                             mention(p, "Kairo", "Place")])
    assert [(e.type, e.trigger_text) for e in evs] == [("Visit", "tiba")]
    assert args(evs[0]) == {("agent", "Menteri Luar Negeri Iran Abbas Araghchi"), ("destination", "Kairo")}
    assert evs[0].modality == ["reported"]


def test_subject_scan_steps_over_an_attribution_aside_and_medium_names_the_platform():
    text = "Lula, menurut kantornya, mengonfirmasi kabar itu melalui unggahannya di Instagram."
    rows = """
Lula Lula PROPN 0 root
, , PUNCT 1 punct
menurut menurut ADP 4 case
kantor kantor NOUN 1 nmod
nya nya PRON 4 nmod
, , PUNCT 1 punct
mengonfirmasi konfirmasi VERB 1 parataxis
kabar kabar NOUN 7 obj
itu itu DET 8 det
melalui melalui ADP 11 case
unggahan unggahan NOUN 7 obl
nya nya PRON 11 nmod
di di ADP 14 case
Instagram Instagram PROPN 11 nmod
. . PUNCT 1 punct
"""
    p = parsed(text, rows)
    st = only(extract_events(p, [mention(p, "Lula", "Person")]), "Statement")
    assert st.rule == "verb-trigger:left-scan" and args(st) == {("speaker", "Lula")}
    assert st.via == "kantornya" and st.medium == "unggahannya di Instagram"


def speakers(ev) -> set[str]:
    return {text for role, text in args(ev) if role == "speaker"}


def test_subject_scan_takes_a_comma_list_only_when_dan_closes_it():
    # a fronted source is no second speaker, even when the parse leaves the verb without a subject
    text = "Mengutip Reuters , juru bicara Kremlin Dmitry Peskov mengatakan Rusia siap berunding ."
    rows = """
Mengutip kutip VERB 9 advcl
Reuters Reuters PROPN 1 obj
, , PUNCT 1 punct
juru juru NOUN 1 nsubj
bicara bicara NOUN 4 nmod
Kremlin Kremlin PROPN 4 nmod
Dmitry Dmitry PROPN 4 flat
Peskov Peskov PROPN 7 flat
mengatakan kata VERB 0 root Voice=Act
Rusia Rusia PROPN 11 nsubj
siap siap ADJ 9 ccomp
berunding runding VERB 11 xcomp
. . PUNCT 9 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Reuters", "Organization"), mention(p, "juru bicara Kremlin Dmitry Peskov", "Person"),
          mention(p, "Rusia", "Country")]
    st = only(extract_events(p, ms), "Statement")
    assert st.rule == "verb-trigger:left-scan" and speakers(st) == {"juru bicara Kremlin Dmitry Peskov"}
    # "X , Y dan Z": the comma continues a list that "dan" closes
    text = "Prabowo , Albanese dan Luxon mengatakan perundingan berhasil ."
    rows = """
Prabowo Prabowo PROPN 6 obl
, , PUNCT 1 punct
Albanese Albanese PROPN 1 conj
dan dan CCONJ 5 cc
Luxon Luxon PROPN 1 conj
mengatakan kata VERB 0 root Voice=Act
perundingan runding NOUN 8 nsubj
berhasil hasil VERB 6 ccomp
. . PUNCT 6 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, name, "Person") for name in ("Prabowo", "Albanese", "Luxon")]
    st = only(extract_events(p, ms), "Statement")
    assert st.rule == "verb-trigger:left-scan" and speakers(st) == {"Prabowo", "Albanese", "Luxon"}


def test_a_broken_data_file_is_a_one_line_error(tmp_path, monkeypatch):
    from kg import lang
    from kg.errors import KgError
    from kg.extract import lexicon

    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "roles.yaml").write_text("frames:\n  f:\n    patterns:\n      - {rel: nsubj, role: hero}\n")
    monkeypatch.setattr(lang, "LANG_DIR", tmp_path)
    lexicon.load.cache_clear()
    try:
        with pytest.raises(KgError, match="unknown role 'hero'"):
            lexicon.load("xx")
    finally:
        lexicon.load.cache_clear()


# --- degrading gracefully: trees and tags of a modest parser ---------------------------------

def test_bad_tree_name_chain_and_sentence_subject_still_give_the_parties():
    text = ("Kabar percakapan telepon kedua menteri itu muncul kemarin.\n"
            "Scholz dan Macron, menurut panggilan telepon dari kantor mereka, mengonfirmasi bahwa Berlin "
            "akan membantu.")
    rows = """
Kabar kabar NOUN 3 nsubj
percakapan cakap NOUN 1 nmod
telepon telepon VERB 0 root
kedua kedua NOUN 3 obj
menteri menteri NOUN 4 nmod
itu itu DET 4 det
muncul muncul VERB 3 ccomp
kemarin kemarin ADV 7 advmod
. . PUNCT 3 punct

Scholz scholz NOUN 5 nsubj
dan dan CCONJ 3 cc
Macron Macron PROPN 1 conj
, , PUNCT 1 punct
menurut turut VERB 0 root
panggilan panggil NOUN 5 obj
telepon telepon VERB 5 xcomp
dari dari ADP 9 case
kantor kantor NOUN 7 obl
mereka mereka VERB 9 acl
, , PUNCT 12 punct
mengonfirmasi onfirmasi VERB 5 advcl
bahwa bahwa VERB 12 xcomp
Berlin Berlin PROPN 13 obj
akan akan AUX 16 aux
membantu bantu VERB 12 conj
. . PUNCT 5 punct
"""
    p = parsed(text, rows, published=date(2024, 11, 6))
    ms = [mention(p, "kedua menteri", "Person", source="group"), mention(p, "Scholz", "Person"),
          mention(p, "Macron", "Person"), mention(p, "Berlin", "Place")]
    calls = [e for e in extract_events(p, ms) if e.type == "Call"]
    assert [c.rule for c in calls] == ["multiword-trigger:name-chain", "multiword-trigger:sentence-subject"]
    assert args(calls[0]) == {("participant", "kedua menteri")}
    assert args(calls[1]) == {("participant", "Scholz"), ("participant", "Macron")}
    assert calls[0].date == date(2024, 11, 5)          # "kemarin", against the publication date


def test_lexicon_knows_verbs_the_tagger_calls_nouns_and_suspects_subjects_after_the_verb():
    text = "Lula, menurut kantornya, mengatakan Brasil akan tiba di Angola."
    rows = """
Lula Lula PROPN 4 nmod
, , PUNCT 4 punct
menurut menurut ADP 4 case
kantor kantor NOUN 7 obl
nya nya PRON 4 nmod
, , PUNCT 4 punct
mengatakan kata VERB 0 root
Brasil Brasil PROPN 7 nsubj
akan akan AUX 10 aux
tiba tiba NOUN 7 obj
di di ADP 12 case
Angola Angola PROPN 10 nmod
. . PUNCT 7 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Lula", "Person"), mention(p, "Brasil", "Person"),
                             mention(p, "Angola", "Country")])
    said = only(evs, "Statement")
    assert args(said) == {("speaker", "Lula")} and said.rule == "verb-trigger:left-scan"
    visit = only(evs, "Visit")                      # "tiba" tagged NOUN is still the verb of arrival
    assert args(visit) == {("agent", "Brasil"), ("destination", "Angola")} and visit.modality == ["planned"]


def test_conjoined_subject_the_tree_missed_is_read_from_the_sequence():
    text = "Presiden Chile Gabriel Boric dan Presiden Peru Dina Boluarte sepakat memperkuat perdagangan."
    rows = """
Presiden presiden PROPN 10 nsubj
Chile Chile PROPN 1 flat
Gabriel Gabriel PROPN 1 flat
Boric Boric PROPN 1 flat
dan dan CCONJ 10 cc
Presiden presiden PROPN 10 obl
Peru Peru PROPN 6 flat
Dina Dina PROPN 6 flat
Boluarte Boluarte PROPN 6 flat
sepakat sepakat VERB 0 root
memperkuat kuat VERB 10 xcomp
perdagangan perdagangan NOUN 11 obj
. . PUNCT 10 punct
"""
    p = parsed(text, rows)
    ev = only(extract_events(p, [mention(p, "Presiden Chile Gabriel Boric", "Person"),
                                 mention(p, "Presiden Peru Dina Boluarte", "Person")]), "Agreement")
    assert args(ev) == {("participant", "Presiden Chile Gabriel Boric"), ("participant", "Presiden Peru Dina Boluarte")}


def test_a_language_without_data_files_gives_no_events_and_no_error():
    text = "Le président a dit le 29/10/2024 que la France enverra des troupes."
    rows = "\n".join(f"{w} {w} X {0 if i == 0 else 1} {'root' if i == 0 else 'dep'}"
                     for i, w in enumerate(text[:-1].split())) + "\n. . PUNCT 1 punct"
    p = parsed(text, rows, language="fr")
    assert extract_events(p, [mention(p, "France", "Country")]) == []


def test_a_ke_phrase_of_a_noun_in_its_own_prepositional_phrase_is_not_the_triggers_destination():
    text = "Parlemen menyetujui pengiriman tentara Kanada dalam misi kemanusiaan ke Haiti."
    rows = """
Parlemen parlemen NOUN 2 nsubj
menyetujui setuju VERB 0 root Voice=Act
pengiriman pengiriman NOUN 2 obj
tentara tentara NOUN 3 nmod
Kanada Kanada PROPN 4 nmod
dalam dalam ADP 7 case
misi misi NOUN 3 nmod
kemanusiaan kemanusiaan NOUN 7 nmod
ke ke ADP 10 case
Haiti Haiti PROPN {haiti_head} nmod
. . PUNCT 2 punct
"""

    def deployment(haiti_head: int):
        p = parsed(text, rows.format(haiti_head=haiti_head))
        ms = [mention(p, "tentara Kanada", "ArmedForce"), mention(p, "Haiti", "Country")]
        return only(extract_events(p, ms), "Deployment")

    # "ke Haiti" hangs on "misi" (itself after "dalam"): the mission's direction, not the sending's
    assert args(deployment(7)) == {("force", "tentara Kanada")}
    # hung on the trigger, or on a noun with no preposition of its own: the sending's destination
    assert ("destination", "Haiti") in args(deployment(3))
    assert ("destination", "Haiti") in args(deployment(8))


def test_a_place_in_a_relative_clause_of_the_trigger_is_what_it_is_about_not_where_it_is_held():
    text = "Prabowo menghadiri KTT yang akan membahas penghentian perang di Gaza."
    rows = """
Prabowo Prabowo PROPN 2 nsubj
menghadiri hadir VERB 0 root Voice=Act
KTT KTT PROPN 2 obj
yang yang PRON 6 nsubj
akan akan AUX 6 aux
membahas bahas VERB 3 acl:relcl Voice=Act
penghentian henti NOUN 6 obj
perang perang NOUN 7 nmod
di di ADP 10 case
Gaza Gaza PROPN 7 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    meeting = only(extract_events(p, [mention(p, "Prabowo", "Person"), mention(p, "Gaza", "Place")]), "Meeting")
    # "di Gaza" hangs on the object of "membahas", a verb after the trigger: the war's place
    assert not {a for a in args(meeting) if a[0] in PLACE_ROLES}


def test_where_an_event_is_held_takes_the_towns_of_its_address_not_the_country():
    text = "Prabowo bertemu Putin di Istana Kremlin, Moskow, Rusia."
    rows = """
Prabowo Prabowo PROPN 2 nsubj
bertemu temu VERB 0 root Voice=Act
Putin Putin PROPN 2 obj
di di ADP 5 case
Istana Istana PROPN 2 obl
Kremlin Kremlin PROPN 5 flat
, , PUNCT 8 punct
Moskow Moskow PROPN 5 appos
, , PUNCT 10 punct
Rusia Rusia PROPN 8 appos
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Prabowo", "Person"), mention(p, "Putin", "Person"), mention(p, "Istana Kremlin", "Place"),
          mention(p, "Moskow", "Place"), mention(p, "Rusia", "Country")]
    places = {a for a in args(only(extract_events(p, ms), "Meeting")) if a[0] in PLACE_ROLES}
    assert places == {("place", "Istana Kremlin"), ("place", "Moskow")}


def test_where_a_quote_was_said_is_its_place_with_the_places_it_lies_in():
    text = "“Kami sudah siap,” kata Donny di Gedung DPR, Senayan, Jakarta, Selasa."
    rows = """
“ “ PUNCT 4 punct
Kami kami PRON 4 nsubj
sudah sudah ADV 4 advmod
siap siap ADJ 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
kata kata VERB 4 parataxis
Donny Donny PROPN 7 nsubj
di di ADP 10 case
Gedung gedung NOUN 7 obl
DPR DPR PROPN 10 nmod
, , PUNCT 13 punct
Senayan Senayan PROPN 10 appos
, , PUNCT 15 punct
Jakarta Jakarta PROPN 13 appos
, , PUNCT 17 punct
Selasa Selasa PROPN 7 obl
. . PUNCT 4 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Kami", "Unknown", source="pronoun"), mention(p, "Donny", "Person"),
          mention(p, "Gedung DPR", "Place"), mention(p, "Senayan", "Place"), mention(p, "Jakarta", "Place")]
    (st,) = [e for e in extract_events(p, ms) if e.trigger_text == "kata"]
    assert args(st) == {("speaker", "Donny"), ("place", "Gedung DPR"), ("place", "Senayan"), ("place", "Jakarta")}
    # the recogniser often cuts the building's name in two ("Gedung" + the organisation "DPR"):
    # the address still runs on past the organisation to the places it lies in
    ms[2:3] = [mention(p, "Gedung", "Place"), mention(p, "DPR", "Organization")]
    (st,) = [e for e in extract_events(p, ms) if e.trigger_text == "kata"]
    assert args(st) == {("speaker", "Donny"), ("place", "Gedung"), ("place", "Senayan"), ("place", "Jakarta")}
    # an organisation's seat ("di Gedung DPR" as one organisation): the places of its address
    ms[2:4] = [mention(p, "Gedung DPR", "Organization")]
    (st,) = [e for e in extract_events(p, ms) if e.trigger_text == "kata"]
    assert args(st) == {("speaker", "Donny"), ("place", "Senayan"), ("place", "Jakarta")}


def test_whom_a_statement_is_addressed_to_after_a_quote_or_a_speech_verb():
    text = "“Kami akan atur,” kata Prabowo kepada Albanese."
    rows = """
“ “ PUNCT 4 punct
Kami kami PRON 4 nsubj
akan akan AUX 4 aux
atur atur VERB 0 root
, , PUNCT 4 punct
” ” PUNCT 4 punct
kata kata VERB 4 parataxis
Prabowo Prabowo PROPN 7 nsubj
kepada kepada ADP 10 case
Albanese Albanese PROPN 8 nmod
. . PUNCT 4 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Kami", "Unknown", source="pronoun"), mention(p, "Prabowo", "Person"),
          mention(p, "Albanese", "Person")]
    (st,) = [e for e in extract_events(p, ms) if e.trigger_text == "kata"]
    assert args(st) == {("speaker", "Prabowo"), ("addressee", "Albanese")}

    # the tree hangs "kepada" on the object noun: found by sequence after the verb
    text = "Prabowo menyampaikan ucapan selamat kepada Albanese."
    rows = """
Prabowo Prabowo PROPN 2 nsubj
menyampaikan sampai VERB 0 root
ucapan ucap NOUN 2 obj
selamat selamat ADJ 3 amod
kepada kepada ADP 6 case
Albanese Albanese PROPN 4 obl
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Prabowo", "Person"), mention(p, "Albanese", "Person")]
    (st,) = [e for e in extract_events(p, ms) if e.type == "Statement"]
    assert args(st) == {("speaker", "Prabowo"), ("addressee", "Albanese")}


def test_where_talks_were_held_is_found_by_sequence_but_only_right_after_the_marker():
    def meeting(place_words: str, tail: list[str]) -> set:
        text = f"Prabowo bertemu Putin dalam suasana hangat {place_words} ."
        rows = "\n".join(["Prabowo Prabowo PROPN 2 nsubj", "bertemu temu VERB 0 root", "Putin Putin PROPN 2 obj",
                           "dalam dalam ADP 5 case", "suasana suasana NOUN 2 obl", "hangat hangat ADJ 5 amod",
                           "di di ADP 8 case", *tail, ". . PUNCT 2 punct"])
        p = parsed(text, rows)
        last = place_words.split()[-1]
        ms = [mention(p, "Prabowo", "Person"), mention(p, "Putin", "Person"), mention(p, last, "Place")]
        return args(only(extract_events(p, ms), "Meeting"))

    # the tree hangs "di Moskow" on "hangat": the meeting's place all the same
    assert ("place", "Moskow") in meeting("di Moskow", ["Moskow Moskow PROPN 6 obl"])
    # "di tengah kekhawatiran Ukraina" is when, not where
    assert not any(r == "place" for r, _ in meeting(
        "di tengah kekhawatiran Ukraina", ["tengah tengah NOUN 6 obl", "kekhawatiran khawatir NOUN 8 nmod",
                                           "Ukraina Ukraina PROPN 9 nmod"]))


def test_a_clause_subject_headed_by_a_common_word_is_no_party_of_the_talks():
    text = "Isu Taiwan kembali mencuat dalam pembicaraan tersebut."
    rows = """
Isu Isu PROPN 4 nsubj
Taiwan Taiwan PROPN 1 flat:name
kembali kembali ADV 4 advmod
mencuat cuat VERB 0 root
dalam dalam ADP 6 case
pembicaraan bicara NOUN 4 obl
tersebut tersebut DET 6 det
. . PUNCT 4 punct
"""
    p = parsed(text, rows)
    (talks,) = extract_events(p, [mention(p, "Taiwan", "Country")])
    assert args(talks) == set()


def test_whom_an_order_is_given_is_its_addressee_but_what_is_said_is_not():
    def statement(verb: str) -> set:
        text = f"Prabowo {verb} TNI bersiap ."
        rows = f"""
Prabowo Prabowo PROPN 2 nsubj
{verb} {verb} VERB 0 root
TNI TNI PROPN 2 obj
bersiap siap VERB 2 xcomp
. . PUNCT 2 punct
"""
        p = parsed(text, rows)
        return args(only(extract_events(p, [mention(p, "Prabowo", "Person"), mention(p, "TNI", "ArmedForce")]),
                         "Statement"))

    assert statement("memerintahkan") == {("speaker", "Prabowo"), ("addressee", "TNI")}
    assert statement("menyebut") == {("speaker", "Prabowo")}      # "menyebut X …": X is what is said


def test_a_meeting_named_in_a_phrase_of_another_noun_takes_no_date_of_that_noun_s_clause():
    def ktt(governor: str, upos: str):
        text = f"{governor} ke KTT datang pada Sabtu (11/10/2025)."
        rows = f"""
{governor} {governor.lower()} {upos} 4 nsubj
ke ke ADP 3 case
KTT KTT PROPN 1 nmod
datang datang VERB 0 root
pada pada ADP 6 case
Sabtu Sabtu PROPN 4 obl
( ( PUNCT 8 punct
11/10/2025 11/10/2025 NUM 6 nummod
) ) PUNCT 8 punct
. . PUNCT 4 punct
"""
        p = parsed(text, rows)
        return only(extract_events(p, [mention(p, "Sabtu", "Unknown")]), "Meeting")

    # "undangan ke KTT datang pada Sabtu": the invitation came on Saturday, not the summit
    assert ktt("Undangan", "NOUN").date is None
    # "Prabowo ke KTT …" (a name, not a noun): the sentence's date is the summit's
    assert ktt("Prabowo", "PROPN").date == date(2025, 10, 11)


def test_an_event_noun_that_a_derived_noun_acts_on_takes_no_date_of_that_noun_s_clause():
    # "Penentuan pengiriman pasukan ditentukan pada Senin": the decision is on Monday, not the sending
    text = "Penentuan pengiriman pasukan ditentukan pada Senin (9/2/2026)."
    rows = """
Penentuan tentu NOUN 4 nsubj:pass
pengiriman kirim NOUN 1 nmod
pasukan pasukan NOUN 1 nmod
ditentukan tentu VERB 0 root Voice=Pass
pada pada ADP 6 case
Senin Senin PROPN 4 obl
( ( PUNCT 8 punct
9/2/2026 9/2/2026 NUM 6 nummod
) ) PUNCT 8 punct
. . PUNCT 4 punct
"""
    p = parsed(text, rows)
    sending = only(extract_events(p, [mention(p, "pasukan", "ArmedForce")]), "Deployment")
    assert sending.date is None and sending.time is None


def test_an_oblique_the_parser_hung_on_the_trigger_s_adverb_is_the_trigger_s():
    text = "Perintah itu disampaikan langsung oleh Raka kepada menteri."
    rows = """
Perintah perintah NOUN 3 nsubj:pass
itu itu DET 1 det
disampaikan sampai VERB 0 root Voice=Pass
langsung langsung ADJ 3 advmod
oleh oleh ADP 6 case
Raka Raka PROPN 4 obl
kepada kepada ADP 8 case
menteri menteri NOUN 6 nmod
. . PUNCT 3 punct
"""
    p = parsed(text, rows)
    st = only(extract_events(p, [mention(p, "Raka", "Person")]), "Statement")
    assert ("speaker", "Raka") in args(st)


def test_what_a_statement_is_about_takes_no_party_from_its_speaker():
    # "Rusia belum mengonfirmasi percakapan ini": Russia has not confirmed the call, no party to it
    text = "Rusia belum mengonfirmasi percakapan ini."
    rows = """
Rusia Rusia PROPN 3 nsubj
belum belum ADV 3 advmod
mengonfirmasi konfirmasi VERB 0 root Voice=Act
percakapan cakap NOUN 3 obj
ini ini DET 4 det
. . PUNCT 3 punct
"""
    p = parsed(text, rows)
    assert args(only(extract_events(p, [mention(p, "Rusia", "Country")]), "Call")) == set()


def test_an_attribution_set_off_by_commas_inside_its_sentence_is_a_statement():
    text = "Rusia, kata Putin, siap bekerja keras."
    rows = """
Rusia Rusia PROPN 6 nsubj
, , PUNCT 3 punct
kata kata NOUN 1 appos
Putin Putin PROPN 3 nmod
, , PUNCT 3 punct
siap siap ADJ 0 root
bekerja kerja VERB 6 xcomp
keras keras ADJ 7 advmod
. . PUNCT 6 punct
"""
    p = parsed(text, rows)
    st = only(extract_events(p, [mention(p, "Rusia", "Country"), mention(p, "Putin", "Person")]), "Statement")
    assert (st.rule, st.trigger_text, args(st)) == ("speech:aside", "kata", {("speaker", "Putin")})
    # a word, not a speaker, between the commas: no statement
    p = parsed(text.replace("Putin", "kunci"), rows.replace("Putin Putin PROPN", "kunci kunci NOUN"))
    assert not [e for e in extract_events(p, [mention(p, "Rusia", "Country")]) if e.type == "Statement"]


def test_a_closing_quote_typed_as_two_apostrophes_still_closes_the_quotation():
    text = "“Kami hanya menjaga wilayah,'' tegas Raka."
    rows = """
“ “ PUNCT 3 punct
Kami kami PRON 3 nsubj
hanya hanya ADV 4 advmod
menjaga jaga VERB 0 root
wilayah wilayah NOUN 4 obj
, , PUNCT 9 punct
' ' PUNCT 9 punct
' ' PUNCT 9 punct
tegas tegas NOUN 5 appos
Raka Raka PROPN 9 nmod
. . PUNCT 4 punct
"""
    p = parsed(text, rows)
    st = only(extract_events(p, [mention(p, "Raka", "Person")]), "Statement")
    assert (st.rule, args(st), st.quote) == ("speech:quote-inverted", {("speaker", "Raka")},
                                             "Kami hanya menjaga wilayah")


def test_a_noun_pointing_back_to_an_event_told_before_needs_no_condition():
    text = "Raka melepas prajurit TNI ke Keldan.\nPenugasan tersebut diarahkan sebagai pasukan perdamaian."
    rows = """
Raka Raka PROPN 2 nsubj
melepas lepas VERB 0 root Voice=Act
prajurit prajurit NOUN 2 obj
TNI TNI PROPN 3 nmod
ke ke ADP 6 case
Keldan Keldan PROPN 2 obl
. . PUNCT 2 punct

Penugasan tugas NOUN 3 nsubj:pass
tersebut tersebut DET 1 det
diarahkan arah VERB 0 root Voice=Pass
sebagai sebagai ADP 6 case
pasukan pasukan NOUN 3 obl
perdamaian damai NOUN 5 nmod
. . PUNCT 3 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Raka", "Person"), mention(p, "prajurit TNI", "ArmedForce"), mention(p, "Keldan", "Country")]
    assert [e.trigger_text for e in extract_events(p, ms) if e.type == "Deployment"] == ["melepas", "Penugasan"]
    # told first, the same noun with no force is no deployment
    p = parsed(text.split("\n")[1], rows.split("\n\n")[1])
    assert not [e for e in extract_events(p, []) if e.type == "Deployment"]
    # past one noun: "Pelepasan keberangkatan tersebut berlangsung …"
    text = "Raka melepas prajurit TNI ke Keldan.\nPelepasan keberangkatan tersebut berlangsung meriah."
    rows = rows.split("\n\n")[0] + """

Pelepasan lepas NOUN 4 nsubj
keberangkatan angkat NOUN 1 nmod
tersebut tersebut DET 1 det
berlangsung langsung VERB 0 root
meriah meriah ADJ 4 advmod
. . PUNCT 4 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Raka", "Person"), mention(p, "prajurit TNI", "ArmedForce"), mention(p, "Keldan", "Country")]
    assert [e.trigger_text for e in extract_events(p, ms) if e.type == "Deployment"] == ["melepas", "Pelepasan"]


def test_a_host_receiving_a_guest_is_a_meeting_and_hosting_a_dinner_is_not():
    def hosted(guest: str, guest_type: str | None) -> list:
        text = f"Putin menjamu {guest} di Petersburg ."
        rows = f"""
Putin Putin PROPN 2 nsubj
menjamu jamu VERB 0 root
{guest} {guest.lower()} {"PROPN" if guest_type else "NOUN"} 2 obj
di di ADP 5 case
Petersburg Petersburg PROPN 2 obl
. . PUNCT 2 punct
"""
        p = parsed(text, rows)
        ms = [mention(p, "Putin", "Person"), mention(p, "Petersburg", "Place")]
        ms += [mention(p, guest, guest_type)] if guest_type else []
        return [e for e in extract_events(p, ms) if e.type == "Meeting"]

    (met,) = hosted("Prabowo", "Person")
    assert args(met) == {("agent", "Putin"), ("participant", "Prabowo"), ("place", "Petersburg")}
    assert hosted("tamunya", None) == []          # no one named is received: no meeting


def test_a_subjectless_clause_of_time_shares_its_governor_s_subject():
    def sending(marker: str) -> set:
        text = f"Agus mengingatkan prajurit {marker} melepas pasukan ke Lebanon ."
        rows = f"""
Agus Agus PROPN 2 nsubj
mengingatkan ingat VERB 0 root
prajurit prajurit NOUN 2 obj
{marker} {marker} SCONJ 5 mark
melepas lepas VERB 2 advcl
pasukan pasukan NOUN 5 obj
ke ke ADP 8 case
Lebanon Lebanon PROPN 5 obl
. . PUNCT 2 punct
"""
        p = parsed(text, rows)
        ms = [mention(p, "Agus", "Person"), mention(p, "pasukan", "ArmedForce"), mention(p, "Lebanon", "Country")]
        return args(only(extract_events(p, ms), "Deployment"))

    assert ("agent", "Agus") in sending("ketika")       # "… when seeing off the troops": Agus sees them off
    assert ("agent", "Agus") in sending("dengan")       # "… by sending troops"
    assert ("agent", "Agus") not in sending("agar")     # "… so that [someone] sends": not Agus


def test_an_organisation_in_a_place_slot_stands_for_its_address():
    text = "Prabowo bertemu Albanese di Istana , Jakarta ."
    rows = """
Prabowo Prabowo PROPN 2 nsubj
bertemu temu VERB 0 root
Albanese Albanese PROPN 2 obj
di di ADP 5 case
Istana Istana PROPN 2 obl
, , PUNCT 7 punct
Jakarta Jakarta PROPN 5 appos
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Prabowo", "Person"), mention(p, "Albanese", "Person"), mention(p, "Istana", "Organization"),
          mention(p, "Jakarta", "Place")]
    assert ("place", "Jakarta") in args(only(extract_events(p, ms), "Meeting"))


def test_the_arrival_of_a_person_is_a_visit_and_the_arrival_of_ships_is_not():
    def arrival(who: str, typ: str) -> list:
        text = f"Putin menyambut kedatangan {who} ."
        rows = f"""
Putin Putin PROPN 2 nsubj
menyambut sambut VERB 0 root
kedatangan datang NOUN 2 obj
{who} {who.lower()} PROPN 3 nmod
. . PUNCT 2 punct
"""
        p = parsed(text, rows)
        return [e for e in extract_events(p, [mention(p, "Putin", "Person"), mention(p, who, typ)])
                if e.type == "Visit"]

    (visit,) = arrival("Prabowo", "Person")
    assert ("agent", "Prabowo") in args(visit)
    assert arrival("Armada", "ArmedForce") == []


def test_a_talk_noun_under_a_talk_verb_is_a_mention_of_its_own_but_an_apposition_is_not():
    text = "Dalam percakapan tersebut , Trump dan Putin membahas Ukraina ."
    rows = """
Dalam dalam ADP 2 case
percakapan cakap NOUN 8 obl
tersebut tersebut DET 2 det
, , PUNCT 2 punct
Trump Trump PROPN 8 nsubj
dan dan CCONJ 7 cc
Putin Putin PROPN 5 conj
membahas bahas VERB 0 root
Ukraina Ukraina PROPN 8 obj
. . PUNCT 8 punct
"""
    p = parsed(text, rows)
    calls = [e for e in extract_events(p, [mention(p, "Trump", "Person"), mention(p, "Putin", "Person"),
                                           mention(p, "Ukraina", "Country")]) if e.type == "Call"]
    assert [c.trigger_text for c in calls] == ["percakapan", "membahas"]
    text = "Prabowo menghadiri Konferensi Tingkat Tinggi ( KTT ) di Mesir ."
    rows = """
Prabowo Prabowo PROPN 2 nsubj
menghadiri hadir VERB 0 root
Konferensi Konferensi PROPN 2 obj
Tingkat Tingkat PROPN 3 flat
Tinggi Tinggi PROPN 3 flat
( ( PUNCT 7 punct
KTT KTT PROPN 3 appos
) ) PUNCT 7 punct
di di ADP 10 case
Mesir Mesir PROPN 2 obl
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    meetings = [e for e in extract_events(p, [mention(p, "Prabowo", "Person"), mention(p, "Mesir", "Country")])
                if e.type == "Meeting"]
    assert [m.trigger_text for m in meetings] == ["Konferensi Tingkat Tinggi"]


def test_a_destination_takes_the_places_it_lies_in_but_not_the_next_clause_s_name():
    def destinations(text: str, rows: str, places: list[str]) -> set:
        p = parsed(text, rows)
        ms = [mention(p, "Prabowo", "Person")] + [mention(p, w, "Place") for w in places]
        return {a for a in args(only(extract_events(p, ms), "Visit")) if a[0] == "destination"}

    text = "Prabowo bertolak ke Sharm , Mesir , untuk menghadiri KTT ."
    rows = """
Prabowo Prabowo PROPN 2 nsubj
bertolak tolak VERB 0 root
ke ke ADP 4 case
Sharm Sharm PROPN 2 obl
, , PUNCT 6 punct
Mesir Mesir PROPN 4 appos
, , PUNCT 9 punct
untuk untuk SCONJ 9 mark
menghadiri hadir VERB 2 advcl
KTT KTT PROPN 9 obj
. . PUNCT 2 punct
"""
    assert destinations(text, rows, ["Sharm", "Mesir"]) == {("destination", "Sharm"), ("destination", "Mesir")}
    # "ke Rusia, Ukraina-Korsel Sepakat …": the name after the comma opens another clause
    text = "Prabowo bertolak ke Rusia , Ukraina-Korsel sepakat ."
    rows = """
Prabowo Prabowo PROPN 2 nsubj
bertolak tolak VERB 0 root
ke ke ADP 4 case
Rusia Rusia PROPN 2 obl
, , PUNCT 7 punct
Ukraina-Korsel Ukraina-Korsel PROPN 7 nsubj
sepakat sepakat ADJ 2 parataxis
. . PUNCT 2 punct
"""
    assert destinations(text, rows, ["Rusia", "Ukraina"]) == {("destination", "Rusia")}


def test_the_subject_of_a_light_verb_makes_the_visit():
    text = "Albanese melakukan kunjungan pertama pada Mei ."
    rows = """
Albanese Albanese PROPN 2 nsubj
melakukan laku VERB 0 root
kunjungan kunjung NOUN 2 obj
pertama pertama ADJ 3 amod
pada pada ADP 6 case
Mei Mei PROPN 2 obl
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    visit = only(extract_events(p, [mention(p, "Albanese", "Person")]), "Visit")
    assert args(visit) == {("agent", "Albanese")}


def test_a_person_arriving_visits_and_a_person_moving_house_does_not():
    def visits(verb: str) -> list:
        text = f"Catalano {verb} di London ."
        rows = f"""
Catalano Catalano PROPN 2 nsubj
{verb} {verb} VERB 0 root
di di ADP 4 case
London London PROPN 2 obl
. . PUNCT 2 punct
"""
        p = parsed(text, rows)
        return [e for e in extract_events(p, [mention(p, "Catalano", "Person"), mention(p, "London", "Place")])
                if e.type == "Visit"]

    assert len(visits("tiba")) == 1
    assert visits("pindah") == []


def test_a_title_alone_arriving_is_its_holder_visiting():
    text = "Kepala Negara tiba di London ."
    rows = """
Kepala Kepala NOUN 3 nsubj
Negara Negara NOUN 1 nmod
tiba tiba VERB 0 root
di di ADP 5 case
London London PROPN 3 obl
. . PUNCT 3 punct
"""
    p = parsed(text, rows)
    (visit,) = [e for e in extract_events(p, [mention(p, "London", "Place")]) if e.type == "Visit"]
    assert visit.trigger_text == "tiba"


def test_talks_are_the_meeting_in_an_article_that_tells_only_a_meeting():
    text = "Prabowo bertemu Putin di Moskow.\nPembicaraan berlangsung hangat."
    rows = """
Prabowo Prabowo PROPN 2 nsubj
bertemu temu VERB 0 root
Putin Putin PROPN 2 obj
di di ADP 5 case
Moskow Moskow PROPN 2 obl
. . PUNCT 2 punct

Pembicaraan bicara NOUN 2 nsubj
berlangsung langsung VERB 0 root
hangat hangat ADJ 2 advmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows)
    ms = [mention(p, "Prabowo", "Person"), mention(p, "Putin", "Person"), mention(p, "Moskow", "Place")]
    talks = next(e for e in extract_events(p, ms) if e.trigger_text == "Pembicaraan")
    assert talks.type == "Meeting"
    # where the article tells a call, the talks are the call
    call = "Prabowo menelepon Putin.\nPembicaraan berlangsung hangat."
    call_rows = rows.replace("bertemu temu VERB", "menelepon telepon VERB").replace(
        "di di ADP 5 case\nMoskow Moskow PROPN 2 obl\n", "")
    p2 = parsed(call, call_rows)
    ms2 = [mention(p2, "Prabowo", "Person"), mention(p2, "Putin", "Person")]
    assert next(e for e in extract_events(p2, ms2) if e.trigger_text == "Pembicaraan").type == "Call"


def test_a_state_dinner_is_a_meeting_but_the_room_named_for_one_is_not():
    text = "Kedua presiden memasuki ruang jamuan istana . Jamuan makan malam itu berlangsung hangat ."
    rows = """
Kedua dua NUM 2 det
presiden presiden NOUN 3 nsubj
memasuki masuk VERB 0 root
ruang ruang NOUN 3 obj
jamuan jamuan NOUN 4 nmod
istana istana NOUN 4 nmod
. . PUNCT 3 punct

Jamuan jamuan NOUN 5 nsubj
makan makan NOUN 1 nmod
malam malam NOUN 2 nmod
itu itu DET 1 det
berlangsung langsung VERB 0 root
hangat hangat ADJ 5 xcomp
. . PUNCT 5 punct
"""
    p = parsed(text, rows)
    meetings = [e for e in extract_events(p, []) if e.type == "Meeting"]
    assert [(m.trigger_text, m.sentence) for m in meetings] == [("Jamuan", 1)]


def test_the_one_told_to_act_is_the_addressee_where_the_parser_hangs_it_on_the_complement():
    text = "Presiden Ortiz memerintahkan TNI mempersiapkan pasukan perdamaian ."
    rows = """
Presiden Presiden NOUN 3 nsubj
Ortiz Ortiz PROPN 1 nmod
memerintahkan perintah VERB 0 root Voice=Act
TNI TNI PROPN 5 obj
mempersiapkan siap VERB 3 xcomp Voice=Act
pasukan pasukan NOUN 5 obj
perdamaian damai NOUN 6 nmod
. . PUNCT 3 punct
"""
    p = parsed(text, rows)
    st = only(extract_events(p, [mention(p, "Presiden Ortiz", "Person"), mention(p, "TNI", "ArmedForce")]),
              "Statement")
    assert args(st) == {("speaker", "Presiden Ortiz"), ("addressee", "TNI")}


def test_the_object_of_bertemu_is_the_other_party_and_a_scheduled_meeting_is_planned():
    text = "Presiden Lena Ortiz dijadwalkan bertemu Presiden Ana Kovalenko di Kyiv."
    rows = """
Presiden presiden PROPN 4 nsubj:pass
Lena Lena PROPN 1 flat
Ortiz Ortiz PROPN 1 flat
dijadwalkan jadwal VERB 0 root Voice=Pass
bertemu temu VERB 4 xcomp Voice=Act
Presiden presiden PROPN 5 obj
Ana Ana PROPN 6 flat
Kovalenko Kovalenko PROPN 6 flat
di di ADP 10 case
Kyiv Kyiv PROPN 5 obl
. . PUNCT 4 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Presiden Lena Ortiz", "Person"),
                             mention(p, "Presiden Ana Kovalenko", "Person"), mention(p, "Kyiv", "Place")])
    meeting = only(evs, "Meeting")
    assert args(meeting) == {("participant", "Presiden Lena Ortiz"), ("participant", "Presiden Ana Kovalenko"),
                             ("place", "Kyiv")}
    assert meeting.modality == ["planned"]


def test_a_place_on_what_a_call_discusses_is_not_where_the_call_is():
    text = "Lena Ortiz membahas situasi di Kyiv dengan Ana Kovalenko."
    rows = """
Lena Lena PROPN 3 nsubj
Ortiz Ortiz PROPN 1 flat
membahas bahas VERB 0 root Voice=Act
situasi situasi NOUN 3 obj
di di ADP 6 case
Kyiv Kyiv PROPN 4 nmod
dengan dengan ADP 8 case
Ana Ana PROPN 6 nmod
Kovalenko Kovalenko PROPN 8 flat
. . PUNCT 3 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Lena Ortiz", "Person"), mention(p, "Ana Kovalenko", "Person"),
                             mention(p, "Kyiv", "Place")])
    call = only(evs, "Call")
    assert args(call) == {("participant", "Lena Ortiz"), ("participant", "Ana Kovalenko")}


def test_a_word_inside_a_person_s_title_is_no_event():
    text = "Juru bicara Kemlu Keldan Ana Ortiz berbicara dengan Lena Park."
    rows = """
Juru juru NOUN 8 nsubj
bicara bicara NOUN 1 compound
Kemlu Kemlu PROPN 1 nmod
Keldan Keldan PROPN 3 nmod
Ana Ana PROPN 1 nmod
Ortiz Ortiz PROPN 5 flat
berbicara bicara VERB 0 root Voice=Act
dengan dengan ADP 9 case
Lena Lena PROPN 7 obl
Park Park PROPN 9 flat
. . PUNCT 7 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Juru bicara Kemlu Keldan Ana Ortiz", "Person"),
                             mention(p, "Lena Park", "Person")])
    call = only(evs, "Call")
    assert call.trigger_text == "berbicara"
    assert args(call) == {("participant", "Juru bicara Kemlu Keldan Ana Ortiz"), ("participant", "Lena Park")}


def test_a_light_verb_left_without_a_subject_and_a_joined_noun_share_the_names_before_it():
    # the parser hung the names on the clause before: "… upacara, Presiden Ortiz dan PM Park akan
    # melakukan pertemuan empat mata dan pertemuan bilateral"
    text = "Setelah upacara, Presiden Ortiz dan PM Park akan melakukan pertemuan empat mata dan pertemuan bilateral."
    rows = """
Setelah telah SCONJ 2 mark
upacara upacara NOUN 10 advcl
, , PUNCT 4 punct
Presiden Presiden PROPN 2 appos
Ortiz Ortiz PROPN 4 flat
dan dan CCONJ 7 cc
PM PM PROPN 4 conj
Park Park PROPN 7 flat
akan akan AUX 10 aux
melakukan laku VERB 0 root Voice=Act
pertemuan temu NOUN 10 obj
empat empat NUM 13 nummod
mata mata NOUN 11 nmod
dan dan CCONJ 15 cc
pertemuan temu NOUN 11 conj
bilateral bilateral ADJ 15 amod
. . PUNCT 10 punct
"""
    p = parsed(text, rows)
    evs = extract_events(p, [mention(p, "Presiden Ortiz", "Person"), mention(p, "PM Park", "Person")])
    meetings = [e for e in evs if e.type == "Meeting"]
    assert len(meetings) == 2
    for m in meetings:
        assert args(m) == {("participant", "Presiden Ortiz"), ("participant", "PM Park")}
        assert m.modality == ["planned"]
