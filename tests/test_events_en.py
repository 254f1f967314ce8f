"""English extraction patterns (kg/lang/en), on small hand-parsed articles.

The sentences are written for these tests (invented people and events); each
exercises one pattern of English news: quote-final attribution with the
speaker before its verb, "calling X a Y" against "called X", the accord an
agreement verb acts on, a determiner making a gerund a noun, a host
receiving a guest, an event placed after another ("after his conversation").
"""
from __future__ import annotations

import pytest
from conllu_util import args, mention, only, parsed

from kg.extract.events import extract_events
from kg.resolve.entities import resolve_entities


def test_quote_final_attribution_with_the_speaker_before_the_verb():
    text = "“The border stays open,” Minister Lena Ortiz said on Friday."
    rows = """
“ “ PUNCT 4 punct
The the DET 3 det
border border NOUN 4 nsubj
stays stay VERB 11 ccomp
open open ADJ 4 xcomp
, , PUNCT 4 punct
” ” PUNCT 4 punct
Minister minister PROPN 11 nsubj
Lena Lena PROPN 8 flat
Ortiz Ortiz PROPN 8 flat
said say VERB 0 root
on on ADP 13 case
Friday Friday PROPN 11 obl
. . PUNCT 11 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, "Minister Lena Ortiz", "Person")]), "Statement")
    assert st.rule == "speech:quote-inverted" and st.trigger_text == "said"
    assert args(st) == {("speaker", "Minister Lena Ortiz")}
    assert st.quote == "The border stays open"


def test_quote_final_attribution_finds_a_speaker_the_parse_left_unattached():
    text = "“We will talk again,” the Ortiz aide said."
    rows = """
“ “ PUNCT 4 punct
We we PRON 4 nsubj
will will AUX 4 aux
talk talk VERB 0 root
again again ADV 4 advmod
, , PUNCT 4 punct
” ” PUNCT 4 punct
the the DET 10 det
Ortiz Ortiz PROPN 10 compound
aide aide NOUN 4 dep
said say VERB 4 parataxis
. . PUNCT 4 punct
"""
    p = parsed(text, rows, language="en")
    evs = extract_events(p, [mention(p, "Ortiz", "Person")])
    st = only(evs, "Statement")
    assert st.rule == "speech:quote-inverted" and args(st) == {("speaker", "Ortiz")}


CALLED = """
Mayor mayor PROPN 4 nsubj
Ito Ito PROPN 1 flat
has have AUX 4 aux
called call VERB 0 root
the the DET 6 det
talks talk NOUN 4 obj
a a DET 9 det
real real ADJ 9 amod
step step NOUN 4 xcomp
. . PUNCT 4 punct
"""


def test_calling_something_a_name_is_a_statement_not_a_phone_call():
    p = parsed("Mayor Ito has called the talks a real step.", CALLED, language="en")
    evs = extract_events(p, [mention(p, "Mayor Ito", "Person")])
    st = only(evs, "Statement")
    assert st.trigger_text == "called" and args(st) == {("speaker", "Mayor Ito")}
    assert not [e for e in evs if e.type == "Call"]


def test_calling_a_person_is_a_phone_call():
    text = "Mayor Ito called Governor Rask on Monday."
    rows = """
Mayor mayor PROPN 3 nsubj
Ito Ito PROPN 1 flat
called call VERB 0 root
Governor governor PROPN 3 obj
Rask Rask PROPN 4 flat
on on ADP 7 case
Monday Monday PROPN 3 obl
. . PUNCT 3 punct
"""
    p = parsed(text, rows, language="en")
    call = only(extract_events(p, [mention(p, "Mayor Ito", "Person"), mention(p, "Governor Rask", "Person")]),
                "Call")
    assert args(call) == {("participant", "Mayor Ito"), ("participant", "Governor Rask")}


def test_the_call_for_weeks_is_a_call_and_calling_for_a_truce_a_statement():
    text = "Mayor Ito pushed for the call for weeks.\nMayor Ito called for a truce."
    rows = """
Mayor mayor PROPN 3 nsubj
Ito Ito PROPN 1 flat
pushed push VERB 0 root
for for ADP 6 case
the the DET 6 det
call call NOUN 3 obl
for for ADP 8 case
weeks week NOUN 6 nmod
. . PUNCT 3 punct

