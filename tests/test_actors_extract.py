"""Actors: canonicalisation, typing, countries, roles and aliases on small invented texts.

Each case is a sentence or two written for the test; expected values are read off the text.
"""

from __future__ import annotations

import pytest

from analysis.actors import extract_actors
from analysis.nlp import load_pipeline


def actors_of(nlp, text: str) -> dict[str, dict]:
    rows = extract_actors(nlp(text), "t").rows()
    return {r["actor_id"]: r for r in rows}


def by_name(rows: dict[str, dict], name: str) -> dict:
    hits = [r for r in rows.values() if r["name"] == name]
    assert len(hits) == 1, f"{name!r} not exactly once in {sorted(r['name'] for r in rows.values())}"
    return hits[0]


def aliases(row: dict) -> set[str]:
    return {a.strip() for a in row["aliases"].split("|")}


def test_actors_extract_demonym_and_description_fold_into_state(nlp):
    rows = actors_of(nlp, "Denmark said on Thursday it would pull out. Danish officials confirmed that "
                          "the European country's troops would leave by March.")
    dnk = rows["DNK"]
    assert dnk["type"] == "state" and dnk["country"] == "DNK"
    assert {"Denmark", "Danish", "the European country"} <= aliases(dnk)
    assert dnk["mentions"] == 3


def test_actors_extract_junta_is_separate_from_state_and_takes_capital(nlp):
    rows = actors_of(nlp, "Mali's ruling junta asked Denmark to withdraw its troops. The junta has ruled "
                          "Mali since a coup in 2020, and Bamako said the deployment was never approved.")
    gov = [r for r in rows.values() if r["type"] == "government"]
    assert len(gov) == 1
    assert gov[0]["country"] == "MLI"
    assert "Bamako" in aliases(gov[0])
    assert rows["MLI"]["type"] == "state"
    assert "Bamako" not in aliases(rows["MLI"])


def test_actors_extract_capital_without_government_is_the_state(nlp):
    rows = actors_of(nlp, "Moscow rejected the accusation. Russia has denied sending troops.")
    assert "Moscow" in aliases(rows["RUS"])
    assert not [r for r in rows.values() if r["type"] == "government"]


def test_actors_extract_person_role_and_country_from_title(nlp):
    rows = actors_of(nlp, "French Foreign Minister Jean-Yves Le Drian said the council was illegitimate. "
                          "Mali's foreign minister Abdoulaye Diop rejected the remarks.")
    le_drian = by_name(rows, "Jean-Yves Le Drian")
    assert (le_drian["type"], le_drian["country"], le_drian["role"]) == ("person", "FRA", "foreign minister")
    diop = by_name(rows, "Abdoulaye Diop")
    assert (diop["country"], diop["role"]) == ("MLI", "foreign minister")


def test_actors_extract_surname_and_title_fold_into_full_name(nlp):
    rows = actors_of(nlp, "Britain's armed forces minister James Heappey visited Tallinn on Monday. "
                          "Mr Heappey said British troops would stay. Heappey added that more jets would come.")
    people = [r for r in rows.values() if r["type"] == "person"]
    assert len(people) == 1
    assert people[0]["name"] == "James Heappey"
    assert people[0]["country"] == "GBR"
    assert people[0]["mentions"] == 3


def test_actors_extract_counterpart_takes_demonym_and_role(nlp):
    rows = actors_of(nlp, "Foreign Minister Jeppe Kofod of Denmark met his Nigerien counterpart Hassoumi "
                          "Massoudou in Niamey.")
    massoudou = [r for r in rows.values() if r["type"] == "person" and "Massoudou" in r["name"]]
    assert len(massoudou) == 1
    assert massoudou[0]["country"] == "NER"
    assert massoudou[0]["role"] == "foreign minister"


def test_actors_extract_misspelt_operation_merges_with_reference_name(nlp):
    rows = actors_of(nlp, "Denmark sent 100 soldiers to the Takuba task force. The Takoba force is led by France.")
    ops = [r for r in rows.values() if r["type"] == "military_operation"]
    assert len(ops) == 1
    assert ops[0]["actor_id"] == "takuba"
    bare = {a.lower().removeprefix("the ") for a in aliases(ops[0])}
    assert "takoba force" in bare or "takoba" in bare


def test_actors_extract_un_peacekeeping_force_resolves_to_mission_of_host(nlp):
    rows = actors_of(nlp, "Danish officers serving in Mali with the United Nations peacekeeping force will stay.")
    assert "minusma" in rows
    assert rows["minusma"]["type"] == "military_operation"
    assert "un" not in rows  # the organisation is part of the mission's name here


def test_actors_extract_armed_groups_and_no_junk_rows(nlp):
    rows = actors_of(nlp, "BAMAKO, Jan 27 (Reuters) - Militants linked to the Islamic State and al-Qaeda "
                          "attacked a base on Tuesday, 14 January 2022, killing 20 soldiers.")
    names = {r["name"] for r in rows.values()}
    assert rows["islamic-state"]["type"] == "armed_group"
    assert rows["al-qaeda"]["type"] == "armed_group"
    assert not any(n.lower() in {"islamic", "tuesday", "bamako", "reuters"} or any(ch.isdigit() for ch in n)
                   for n in names)


def test_actors_extract_bracketed_acronym_is_an_alias(nlp):
    rows = actors_of(nlp, "The Centre for Democracy and Human Rights (CDD) said civilians had fled. "
                          "The CDD called for an inquiry.")
    orgs = [r for r in rows.values() if "CDD" in aliases(r)]
    assert len(orgs) == 1
    assert "Centre for Democracy and Human Rights" in aliases(orgs[0])


def test_actors_extract_un_official_has_no_country(nlp):
    rows = actors_of(nlp, "Italy summoned the Israeli ambassador. UNIFIL spokesperson Andrea Tenenti said "
                          "peacekeepers would remain in their positions.")
    tenenti = by_name(rows, "Andrea Tenenti")
    assert tenenti["country"] == ""
    assert tenenti["role"] == "spokesperson"


