"""Stance targets on small invented articles, through the real pipeline."""

from __future__ import annotations

import pytest

from analysis.actors import extract_actors
from analysis.nlp import load_pipeline
from analysis.stances import extract_stances


def pairs(nlp, text):
    doc = nlp(text)
    return {(r["source"], r["target"], r["stance"]) for r in extract_stances(doc, extract_actors(doc, "t"))}


def test_stances_targets_event_noun_means_the_operation_not_the_place(nlp):
    text = ("EUFOR Althea will add 500 troops in Bosnia. "
            "The United States and Britain backed the reinforcement in the Security Council debate.")
    got = pairs(nlp, text)
    assert ("USA", "eufor-althea", "support") in got
    assert ("GBR", "eufor-althea", "support") in got
    assert not any(t == "un-security-council" for _, t, _ in got)


def test_stances_targets_not_ruling_out_is_not_opposition(nlp):
    got = pairs(nlp, "Washington did not rule out cooperation with Ouagadougou.")
    assert not any(st == "oppose" for _, _, st in got)


def test_stances_targets_rejecting_criticism_opposes_the_critic(nlp):
    got = pairs(nlp, "Turkey condemned the boarding. Greek Defence Minister Nikos Dendias rejected the criticism.")
    assert ("nikos-dendias", "TUR", "oppose") in got


def test_stances_targets_declining_to_criticise_is_neutral_towards_short_name(nlp):
    got = pairs(nlp, "EUFOR Althea will grow. Serbia's envoy declined to criticise EUFOR directly.")
    assert ("SRB", "eufor-althea", "neutral") in got
    assert not any(st == "oppose" for *_, st in got)


def test_stances_targets_condemning_a_decision_opposes_who_made_it(nlp):
    got = pairs(nlp, "Mozambique has extended the stay of Rwandan soldiers for two years. "
                     "Renamo, the largest opposition party, condemned the extension.")
    assert ("renamo", "MOZ", "oppose") in got