Mayor mayor PROPN 3 nsubj
Ito Ito PROPN 1 flat
called call VERB 0 root
for for ADP 6 case
a a DET 6 det
truce truce NOUN 3 obl
. . PUNCT 3 punct
"""
    p = parsed(text, rows, language="en")
    evs = extract_events(p, [mention(p, "Mayor Ito", "Person"), mention(p, "Mayor Ito", "Person", nth=1)])
    assert [(e.type, e.trigger_text) for e in evs] == [("Call", "call"), ("Statement", "called for")]


def test_a_trigger_word_inside_a_name_is_no_event():
    text = "Indonesia seeks to join the Comprehensive Trade Agreement for Pacific Partnership, officials agreed."
    words = text.replace(",", " ,").replace(".", " .").split()
    rows = "\n".join(f"{w} {w.lower()} {'PROPN' if w[0].isupper() else 'NOUN'} 0 dep" for w in words)
    p = parsed(text, rows, language="en")
    evs = extract_events(p, [mention(p, "Indonesia", "Country")])
    assert {e.trigger_text for e in evs if e.type in ("Agreement", "Cooperation")} <= {"agreed"}
    assert not any(e.trigger_text in ("Agreement", "Partnership") for e in evs)


def test_renewing_an_accord_is_an_agreement_renewing_ties_is_not():
    text = "Chile and Peru renewed their fishing pact.\nChile and Peru renewed their ties."
    rows = """
Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
renewed renew VERB 0 root
their their PRON 7 nmod:poss
fishing fishing NOUN 7 compound
pact pact NOUN 4 obj
. . PUNCT 4 punct

Chile Chile PROPN 4 nsubj
and and CCONJ 3 cc
Peru Peru PROPN 1 conj
renewed renew VERB 0 root
their their PRON 6 nmod:poss
ties tie NOUN 4 obj
. . PUNCT 4 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Chile", "Country"), mention(p, "Peru", "Country"),
          mention(p, "Chile", "Country", 1), mention(p, "Peru", "Country", 1)]
    evs = extract_events(p, ms)
    assert [(e.type, e.trigger_text) for e in evs] == [("Agreement", "renewed")]
    assert args(evs[0]) == {("participant", "Chile"), ("participant", "Peru")}


def test_a_determiner_makes_a_gerund_trigger_a_noun_with_its_of_phrase_the_force():
    text = "The dispatching of 300 Chilean soldiers to Haiti was approved."
    rows = """
The the DET 2 det
dispatching dispatch VERB 10 nsubj:pass VerbForm=Ger
of of ADP 6 case
300 300 NUM 6 nummod
Chilean Chilean ADJ 6 amod
soldiers soldier NOUN 2 nmod
to to ADP 8 case
Haiti Haiti PROPN 2 nmod
was be AUX 10 aux:pass
approved approve VERB 0 root
. . PUNCT 10 punct
"""
    p = parsed(text, rows, language="en")
    dep = only(extract_events(p, [mention(p, "Chilean soldiers", "ArmedForce"), mention(p, "Haiti", "Country")]),
               "Deployment")
    assert dep.rule.startswith("nominal-trigger")
    assert args(dep) == {("force", "Chilean soldiers"), ("destination", "Haiti")}
    assert dep.quantity.value == 300


def test_a_host_receiving_a_person_is_a_meeting():
    text = "Governor Rask hosts Mayor Ito in Valparaiso."
    rows = """
Governor governor PROPN 3 nsubj
Rask Rask PROPN 1 flat
hosts host VERB 0 root
Mayor mayor PROPN 3 obj
Ito Ito PROPN 4 flat
in in ADP 7 case
Valparaiso Valparaiso PROPN 3 obl
. . PUNCT 3 punct
"""
    p = parsed(text, rows, language="en")
    ev = only(extract_events(p, [mention(p, "Governor Rask", "Person"), mention(p, "Mayor Ito", "Person"),
                                 mention(p, "Valparaiso", "Place")]), "Meeting")
    assert args(ev) == {("agent", "Governor Rask"), ("participant", "Mayor Ito"), ("place", "Valparaiso")}


def test_a_noun_placed_after_its_governor_is_another_event_and_his_is_the_subject():
    text = "Ortiz spoke with Lindqvist shortly after his conversation with Haddad."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
