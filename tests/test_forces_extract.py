"""Force contributions from small articles: quantities with hedges, personnel versus assets,
contributors (demonyms, pronouns, subjects, lists), statuses, exclusions and the seed.

Expected values are written by hand from the text. Each case runs the real pipeline and the
real actor extractor, so the contributor is always an actor id of the article (ISO3 for states).
"""

from __future__ import annotations

import pytest

from analysis import schemas
from analysis.config import ARTICLES_DIR
from analysis.forces import extract_forces, reconcile_forces
from analysis.loader import load_articles


@pytest.fixture(scope="session")
def extract(nlp):
    from analysis.actors import extract_actors

    def run(text: str, article_id: str = "t"):
        doc = nlp(text)
        return extract_forces(doc, extract_actors(doc, article_id)), doc

    return run


def rows_for(rows, contributor):
    return [r for r in rows if r["contributor"] == contributor]


def one(rows, contributor):
    mine = rows_for(rows, contributor)
    assert len(mine) == 1, (contributor, rows)
    return mine[0]


# --------------------------------------------------------------------------- quantities

QUANTITY_CASES = [
    # text, contributor, quantity, quantity_max, approximate, quantity_text
    ("Denmark announced Thursday that it will start withdrawing its battalion of about 100 "
     "special forces soldiers from Mali.", "DNK", 100, None, True, "about 100 special forces soldiers"),
    ("The Danish battalion (105 elements) arrived in Mali last week to participate in the Takuba force.",
     "DNK", 105, None, False, "105 elements"),
    ("Some 1,500 French soldiers are stationed in Niger.", "FRA", 1500, None, True, "Some 1,500 French soldiers"),
    ("Britain will send a 300-strong contingent of additional soldiers to Estonia next month.",
     "GBR", 300, None, False, "300-strong contingent"),
    ("The German contingent, which counts nearly a thousand soldiers in Gao, began flying out its heavy "
     "equipment this week.", "DEU", 1000, None, True, "nearly a thousand soldiers"),
    ("The Chadian contingent, estimated at between 850 and 1,100 troops, will remain in Kidal.",
     "TCD", 850, 1100, True, "between 850 and 1,100 troops"),
    ("Benin has offered up to 2,000 troops for the mission in Haiti.", "BEN", 2000, None, True, "up to 2,000 troops"),
]


@pytest.mark.parametrize("text, contributor, quantity, qmax, approximate, qtext", QUANTITY_CASES)
def test_forces_extract_quantity(extract, text, contributor, quantity, qmax, approximate, qtext):
    rows, _ = extract(text)
    r = one(rows, contributor)
    assert (r["quantity"], r["quantity_max"], r["approximate"]) == (quantity, qmax, approximate)
    assert r["quantity_text"] == qtext


def test_forces_extract_several_hundred_is_approximate_without_number(extract):
    rows, _ = extract("Several hundred French troops are stationed in Niger.")
    r = one(rows, "FRA")
    assert r["quantity"] is None
    assert r["approximate"] is True
    assert r["quantity_text"] == "Several hundred French troops"


def test_forces_extract_battalions_are_not_a_head_count(extract):
    rows, _ = extract("Italy will deploy two battalions to Lebanon.")
    r = one(rows, "ITA")
    assert r["quantity"] is None
    assert r["quantity_text"] == "two battalions"
    assert "battalions" in r["personnel"]


@pytest.mark.parametrize(
    "text, contributor, asset",
    [
        ("Germany will bring four Eurofighter jets to Estonia.", "DEU", "Eurofighter jets"),
        ("France has sent two frigates to the Red Sea.", "FRA", "frigates"),
        ("Turkey deployed six drones to Somalia.", "TUR", "drones"),
    ],
)
def test_forces_extract_assets_are_never_head_counts(extract, text, contributor, asset):
    rows, _ = extract(text)
    r = one(rows, contributor)
    assert r["quantity"] is None
    assert r["asset"] == asset
    assert r["personnel"] == ""