@pytest.mark.parametrize("text,expected", [
    ("Al-Shabab fighters attacked an African Union base in Somalia.", ("al-shabab", "au", "oppose")),
    ("The United States opposed the Russian proposal.", ("USA", "RUS", "oppose")),
])
def test_stances_targets_attacks_and_opposition_are_positions(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_stances_targets_repeated_institution_keeps_its_state(nlp):
    got = pairs(nlp, "Russia's embassy in Bucharest condemned the plans. Romania summoned the ambassador. "
                     "The embassy accused NATO of militarising the Black Sea region.")
    assert ("RUS", "nato", "oppose") in got
    assert ("ROU", "nato", "oppose") not in got


def test_stances_targets_demand_about_an_agreement_targets_who_made_it(nlp):
    got = pairs(nlp, "Kenya signed an agreement with Haiti. The United States demanded that the agreement be published.")
    assert ("USA", "KEN", "demand") in got


def test_stances_targets_the_two_sides_are_the_pair_named_before(nlp):
    got = pairs(nlp, "Fighting between Ethiopia and Eritrea spread to the border towns on Monday. "
                     "Kenya and Uganda urged both sides to return to talks.")
    assert {("KEN", "ETH", "demand"), ("KEN", "ERI", "demand"), ("UGA", "ETH", "demand")} <= got


def test_stances_targets_warring_parties_without_a_pair_give_no_row(nlp):
    got = pairs(nlp, "The Arab League called on the warring parties to agree a ceasefire.")
    assert not got


def test_stances_targets_plural_pronoun_is_not_a_single_organisation(nlp):
    got = pairs(nlp, "The Arab League called for a ceasefire in Darfur, and the African Union's "
                     "Moussa Faki Mahamat urged them to protect civilians.")
    assert not any(t == "arab-league" for _, t, _ in got)


def test_stances_targets_plural_pronoun_takes_the_plural_noun_in_its_sentence(nlp):
    got = pairs(nlp, "China and Russia blocked the resolution. Al-Shabab threatened the Kenyan troops "
                     "in a video, calling them invaders.")
    assert ("al-shabab", "KEN", "oppose") in got
    assert not any(t in ("CHN", "RUS") for s, t, _ in got if s == "al-shabab")


def test_stances_targets_condemned_attack_is_against_the_attacker_not_the_victim(nlp):
    got = pairs(nlp, "Ireland condemned the shelling of UNIFIL positions by the Israel Defense Forces.")
    assert ("IRL", "idf", "oppose") in got
    assert ("IRL", "unifil", "oppose") not in got


def test_stances_targets_the_decision_is_the_lede_actors_when_no_clause_names_it(nlp):
    got = pairs(nlp, "NIAMEY – Germany will pull its last soldiers out of Niger by August, the defence "
                     "ministry in Berlin said on Saturday. The soldiers run an air base. "
                     "Nigeria's foreign minister welcomed the decision.")
    assert ("NGA", "DEU", "support") in got


def test_stances_targets_dateline_place_is_not_the_lede_actor(nlp):
    got = pairs(nlp, "CINCU, Romania – France will lead a new NATO brigade in Transylvania, officials said. "
                     "Hungary criticised the move.")
    assert ("HUN", "FRA", "oppose") in got
    assert ("HUN", "ROU", "oppose") not in got


@pytest.mark.parametrize("text,expected", [
    ("Russia lashed out at NATO on Tuesday.", ("RUS", "nato", "oppose")),
    ("China resisted the French proposal.", ("CHN", "FRA", "oppose")),
    ("Renamo's rejection of the Rwandan deployment was echoed by others.", ("renamo", "RWA", "oppose")),
    ("Russia vetoed the British draft.", ("RUS", "GBR", "oppose")),
    ("Kenya implored Ethiopia to withdraw its troops.", ("KEN", "ETH", "demand")),
    ("Ghana pledged support for Togo.", ("GHA", "TGO", "support")),
])
def test_stances_targets_more_cue_words_from_the_lexicon(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_stances_targets_abstaining_is_neutral_towards_the_articles_operation(nlp):
    got = pairs(nlp, "The Security Council renewed the mandate of UNMISS in South Sudan. Russia abstained.")
    assert ("RUS", "unmiss", "neutral") in got


def test_stances_targets_rather_than_cancels_the_cue(nlp):
    got = pairs(nlp, "Russia abstained rather than veto the renewal of EUFOR Althea's mandate.")
    assert not any(st == "oppose" for _, _, st in got)


def test_stances_targets_joining_is_a_position_only_when_refused(nlp):
    assert ("IND", "atalanta", "oppose") in pairs(nlp, "India declined to join Atalanta formally.")
    assert not pairs(nlp, "Portugal joined Atalanta in May.")


def test_stances_targets_demand_on_peacekeepers_is_on_their_operation(nlp):
    got = pairs(nlp, "UNMISS has 13,000 peacekeepers in South Sudan. The information minister of South Sudan, "
                     "Michael Makuei Lueth, demanded that peacekeepers clear every patrol with the army.")
    assert any(t == "unmiss" and st == "demand" for _, t, st in got)


def test_stances_targets_demanding_from_someone_addresses_them(nlp):
    got = pairs(nlp, "Serbia's president demanded from NATO the return of Serbian forces to Kosovo.")
    assert ("SRB", "nato", "demand") in got


def test_stances_targets_he_after_an_apposed_name_is_that_person(nlp):
    got = pairs(nlp, "Albin Kurti spoke on Monday. The president of Serbia, Aleksandar Vucic, met envoys "
                     "and he condemned NATO.")
    assert any(t == "nato" and s in ("aleksandar-vucic", "SRB") for s, t, _ in got)
    assert not any(s == "albin-kurti" for s, _, _ in got)


def test_stances_targets_far_infinitive_still_makes_a_demand(nlp):
    got = pairs(nlp, "Fighting between Ethiopia and Eritrea spread on Monday. Ghana, Gabon and Mozambique, the "
                     "council's three African members, pressed the two sides in a joint statement to return to talks.")
    assert ("GHA", "ETH", "demand") in got and ("MOZ", "ERI", "demand") in got


def test_stances_targets_coordinated_demonyms_each_get_a_row(nlp):
    got = pairs(nlp, "NATO's chief praised the Dutch and Swedish decisions.")
    assert ("nato", "NLD", "support") in got and ("nato", "SWE", "support") in got


def test_stances_targets_threat_reaches_the_object_of_its_infinitive(nlp):
    got = pairs(nlp, "Al-Shabab threatened to treat the Egyptian soldiers as crusaders.")
    assert ("al-shabab", "EGY", "oppose") in got


def test_stances_targets_organisation_named_after_a_state_speaks_for_itself(nlp):
    got = pairs(nlp, "The Kenya Human Rights Commission called on the government of Kenya to review the deployment.")
    assert ("kenya-human-rights-commission", "KEN", "demand") in got


def test_stances_targets_reflexive_apposition_keeps_the_named_target(nlp):
    got = pairs(nlp, "Ethiopia's foreign ministry criticised the deployment but stopped short of opposing AUSSOM itself.")
    assert ("ETH", "aussom", "neutral") in got


def test_stances_targets_fire_on_the_forces_headquarters_targets_the_operation(nlp):
    got = pairs(nlp, "UNIFIL said its peacekeepers would stay after the Israeli army fired on the headquarters of the force.")
    assert any(t == "unifil" and st == "oppose" for _, t, st in got)


def test_stances_targets_attack_named_by_demonym_targets_the_attacker(nlp):
    got = pairs(nlp, "An Israeli strike hit a UNIFIL post in Lebanon on Monday. "
                     "Washington expressed concern but did not condemn the Israeli fire.")
    assert ("USA", "ISR", "neutral") in got


@pytest.mark.parametrize("text,expected", [
    ("Egypt, whose canal revenues have fallen by half, has not joined the coalition but urged Yemen to stop.",
     ("EGY", "YEM", "demand")),
    ("The Economic Community of West African States, which suspended the country after the coup, called on "
     "Niger to set a date for elections.", ("ecowas", "NER", "demand")),
    ("The Centre for Democracy and Human Rights, a Maputo-based watchdog, which says little, accused the "
     "government of Mozambique of hiding the cost.", ("centre-for-democracy-and-human-rights", "MOZ", "oppose")),
    ("The Ministry of National Defence of the Republic of Lithuania condemned Russia.", ("LTU", "RUS", "oppose")),
])
def test_stances_targets_sources_behind_relative_clauses_and_of_chains(nlp, text, expected):
    assert expected in pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("Healey said Britain's commitment to Poland was iron-clad.", ("GBR", "POL", "support")),
    ("Kigali's concern over the FDLR grew.", ("RWA", "fdlr", "oppose")),
    ("The Russian warning to Finland was clear.", ("RUS", "FIN", "oppose")),
])
def test_stances_targets_nominal_cues_with_their_prepositions(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_stances_targets_commitment_of_troops_is_not_a_stance(nlp):
    assert not pairs(nlp, "Britain's commitment of 900 troops to the force was confirmed.")


def test_stances_targets_rejecting_the_criticism_opposes_whoever_urged_or_accused(nlp):
    got = pairs(nlp, "Human Rights Watch urged the United Nations to screen Bangladeshi units. "
                     "Bangladesh's army rejected the criticism as baseless.")
    assert any(t == "human-rights-watch" and st == "oppose" for _, t, st in got)


@pytest.mark.parametrize("text,expected", [
    ("The Niger junta has already ordered out French troops.", ("ner-government", "FRA", "oppose")),
    ("Washington called for the withdrawal of Russian troops.", ("USA", "RUS", "demand")),
    ("Moscow dismissed the accusations by Kyiv.", ("RUS", "UKR", "oppose")),
    ("Mali said the French overflight was a violation of its sovereignty.", ("MLI", "FRA", "oppose")),
])
def test_stances_targets_ordering_out_calling_for_dismissing(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_stances_targets_calling_for_a_ceasefire_names_no_target(nlp):
    assert not pairs(nlp, "Washington called for a ceasefire.")


def test_stances_targets_contributing_countries_are_the_operation(nlp):
    got = pairs(nlp, "UNIFIL has 10,000 peacekeepers in Lebanon. Prime Minister Najib Mikati of Lebanon "
                     "thanked the contributing countries for their steadfastness.")
    assert any(t == "unifil" and st == "support" for _, t, st in got)


def test_stances_targets_recognition_of_sovereignty_backs_the_state(nlp):
    assert ("USA", "MAR", "support") in pairs(nlp, "The United States reaffirmed its recognition of the Moroccan sovereignty.")


def test_stances_targets_the_resolution_renewing_the_mandate_is_about_the_mission(nlp):
    got = pairs(nlp, "UNFICYP patrols the buffer zone in Cyprus. Turkey rejected the resolution renewing the mission's mandate.")
    assert ("TUR", "unficyp", "oppose") in got


@pytest.mark.parametrize("text,expected", [
    ("The military governments in Bamako and Ouagadougou praised Niamey's decision.", {("MLI", "NER", "support"), ("BFA", "NER", "support")}),
    ("Nigeria's defence minister said: \"We urge our brothers in Niger to keep sharing intelligence.\"", {("NGA", "NER", "demand")}),
    ("UNFICYP said the move was a violation of the status quo and called on Turkey to pull back.", {("unficyp", "TUR", "demand")}),
    ("Ersin Tatar accused the peacekeepers of bias and demanded that UNFICYP sign an agreement.", {("ersin-tatar", "unficyp", "demand")}),
    ("UNISFA patrols Abyei. Chief Bulabek Deng Kuol thanked Ghana and asked the force to set up a second base.",
     {("bulabek-deng-kuol", "unisfa", "demand")}),
    ("UNIFIL patrols southern Lebanon. Prime Minister Najib Mikati thanked the countries that contributed to the force.",
     {("najib-mikati", "unifil", "support")}),
])
def test_stances_targets_groups_coordinated_clauses_and_the_force(nlp, text, expected):
    assert expected <= pairs(nlp, text)


def test_stances_targets_government_of_a_person_is_their_state(nlp):
    assert ("ESP", "MAR", "neutral") in pairs(nlp, "The government of Pedro Sanchez did not condemn Morocco.")


def test_stances_targets_capitalised_cue_inside_a_name_is_not_a_cue(nlp):
    got = pairs(nlp, "The jihadist Group to Support Islam and Muslims (JNIM) has stepped up attacks on army posts.")
    assert not any(st == "support" for *_, st in got)


def test_stances_targets_the_group_is_the_armed_group_named_before(nlp):
    got = pairs(nlp, "The SDF holds the north-east of Syria. Ankara has long objected to U.S. support for the group.")
    assert ("USA", "sdf", "support") in got


def test_stances_targets_welcoming_the_withdrawal_backs_who_withdraws(nlp):
    got = pairs(nlp, "The United States will withdraw 500 troops from Syria, the Pentagon said. "
                     "Turkey's foreign minister welcomed the withdrawal as a correct decision.")
    assert any(s == "TUR" and t == "USA" and st == "support" for s, t, st in got)


def test_stances_targets_object_pronoun_is_not_the_clause_subject(nlp):
    got = pairs(nlp, "Foreign Minister Johann Wadephul accused Milorad Dodik of sawing at the foundations of Dayton "
                     "and called on him to withdraw the laws.")
    assert ("johann-wadephul", "milorad-dodik", "demand") in got


def test_stances_targets_voting_in_favour_backs_the_operation(nlp):
    got = pairs(nlp, "The Bundestag extended the EUFOR Althea mandate. The SPD voted in favour; the Left Party voted against.")
    assert ("spd", "eufor-althea", "support") in got
    assert ("die-linke", "eufor-althea", "oppose") in got


def test_stances_targets_both_countries_are_the_pair_named_before(nlp):
    got = pairs(nlp, "Turkey and Egypt sent warships to Somalia. President Hassan Sheikh Mohamud thanked both countries.")
    assert {("hassan-sheikh-mohamud", "TUR", "support"), ("hassan-sheikh-mohamud", "EGY", "support")} <= got


def test_stances_targets_denying_an_attack_names_no_attacker(nlp):
    got = pairs(nlp, "The Houthis attacked two ships. Tehran denies directing the attacks.")
    assert not any(s == "IRN" for s, _, _ in got)


def test_stances_targets_must_in_a_quote_is_a_demand_on_its_subject(nlp):
    got = pairs(nlp, 'UNIFIL patrols Lebanon. "Israel must withdraw from Lebanese territory," the UNIFIL commander '
                     'Diodato Abagnara said.')
    assert ("diodato-abagnara", "ISR", "demand") in got


@pytest.mark.parametrize("text", ['"We must stay," Guido Crosetto of Italy said.',
                                  'Crosetto said the Lebanese army "must be the only armed force in the south".'])
def test_stances_targets_must_of_self_or_of_being_is_no_demand(nlp, text):
    assert not any(st == "demand" for *_, st in pairs(nlp, text))


def test_stances_targets_asking_for_something_to_happen_to_someone(nlp):
    assert ("SDN", "unitams", "demand") in pairs(nlp, "Sudan asked for UNITAMS to be shut down immediately.")


def test_stances_targets_lifting_sanctions_is_not_opposition(nlp):
    got = pairs(nlp, "ECOWAS, which lifted most of its sanctions on Niger in February, stopped short of criticising Niamey.")
    assert ("ecowas", "NER", "neutral") in got and ("ecowas", "NER", "oppose") not in got


def test_stances_targets_a_government_takes_no_stance_towards_its_own_state(nlp):
    got = pairs(nlp, "Turkey's military government said it stands firmly with the Turkish people.")
    assert not any(s.endswith("government") and t == "TUR" for s, t, _ in got)


@pytest.mark.parametrize("text,expected", [
    ("Kenya requested Ethiopia to withdraw its troops.", ("KEN", "ETH", "demand")),
    ("Algeria questioned the legitimacy of the Malian junta.", ("DZA", "mli-government", "oppose")),
    ("Ghana expressed disappointment with Togo.", ("GHA", "TGO", "oppose")),
    ("France lodged a protest with Russia.", ("FRA", "RUS", "oppose")),
    ("Brazil distanced itself from Venezuela.", ("BRA", "VEN", "oppose")),
])
def test_stances_targets_requests_doubts_and_displeasure(nlp, text, expected):
    assert expected in pairs(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("Kenya's call on Ethiopia to withdraw went unanswered.", ("KEN", "ETH", "demand")),
    ("Ghana's warm welcome for the Nigerian troops was noted.", ("GHA", "NGA", "support")),
])
def test_stances_targets_nominal_call_and_welcome(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_stances_targets_a_phone_call_is_no_demand(nlp):
    assert not pairs(nlp, "France's phone call with Germany lasted an hour.")


def test_stances_targets_wire_paragraph_expulsion_regret_and_appeal(nlp):
    text = ("Mali's military government ordered the expulsion of the French ambassador on Tuesday. "
            "The European Union expressed \"deep regret\" over the move. "
            "A spokesman for the UN Secretary-General told reporters that Antonio Guterres was \"concerned\" "
            "and appealed to Bamako to keep channels open.")
    got = pairs(nlp, text)
    assert ("mli-government", "FRA", "oppose") in got
    assert ("eu", "mli-government", "oppose") in got
    assert ("antonio-guterres", "mli-government", "demand") in got


def test_stances_targets_supporting_the_deployment_backs_the_operation(nlp):
    got = pairs(nlp, "UNIFIL has 10,000 troops in Lebanon. Turkey supported the deployment on Monday.")
    assert ("TUR", "unifil", "support") in got


def test_stances_targets_the_allies_are_nato(nlp):
    got = pairs(nlp, "NATO will send more troops to Romania. Romanian President Klaus Iohannis thanked the allies.")
    assert ("klaus-iohannis", "nato", "support") in got


def test_stances_targets_relative_clause_on_an_act_noun(nlp):
    got = pairs(nlp, "NATO agreed on Thursday to send 3,000 more troops to Romania, a move Moscow denounced as a "
                     "provocation.")
    assert ("RUS", "nato", "oppose") in got


@pytest.mark.parametrize("text,absent", [
    ("Russia and China criticized what they called Western pressure on the government of South Sudan.", ("RUS", "SSD")),
    ("South Sudan's ambassador, Akuei Bona Malwal, rejected the text's criticism of his government.",
     ("akuei-bona-malwal", "SSD")),
])
def test_stances_targets_no_target_found_deep_inside_a_rebutted_or_characterised_phrase(nlp, text, absent):
    assert not any((s, t) == absent for s, t, _ in pairs(nlp, text))


def test_stances_targets_rejecting_someones_accusations_opposes_them(nlp):
    assert ("EGY", "ETH", "oppose") in pairs(nlp, "Cairo rejected Ethiopia's accusations of meddling in Somalia.")


def test_stances_targets_call_on_allows_only_adverbs_between(nlp):
    assert not any(st == "demand" for *_, st in pairs(
        nlp, "Russia criticized what it called Western pressure on South Sudan."))
    assert ("KEN", "ETH", "demand") in pairs(nlp, "Kenya called repeatedly on Ethiopia to withdraw.")


def test_stances_targets_an_agreement_is_the_partners_not_the_speakers_own_state(nlp):
    got = pairs(nlp, "MANILA - The Philippines and Japan signed a defence pact on Monday. Philippine Defence "
                     "Secretary Gilberto Teodoro hailed the agreement as a milestone. Australia welcomed the deal.")
    assert ("gilberto-teodoro", "JPN", "support") in got
    assert ("gilberto-teodoro", "PHL", "support") not in got
    assert {("AUS", "PHL", "support"), ("AUS", "JPN", "support")} <= got


def test_stances_targets_past_conjunct_of_an_infinitive_has_the_matrix_subject(nlp):
    got = pairs(nlp, 'China\'s foreign ministry spokesperson Mao Ning urged "countries outside the region" to stop '
                     '"stirring up trouble" and accused Washington of building "small cliques".')
    assert ("mao-ning", "USA", "oppose") in got



def test_stances_targets_described_object_as_evaluation_when_as_hangs_on_the_object(nlp):
    got = pairs(nlp, 'Dina Mufti described Antony Blinken\'s remarks as "interference".')
    assert ("dina-mufti", "antony-blinken", "oppose") in got


def test_stances_targets_reported_should_is_a_demand_on_its_subject(nlp):
    got = pairs(nlp, "Suhail Shaheen said Turkey should withdraw its soldiers.")
    assert ("suhail-shaheen", "TUR", "demand") in got


def test_stances_targets_translated_call_to_is_a_demand(nlp):
    got = pairs(nlp, "Algeria called Moscow to withdraw all its personnel from Libya.")
    assert ("DZA", "RUS", "demand") in got


def test_stances_targets_the_mission_and_the_government_of_a_un_release(nlp):
    # a UN release: "The Mission" is the article's operation, "the Government" the host state's
    # even after contributors were listed, and the looters' "by" is not the condemner
    got = pairs(nlp, "UNAMID handed over its last team site in Darfur, Sudan. Contingents from Rwanda and "
                     "Pakistan have left. The Mission condemned the looting of a former site by armed men "
                     "and called on the Government to bring those responsible to justice.")
    assert ("unamid", "SDN", "demand") in got or any(s == "unamid" and t.startswith("sdn") and st == "demand"
                                                     for s, t, st in got)
    assert not any(t.startswith("pak") or t == "PAK" for s, t, st in got if s == "unamid")


def test_stances_targets_the_defence_secretary_is_the_person_named_with_that_office(nlp):
    # "Defence Secretary" is filed under the role "defence minister"; the Australian Defence
    # Force named earlier is not "the Defence" of "the Defence Secretary"
    got = pairs(nlp, "About 40 Australian Defence Force instructors arrived. Moscow accused Britain of "
                     "training terrorists. Defence Secretary John Healey visited the camp. "
                     "The Defence Secretary rejected the claims.")
    assert ("john-healey", "RUS", "oppose") in got
    assert not any(s.startswith("australian") for s, _, _ in got)


def test_stances_targets_welcoming_the_pledges_supports_who_pledged(nlp):
    got = pairs(nlp, "Britain pledged 5,000 troops to the force. Warsaw would instead offer its territory. "
                     "NATO Secretary General Mark Rutte welcomed the pledges as serious.")
    assert ("mark-rutte", "GBR", "support") in got
    assert ("mark-rutte", "POL", "support") not in got


def test_stances_targets_welcoming_the_vote_supports_the_legislature_that_voted(nlp):
    got = pairs(nlp, "The Saeima voted 62 to 31 to fund the new base. "
                     "In Ottawa, Defence Minister David McGuinty welcomed the vote.")
    assert ("david-mcguinty", "saeima", "support") in got


def test_stances_targets_a_party_voting_against_opposes_its_own_government(nlp):
    # the article is about a Hungarian deployment under a UN mandate, but a party's vote is on
    # its own government's motion
    got = pairs(nlp, "Hungary's parliament approved sending 200 soldiers to Chad under a UN-backed plan. "
                     "The government said the mission would last two years. "
                     "Momentum voted against it, while Jobbik abstained.")
    assert ("momentum", "HUN", "oppose") in got
    assert ("jobbik", "HUN", "neutral") in got


def test_stances_targets_condemning_the_attack_opposes_who_claimed_it(nlp):
    got = pairs(nlp, "A drone hit a U.S. outpost in Jordan on Sunday. The Islamic Resistance in Iraq claimed "
                     "responsibility in a statement. U.S. jets later struck targets in Syria. Officials met "
                     "in Amman. Iraq condemned the attack.")
    assert any(s == "IRQ" and t.startswith("islamic-resistance") and st == "oppose" for s, t, st in got)


def test_stances_targets_translated_thanked_to_and_the_prolongation(nlp):
    got = pairs(nlp, "Spain will prolong the deployment of its Patriot battery in Turkey. NATO Secretary "
                     "General Jens Stoltenberg thanked to Spain for its contribution. The Popular Party backed "
                     "the prolongation.")
    assert ("jens-stoltenberg", "ESP", "support") in got
    assert any(s == "pp-spain" and t == "ESP" and st == "support" for s, t, st in got)


def test_stances_targets_praise_of_ones_own_country_in_a_quote_is_no_stance(nlp):
    got = pairs(nlp, 'Philippine Defense Secretary Gilberto Teodoro welcomed the expansion, saying that '
                     '"anything that deters aggression in our neighbourhood is good for the Philippines".')
    assert not any(t == "PHL" for s, t, st in got if s == "gilberto-teodoro")


def test_stances_targets_a_verb_quoted_on_its_own_keeps_its_object(nlp):
    got = pairs(nlp, 'Marles said Canberra "warmly welcomes" Indonesia.')
    assert ("AUS", "IDN", "support") in got


def test_stances_targets_a_demand_coordinated_inside_a_warning_is_the_warners(nlp):
    got = pairs(nlp, "Japan sent troops to Luzon. Senator Imee Marcos warned that the country risked being "
                     "dragged into a war and called on Malacañang to disclose where the launcher would be kept.")
    assert ("imee-marcos", "PHL", "demand") in got
    assert not any(s == "JPN" for s, _, _ in got)


def test_stances_targets_not_going_as_far_as_accusing_is_neutral(nlp):
    got = pairs(nlp, "Patrick Muyaya did not go as far as accusing Uganda of backing the rebels.")
    assert ("patrick-muyaya", "UGA", "neutral") in got
    assert not any(st == "oppose" for *_, st in got)
    went = pairs(nlp, "Patrick Muyaya went as far as accusing Uganda of backing the rebels.")
    assert ("patrick-muyaya", "UGA", "oppose") in went


def test_stances_targets_contributors_singled_out_by_name(nlp):
    got = pairs(nlp, "UNAMID handed over its last team site. Ms. Mbatha, the joint special representative, paid "
                     "tribute to the troop-contributing countries, singling out Rwanda, Ethiopia and Nigeria.")
    assert {t for s, t, st in got if st == "support"} >= {"RWA", "ETH", "NGA"}


def test_stances_targets_both_governments_are_the_two_states_of_the_story(nlp):
    got = pairs(nlp, "Benin has asked Rwanda for troops. Rwanda said it was ready. Benin's parliament will vote "
                     "on the request next week. Lawmakers in Cotonou are divided. The accord was signed in June. "
                     "Officials gave no figures. Amnesty International urged both governments to publish the rules "
                     "of engagement.")
    assert {("amnesty-international", "BEN", "demand"), ("amnesty-international", "RWA", "demand")} <= got


def test_stances_targets_called_on_it_after_accusing_the_government(nlp):
    got = pairs(nlp, 'Russia warned Berlin. AfD defence spokesman Rüdiger Lucassen accused the government of '
                     '"sending soldiers on a mission without an end" and called on it to bring them home.')
    assert any(s.startswith("rudiger") and t == "DEU" and st == "demand" for s, t, st in got)
    assert not any(s.startswith("rudiger") and t == "RUS" for s, t, st in got)


def test_stances_targets_a_named_person_is_not_the_body_in_his_apposition(nlp):
    got = pairs(nlp, "SADC troops left Goma. Corneille Nangaa, the alliance's coordinator, demanded that "
                     "Kinshasa negotiate directly with the rebels.")
    assert ("corneille-nangaa", "COD", "demand") in got


def test_stances_targets_qualified_as_is_a_characterisation(nlp):
    # machine-translated French: "qualified as" for "described as"
    got = pairs(nlp, 'Burkina Faso expelled three French diplomats. The French foreign ministry qualified '
                     'the expulsion as "unjustified".')
    assert any(t == "BFA" and st == "oppose" for s, t, st in got)


def test_stances_targets_rejecting_the_findings_opposes_who_made_them(nlp):
    got = pairs(nlp, "UN experts accused Uganda of helping the M23. Uganda rejected the findings.")
    assert ("UGA", "un", "oppose") in got


def test_stances_targets_rhetorical_labels_in_a_quote(nlp):
    got = pairs(nlp, 'Uganda sent more troops to Congo. "We shall hunt these ADF terrorists until the last one '
                     'surrenders," General Muhoozi Kainerugaba wrote.')
    assert any(t == "adf" and st == "oppose" for s, t, st in got)


def test_stances_targets_all_sides_is_generic_and_averting_escalation_is_no_accusation(nlp):
    got = pairs(nlp, "Britain and the Netherlands sent jets to Poland. Hungary's foreign minister said only "
                     'that "all sides must avoid escalation."')
    assert not any(t in ("GBR", "NLD", "POL") for s, t, st in got)


def test_stances_targets_the_ministry_summoning_a_charge_daffaires(nlp):
    got = pairs(nlp, "The Russian embassy delivered a note to the Estonian foreign ministry. Foreign Minister "
                     "Margus Tsahkna rejected the note. The ministry summoned the Russian charge d'affaires.")
    assert ("EST", "RUS", "oppose") in got


def test_stances_targets_described_as_a_partner_in_a_region_is_about_the_object(nlp):
    got = pairs(nlp, 'Canadian Defence Minister David McGuinty described the Philippines as '
                     '"a vital partner in a free and open Indo-Pacific".')
    assert ("david-mcguinty", "PHL", "support") in got
    assert not any(t == "indo-pacific" for _, t, _ in got)


def test_stances_targets_both_contingents_are_the_pair_named_before(nlp):
    got = pairs(nlp, "Australia and Canada sent troops to Luzon. Philippine Defence Secretary Gilberto Teodoro "
                     "welcomed both contingents.")
    assert {("gilberto-teodoro", "AUS", "support"), ("gilberto-teodoro", "CAN", "support")} <= got


def test_stances_targets_spokesman_for_a_body_speaks_for_it(nlp):
    got = pairs(nlp, "In Damascus, a spokesman for the Syrian government urged the Security Council to act.")
    assert ("SYR", "un-security-council", "demand") in got


def test_stances_targets_the_vote_is_the_parliament_named_before(nlp):
    text = ("The Bundestag extended the mandate on Thursday. The AfD voted against. "
            "The High Representative, Christian Schmidt, welcomed the vote.")
    got = pairs(nlp, text)
    assert ("christian-schmidt", "bundestag", "support") in got
    assert not any(t == "afd" for _, t, _ in got)


def test_stances_targets_the_resolution_is_the_council_that_adopted_it(nlp):
    got = pairs(nlp, "The Security Council adopted the text on Monday. Kenya welcomed the resolution.")
    assert ("KEN", "un-security-council", "support") in got


def test_stances_targets_deployment_without_an_operation_is_the_sender(nlp):
    text = ("Uganda sent 1,000 more troops to Ituri on Monday. "
            "In Beni, a spokesman for the Congolese army welcomed the new deployment.")
    got = pairs(nlp, text)
    assert any(t == "UGA" and st == "support" for _, t, st in got)


def test_stances_targets_the_party_refers_back_to_the_party_named_before(nlp):
    text = ("Norway will host more US Marines. The Centre Party was split. "
            "The party would not oppose the decision, its leader said.")
    got = pairs(nlp, text)
    assert any(s == "senterpartiet" and st == "neutral" for s, _, st in got)


def test_stances_targets_call_for_a_clause_targets_its_subject(nlp):
    got = pairs(nlp, "Uganda sent 2,000 troops to Juba. Workneh Gebeyehu called for the Ugandan troops to leave.")
    assert ("workneh-gebeyehu", "UGA", "demand") in got


def test_stances_targets_not_calling_for_the_troops_to_leave_is_neutral_towards_their_sender(nlp):
    got = pairs(nlp, "Uganda sent 2,000 troops to Juba. Workneh Gebeyehu urged restraint. "
                     "He did not call for the troops to leave.")
    assert ("workneh-gebeyehu", "UGA", "neutral") in got
    assert not any(st == "demand" and t == "UGA" for _, t, st in got)


def test_stances_targets_bare_ministry_in_a_parliament_story_is_the_home_government(nlp):
    text = ("Latvia's parliament, the Saeima, approved the brigade funding on Thursday. "
            "The National Alliance backed the bill. "
            "Aleksejs Roslikovs called on the Ministry of Defence to publish the full contracts.")
    got = pairs(nlp, text)
    assert any(s == "aleksejs-roslikovs" and st == "demand" and t in ("LVA", "lva-government") for s, t, st in got)


def test_stances_targets_proposal_by_an_actor_targets_its_author(nlp):
    got = pairs(nlp, "Washington backed a proposal by Haiti's Transitional Presidential Council "
                     "to turn the mission into a UN operation.")
    assert ("USA", "hti-tpc", "support") in got


def test_stances_targets_made_a_point_of_thanking_is_the_speakers_thanks(nlp):
    got = pairs(nlp, "Spain's Defence Minister Margarita Robles visited the base. "
                     "She made a point of thanking Lithuania for an exceptional welcome.")
    assert ("margarita-robles", "LTU", "support") in got


def test_stances_targets_person_before_a_subjectless_verb_is_the_source(nlp):
    text = ("Sudan's government took over the last team sites. In a statement issued from Paris, the group's "
            "leader, Abdul Wahid al-Nur, accused the Government of \"using the handover to seize land\".")
    got = pairs(nlp, text)
    assert any(s == "abdul-wahid-al-nur" and st == "oppose" for s, _, st in got)


def test_stances_targets_either_side_is_the_pair_named_before(nlp):
    text = ("Mali and Ivory Coast traded accusations over the detained soldiers. "
            "Togo's foreign minister Robert Dussey declined to criticise either side.")
    got = pairs(nlp, text)
    assert any(s == "robert-dussey" and t == "MLI" and st == "neutral" for s, t, st in got)
    assert any(s == "robert-dussey" and t == "CIV" and st == "neutral" for s, t, st in got)


def test_stances_targets_the_vote_of_a_parliament_known_only_by_its_state(nlp):
    text = ("Hungary's parliament approved the deployment of 200 soldiers to Chad on Monday. "
            "Chad's government welcomed the vote within hours.")
    got = pairs(nlp, text)
    assert any(t in ("HUN", "hun-parliament") and st == "support" for _, t, st in got)


def test_stances_targets_wanting_an_actor_to_act_is_a_demand_and_not_wanting_it_opposes(nlp):
    got = pairs(nlp, "Iraq wants the United States to withdraw its troops by September.")
    assert ("IRQ", "USA", "demand") in got
    got = pairs(nlp, "The Iraqi government does not want American troops to stay.")
    assert ("IRQ", "USA", "oppose") in got


def test_stances_targets_asking_an_actor_for_something_is_a_demand(nlp):
    got = pairs(nlp, "Cyprus's government spokesman said Nicosia had asked the British High Commission "
                     "for full and timely consultation.")
    assert any(s == "CYP" and st == "demand" and "british" in t for s, t, st in got)


def test_stances_targets_declining_to_comment_on_an_act_is_neutral_towards_its_author(nlp):
    got = pairs(nlp, "Uganda deployed 2,000 more troops to Juba on Monday. "
                      "UN envoy Nicholas Haysom declined to comment on the legality of the Ugandan deployment.")
    assert ("nicholas-haysom", "UGA", "neutral") in got
    assert not any(st in ("support", "oppose") for s, _, st in got if s == "nicholas-haysom")


def test_stances_targets_taking_note_of_a_decision_is_neutral(nlp):
    got = pairs(nlp, "Denmark decided to send a frigate to the Gulf of Guinea. "
                      "Togo's foreign ministry said it had \"taken note\" of the decision.")
    assert any(s == "TGO" and t == "DNK" and st == "neutral" for s, t, st in got)


def test_stances_targets_financing_an_operation_supports_its_contributor(nlp):
    got = pairs(nlp, "The European Union has financed the Rwandan operation in Cabo Delgado with 40 million euros.")
    assert any(t == "RWA" and st == "support" for _, t, st in got)


def test_stances_targets_revoking_a_cooperation_accord_opposes_the_partner(nlp):
    got = pairs(nlp, "Niger's junta revoked its military cooperation agreements with France on Thursday.")
    assert any(t == "FRA" and st == "oppose" for _, t, st in got)


def test_stances_targets_accusing_of_militarising_opposes_the_accused(nlp):
    got = pairs(nlp, "Belarus's defence ministry accused Poland of militarizing the border.")
    assert any(s == "BLR" and t == "POL" and st == "oppose" for s, t, st in got)


def test_stances_targets_a_states_government_is_not_its_regional_government(nlp):
    got = pairs(nlp, "The Kurdistan Regional Government regretted the decision. Iraq's government welcomed the move by Canada.")
    assert any(s == "IRQ" and t == "CAN" and st == "support" for s, t, st in got)
    assert not any(s == "krg" and st == "support" for s, _, st in got)


def test_stances_targets_a_position_on_an_operations_expansion_is_on_the_operation_too(nlp):
    text = ("France will expand the NATO battlegroup in Romania to a brigade. "
            "Hungary's foreign minister stopped short of endorsing the expansion.")
    got = pairs(nlp, text)
    assert any(t == "FRA" and st == "neutral" for _, t, st in got)
    assert any(t not in ("FRA", "HUN", "ROU") and st == "neutral" for _, t, st in got)


def test_stances_targets_a_partys_caucus_speaks_for_the_party(nlp):
    got = pairs(nlp, "The opposition ODM criticised the deployment. "
                     "On Tuesday the party's caucus demanded that the Treasury publish a full audit.")
    assert any(s == "odm" and st == "demand" for s, _, st in got)


def test_stances_targets_x_and_its_allies_are_not_the_speakers_state(nlp):
    got = pairs(nlp, "Iran condemned the strikes. The Iranian spokesman, Esmaeil Baghaei, blamed Washington "
                     "and its allies for \"every drop of blood\" shed in Yemen.")
    assert ("esmaeil-baghaei", "USA", "oppose") in got
    assert not any(t == "IRN" for _, t, _ in got)


def test_stances_targets_a_party_voting_for_the_motion_is_not_backing_the_chamber(nlp):
    got = pairs(nlp, "The Dáil debated the Government's motion to send troops to UNDOF. Sinn Féin voted for the motion.")
    assert not any(t == "dail" for _, t, _ in got)


def test_stances_targets_ruling_out_a_reduction_supports_the_operation(nlp):
    got = pairs(nlp, "Uruguay has 1,100 troops in UNDOF. In Montevideo, Defence Minister Sandra Lazo ruled out "
                     "any reduction in the Uruguayan contingent.")
    assert ("sandra-lazo", "undof", "support") in got
    assert not any(st == "oppose" for *_, st in got)


def test_stances_targets_being_ready_to_help_or_work_with_supports(nlp):
    assert ("RWA", "BEN", "support") in pairs(nlp, "Rwanda said it stood ready to help Benin against the jihadists.")
    got = pairs(nlp, "Syria's interior ministry said it was ready to work with the Americans to secure the border.")
    assert ("SYR", "USA", "support") in got


def test_stances_targets_regretting_that_troops_leave_targets_their_state(nlp):
    got = pairs(nlp, "Canada will withdraw its trainers from Iraq. The Kurdistan Regional Government regretted that "
                     "the Canadian helicopters and trainers would leave before the reform was complete.")
    assert ("krg", "CAN", "oppose") in got


def test_stances_targets_call_upon_targets_its_object(nlp):
    got = pairs(nlp, "India called upon the Congolese authorities to identify the perpetrators.")
    assert ("IND", "COD", "demand") in got


def test_stances_targets_a_passive_judgement_targets_what_was_judged(nlp):
    got = pairs(nlp, "The United States will withdraw 500 troops from Syria. The decision was quickly welcomed by Turkey.")
    assert ("TUR", "USA", "support") in got
    got = pairs(nlp, "The deployment of 300 Kenyan police officers was condemned by opposition leader Raila Odinga.")
    assert ("raila-odinga", "KEN", "oppose") in got


def test_stances_targets_the_coalition_is_the_articles_military_coalition(nlp):
    got = pairs(nlp, "The US-led coalition under Operation Inherent Resolve will leave Iraq by September 2025. "
                     "Iraq called on the coalition to respect the dates it has signed.")
    assert ("IRQ", "inherent-resolve", "demand") in got


def test_stances_targets_we_in_a_group_commanders_quote_is_the_group(nlp):
    got = pairs(nlp, "The Syrian Democratic Forces lost their partner. SDF commander Mazloum Abdi said the group "
                     "respected the decision. He added: \"We call on Washington to keep its air support.\"")
    assert ("sdf", "USA", "demand") in got
    assert not any(s == "SYR" for s, _, _ in got)


@pytest.mark.parametrize("text, expected", [
    ("Greece and Cyprus signed a defence pact in Athens. Turkey condemned the pact.", {("TUR", "GRC"), ("TUR", "CYP")}),
    ("Nigeria issued an ultimatum to the junta. Ghana described the ultimatum as counterproductive and rejected the ultimatum.",
     {("GHA", "NGA")}),
])
def test_stances_targets_a_pact_or_ultimatum_is_whoever_made_it(nlp, text, expected):
    got = {(s, t) for s, t, _ in pairs(nlp, text)}
    assert expected <= got


def test_stances_targets_steps_taken_by_a_list_are_its_members(nlp):
    got = pairs(nlp, 'The NATO chief welcomed "the swift and measured steps" taken by Estonia, Finland and Norway.')
    assert {("nato", "EST", "support"), ("nato", "FIN", "support"), ("nato", "NOR", "support")} <= got


def test_stances_targets_a_name_parsed_as_adverb_after_the_verb_is_the_object(nlp):
    got = pairs(nlp, 'The rebel spokesman Lawrence Kanyuka rejected the plan. He accused Luanda of having "chosen its side".')
    assert ("lawrence-kanyuka", "AGO", "oppose") in got


def test_stances_targets_welcoming_personnel_backs_whoever_sends_them(nlp):
    got = pairs(nlp, "Japan will send 30 more engineers to Djibouti. Djiboutian army chief Zakaria Cheikh Ibrahim "
                     "welcomed the engineers.")
    assert any(s != "JPN" and t == "JPN" and st == "support" for s, t, st in got)


@pytest.mark.parametrize("text, expected", [
    ('Spain sent four jets to Lithuania. Lithuanian mayor Arturas Visockas called the Spanish airmen "honorary citizens".',
     ("arturas-visockas", "ESP", "support")),
    ('France sent two more Rafale jets to Qatar. Iranian spokesman Esmaeil Baghaei described the deployment as '
     '"a dangerous step that will only bring insecurity".', ("esmaeil-baghaei", "FRA", "oppose")),
])
def test_stances_targets_characterising_an_object_is_a_position_on_it(nlp, text, expected):
    assert expected in pairs(nlp, text)


def test_stances_targets_characterising_without_judgement_words_is_no_position(nlp):
    got = pairs(nlp, 'Spain sent four jets to Lithuania. Lithuanian mayor Arturas Visockas called the Spanish airmen "our guests".')
    assert not any(t == "ESP" for _, t, _ in got)


def test_stances_targets_parties_voting_in_favor_back_their_government(nlp):
    got = pairs(nlp, "The Bundestag approved the government's motion to extend the mission. Lawmakers of the Social "
                     "Democratic Party and the Christian Democratic Union voted overwhelmingly in favor.")
    backers = {s for s, t, st in got if t in ("DEU", "deu-government") and st == "support"}
    assert {"spd", "cdu"} <= backers


def test_stances_targets_an_opposition_party_demands_of_its_own_government(nlp):
    got = pairs(nlp, "Lithuania's government welcomed the first German soldiers of the new brigade in Vilnius. "
                     "In Berlin, the Left Party demanded that the government publish the full cost of the brigade.")
    demanded = {t for s, t, st in got if s == "die-linke" and st == "demand"}
    assert demanded and demanded <= {"DEU", "deu-government"}


@pytest.mark.parametrize("text, expected", [
    ("Beijing accused Australia of fuelling an arms race. Defence Minister Richard Marles brushed off the criticism.",
     ("richard-marles", "CHN", "oppose")),
    ("The M23 objected to the Angolan teams. Kinshasa brushed the objections aside.", ("COD", "m23", "oppose")),
])
def test_stances_targets_brushing_off_criticism_opposes_the_critic(nlp, text, expected):
    assert expected in pairs(nlp, text)


@pytest.mark.parametrize("text", [
    'Canada will withdraw its helicopters from Iraq. Iraqi spokesman Basim al-Awadi described the withdrawal as '
    '"a natural result of the success of our forces".',
    'Finland sent 300 soldiers to the exercise. NATO chief Mark Rutte called it "a valuable contribution".',
])
def test_stances_targets_characterisation_needs_a_judged_head_and_a_named_object(nlp, text):
    got = pairs(nlp, text)
    assert not any(st == "support" for _, _, st in got)


def test_stances_targets_an_adviser_to_a_president_speaks_for_himself(nlp):
    got = pairs(nlp, 'In a post on X, Anwar Gargash, diplomatic adviser to President Mohamed bin Zayed, thanked '
                     '"our French friends".')
    assert ("anwar-gargash", "FRA", "support") in got
    assert ("mohamed-bin-zayed", "FRA", "support") not in got


def test_stances_targets_asked_to_a_state_in_translated_copy_is_a_demand_of_it(nlp):
    got = pairs(nlp, 'Spanish Defence Minister Margarita Robles also asked to Turkey "maximum restraint" in the north of Syria.')
    assert ("margarita-robles", "TUR", "demand") in got


def test_stances_targets_no_objection_is_not_opposition(nlp):
    got = pairs(nlp, 'Rwanda said it had "no objection" to the Angolan soldiers on the ground.')
    assert ("RWA", "AGO", "oppose") not in got
    assert ("RWA", "AGO", "neutral") in got


def test_stances_targets_the_decision_is_not_an_act_only_asked_for(nlp):
    got = pairs(nlp, "Kazakhstan's parliament approved sending a company to Lebanon. Lebanon called on Israel to "
                     "withdraw its troops. India hailed the decision.")
    hailed = {t for s, t, st in got if s == "IND"}
    assert hailed and not hailed & {"ISR", "LBN"}


def test_stances_targets_an_invasion_that_dates_a_clause_is_no_position(nlp):
    got = pairs(nlp, "Ukraine, which used to send officers to the sector, recalled them in 2022 after the Russian invasion.")
    assert not any(t == "RUS" for _, t, _ in got)


def test_stances_targets_a_process_that_should_change_obliges_no_actor(nlp):
    got = pairs(nlp, 'EAC Secretary General Veronica Nduva said the Luanda and Nairobi tracks should be "merged, not duplicated".')
    assert not any(t in ("AGO", "KEN") for _, t, _ in got)
    got = pairs(nlp, 'The Lebanese minister said Israeli forces must withdraw from the five hilltops.')
    assert any(t == "ISR" and st == "demand" for _, t, st in got)


def test_stances_targets_a_party_wants_its_own_defence_ministry_to_act(nlp):
    got = pairs(nlp, "Spain sent four jets to Lithuania. Russia's defence ministry said its jets flew over the Baltic. "
                     "In Madrid, a Sumar spokesman said the party wanted the defence ministry to publish what every "
                     "rotation costs.")
    assert ("sumar", "RUS", "demand") not in got
    assert ("sumar", "ESP", "demand") in got


def test_stances_targets_a_judgement_deep_in_a_characterisation_is_on_the_object(nlp):
    got = pairs(nlp, 'Norway will host 500 US Marines in Trondelag. In a statement, the Russian embassy called the '
                     'decision "another step in turning the North into a springboard for confrontation".')
    assert ("RUS", "NOR", "oppose") in got


def test_stances_targets_a_named_capital_keeps_its_name_over_its_apposition(nlp):
    doc = nlp("Armenia asked Russia to withdraw its border guards. Paris, Yerevan's closest partner in the "
              "European Union, welcomed the move.")
    from analysis import stances as S
    actors = extract_actors(doc, "t")
    lex = S.load_lexicon()
    m = next(m for m in S.find_cues(doc, lex) if m.text == "welcomed")
    assert [a.id for a in S.resolve_sources(m, S.find_quotes(doc, actors, lex), actors, lex).actors] == ["FRA"]


def test_stances_targets_an_opposition_legislator_asks_his_own_government(nlp):
    got = pairs(nlp, "Uganda sent 1,000 more troops into Congo. In Kinshasa, Congolese Communication Minister Patrick "
                     "Muyaya praised the cooperation with Uganda and said the Congolese government would extend it. "
                     "Back home, Leader of the Opposition in Parliament Joel Ssenyonyi asked the government to table "
                     "a full account of the operation.")
    asked = {t for s, t, st in got if s == "joel-ssenyonyi" and st == "demand"}
    assert asked and asked <= {"UGA", "uga-government"}


def test_stances_targets_a_spokesman_reports_his_partys_second_position(nlp):
    got = pairs(nlp, "South Korea extended the deployment. Most of the abstentions came from the Rebuilding Korea Party. "
                     "Its floor spokesman said the party did not oppose the deployment itself but wanted the government "
                     "to set a date for reviewing whether it was still needed.")
    assert {s for s, _, st in got if st == "demand"} == {"rebuilding-korea-party"}


@pytest.mark.parametrize("text, expected", [
    ('Senegalese President Bassirou Diomaye Faye said Senegal "has nothing against France".', ("SEN", "FRA", "neutral")),
    ('Bolivia said it respects "the sovereign decisions of the brother people of Peru".', ("BOL", "PER", "neutral")),
    ('The French admiral commanding the mission, Hugues Lanier, said it was "not directed against Iran".',
     ("hugues-lanier", "IRN", "neutral")),
])
def test_stances_targets_respecting_a_decision_or_having_nothing_against_is_neutral(nlp, text, expected):
    got = pairs(nlp, text)
    assert expected in got
    assert not any(s == expected[0] and t == expected[1] and st == "oppose" for s, t, st in got)


def test_stances_targets_declining_to_take_sides_is_neutral_to_both(nlp):
    got = pairs(nlp, "Greece and Turkey accused each other of violating the buffer zone. NATO has declined to take sides.")
    assert {("nato", "GRC", "neutral"), ("nato", "TUR", "neutral")} <= got


def test_stances_targets_a_verb_after_a_quote_keeps_the_sentence_subject(nlp):
    got = pairs(nlp, 'Arab League Secretary-General Ahmed Aboul Gheit welcomed the offers from Indonesia and Egypt as '
                     '"a sign that the world has not abandoned Gaza" and called for a full Israeli withdrawal from the Strip.')
    assert ("ahmed-aboul-gheit", "ISR", "demand") in got


def test_stances_targets_the_minister_is_the_last_person_named_with_that_office(nlp):
    got = pairs(nlp, "Defence Minister Simon Harris told the Dail the contingent would stay on the Golan. The battalion "
                     "has 130 soldiers at Camp Faouar. UNDOF has roughly 1,100 troops. Its largest contingents come "
                     "from Nepal and India. The mandate runs until June. Under the triple lock, a UN mandate is needed. "
                     "Labour also supported the deployment. Its spokesperson, Ciaran Doherty, called on the minister "
                     "to publish the threat assessment.")
    assert ("ciaran-doherty", "simon-harris", "demand") in got


def test_stances_targets_an_infinitive_after_call_is_a_request_not_a_characterisation(nlp):
    from analysis.stances import _complement
    asks = nlp('The Embassy of the United States in Libya said it is "following with concern the increasing Russian '
               'military activity in Libya", and called all the Libyan parties to reject "the foreign interference '
               'which threatens the stability of the country".')
    judges = nlp('The embassy called the decision "a dangerous step".')
    assert _complement(next(t for t in asks if t.lower_ == "called")) == []
    assert "dangerous" in [t.lower_ for t in _complement(next(t for t in judges if t.lower_ == "called"))]


def test_stances_targets_celebrating_a_decision_backs_whoever_took_it(nlp):
    got = pairs(nlp, "Peru's Congress approved the resolution authorising the entry of US troops. The Embassy of the "
                     "United States in Lima celebrated the decision in a communique.")
    assert any(s == "USA" and st == "support" and t != "USA" for s, t, st in got)


def test_stances_targets_dismissing_the_reaction_of_states_opposes_them(nlp):
    got = pairs(nlp, 'Lithuania, Poland and Latvia sent troops to their borders. Kremlin spokesman Dmitry Peskov '
                     'dismissed the reaction of the three neighbours as "Russophobic paranoia".')
    assert {("dmitry-peskov", c, "oppose") for c in ("LTU", "POL", "LVA")} <= got


def test_stances_targets_giving_a_warm_welcome_backs_the_receivers(nlp):
    got = pairs(nlp, "Kenya sent 400 police officers to Haiti for the Multinational Security Support mission. Haitian "
                     "Prime Minister Garry Conille gave the Kenyan officers a warm welcome at the airport.")
    assert ("garry-conille", "KEN", "support") in got


def test_stances_targets_a_free_relative_after_a_preposition_names_its_object(nlp):
    from analysis.stances import _prep_objects
    doc = nlp("Bolivia protested against what it called the growing military presence of the United States.")
    verb = next(t for t in doc if t.lower_ == "protested")
    assert [t.lower_ for t in _prep_objects(verb, ("against",))] == ["presence"]


def test_stances_targets_not_answering_a_request_for_comment_is_no_position(nlp):
    got = pairs(nlp, "Slovak MP Andrej Danko said foreign armies should go home. The Russian embassy in Bratislava did "
                     "not respond to a request for comment on Mr Danko's remarks.")
    assert not any(s == "RUS" for s, _, _ in got)


def test_stances_targets_declining_to_endorse_a_condemnation_is_neutral(nlp):
    got = pairs(nlp, "A draft joint statement by EU foreign ministers was shelved on Tuesday after Hungary declined to "
                     "endorse language condemning Russia.")
    assert ("HUN", "RUS", "neutral") in got
    assert ("HUN", "RUS", "oppose") not in got


def test_stances_targets_a_speaker_quoting_others_standing_by_his_country_is_no_self_position(nlp):
    got = pairs(nlp, 'Germany withdrew its last tanker from Al-Azraq. Jordanian Foreign Minister Ayman Safadi thanked '
                     'Berlin. The German airmen, Safadi was quoted as saying, "stood with Jordan when the terrorist '
                     'threat was at our borders."')
    assert ("ayman-safadi", "JOR", "support") not in got
    assert ("DEU", "JOR", "support") in got