spoke speak VERB 0 root
with with ADP 4 case
Lindqvist Lindqvist PROPN 2 obl
shortly shortly ADV 2 advmod
after after ADP 8 case
his his PRON 8 nmod:poss
conversation conversation NOUN 2 obl
with with ADP 10 case
Haddad Haddad PROPN 8 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    names = [mention(p, n, "Person") for n in ("Ortiz", "Lindqvist", "Haddad")]
    his = mention(p, "his", "Person", source="pronoun")
    calls = [e for e in extract_events(p, [*names, his]) if e.type == "Call"]
    assert [c.trigger_text for c in calls] == ["spoke", "conversation"]     # not absorbed into "spoke"
    resolve_entities([p], [*names, his])
    assert his.entity_ids == names[0].entity_ids                          # the subject, not the nearest name
    assert {a.mention.text for a in calls[1].arguments} == {"his", "Haddad"}


def test_a_purpose_clause_shares_its_governor_s_subject_and_an_object_pronoun_is_not_it():
    """'Ortiz called Weber to congratulate him': Ortiz congratulates, and "him" is Weber."""
    text = "Ortiz called Weber to congratulate him."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
called call VERB 0 root
Weber Weber PROPN 2 obj
to to PART 5 mark
congratulate congratulate VERB 2 advcl
him he PRON 5 obj
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    names = [mention(p, n, "Person") for n in ("Ortiz", "Weber")]
    him = mention(p, "him", "Person", source="pronoun")
    st = only(extract_events(p, [*names, him]), "Statement")
    assert args(st) == {("speaker", "Ortiz"), ("addressee", "him")}
    resolve_entities([p], [*names, him])
    assert him.entity_ids == names[1].entity_ids          # the subject is never its own clause's object


@pytest.mark.parametrize("rel", ["xcomp", "advcl"])
def test_the_one_invited_to_visit_is_the_visitor_not_the_host(rel):
    text = "Lindqvist invited Ortiz to visit Keldan."
    rows = f"""
Lindqvist Lindqvist PROPN 2 nsubj
invited invite VERB 0 root
Ortiz Ortiz PROPN 2 obj
to to PART 5 mark
visit visit VERB 2 {rel}
Keldan Keldan PROPN 5 obj
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Lindqvist", "Person"), mention(p, "Ortiz", "Person"), mention(p, "Keldan", "Country")]
    visit = only(extract_events(p, ms), "Visit")
    assert ("agent", "Ortiz") in args(visit) and ("agent", "Lindqvist") not in args(visit)


def test_a_destination_the_parser_hung_on_the_object_is_still_the_sending_s():
    text = "Ortiz sent thousands of troops into Keldan."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
sent send VERB 0 root
thousands thousand NOUN 2 obj
of of ADP 5 case
troops troops NOUN 3 nmod
into into ADP 7 case
Keldan Keldan PROPN 3 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Ortiz", "Person"), mention(p, "troops", "ArmedForce"), mention(p, "Keldan", "Country")]
    assert ("destination", "Keldan") in args(only(extract_events(p, ms), "Deployment"))


def test_a_reported_clause_that_opens_a_quotation_runs_to_its_close():
    text = 'Ortiz said they "both agreed, we want to stop the deaths" on Friday.'
    rows = """
Ortiz Ortiz PROPN 2 nsubj
said say VERB 0 root
they they PRON 6 nsubj
" " PUNCT 6 punct
both both DET 6 advmod
agreed agree VERB 2 ccomp
, , PUNCT 9 punct
we we PRON 9 nsubj
want want VERB 2 parataxis
to to PART 11 mark
stop stop VERB 9 xcomp
the the DET 13 det
deaths death NOUN 11 obj
" " PUNCT 9 punct
on on ADP 16 case
Friday Friday PROPN 2 obl
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, "Ortiz", "Person")]), "Statement")
    assert "stop the deaths" in st.quote and "Friday" not in st.quote


def test_a_quotation_closing_the_sentence_before_is_the_one_the_speaker_says():
    """ '“… ‘Look, are you serious?’” Vance said as he prepared to depart': the tokenizer ends
    the sentence at the quotation; the statement is the whole quotation, not "as he prepared …"."""
    text = "“We see an impasse. He will say: ‘Look, are you serious?’” Ortiz said as he left."
    rows = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