@pytest.mark.parametrize(
    "text",
    [
        "The Takuba force is made up of 14 European countries.",
        "The Security Council adopted resolution 2690 in 2023 after 60 percent of the budget was spent.",
        "Kenya will spend $300 million on the mission in 2024.",
        "Two Kenyan soldiers were killed last Wednesday in Haiti.",
    ],
)
def test_forces_extract_non_troop_numbers_give_no_rows(extract, text):
    rows, _ = extract(text)
    assert [r for r in rows if r["quantity"] is not None] == []


def test_forces_extract_ages_and_years_are_not_counted(extract):
    rows, _ = extract("Kenya deployed 400 police officers, aged 25 to 40, to Haiti in 2024.")
    assert {r["quantity"] for r in rows_for(rows, "KEN")} == {400}


# --------------------------------------------------------------------------- contributors


def test_forces_extract_list_subject_gives_one_row_each(extract):
    rows, _ = extract("Norway, Portugal and Hungary are still waiting for approval and have not deployed "
                      "forces in Mali.")
    assert {r["contributor"] for r in rows} == {"NOR", "PRT", "HUN"}
    assert {r["status"] for r in rows} == {"pending"}


def test_forces_extract_possessive_pronoun_is_the_subject(extract):
    rows, _ = extract("Sweden will withdraw its 150 troops from Mali.")
    r = one(rows, "SWE")
    assert (r["quantity"], r["status"], r["host_country"]) == (150, "withdrawing", "MLI")


def test_forces_extract_pronoun_across_sentences(extract):
    rows, _ = extract("Burundi has been part of the mission since 2007. Last week it withdrew "
                      "nearly a thousand soldiers from Somalia.")
    r = one(rows, "BDI")
    assert (r["quantity"], r["status"]) == (1000, "withdrawn")


def test_forces_extract_from_phrase_lists(extract):
    rows, _ = extract("Contingents from Egypt and Sweden have already left Mali.")
    assert {(r["contributor"], r["status"]) for r in rows} == {("EGY", "withdrawn"), ("SWE", "withdrawn")}


def test_forces_extract_demonym_modifiers_split_a_coordination(extract):
    rows, _ = extract("The battlegroup counts around 900 British personnel and a French detachment of "
                      "about 200 soldiers.")
    assert one(rows, "GBR")["quantity"] == 900
    assert one(rows, "FRA")["quantity"] == 200


def test_forces_extract_host_forces_are_not_contributions(extract):
    rows, _ = extract("Malian troops and 105 Danish soldiers patrol near Menaka in Mali.")
    assert {r["contributor"] for r in rows} == {"DNK"}


# --------------------------------------------------------------------------- status

STATUS_CASES = [
    ("Italy has 1,000 troops stationed in Lebanon.", "ITA", "deployed"),
    ("The Danish battalion arrived in Mali last week.", "DNK", "deployed"),
    ("Spanish soldiers serve in the UN mission in Lebanon.", "ESP", "deployed"),
    ("Kenyan police officers are deploying to Haiti.", "KEN", "arriving"),
    ("Kenyan police officers will arrive in Haiti next week.", "KEN", "arriving"),
    ("Denmark will start withdrawing its special forces from Mali.", "DNK", "withdrawing"),
    ("Burundi is pulling out its troops from Somalia.", "BDI", "withdrawing"),
    ("Denmark will bring its soldiers home from Mali.", "DNK", "withdrawing"),
    ("Sweden will end its deployment in Mali early.", "SWE", "withdrawing"),
    ("Egypt withdrew its peacekeepers from Mali last year.", "EGY", "withdrawn"),
    ("Sweden completed its withdrawal from Mali in June.", "SWE", "withdrawn"),
    ("Portugal has not deployed troops in Mali.", "PRT", "pending"),
    ("Hungary is awaiting approval to send soldiers to Mali.", "HUN", "pending"),
    ("Kenya pledged 1,000 police officers to the mission in Haiti.", "KEN", "planned"),
    ("Italy is ready to contribute 200 soldiers to the mission in Lebanon.", "ITA", "pending"),  # an offer
    ("Britain will send 300 soldiers to Estonia.", "GBR", "planned"),
    ("Rwandan troops will stay in Mozambique.", "RWA", "remaining"),
    ("Danish special forces in the UN force are exempt from the withdrawal from Mali.", "DNK", "remaining"),
]