@pytest.mark.parametrize("text,iso3", [
    ("Nigerien soldiers patrolled the border.", "NER"),
    ("Nigerian soldiers patrolled the border.", "NGA"),
    ("Burkinabe troops withdrew.", "BFA"),
    ("Ivorian peacekeepers arrived.", "CIV"),
    ("Emirati drones were seen.", "ARE"),
])
def test_actors_extract_demonym_variants(nlp, text, iso3):
    rows = actors_of(nlp, text)
    assert iso3 in rows
    assert rows[iso3]["type"] == "state"


def test_actors_extract_rows_have_offsets_and_unique_ids(nlp):
    text = "Norway, Portugal and Hungary are still waiting for approval from Mali."
    rows = extract_actors(nlp(text), "t").rows()
    assert [r["actor_id"] for r in rows] == ["NOR", "PRT", "HUN", "MLI"]
    assert [r["first_offset"] for r in rows] == [text.index(n) for n in ("Norway", "Portugal", "Hungary", "Mali")]


def test_actors_extract_named_warships_are_units_of_their_state(nlp):
    rows = actors_of(nlp, "The Greek frigate Limnos joined the operation last week. India sent the destroyer "
                          "INS Kolkata. The Limnos carries a crew of about 190.")
    limnos = [r for r in rows.values() if "Limnos" in r["name"]]
    assert len(limnos) == 1
    assert (limnos[0]["type"], limnos[0]["country"], limnos[0]["mentions"]) == ("military_unit", "GRC", 2)
    kolkata = [r for r in rows.values() if "Kolkata" in r["name"]]
    assert kolkata and kolkata[0]["country"] == "IND"


def test_actors_extract_national_army_is_a_unit_and_state_stays(nlp):
    rows = actors_of(nlp, "The Nigerien army took over the base. Niger said the handover went smoothly.")
    army = [r for r in rows.values() if r["type"] == "military_unit"]
    assert len(army) == 1 and army[0]["country"] == "NER"
    assert "Nigerien army" in aliases(army[0])
    assert rows["NER"]["type"] == "state"


def test_actors_extract_army_of_state_with_known_armed_forces_uses_reference(nlp):
    rows = actors_of(nlp, "The Congolese army retreated from Goma, and the FARDC later regrouped.")
    units = [r for r in rows.values() if r["type"] == "military_unit"]
    assert len(units) == 1
    assert {"Congolese army", "FARDC"} <= aliases(units[0])


def test_actors_extract_named_exercise_is_an_operation(nlp):
    rows = actors_of(nlp, "Troops from seven countries will take part in Exercise Northern Bastion in Latvia.")
    ops = [r for r in rows.values() if r["type"] == "military_operation"]
    assert [o["name"] for o in ops] == ["Exercise Northern Bastion"]


def test_actors_extract_make_of_tank_is_not_an_actor(nlp):
    rows = actors_of(nlp, "France sent Leclerc tanks to Romania.")
    assert {r["name"] for r in rows.values()} == {"France", "Romania"}


def test_actors_extract_capitalised_generic_word_repeats_named_mission(nlp):
    rows = actors_of(nlp, "The United Nations Multidimensional Integrated Stabilization Mission in Mali will close. "
                          "The transitional Government of Mali asked the Mission to leave the country.")
    assert rows["minusma"]["mentions"] == 2
    assert "the Mission" in aliases(rows["minusma"])


def test_actors_extract_regional_bloc_is_the_regional_organisation_named_before(nlp):
    rows = actors_of(nlp, "SADC troops left Mozambique. President Nyusi said Maputo was grateful to the "
                          "regional bloc for its sacrifices.")
    assert "the regional bloc" in aliases(rows["sadc"])


def test_actors_extract_wire_credits_are_not_actors(nlp):
    rows = actors_of(nlp, "France said it would keep 1,000 troops in Chad. (Reporting by John Irish in Paris; "
                          "Editing by Alison Williams)")
    assert set(rows) == {"FRA", "TCD"}
    assert rows["FRA"]["mentions"] == 1  # "Paris" in the credit is the reporter's desk


def test_actors_extract_the_bloc_is_the_organisation_the_article_is_about(nlp):
    rows = actors_of(nlp, "ECOWAS threatened to intervene in Niger. ECOWAS leaders met in Abuja. The African "
                          "Union's Peace and Security Council did not endorse the plan. France welcomed the bloc's "
                          "firmness.")
    assert "the bloc" in aliases(rows["ecowas"])


def test_actors_bare_army_is_the_host_countrys_armed_service(nlp):
    doc = nlp("The UN Security Council voted to close UNITAMS, its political mission in Sudan. "
              "Britain urged both the army and the Rapid Support Forces to stop the killing.")
    aset = extract_actors(doc, "t")
    army = aset.at_token(next(t for t in doc if t.lower_ == "army"))
    assert army is not None and army.type == "military_unit" and army.country == "SDN"


def test_actors_army_chief_is_not_the_army(nlp):
    doc = nlp("The UN Security Council voted to close UNITAMS, its political mission in Sudan. "
              "The army chief met the envoy.")
    aset = extract_actors(doc, "t")
    assert aset.at_token(next(t for t in doc if t.lower_ == "army")) is None


@pytest.mark.parametrize("text,name,country", [
    ("The Kenya Human Rights Commission criticised the plan.", "Kenya Human Rights Commission", "KEN"),
    ("The Sudan Liberation Movement rejected the talks.", "Sudan Liberation Movement", "SDN"),
])
def test_actors_organisation_opening_with_a_state_name_is_its_own_actor(nlp, text, name, country):
    aset = extract_actors(nlp(text), "t")
    org = next((a for a in aset.actors.values() if a.name == name), None)
    assert org is not None and org.country == country and org.type not in ("state", "international_organization")


def test_actors_state_name_before_an_ordinary_noun_stays_the_state(nlp):
    aset = extract_actors(nlp("Kenya Police officers arrived in Haiti. Kenya said more would follow."), "t")
    assert "KEN" in aset.actors


def test_actors_the_president_refers_back_to_the_last_president_named(nlp):
    doc = nlp("President Umaro Sissoco Embalo met the envoys on Friday. Foreign Minister Yassine Fall of Senegal "
              "spoke next. Speaking at a ceremony, the president thanked the soldiers.")
    aset = extract_actors(doc, "t")
    tok = next(t for t in doc if t.lower_ == "president" and t.i > 5)
    assert aset.at_token(tok) is not None and aset.at_token(tok).id == "umaro-sissoco-embalo"