see see VERB 0 root
an a DET 5 det
impasse impasse NOUN 3 obj
. . PUNCT 3 punct

He he PRON 3 nsubj
will will AUX 3 aux
say say VERB 0 root
: : PUNCT 3 punct
‘ ‘ PUNCT 8 punct
Look look VERB 3 parataxis
, , PUNCT 8 punct
are be AUX 8 cop
you you PRON 8 nsubj
serious serious ADJ 3 parataxis
? ? PUNCT 8 punct
’ ’ PUNCT 8 punct
” ” PUNCT 8 punct

Ortiz Ortiz PROPN 2 nsubj
said say VERB 0 root
as as SCONJ 5 mark
he he PRON 5 nsubj
left leave VERB 2 advcl
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    said = next(e for e in extract_events(p, [mention(p, "Ortiz", "Person")]) if e.trigger_text == "said")
    assert said.rule == "speech:quote-inverted" and args(said) == {("speaker", "Ortiz")}
    assert said.quote.startswith("We see an impasse") and "left" not in said.quote


def test_an_unnamed_object_controls_the_complement_and_the_subject_never_does():
    # "Netanyahu opposed allowing Arab forces to enter Gaza": the forces would enter, not Netanyahu
    text = "Ortiz opposed allowing desert forces to enter Keldan."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
opposed oppose VERB 0 root
allowing allow VERB 2 xcomp
desert desert NOUN 5 compound
forces force NOUN 3 obj
to to PART 7 mark
enter enter VERB 3 xcomp
Keldan Keldan PROPN 7 obj
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Ortiz", "Person"), mention(p, "Keldan", "Country")]
    assert not [e for e in extract_events(p, ms) if e.type == "Visit"]


def test_what_someone_called_a_thing_is_no_phone_call():
    text = "They deepened what officials have called a partnership."
    rows = """
They they PRON 2 nsubj
deepened deepen VERB 0 root
what what PRON 6 obj
officials official NOUN 6 nsubj
have have AUX 6 aux
called call VERB 2 ccomp
a a DET 8 det
partnership partnership NOUN 6 xcomp
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    assert not [e for e in extract_events(p, []) if e.type == "Call"]


def test_an_act_depending_on_a_planned_clause_is_planned():
    text = "Ortiz will begin by calling Lindqvist."
    rows = """
Ortiz Ortiz PROPN 3 nsubj
will will AUX 3 aux
begin begin VERB 0 root
by by SCONJ 5 mark
calling call VERB 3 advcl
Lindqvist Lindqvist PROPN 5 obj
. . PUNCT 3 punct
"""
    p = parsed(text, rows, language="en")
    call = only(extract_events(p, [mention(p, n, "Person") for n in ("Ortiz", "Lindqvist")]), "Call")
    assert call.modality == ["planned"]
    # "by calling": a clause of means shares its governor's subject
    assert ("participant", "Ortiz") in args(call)


def test_a_noun_a_light_verb_carries_has_the_verb_s_modality():
    text = "Keldan and Ostrava would start talks toward a ceasefire."
    rows = """
Keldan Keldan PROPN 5 nsubj
and and CCONJ 3 cc
Ostrava Ostrava PROPN 1 conj
would would AUX 5 aux
start start VERB 0 root
talks talk NOUN 5 obj Number=Plur
toward toward ADP 9 case
a a DET 9 det
ceasefire ceasefire NOUN 6 nmod
. . PUNCT 5 punct
"""
    p = parsed(text, rows, language="en")
    talks = only(extract_events(p, [mention(p, n, "Country") for n in ("Keldan", "Ostrava")]), "Meeting")
    assert talks.modality == ["planned"]


def test_a_name_inside_the_quote_is_never_the_speaker_of_the_verb_after_it():
    text = "“We will inform Lindqvist,” Ortiz said."
    rows = """