@pytest.mark.parametrize("text, contributor, status", STATUS_CASES)
def test_forces_extract_status(extract, text, contributor, status):
    rows, _ = extract(text)
    assert status in {r["status"] for r in rows_for(rows, contributor)}, rows


def test_forces_extract_status_cue_recorded(extract):
    rows, _ = extract("Portugal has not deployed troops in Mali.")
    r = one(rows, "PRT")
    assert "deployed" in r["status_cue"] and r["status_cue"].startswith("not")


# --------------------------------------------------------------------------- seed article


@pytest.fixture(scope="session")
def seed_rows(nlp):
    from analysis.actors import extract_actors

    (article,) = [a for a in load_articles([ARTICLES_DIR]).articles if a.id == "denmark-mali-takuba"]
    doc = nlp(article.text)
    return extract_forces(doc, extract_actors(doc, article.id)), article


def test_forces_seed_keeps_both_danish_figures(seed_rows):
    rows, _ = seed_rows
    danish = [r for r in rows if r["contributor"] == "DNK" and r["quantity"] is not None]
    assert {(r["quantity"], r["approximate"]) for r in danish} == {(100, True), (105, False)}
    assert {r["operation"] for r in danish} == {"takuba"}


def test_forces_seed_pending_states(seed_rows):
    rows, _ = seed_rows
    pending = {r["contributor"] for r in rows if r["status"] == "pending"}
    # "Norway, Portugal and Hungary are still waiting for approval"; and the junta "had not yet
    # approved the deployment of Danish forces": Denmark's deployment is unapproved too
    assert pending == {"NOR", "PRT", "HUN", "DNK"}
    dnk_pending = [r for r in rows if r["contributor"] == "DNK" and r["status"] == "pending"]
    assert all("approved" in r["sentence"] or "allows" in r["sentence"] for r in dnk_pending)


def test_forces_seed_rows_trace_to_their_sentence(seed_rows):
    rows, article = seed_rows
    assert rows
    for r in rows:
        start = r["sentence_start"]
        assert article.text[start: start + len(r["sentence"])] == r["sentence"]
        assert r["contributor"] and r["article_id"] == "denmark-mali-takuba"


def test_forces_seed_reconciled_flags_discrepancy(seed_rows):
    rows, _ = seed_rows
    view = reconcile_forces(schemas.forces_frame(rows))
    dnk = view[(view["contributor"] == "DNK") & (view["operation"] == "takuba")]
    assert len(dnk) == 1
    row = dnk.iloc[0]
    assert (row["quantity_min"], row["quantity_max"], bool(row["discrepancy"])) == (100, 105, True)
    assert row["n_sentences"] >= 2


# --------------------------------------------------------------------------- harder constructions


def test_forces_extract_with_phrase_owner(extract):
    rows, _ = extract("Ireland, with about 370 soldiers deployed in Lebanon, said they would not leave.")
    assert 370 in {r["quantity"] for r in rows_for(rows, "IRL")}


def test_forces_extract_contributor_list_after_among_them(extract):
    rows, _ = extract("In a joint statement, 40 contributing countries, among them France, Spain and Poland, "
                      "condemned the attacks on the mission in Lebanon.")
    assert {r["contributor"] for r in rows} == {"FRA", "ESP", "POL"}
    assert {r["quantity"] for r in rows} == {None}


def test_forces_extract_elided_unit_after_a_contingent(extract):
    rows, _ = extract("South Africa is withdrawing its roughly 1,500 soldiers from Mozambique but will keep "
                      "about 250 in the province.")
    got = {(r["quantity"], r["status"]) for r in rows_for(rows, "ZAF")}
    assert got == {(1500, "withdrawing"), (250, "remaining")}


def test_forces_extract_counted_demonym_is_personnel(extract):
    rows, _ = extract("About 1,200 South Africans were already in Congo.")
    r = one(rows, "ZAF")
    assert (r["quantity"], r["status"]) == (1200, "deployed")