def test_actors_the_president_of_another_country_is_not_a_back_reference(nlp):
    doc = nlp("President Umaro Sissoco Embalo met the envoys. The president of Senegal stayed away.")
    aset = extract_actors(doc, "t")
    tok = next(t for t in doc if t.lower_ == "president" and t.i > 5)
    a = aset.at_token(tok)
    assert a is None or a.id != "umaro-sissoco-embalo"


def test_actors_person_without_office_gets_no_guessed_country(nlp):
    doc = nlp("Russia condemned the deployment on Monday. The resolution passed easily. "
              "Mr Peter Hansen, who has sat in parliament since 2011, welcomed it.")
    aset = extract_actors(doc, "t")
    person = next(a for a in aset.actors.values() if a.type == "person")
    assert person.country == ""


def test_actors_minister_without_named_country_takes_the_passages_state(nlp):
    doc = nlp("Denmark will send a frigate to the Gulf of Guinea. Defence Minister Troels Lund Poulsen said "
              "the ship would sail in May.")
    aset = extract_actors(doc, "t")
    person = next(a for a in aset.actors.values() if a.type == "person")
    assert person.country == "DNK"


@pytest.mark.parametrize("text,name,country", [
    ("Turkey keeps 240 troops in the force, said the force commander, Major General Laszlo Sticz of Hungary.",
     "Laszlo Sticz", "HUN"),
    ("Spain will keep its 650 troops in Latvia, Spanish Defence Minister Margarita Robles told reporters.",
     "Margarita Robles", "ESP"),
    ("Spain will keep its 650 troops in Latvia, Defence Minister Ana Ruiz of Spain told reporters.",
     "Ana Ruiz", "ESP"),
])
def test_actors_person_country_from_own_phrase_not_a_place_before_the_comma(nlp, text, name, country):
    aset = extract_actors(nlp(text), "t")
    person = next(a for a in aset.actors.values() if a.type == "person" and name.split()[-1] in a.name)
    assert person.country == country


def test_actors_head_of_the_mission_has_no_state(nlp):
    doc = nlp("Turkey and Portugal met on Monday. \"Unilateral steps make everyone less safe,\" the head of the "
              "mission, Khassim Diagne, told reporters.")
    person = next(a for a in extract_actors(doc, "t").actors.values() if a.type == "person")
    assert person.country == ""


def test_actors_junta_phrase_does_not_take_a_state_from_the_previous_sentence(nlp):
    doc = nlp("The military junta in Niamey revoked the accord with Washington, according to U.S. officials. "
              "The junta's spokesman read the statement on television.")
    aset = extract_actors(doc, "t")
    tok = [t for t in doc if t.lower_ == "junta"][-1]
    a = aset.at_token(tok)
    assert a is not None and a.country == "NER"


@pytest.mark.parametrize("text,name,country", [
    ("Russia protested on Monday. In Ottawa, Defence Minister David McGuinty welcomed the decision.", "McGuinty", "CAN"),
    ("Niger left ECOWAS in January. In Niamey, Foreign Minister Yusuf Tuggar said the bloc would adapt.", "Tuggar", "NGA"),
])
def test_actors_person_country_from_the_capital_they_speak_in_or_the_reference(nlp, text, name, country):
    aset = extract_actors(nlp(text), "t")
    person = next(a for a in aset.actors.values() if a.type == "person" and name in a.name)
    assert person.country == country


def test_actors_spokesman_of_an_armed_group_takes_its_country(nlp):
    doc = nlp("Rwanda denied the claims. \"SADC has chosen war,\" M23 spokesman Lawrence Kanyuka said in a statement.")
    aset = extract_actors(doc, "t")
    person = next(a for a in aset.actors.values() if a.type == "person")
    assert person.country == "COD"


@pytest.mark.parametrize("text,iso", [
    ("Somalia's federal government welcomed the Egyptian troops, but Puntland objected.", "SOM"),
    ("The army-backed authorities in Port Sudan asked Sudan's neighbours for help.", "SDN"),
])
def test_actors_federal_or_army_backed_government_is_its_own_actor(nlp, text, iso):
    aset = extract_actors(nlp(text), "t")
    assert any(a.type == "government" and a.country == iso for a in aset.actors.values())


def test_actors_party_named_with_a_demonym_is_its_own_actor(nlp):
    doc = nlp("The resolution passed, with the Danish People's Party abstaining. The German Armed Forces stayed out.")
    aset = extract_actors(doc, "t")
    party = next((a for a in aset.actors.values() if a.name == "Danish People's Party"), None)
    assert party is not None and party.country == "DNK"
    assert aset.at_token(next(t for t in doc if t.text == "Armed")).id == "bundeswehr"


def test_actors_extract_shared_party_name_takes_the_article_country(nlp):
    # "Labour" is a party in Britain, Ireland, Norway and New Zealand: the text decides which
    irish = actors_of(nlp, "Ireland will send 40 more soldiers to Lebanon. The Irish government said the "
                           "Dáil would vote on Tuesday. Labour said it would back the motion.")
    british = actors_of(nlp, "Britain will send 40 more soldiers to Estonia. The British government said "
                             "MPs in London would debate it. Labour said it would back the plan.")
    assert next(r for r in irish.values() if "Labour" in aliases(r))["country"] == "IRL"
    assert next(r for r in british.values() if "Labour" in aliases(r))["country"] == "GBR"


def test_actors_extract_party_spokesman_attacks_his_own_government(nlp):
    # the story is set in Bosnia, but an AfD spokesman's "the government" is Germany's
    rows = actors_of(nlp, "EUFOR Althea has kept peace in Bosnia since 2004. Bosnia's presidency asked for "
                          "more troops, and Bosnian officials toured Sarajevo. AfD defence spokesman Jan Meyer "
                          "accused the government of wasting money.")
    assert "government" in {a.lower() for a in aliases(rows["DEU"])} | {a.lower().removeprefix("the ") for a in aliases(rows["DEU"])}
    assert not any("government" in a.lower() for a in aliases(rows["BIH"]))