“ “ PUNCT 9 punct
We we PRON 4 nsubj
will will AUX 4 aux
inform inform VERB 9 ccomp
Lindqvist Lindqvist PROPN 9 nsubj
, , PUNCT 9 punct
” ” PUNCT 9 punct
Ortiz Ortiz PROPN 9 nsubj
said say VERB 0 root
. . PUNCT 9 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, n, "Person") for n in ("Lindqvist", "Ortiz")]), "Statement")
    assert st.rule == "speech:quote-inverted" and args(st) == {("speaker", "Ortiz")}   # the parser hung both on "said"


def test_the_medium_a_statement_was_written_in_is_no_place():
    text = "Ortiz wrote in a Truth Social post that talks would resume."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
wrote write VERB 0 root
in in ADP 7 case
a a DET 7 det
Truth Truth PROPN 6 compound
Social Social PROPN 7 compound
post post NOUN 2 obl
that that SCONJ 11 mark
talks talk NOUN 11 nsubj
would would AUX 11 aux
resume resume VERB 2 ccomp
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, "Ortiz", "Person"), mention(p, "Truth Social", "Unknown")]), "Statement")
    assert args(st) == {("speaker", "Ortiz")}


def test_a_perfect_participle_the_tagger_marks_passive_keeps_its_subject():
    """English marks the passive with "be": "has requested" is active even when the tagger
    gives the participle Voice=Pass, so its subject is the speaker, not the thing requested."""
    text = "Norvia has also requested Keldan's support."
    rows = """
Norvia Norvia PROPN 4 nsubj
has have AUX 4 aux
also also ADV 4 advmod
requested request VERB 0 root Tense=Past|VerbForm=Part|Voice=Pass
Keldan Keldan PROPN 7 nmod:poss
's 's PART 5 case
support support NOUN 4 obj
. . PUNCT 4 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, "Norvia", "Country"), mention(p, "Keldan", "Country")]), "Statement")
    assert ("speaker", "Norvia") in args(st)


def test_a_listed_noun_after_to_is_a_verb_with_its_object():
    """ "to visit Keldan": "visit" is in the noun list, but "to" makes it a verb whose object
    is where the visitor goes."""
    text = "Lena Ortiz agreed to visit Keldan in April."
    rows = """
Lena Lena PROPN 3 nsubj
Ortiz Ortiz PROPN 1 flat
agreed agree VERB 0 root
to to PART 5 mark
visit visit NOUN 3 xcomp
Keldan Keldan PROPN 5 obj
in in ADP 8 case
April April PROPN 5 obl
. . PUNCT 3 punct
"""
    p = parsed(text, rows, language="en")
    visit = only(extract_events(p, [mention(p, "Lena Ortiz", "Person"), mention(p, "Keldan", "Place")]), "Visit")
    assert ("destination", "Keldan") in args(visit)


def test_in_english_a_quote_after_a_paraphrase_is_the_next_statement():
    """Wire copy goes on with a new utterance in the quote after a paraphrase ("X said he spoke
    with Y. “We want calm,” X said in a release."): two statements, not one told twice
    (Indonesian reports back the paraphrase up with the quote: quote_follows in resolve.yaml)."""
    from kg.resolve.events import resolve

    text = "Lena Ortiz said she spoke with Marek. “We want calm,” Ortiz said."
    rows = """
Lena Lena PROPN 3 nsubj
Ortiz Ortiz PROPN 1 flat
said say VERB 0 root
she she PRON 5 nsubj
spoke speak VERB 3 ccomp
with with ADP 7 case
Marek Marek PROPN 5 obl
. . PUNCT 3 punct

“ “ PUNCT 4 punct
We we PRON 3 nsubj
want want VERB 9 ccomp
calm calm NOUN 3 obj
, , PUNCT 3 punct
” ” PUNCT 3 punct
Ortiz Ortiz PROPN 9 nsubj
said say VERB 0 root
. . PUNCT 9 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Lena Ortiz", "Person"), mention(p, "Ortiz", "Person", nth=1)]
    evs = extract_events(p, ms)
    assert len([e for e in evs if e.type == "Statement"]) == 2
    _, events = resolve([p], ms, evs)
    assert len([e for e in events if e.type == "Statement"]) == 2


def test_i_agree_is_an_opinion_not_an_accord():
    """ "…, and I agree": a speaker agreeing with a view; "we agreed" is still an accord."""
    text = "I agree. We agreed to talk."
    rows = """
I I PRON 2 nsubj
agree agree VERB 0 root
. . PUNCT 2 punct

We we PRON 2 nsubj
agreed agree VERB 0 root
to to PART 4 mark
talk talk VERB 2 xcomp
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    agreements = [e for e in extract_events(p, []) if e.type == "Agreement"]
    assert [e.trigger_text for e in agreements] == ["agreed"]


@pytest.mark.parametrize("rel", ["obj", "nsubj"])    # read as the verb's object or (EWT) its subject
def test_after_said_a_post_then_a_person_in_apposition_the_person_speaks(rel):
    text = "“We leave now,” said Keldan Airbase Commander, Colonel Lena Ortiz, in Norvia."
    rows = f"""
“ “ PUNCT 4 punct
We we PRON 3 nsubj
leave leave VERB 8 ccomp
now now ADV 3 advmod
, , PUNCT 3 punct
” ” PUNCT 3 punct
said say VERB 0 root
Keldan Keldan PROPN 7 {rel}
Airbase Airbase PROPN 8 flat
Commander Commander PROPN 8 flat
, , PUNCT 8 punct
Colonel Colonel PROPN 14 compound
Lena Lena PROPN 8 conj
Ortiz Ortiz PROPN 13 flat
, , PUNCT 17 punct
in in ADP 17 case
Norvia Norvia PROPN 8 nmod
. . PUNCT 7 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Keldan Airbase", "Unknown"), mention(p, "Commander, Colonel Lena Ortiz", "Person"),
          mention(p, "Norvia", "Place")]
    st = only(extract_events(p, ms), "Statement")
    assert ("speaker", "Commander, Colonel Lena Ortiz") in args(st)
    assert ("speaker", "Keldan Airbase") not in args(st)