def test_forces_extract_contributor_carried_from_previous_sentence(extract):
    rows, _ = extract("Some 1,500 French soldiers must leave Niger before the end of the year. "
                      "A first group of around 400 soldiers has already been evacuated by air.")
    assert {(r["quantity"], r["status"]) for r in rows_for(rows, "FRA")} == {(1500, "withdrawing"), (400, "withdrawn")}


@pytest.mark.parametrize(
    "text",
    [
        "Spain is not sending ships to the Red Sea.",
        "The United States ruled out sending its own troops to Haiti.",
        "Mali asked Denmark to withdraw its battalion.",
    ],
)
def test_forces_extract_refusals_and_demands_are_not_contributions(extract, text):
    rows, _ = extract(text)
    assert [r for r in rows if r["status"] not in ("unknown",)] == []


def test_forces_extract_operation_and_host(extract):
    rows, _ = extract("The Danish battalion arrived in Mali last week to participate in the Takuba force.")
    r = one(rows, "DNK")
    assert (r["operation"], r["host_country"], r["contributor_country"]) == ("takuba", "MLI", "DNK")


@pytest.mark.parametrize("text", [
    "The government said it had not approved the deployment of Swedish troops.",
    "There is no agreement that allows the deployment of Swedish troops in the mission.",
])
def test_forces_extract_unapproved_deployment_is_pending(extract, text):
    rows, _ = extract(text)
    assert [r["status"] for r in rows if r["contributor"] == "SWE"] == ["pending"]


def test_forces_extract_named_warship_with_crew_is_an_asset_contribution(extract):
    rows, _ = extract("The Greek frigate Limnos, with a crew of about 190, joined Operation Irini last week.")
    assert [(r["contributor"], r["operation"], r["quantity"], r["status"]) for r in rows] == [
        ("GRC", "irini", 190, "deployed")]
    assert "Limnos" in rows[0]["asset"]


def test_forces_extract_operation_inside_another_contingent_phrase_is_not_borrowed(extract):
    text = ("Denmark has 100 special forces soldiers in the Takuba task force. An exception to the decision "
            "to withdraw Danish forces is the elements participating in the United Nations peacekeeping force in Mali.")
    rows, _ = extract(text)
    second = [r for r in rows if r["sentence"].startswith("An exception")]
    assert {(r["operation"], r["status"]) for r in second} == {("takuba", "withdrawing"), ("minusma", "remaining")}


def test_forces_extract_warships_in_an_operation_line_up_are_deployed(extract):
    rows, _ = extract("EUNAVFOR Atalanta currently has three warships in the area: the Spanish frigate Victoria, "
                      "the Italian destroyer Caio Duilio and the French frigate Aconit.")
    assert {(r["contributor"], r["operation"], r["status"]) for r in rows} >= {
        ("ITA", "atalanta", "deployed"), ("FRA", "atalanta", "deployed")}
    assert all(r["quantity"] is None for r in rows)  # ships are not head counts


@pytest.mark.parametrize("text,status", [
    ("Britain's HMS Richmond arrived this week to relieve HMS Diamond.", "arriving"),
    ("Cyprus has offered an offshore patrol boat, an offer that still needs approval from its defence command.",
     "pending"),
])
def test_forces_extract_recent_arrivals_and_offers_awaiting_approval(extract, text, status):
    rows, _ = extract(text)
    assert rows and rows[0]["status"] == status


def test_forces_extract_bare_number_takes_the_paragraphs_last_unit(extract):
    rows, _ = extract("Sweden will send three hundred soldiers. Norway will send roughly four hundred, "
                      "most of them from its northern brigade.")
    nor = [(r["quantity"], r["approximate"], r["status"]) for r in rows if r["contributor"] == "NOR"]
    assert (400, True, "planned") in nor
    assert all(r["quantity"] != 300 for r in rows if r["contributor"] == "NOR")


def test_forces_extract_pronoun_in_reported_clause_is_the_speaker(extract):
    rows, _ = extract("Senegal has pledged a battalion, Côte d'Ivoire said it would send between 850 and 1,100 "
                      "troops, and Benin has offered some two hundred.")
    got = {(r["contributor"], r["quantity"], r["quantity_max"]) for r in rows if r["quantity"] is not None}
    assert (("CIV", 850, 1100)) in got
    assert not any(c == "SEN" and q == 850 for c, q, _ in got)