def test_actors_extract_no_sentence_break_inside_a_line_without_full_stop(nlp):
    doc = nlp("Opposition split\n\nLatvia First leader Ainārs Šlesers accused the government of waste. "
              "He said so twice.")
    sents = [s.text.strip() for s in doc.sents]
    assert "Latvia First leader Ainārs Šlesers accused the government of waste." in sents


def test_actors_extract_reference_first_name_folds_into_the_full_name(nlp):
    rows = actors_of(nlp, "Prime Minister Abiy Ahmed told lawmakers that troops had crossed the border. "
                          "The African Union welcomed Abiy's announcement.")
    abiy = by_name(rows, "Abiy Ahmed")
    assert "Abiy" in aliases(abiy) and abiy["mentions"] == 2


def test_actors_extract_first_name_ner_left_out_and_generation_suffix(nlp):
    rows = actors_of(nlp, "Defense Secretary Gilberto Teodoro Jr. brushed the criticism aside.")
    person = by_name(rows, "Gilberto Teodoro")
    assert person["type"] == "person"


def test_actors_extract_capitalised_acronym_subject_is_not_a_dateline(nlp):
    rows = actors_of(nlp, "INTERTANKO, the tanker owners' association, welcomed the new patrols.")
    assert any(r["name"] == "INTERTANKO" for r in rows.values())
    dated = actors_of(nlp, "JOHANNESBURG, March 3 (Reuters) - South Africa will withdraw its troops.")
    assert not any(r["name"].upper() == "JOHANNESBURG" for r in dated.values())


def test_actors_extract_the_bloc_named_in_the_same_sentence_and_the_alliance_is_the_treaty(nlp):
    text = ("The Collective Security Treaty Organization sent troops to Kazakhstan. The CSTO said the "
            "force would stay a week, and the CSTO's secretary general praised it. The European Union's "
            "foreign policy chief said the bloc stopped short of condemning the alliance's intervention.")
    doc = nlp(text)
    aset = extract_actors(doc, "t")
    by_text = {m.text: m.actor_id for m in aset.mentions}
    assert by_text.get("the bloc") == "eu"
    assert by_text.get("the alliance") == "csto"


def test_actors_extract_an_opposition_partys_government_is_its_own(nlp):
    rows = actors_of(nlp, "France handed its last base in Dakar to Senegal. French officials attended. Senegal's "
                          "main opposition party accused the government of haste.")
    assert not any("government" in a.lower() for a in aliases(rows["FRA"]))


def test_actors_extract_person_speaking_for_a_party_or_described_by_demonym_takes_its_country(nlp):
    rows = actors_of(nlp, "Denmark will send a frigate to the Gulf of Guinea, and Spain welcomed the plan. "
                          "Red-Green Alliance political spokesperson Mette Lund said the money should go "
                          "elsewhere. \"The mission is over,\" said Colonel Ivan Petrov, the Russian officer "
                          "who led the convoy, as Chad and Sudan watched.")
    assert by_name(rows, "Mette Lund")["country"] == "DNK"
    assert by_name(rows, "Ivan Petrov")["country"] == "RUS"
    possessive = actors_of(nlp, "Estonia and Latvia praised the bill, and Lithuania's Jonas Petraitis called "
                                "it a serious investment.")
    assert by_name(possessive, "Jonas Petraitis")["country"] == "LTU"


def test_actors_extract_unit_named_with_an_owner_takes_its_country(nlp):
    rows = actors_of(nlp, "India and Australia sent jets. Germany's Luftwaffe flew Eurofighters, and the "
                          "2nd Infantry Brigade of the Estonian Defence Forces trained nearby.")
    assert by_name(rows, "Luftwaffe")["country"] == "DEU"
    assert by_name(rows, "2nd Infantry Brigade")["country"] == "EST"


def test_actors_extract_body_described_by_demonym_or_based_in_a_capital_takes_that_country(nlp):
    rows = actors_of(nlp, "Kenya and Jamaica sent police. The National Coalition for Human Rights (NCHR), a "
                          "Haitian rights group, urged restraint, and the Institute for Sahel Security, a Niamey-based think "
                          "tank, agreed.")
    assert by_name(rows, "National Coalition for Human Rights")["country"] == "HTI"
    assert by_name(rows, "Institute for Sahel Security")["country"] == "NER"


def test_actors_extract_untitled_official_serves_the_state_that_opened_the_previous_sentence(nlp):
    rows = actors_of(nlp, "Washington blamed Tehran for the strike, and U.S. officials said American troops "
                          "would stay in Syria. Iran rejected the accusation. Foreign Ministry spokesman "
                          "Reza Karimi told reporters the United States should leave.")
    assert by_name(rows, "Reza Karimi")["country"] == "IRN"


def test_actors_extract_unit_with_no_owner_words_takes_the_state_named_before_it(nlp):
    rows = actors_of(nlp, "Troops landed in Kazakhstan. According to Russia's defence ministry, about 900 "
                          "soldiers from the 76th Guards Air Assault Division were deployed.")
    assert by_name(rows, "76th Guards Air Assault Division")["country"] == "RUS"


def test_actors_extract_known_office_holder_keeps_the_reference_country_among_foreign_states(nlp):
    rows = actors_of(nlp, "Indonesia and Japan sent fighter jets to Darwin. Foreign Minister Penny Wong welcomed "
                          "Indonesia's role, and Iran's foreign ministry spokesman Esmaeil Baghaei objected.")
    assert by_name(rows, "Penny Wong")["country"] == "AUS"
    assert by_name(rows, "Esmaeil Baghaei")["country"] == "IRN"


def test_actors_extract_shared_party_name_takes_the_country_its_sentence_names(nlp):
    rows = actors_of(nlp, "Germany's chancellor backed the force, and German officials and the Bundestag "
                          "agreed. In Stockholm, the opposition Left Party said it would vote against any "
                          "Swedish deployment.")
    assert by_name(rows, "Left Party (Sweden)")["country"] == "SWE"