def test_where_it_was_said_may_start_a_few_words_after_the_marker():
    text = "“We agree,” Ortiz said in the southern resort city of Norvia."
    rows = """
“ “ PUNCT 3 punct
We we PRON 3 nsubj
agree agree VERB 7 ccomp
, , PUNCT 3 punct
” ” PUNCT 3 punct
Ortiz Ortiz PROPN 7 nsubj
said say VERB 0 root
in in ADP 12 case
the the DET 12 det
southern southern ADJ 12 amod
resort resort NOUN 12 compound
city city NOUN 7 obl
of of ADP 14 case
Norvia Norvia PROPN 12 nmod
. . PUNCT 7 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, "Ortiz", "Person"), mention(p, "Norvia", "Place")]), "Statement")
    assert args(st) == {("speaker", "Ortiz"), ("place", "Norvia")}


def test_his_call_with_someone_has_both_parties():
    text = "Ortiz spoke to Weber after his call with Marek."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
spoke speak VERB 0 root
to to ADP 4 case
Weber Weber PROPN 2 obl
after after ADP 7 case
his he PRON 7 nmod:poss
call call NOUN 2 obl
with with ADP 9 case
Marek Marek PROPN 7 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Ortiz", "Person"), mention(p, "Weber", "Person"), mention(p, "his", "Person", source="pronoun"),
          mention(p, "Marek", "Person")]
    call = next(e for e in extract_events(p, ms) if e.trigger_text == "call")
    assert args(call) == {("participant", "his"), ("participant", "Marek")}


def test_an_organisation_read_as_a_destination_stands_for_the_place_its_name_goes_on_to():
    """ "sent troops to the Keldan Mission in Marovia": the troops go to Marovia."""
    text = "Norvia sent 500 troops to the Keldan Mission in Marovia."
    rows = """
Norvia Norvia PROPN 2 nsubj
sent send VERB 0 root
500 500 NUM 4 nummod
troops troop NOUN 2 obj
to to ADP 8 case
the the DET 8 det
Keldan Keldan PROPN 8 compound
Mission Mission PROPN 2 obl
in in ADP 10 case
Marovia Marovia PROPN 8 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Norvia", "Country"), mention(p, "Keldan Mission", "Organization"),
          mention(p, "Marovia", "Country")]
    dep = only(extract_events(p, ms), "Deployment")
    assert ("destination", "Marovia") in args(dep) and ("destination", "Keldan Mission") not in args(dep)