def test_forces_extract_origins_split_a_total_without_claiming_it(extract):
    rows, _ = extract("UNISFA, whose some 3,200 troops, most of them from Ghana, Pakistan and India, "
                      "remain in place, will stay.")
    assert {r["contributor"] for r in rows} == {"GHA", "PAK", "IND"}
    assert all(r["quantity"] is None and r["status"] == "remaining" for r in rows)


@pytest.mark.parametrize("text,expected", [
    ("Belgium pulled out its last 50 trainers in January.", ("BEL", 50, "withdrawn")),
    ("Copenhagen withdrew its company of about 150 from the Adazi base.", ("DNK", 150, "withdrawn")),
    ("Kenya and Djibouti will also retain their contingents.", ("DJI", None, "remaining")),
])
def test_forces_extract_more_phrasings(extract, text, expected):
    rows, _ = extract(text)
    assert expected in {(r["contributor"], r["quantity"], r["status"]) for r in rows}


def test_forces_extract_one_row_per_contingent_and_origin(extract):
    rows, _ = extract("The force also includes contingents from Ghana, Malaysia and Tanzania.")
    assert sorted(r["contributor"] for r in rows) == ["GHA", "MYS", "TZA"]


@pytest.mark.parametrize("text,expected", [
    ("Australia sent a team of eleven planners.", ("AUS", 11)),
    ("The Dutch are sending two F-35 jets and 70 support staff to Poland.", ("NLD", 70)),
])
def test_forces_extract_specialist_staff_are_head_counts(extract, text, expected):
    rows, _ = extract(text)
    assert expected in {(r["contributor"], r["quantity"]) for r in rows}
    assert all(r["quantity"] != 2 for r in rows)  # two jets are not two people


@pytest.mark.parametrize("text,status", [
    ("Ethiopia's battalions left Abyei last year.", "withdrawn"),
    ("The Italian patrol vessel Comandante Foscari left Taranto on Sunday and is due on station by Thursday.",
     "arriving"),
    ("Nepal said it was ready to send 200 more peacekeepers but was still waiting for approval.", "pending"),
])
def test_forces_extract_departures_setting_out_and_waiting(extract, text, status):
    rows, _ = extract(text)
    assert rows and rows[0]["status"] == status


def test_forces_extract_contingents_that_make_up_a_force_are_deployed(extract):
    rows, _ = extract("Troops from Bangladesh, Nepal and Pakistan make up most of the UN force in the country, "
                      "known as MINUSCA.")
    assert {(r["contributor"], r["operation"], r["status"]) for r in rows} == {
        ("BGD", "minusca", "deployed"), ("NPL", "minusca", "deployed"), ("PAK", "minusca", "deployed")}


@pytest.mark.parametrize("text,contributor", [
    ("Italy's contingent in the United Nations Interim Force in Lebanon will shrink from 1,100 to 800 by June.", "ITA"),
    ("Germany will increase its troops in Lithuania from 500 to 800.", "DEU"),
])
def test_forces_extract_size_change_gives_the_size_now_and_the_size_to_come(extract, text, contributor):
    rows, _ = extract(text)
    got = {(r["contributor"], r["quantity"], r["status"]) for r in rows}
    assert {(contributor, 1100 if contributor == "ITA" else 500, "deployed"),
            (contributor, 800, "planned")} <= got


def test_forces_extract_long_origin_list_parsed_as_appositions(extract):
    rows, _ = extract("Italy will continue to lead the Sector, which also includes contingents from Ghana, Malaysia, "
                      "the Republic of Korea and Tanzania.")
    assert sorted(r["contributor"] for r in rows) == ["GHA", "KOR", "MYS", "TZA"]


def test_forces_extract_contingent_counted_by_relative_clause(extract):
    rows, _ = extract("The French contingent, which numbers around 700, will remain in Lebanon.")
    assert [(r["contributor"], r["quantity"], r["approximate"], r["status"]) for r in rows] == [
        ("FRA", 700, True, "remaining")]