def test_actors_extract_name_opening_with_a_lower_case_particle(nlp):
    rows = actors_of(nlp, "The army's spokesman, al-Hamdani, said the vote was a new chapter of occupation.")
    assert any(r["name"] == "al-Hamdani" and r["type"] == "person" for r in rows.values())


def test_actors_extract_leader_of_a_party_named_by_its_possessive_takes_the_party_country(nlp):
    rows = actors_of(nlp, "British and French envoys came to the talks. Sinn Féin walked out of the "
                          "debate. Its leader, Gerry Donnellan, said neutrality was not for sale.")
    assert by_name(rows, "Gerry Donnellan")["country"] == "IRL"


def test_actors_extract_critic_of_the_party_named_before_takes_its_country(nlp):
    rows = actors_of(nlp, "American and French troops trained in Iraq this year. The New Democratic Party "
                          "asked for a vote. Marion Delacroix, the party's foreign affairs critic, said the "
                          "mission needed a clear end date.")
    assert by_name(rows, "Marion Delacroix")["country"] == "CAN"


def test_actors_extract_bare_political_title_under_a_dateline_is_the_dateline_state(nlp):
    rows = actors_of(nlp, "SUVA \u2013 The first Australian and New Zealand engineers arrived at the port on "
                          "Tuesday. Prime Minister Tevita Naulivou welcomed the Australian soldiers.")
    assert by_name(rows, "Tevita Naulivou")["country"] == "FJI"


def test_actors_extract_spokesman_under_a_dateline_is_not_given_the_dateline_state(nlp):
    rows = actors_of(nlp, "NAIROBI \u2013 Ugandan troops crossed into South Sudan on Monday. Army spokesman "
                          "Felix Okwera said Uganda would stay until the fighting ended.")
    assert by_name(rows, "Felix Okwera")["country"] != "KEN"


def test_actors_extract_caribbean_and_maldivian_leaders_from_the_reference_list(nlp):
    rows = actors_of(nlp, "Indian helicopters left the islands this week. Mohamed Muizzu thanked the "
                          "Indian crews. An American destroyer sailed south, and Nicolás Maduro called the "
                          "American ship a threat.")
    assert by_name(rows, "Mohamed Muizzu")["country"] == "MDV"
    assert by_name(rows, "Nicolás Maduro")["country"] == "VEN"


def test_actors_extract_embassy_is_its_own_actor_of_the_sending_state(nlp):
    rows = actors_of(nlp, "Kenyan troops joined the patrols on Monday. The Iranian embassy in Nairobi called "
                          "the patrols a provocation, and the embassy urged Kenya to reconsider.")
    embassy = [r for r in rows.values() if "embassy" in r["name"].lower()]
    assert len(embassy) == 1
    assert (embassy[0]["type"], embassy[0]["country"]) == ("other", "IRN")
    assert "Iranian embassy in Nairobi" in aliases(embassy[0])
    assert embassy[0]["mentions"] == 2
    assert "Nairobi" not in aliases(rows["KEN"])


def test_actors_extract_acronym_shared_by_two_national_bodies_takes_the_article_state(nlp):
    rows = actors_of(nlp, "Australian engineers reached Lae in Papua New Guinea. The ADF said Australia would "
                          "send more Australian trainers to Papua New Guinea next year.")
    adf = [r for r in rows.values() if "ADF" in aliases(r)]
    assert len(adf) == 1
    assert (adf[0]["type"], adf[0]["country"]) == ("military_unit", "AUS")
    rows = actors_of(nlp, "ADF rebels attacked two villages near Beni in eastern Congo, and the Congolese army "
                          "said the ADF had killed 12 civilians.")
    adf = [r for r in rows.values() if "ADF" in aliases(r)]
    assert len(adf) == 1
    assert (adf[0]["type"], adf[0]["country"]) == ("armed_group", "COD")


def test_actors_extract_new_parties_keep_their_own_state_among_foreign_ones(nlp):
    rows = actors_of(nlp, "Indian and Chinese diplomats watched the vote closely. The Maldivian Democratic "
                          "Party said India had been a loyal partner, while Indian officials declined to comment.")
    assert by_name(rows, "Maldivian Democratic Party")["country"] == "MDV"


def test_actors_extract_post_after_a_party_name_gives_the_party_country(nlp):
    rows = actors_of(nlp, "Chinese and Indian envoys met the cabinet. GERB chairwoman Nadezhda Vasileva said "
                          "the talks were useful.")
    assert by_name(rows, "Nadezhda Vasileva")["country"] == "BGR"


def test_actors_extract_person_who_heads_a_national_body_takes_its_country(nlp):
    rows = actors_of(nlp, "Canada and the United States pulled out their trainers. Rebaz Ahmed, who heads the "
                          "KRG's department of foreign relations, said the Peshmerga needed more time.")
    assert by_name(rows, "Rebaz Ahmed")["country"] == "IRQ"


def test_actors_extract_capital_naming_a_summit_is_no_actor(nlp):
    rows = actors_of(nlp, "Polish and Czech troops arrived in Romania. NATO said the move followed the decisions "
                          "taken at the Madrid and Vilnius summits.")
    assert "ESP" not in rows and "LTU" not in rows


def test_actors_extract_transnational_group_takes_the_state_it_fights_in_that_the_text_names(nlp):
    rows = actors_of(nlp, "Dutch trainers will stay in Iraq. Iraqi commanders said Islamic State cells "
                          "still attacked villages north of Baghdad.")
    assert rows["islamic-state"]["country"] == "IRQ"
    rows = actors_of(nlp, "Danish soldiers left Estonia. Officials said Islamic State had claimed an attack.")
    assert rows["islamic-state"]["country"] == ""


def test_actors_extract_self_defense_forces_alone_are_japan_s(nlp):
    rows = actors_of(nlp, "American and Philippine marines landed on Luzon, and Japan's Self-Defense Forces "
                          "sent 150 soldiers to watch the drill.")
    jsdf = [r for r in rows.values() if "Self-Defense Forces" in aliases(r)]
    assert len(jsdf) == 1
    assert (jsdf[0]["type"], jsdf[0]["country"]) == ("military_unit", "JPN")