def test_a_call_noun_under_a_call_verb_is_a_mention_of_its_own():
    """ "spoke … on a call": English reports are annotated with both (nominals_apart)."""
    text = "Ortiz and Weber spoke on a call."
    rows = """
Ortiz Ortiz PROPN 4 nsubj
and and CCONJ 3 cc
Weber Weber PROPN 1 conj
spoke speak VERB 0 root
on on ADP 7 case
a a DET 7 det
call call NOUN 4 obl
. . PUNCT 4 punct
"""
    p = parsed(text, rows, language="en")
    evs = extract_events(p, [mention(p, "Ortiz", "Person"), mention(p, "Weber", "Person")])
    assert sorted(e.trigger_text for e in evs if e.type == "Call") == ["call", "spoke"]


def test_saying_nothing_about_it_is_no_statement():
    text = "Norvia said nothing about the visits."
    rows = """
Norvia Norvia PROPN 2 nsubj
said say VERB 0 root
nothing nothing PRON 2 obj
about about ADP 6 case
the the DET 6 det
visits visit NOUN 3 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    assert not [e for e in extract_events(p, [mention(p, "Norvia", "Country")]) if e.type == "Statement"]


def test_a_quoted_term_before_a_speech_verb_is_no_attributed_quote():
    """ "calling it a “sacred mandate” and urged them": the verb's speaker is its own subject,
    not "and"; only a quote closing on a comma is attributed by the words after it."""
    text = "Ortiz praised the troops, calling it a “sacred mandate” and urged them to serve."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
praised praise VERB 0 root
the the DET 4 det
troops troop NOUN 2 obj
, , PUNCT 6 punct
calling call VERB 2 advcl
it it PRON 6 obj
a a DET 11 det
“ “ PUNCT 11 punct
sacred sacred ADJ 11 amod
mandate mandate NOUN 6 xcomp
” ” PUNCT 11 punct
and and CCONJ 14 cc
urged urge VERB 2 conj
them they PRON 14 obj
to to PART 17 mark
serve serve VERB 14 xcomp
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    evs = extract_events(p, [mention(p, "Ortiz", "Person")])
    urged = next(e for e in evs if e.trigger_text == "urged")
    assert urged.rule != "speech:quote-inverted" and ("speaker", "Ortiz") in args(urged)


def test_the_subject_of_a_light_verb_takes_part_in_its_talks():
    """ "Ortiz had formal talks with Weber": both meet, not only the one "with" names."""
    text = "Ortiz had formal talks with Weber."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
had have VERB 0 root
formal formal ADJ 4 amod
talks talk NOUN 2 obj
with with ADP 6 case
Weber Weber PROPN 4 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    meeting = only(extract_events(p, [mention(p, "Ortiz", "Person"), mention(p, "Weber", "Person")]), "Meeting")
    assert args(meeting) == {("participant", "Ortiz"), ("participant", "Weber")}


def test_a_place_noun_no_name_stands_for_is_where_its_locative_says():
    text = "Ortiz met Weber in the palace in Norvia."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
met meet VERB 0 root
Weber Weber PROPN 2 obj
in in ADP 6 case
the the DET 6 det
palace palace NOUN 2 obl
in in ADP 8 case
Norvia Norvia PROPN 6 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Ortiz", "Person"), mention(p, "Weber", "Person"), mention(p, "Norvia", "Place")]
    meeting = only(extract_events(p, ms), "Meeting")
    assert ("place", "Norvia") in args(meeting)


def test_a_destination_noun_no_name_stands_for_is_where_its_place_modifier_says():
    text = "Ortiz headed to the waters around the Norvian islands."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
headed head VERB 0 root
to to ADP 5 case
the the DET 5 det
waters water NOUN 2 obl
around around ADP 9 case
the the DET 9 det
Norvian Norvian PROPN 9 compound
islands island NOUN 5 nmod
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Ortiz", "Person"), mention(p, "Norvian islands", "Place")]
    visit = only(extract_events(p, ms), "Visit")
    assert ("destination", "Norvian islands") in args(visit)


def test_the_one_told_is_the_addressee_also_as_an_indirect_object():
    text = "Ortiz told Weber that the border stays open."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
told tell VERB 0 root
Weber Weber PROPN 2 iobj
that that SCONJ 7 mark
the the DET 6 det
border border NOUN 7 nsubj
stays stay VERB 2 ccomp
open open ADJ 7 xcomp
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, "Ortiz", "Person"), mention(p, "Weber", "Person")]), "Statement")
    assert args(st) == {("speaker", "Ortiz"), ("addressee", "Weber")}


def test_what_says_takes_as_its_object_is_what_is_said_not_who_hears_it():
    """ "Ortiz says Norvia talks to start": Norvia is no addressee; "told Weber" names one."""
    text = "Ortiz says Norvia talks to start.\nOrtiz told Weber."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
says say VERB 0 root
Norvia Norvia PROPN 2 obj
talks talk NOUN 2 obj
to to PART 6 mark
start start VERB 2 xcomp
. . PUNCT 2 punct

Ortiz Ortiz PROPN 2 nsubj
told tell VERB 0 root
Weber Weber PROPN 2 obj
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    ms = [mention(p, "Ortiz", "Person"), mention(p, "Norvia", "Country"), mention(p, "Ortiz", "Person", 1),
          mention(p, "Weber", "Person")]
    says, told = [e for e in extract_events(p, ms) if e.type == "Statement"]
    assert args(says) == {("speaker", "Ortiz")}
    assert args(told) == {("speaker", "Ortiz"), ("addressee", "Weber")}


def test_a_time_the_parser_made_the_subject_leaves_the_speaker_to_the_name_before_the_verb():
    text = "Last month, Minister Lena Ortiz said that the talks went well."
    rows = """