def test_actors_extract_unknown_court_or_community_group_is_not_an_international_organisation(nlp):
    rows = actors_of(nlp, "Ghanaian troops left the base. The High Court in Tamale later ruled against the "
                          "army, and the Tamale Community Peace Forum welcomed the ruling.")
    for name in ("High Court", "Tamale Community Peace Forum"):
        hits = [r for r in rows.values() if r["name"] == name]
        assert hits and all(r["type"] != "international_organization" for r in hits)


def test_actors_extract_family_name_first_with_honorific_folds_into_the_full_name(nlp):
    rows = actors_of(nlp, "In Hanoi, Foreign Ministry spokeswoman Pham Thu Hang urged restraint over the "
                          "patrols. Ms Pham said Vietnam wanted calm seas.")
    people = [r for r in rows.values() if r["type"] == "person"]
    assert len(people) == 1 and people[0]["name"] == "Pham Thu Hang"


def test_actors_extract_first_half_of_a_double_surname_folds_into_the_full_name(nlp):
    rows = actors_of(nlp, "Prime Minister Maria Gomes-Ferreira welcomed the ship. The opposition accused "
                          "Gomes-Ferreira of turning the port into a base.")
    people = [r for r in rows.values() if r["type"] == "person" or r["name"] == "Gomes"]
    assert [r["name"] for r in people] == ["Maria Gomes-Ferreira"]


def test_actors_extract_national_security_council_is_not_the_un_organ(nlp):
    rows = actors_of(nlp, "Georgian border guards took over the crossing, Secretary of the Security Council "
                          "Giorgi Beridze told reporters in Tbilisi.")
    assert "un-security-council" not in rows
    rows = actors_of(nlp, "France asked the Security Council to meet on Mali.")
    assert "un-security-council" in rows



def test_actors_extract_posting_platform_is_not_an_actor(nlp):
    rows = actors_of(nlp, "The Russian embassy said on Telegram that the drill was a provocation.")
    assert "Telegram" not in {r["name"] for r in rows.values()}


def test_actors_extract_state_named_only_inside_a_national_force_name_is_an_actor(nlp):
    rows = actors_of(nlp, "Up to 100 New Zealand Defence Force personnel would remain in the UK until June 2026.")
    assert rows["NZL"]["type"] == "state"
    assert "New Zealand" in aliases(rows["NZL"])
    assert rows["nzdf"]["country"] == "NZL"


def test_actors_extract_the_head_of_state_refers_back_to_the_president(nlp):
    rows = actors_of(nlp, "Bulgarian President Rumen Radev criticised the plan on Monday. In a televised "
                          "address, the head of state accused the cabinet of turning Bulgaria into a frontline base.")
    assert "the head of state" in aliases(rows["rumen-radev"])


def test_actors_extract_the_two_cypriot_administrations_are_governments_of_cyprus(nlp):
    rows = actors_of(nlp, "Turkey called on the Greek Cypriot administration to refrain from steps. "
                          "Britain stopped short of blaming the Turkish Cypriot side.")
    greek = next(r for r in rows.values() if "Greek Cypriot administration" in aliases(r))
    turkish = next(r for r in rows.values() if "Turkish Cypriot side" in aliases(r))
    assert greek["type"] == turkish["type"] == "government"
    assert greek["country"] == "CYP"
    assert greek["actor_id"] != turkish["actor_id"]
    assert "GRC" not in rows


def test_actors_extract_a_partys_government_is_its_own_states_even_after_another(nlp):
    rows = actors_of(nlp, "Slovakia's government sent 200 troops to the battlegroup. In Warsaw, the opposition "
                          "Law and Justice party accused the government of begging in Washington.")
    govs = [r for r in rows.values() if "government" in aliases(r) or "the government" in aliases(r)]
    assert govs and all(r["country"] == "POL" for r in govs)


def test_actors_extract_a_government_named_after_its_leader_is_the_leaders_state(nlp):
    rows = actors_of(nlp, "Papua New Guinea's Prime Minister James Marape signed the treaty in May. On Monday the "
                          "first Australian soldiers arrived in Lae, and the opposition accused the Marape government "
                          "of secrecy.")
    gov = next(r for r in rows.values() if any("Marape government" in a for a in aliases(r)))
    assert gov["country"] == "PNG"


def test_actors_extract_a_shared_party_name_follows_the_parties_only_one_country_has(nlp):
    rows = actors_of(nlp, "US officials welcomed the plan, and Washington had pressed for it for months. The ruling "
                          "Democratic Party and the main opposition People Power Party both backed the motion.")
    democrats = next(r for r in rows.values() if "Democratic Party" in aliases(r))
    assert democrats["country"] == "KOR"


@pytest.mark.parametrize("text, speaker", [
    # the parser hangs the verb off the subject noun, which it makes the root
    ("President Nana Addo spoke first. The port director, Commodore Kofi Mensah, called on the navy "
     "to add patrols. \"We need more ships,\" he told reporters.", "Kofi Mensah"),
])
def test_actors_extract_pronoun_takes_speaker_apposed_to_subject(nlp, text, speaker):
    doc = nlp(text)
    aset = extract_actors(doc, "t")
    he = next(t for t in doc if t.lower_ == "he")
    ante = aset.antecedent(he)
    assert ante is not None and ante.name == speaker


def test_actors_extract_based_group_refers_back_to_named_ngo(nlp):
    # "the London-based group" repeats the non-governmental organisation named just before it,
    # not the armed group it accuses
    doc = nlp("Amnesty International said at least 30 villagers were killed near the border. "
              "The London-based group accused the Wagner Group of carrying out the raid.")
    aset = extract_actors(doc, "t")
    group = next(t for t in doc if t.text == "group")
    found = aset.at_token(group)
    assert found is not None and found.name == "Amnesty International"


def test_actors_extract_council_that_took_office_is_the_governing_council(nlp):
    # "the Council, which took office ..." is the governing council named before, even when a
    # UN organ with "Council" in its name was named after it
    doc = nlp("Haiti's Transitional Presidential Council asked for more police, and the request went to "
              "the Security Council. The Council, which took office in the spring, thanked Kenya.")
    aset = extract_actors(doc, "t")
    council = next(t for t in doc if t.text == "Council" and t.i > 0 and doc[t.i - 1].text == "The")
    found = aset.at_token(council)
    assert found is not None and found.type == "government"


def test_actors_extract_reference_opposition_leader_and_dashed_party_name(nlp):
    # a reference opposition leader is a person of his state even where the tagger misses him,
    # so a following "he" is his; a party name written with an en dash is the same party
    doc = nlp("Domingos Simões Pereira, whose PAI–Terra Ranka bloc boycotted the vote, spoke in Gabú. "
              "He said the count had been rigged.")
    aset = extract_actors(doc, "t")
    rows = {r["actor_id"]: r for r in aset.rows()}
    assert rows["domingos-simoes-pereira"]["type"] == "person"
    assert rows["domingos-simoes-pereira"]["country"] == "GNB"
    assert "pai-terra-ranka" in rows
    he = next(t for t in doc if t.text == "He")
    assert aset.antecedent(he).id == "domingos-simoes-pereira"


def test_actors_extract_bare_mission_speaking_is_operation_named_before(nlp):
    # "The mission said ..." right after the operation was named is that operation
    doc = nlp("Two UNIFIL positions near Naqoura were hit by tank fire on Sunday. "
              "The mission said it had protested to the Israeli army.")
    aset = extract_actors(doc, "t")
    mission = next(t for t in doc if t.text == "mission")
    found = aset.at_token(mission)
    assert found is not None and found.id == "unifil"
    it = next(t for t in doc if t.text == "it")
    assert aset.antecedent(it).id == "unifil"


def test_actors_extract_named_national_services_and_numbered_fleets_have_their_state(nlp):
    # a service branch known by its own name ("the Royal Navy", "the Luftwaffe") or a numbered
    # US fleet belongs to its state even when the sentence names no state
    rows = actors_of(nlp, "The Royal Navy will send a frigate to the Red Sea next month. "
                          "A Luftwaffe tanker refuelled the jets, and the Fifth Fleet said it would escort the convoy.")
    assert by_name(rows, "Royal Navy")["country"] == "GBR"
    assert by_name(rows, "Luftwaffe")["country"] == "DEU"
    assert by_name(rows, "Luftwaffe")["type"] == "military_unit"
    fleet = next(r for r in rows.values() if "Fifth Fleet" in aliases(r))
    assert fleet["country"] == "USA"


def test_actors_extract_named_parties_of_peru_bhutan_and_kazakhstan_have_their_country(nlp):
    # parties the reference lists know carry their country without a state in the sentence
    rows = actors_of(nlp, "Deputies of Fuerza Popular backed the motion while Juntos por el Perú walked out. "
                          "In Thimphu, Druk Phuensum Tshogpa asked for a debate, and the Auyl party abstained.")
    assert by_name(rows, "Fuerza Popular")["country"] == "PER"
    assert by_name(rows, "Juntos por el Perú")["country"] == "PER"
    assert by_name(rows, "Druk Phuensum Tshogpa")["country"] == "BTN"
    assert next(r for r in rows.values() if "Auyl" in r["name"])["country"] == "KAZ"


def test_actors_extract_person_of_a_party_takes_the_partys_country(nlp):
    # "X of the <party>", "X, a <party> deputy": with no office title and no state nearby, the
    # party a person belongs to gives their country
    rows = actors_of(nlp, "Karl Weber of the conservative CDU/CSU bloc said the mission should end. "
                          "Claire Dubois, a La France Insoumise deputy, called the plan reckless.")
    assert by_name(rows, "Karl Weber")["country"] == "DEU"
    assert by_name(rows, "Claire Dubois")["country"] == "FRA"


def test_actors_extract_kazakh_opposition_parties_are_known(nlp):
    # the Nationwide Social Democratic Party is one Kazakh party, not "Nationwide" plus another
    # country's Social Democratic Party
    rows = actors_of(nlp, "Dana Omarova of the Nationwide Social Democratic Party criticised the plan.")
    party = by_name(rows, "Nationwide Social Democratic Party")
    assert party["country"] == "KAZ"
    assert by_name(rows, "Dana Omarova")["country"] == "KAZ"


def test_actors_extract_articles_own_news_outlet_is_not_an_actor(nlp):
    # the outlet in the dateline's brackets and the one a source talks to report the story;
    # they are not actors in it
    rows = actors_of(nlp, "LISBON, March 3 (Iberia Newswire) - Portugal will send 40 soldiers to Romania, "
                          "the army said. An officer told The Harbour Courier that the troops would fly "
                          "on Monday. The minister told the Assembly the mission was safe.")
    names = {r["name"] for r in rows.values()}
    assert not any("Newswire" in n or "Harbour Courier" in n for n in names), names
    assert "PRT" in rows


def test_actors_extract_aircraft_and_missile_models_are_not_actors(nlp):
    # a model designation ("KC-46 Pegasus", "Kinzhal-K") names equipment, not an actor
    rows = actors_of(nlp, "Four KC-46 Pegasus tankers and a battery of Kinzhal-K missiles were moved "
                          "to Poland last week, Warsaw said.")
    names = {r["name"] for r in rows.values()}
    assert not any("KC-46" in n or "Pegasus" in n or "Kinzhal" in n for n in names), names
    assert "POL" in rows


def test_actors_extract_person_name_keeps_the_part_ner_cut_off(nlp):
    # a hyphenated given name and a second surname are part of the person's name, not a
    # shorter second person
    rows = actors_of(nlp, "Rep. Choi Min-jae of the Democratic Party urged the ministry to draw up rules. "
                          "The congresswoman Elena Mamani Apaza, of Juntos por el Perú, called it an occupation.")
    names = {r["name"] for r in rows.values()}
    assert "Choi Min-jae" in names and "Choi Min" not in names, names
    assert "Elena Mamani Apaza" in names and "Elena Mamani" not in names, names


def test_actors_extract_post_at_a_body_based_in_a_capital_gives_the_state(nlp):
    # "X, an analyst at a <capital>-based institute": with no office title, the body's base
    # gives the person's country
    rows = actors_of(nlp, "India will send more instructors to Bhutan. \"It is overdue,\" said Pema Wangdi Dorji, "
                          "a defence analyst at a Thimphu-based research institute.")
    assert next(r for r in rows.values() if r["name"].startswith("Pema"))["country"] == "BTN"