Last last ADJ 2 amod
month month NOUN 7 nsubj
, , PUNCT 2 punct
Minister Minister PROPN 7 advcl
Lena Lena PROPN 4 flat
Ortiz Ortiz PROPN 4 flat
said say VERB 0 root
that that SCONJ 11 mark
the the DET 10 det
talks talk NOUN 11 nsubj
went go VERB 7 ccomp
well well ADV 11 advmod
. . PUNCT 7 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, "Minister Lena Ortiz", "Person")]), "Statement")
    assert args(st) == {("speaker", "Minister Lena Ortiz")}


def test_a_bare_participle_of_saying_takes_its_governor_s_subject():
    text = "Ortiz visited Lima in May, saying he hoped for closer ties."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
visited visit VERB 0 root
Lima Lima PROPN 2 obj
in in ADP 5 case
May May PROPN 2 obl
, , PUNCT 7 punct
saying say VERB 2 advcl Tense=Pres|VerbForm=Part
he he PRON 9 nsubj
hoped hope VERB 7 ccomp
for for ADP 12 case
closer close ADJ 12 amod
ties tie NOUN 9 obl
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    st = only(extract_events(p, [mention(p, "Ortiz", "Person"), mention(p, "Lima", "Place")]), "Statement")
    assert st.trigger_text == "saying" and args(st) == {("speaker", "Ortiz")}


def test_calling_it_a_name_read_as_two_objects_is_still_a_statement():
    text = "He praised the mission, calling it a sacred mandate."
    rows = """
He he PRON 2 nsubj
praised praise VERB 0 root
the the DET 4 det
mission mission NOUN 2 obj
, , PUNCT 6 punct
calling call VERB 2 advcl Tense=Pres|VerbForm=Part
it it PRON 6 iobj
a a DET 10 det
sacred sacred ADJ 10 amod
mandate mandate NOUN 6 obj
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    types = [e.type for e in extract_events(p, []) if e.trigger_text == "calling"]
    assert types == ["Statement"]


def test_a_pronoun_after_a_trigger_noun_is_not_what_it_names():
    """ "said after the call that Russia …" with "that" tagged a pronoun: still a call, no naming."""
    text = "Ortiz said after the call that Keldan would start talks."
    rows = """
Ortiz Ortiz PROPN 2 nsubj
said say VERB 0 root
after after ADP 5 case
the the DET 5 det
call call NOUN 2 obl
that that PRON 10 obj
Keldan Keldan PROPN 10 nsubj
would would AUX 10 aux
start start VERB 10 aux
talks talk NOUN 2 ccomp
. . PUNCT 2 punct
"""
    p = parsed(text, rows, language="en")
    evs = extract_events(p, [mention(p, "Ortiz", "Person"), mention(p, "Keldan", "Country")])
    assert [e.type for e in evs if e.trigger_text == "call"] == ["Call"]