def test_actors_extract_un_contingent_code_name_is_a_unit_of_its_state(nlp):
    # "NEPBATT", "GHANBATT": a UN contingent named by its state's code is that state's unit
    rows = actors_of(nlp, "Nepal and Ghana sent more troops to Lebanon. The Nepali soldiers will join NEPBATT "
                          "near Naqoura, while the Ghanaian company will serve with GHANBATT.")
    nep, gha = by_name(rows, "NEPBATT"), by_name(rows, "GHANBATT")
    assert (nep["type"], nep["country"]) == ("military_unit", "NPL")
    assert (gha["type"], gha["country"]) == ("military_unit", "GHA")


def test_actors_extract_a_states_named_ministry_is_its_own_government_actor(nlp):
    # "Kenya's foreign ministry", "the Ministry of Defence of Ghana": a ministry whose state the
    # phrase names is an actor of its own (a government of that state), not the state itself
    rows = actors_of(nlp, "Kenya's foreign ministry said the envoy had been summoned. Later the Ministry of "
                          "Defence of Ghana confirmed that two transport aircraft would fly to Nairobi.")
    ken = next(r for r in rows.values() if "foreign ministry" in r["name"].lower())
    gha = next(r for r in rows.values() if "Ministry of Defence" in r["name"])
    assert (ken["type"], ken["country"]) == ("government", "KEN")
    assert (gha["type"], gha["country"]) == ("government", "GHA")
    assert rows["KEN"]["type"] == "state" and rows["GHA"]["type"] == "state"


def test_actors_extract_unita_and_splm_io_are_known_bodies(nlp):
    # reference data: UNITA is Angola's opposition party (not the UNITAF coalition), the SPLM-IO
    # South Sudan's former rebel movement
    rows = actors_of(nlp, "In Luanda, UNITA said the budget was too small. Across the continent in Juba, "
                          "the SPLM-IO accused the army of shelling its positions near Nasir.")
    unita, splm = by_name(rows, "UNITA"), by_name(rows, "SPLM-IO")
    assert (unita["type"], unita["country"]) == ("other", "AGO")
    assert (splm["type"], splm["country"]) == ("armed_group", "SSD")


def test_actors_extract_ministry_named_only_by_its_capital_or_of_a_government_actor_is_no_own_actor(nlp):
    # a ministry named only by its capital ("Nairobi's defence ministry") is a reported source,
    # and where the article has the state's government as an actor, its ministry's phrase stays
    # that government's: neither gets a ministry row of its own
    rows = actors_of(nlp, "Kenya will send 300 more police officers, Nairobi's defence ministry said. In Khartoum, "
                          "the army-led government of Sudan protested, and Sudan's foreign ministry summoned the envoy.")
    names = {r["name"] for r in rows.values()}
    assert "Nairobi's defence ministry" not in names, names
    assert [r["type"] for r in rows.values() if r["country"] == "SDN"].count("government") == 1, names


def test_actors_extract_the_militants_is_the_armed_group_named_before(nlp):
    # "The rebels", "the militants": the armed group named last in the sentences before, not one
    # named only inside a modifier ("an Islamic State-linked group")
    rows = actors_of(nlp, "The Allied Democratic Forces, an Islamic State-linked group, raided a village near Beni "
                          "on Sunday. The rebels burned dozens of houses, according to local officials.")
    adf = next(r for r in rows.values() if r["name"].startswith("Allied Democratic"))
    assert "The rebels" in aliases(adf), rows


def test_actors_extract_office_phrase_far_back_is_its_only_holder(nlp):
    # "The Defence Secretary" many sentences after "Defence Secretary Ben Wallace": the one person
    # titled so, though another defence minister was named too
    rows = actors_of(nlp, "Defence Minister Aden Duale welcomed the plan. Defence Secretary Ben Wallace said 300 "
                          "more instructors would go to Kenya. The first group will fly out in May. They will "
                          "train recruits at Nanyuki. The camp holds about 400 people. It was built in 2010. "
                          "Kenya will pay for the fuel. The rest falls to London. "
                          "The Defence Secretary rejected claims that the course was too short.")
    wallace = next(r for r in rows.values() if r["name"] == "Ben Wallace")
    assert "The Defence Secretary" in aliases(wallace), rows


def test_actors_extract_capital_after_grateful_to_is_an_actor(nlp):
    # a capital first used as a place ("trained in Dhaka") and then as the one thanked
    # ("grateful to Dhaka") is the state there
    rows = actors_of(nlp, "The first troops trained in Dhaka for a month. \"We are grateful to Dhaka "
                          "for sending them,\" the mission's chief said.")
    assert "BGD" in rows and rows["BGD"]["mentions"] >= 1 and "Dhaka" in aliases(rows["BGD"]), rows


@pytest.mark.parametrize("text, name", [
    ("About 400 Polish soldiers took part in the Iron Falcon-2026 exercise near Orzysz.", "Iron Falcon-2026"),
    ("The last large joint drills, Northern Anvil 2024, drew several thousand troops.", "Northern Anvil 2024"),
])
def test_actors_extract_a_name_with_a_year_beside_an_exercise_word_is_an_operation(nlp, text, name):
    """'the Union Shield-2026 exercise', 'joint drills, Zapad-2025': a capitalised name followed by a
    year, next to an exercise word, is one edition of an exercise."""
    row = by_name(actors_of(nlp, text), name)
    assert row["type"] == "military_operation"


def test_actors_extract_a_year_suffixed_reference_exercise_is_the_reference_record(nlp):
    rows = actors_of(nlp, "Russian troops arrived in Belarus for the Union Shield-2026 exercise.")
    assert "Union Shield-2026" in aliases(rows["union-shield"])


def test_actors_extract_a_name_with_a_year_and_no_exercise_word_is_no_operation(nlp):
    rows = actors_of(nlp, "The Paris Agreement 2015 was signed by Denmark in March 2016.")
    assert not [r for r in rows.values() if r["type"] == "military_operation"]
