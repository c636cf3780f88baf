"""Rounds of calls ("held separate calls with A and B", "sostuvo sendas llamadas"), an earlier call told in the past
perfect with its own date, a possessive's "plan to" that is no planned call, a refusal ("no use for a call"), a
relative clause's weekday, a rough offset against the lead's weekday, a two-city dateline and the heads of
government of self-governing territories.

The texts are written here in the styles of wire copy, government readouts and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import written

from hotline.extract import extract_article
from hotline.extract.published import published_date_from_text
from hotline.reference import Reference

WEDNESDAY = dt.date(2025, 3, 12)


def dated_calls(reference: Reference, text: str, published: dt.date | None = WEDNESDAY) -> set[tuple[object, ...]]:
    facts = written.extract(reference, text, published)
    return {
        (c.call_status, c.date.date, c.is_directly_reported, *sorted(p.official_id for p in c.participants))
        for c in facts.calls
    }


def test_separate_calls_with_two_leaders_are_two_calls_of_that_day(reference: Reference) -> None:
    text = (
        "Round of calls\nOn Monday, Prime Minister Pedro Sánchez held separate calls with Portugal's Luís Montenegro "
        "and France's Emmanuel Macron about the power grid."
    )
    monday = dt.date(2025, 3, 10)
    assert dated_calls(reference, text) == {
        ("held", monday, True, "luis_montenegro", "pedro_sanchez"),
        ("held", monday, True, "emmanuel_macron", "pedro_sanchez"),
    }


def test_sendas_llamadas_are_two_calls(reference: Reference) -> None:
    text = (
        "Ronda de llamadas\nEl presidente Gustavo Petro sostuvo el lunes sendas llamadas con Luiz Inácio Lula da "
        "Silva y con Claudia Sheinbaum."
    )
    pairs = {row[3:] for row in dated_calls(reference, text)}
    assert pairs == {("gustavo_petro", "luiz_inacio_lula_da_silva"), ("claudia_sheinbaum", "gustavo_petro")}


def test_a_past_perfect_call_with_an_old_date_is_an_earlier_call(reference: Reference) -> None:
    text = (
        "Cable damage\nPresident Alexander Stubb received a call from Swedish Prime Minister Ulf Kristersson on "
        "Monday evening. Kristersson had also phoned Stubb in December 2024, after an earlier cable was cut."
    )
    facts = written.extract(reference, text, WEDNESDAY)
    told = sorted((c.is_directly_reported, c.date.date, c.date.year, c.date.month) for c in facts.calls)
    assert told == [(False, None, 2024, 12), (True, dt.date(2025, 3, 10), 2025, 3)]


def test_a_past_perfect_call_of_this_week_is_the_reported_call(reference: Reference) -> None:
    text = "Call\nPresident Alexander Stubb said he had phoned Ulf Kristersson on Monday."
    assert dated_calls(reference, text) == {("held", dt.date(2025, 3, 10), True, "alexander_stubb", "ulf_kristersson")}


def test_a_possessive_plan_is_no_planned_call(reference: Reference) -> None:
    text = (
        "Steel\nANKARA, March 12 (Wire) - Turkish President Recep Tayyip Erdoğan and British Prime Minister Keir "
        "Starmer discussed the European Union's plan to cut steel import quotas in a phone call on Tuesday."
    )
    assert dated_calls(reference, text) == {
        ("held", dt.date(2025, 3, 11), True, "keir_starmer", "recep_tayyip_erdogan")
    }


def test_no_use_for_a_call_is_a_refusal(reference: Reference) -> None:
    text = (
        "Pyongyang\nNorth Korea said on Tuesday it had no use for a phone call with Donald Trump, after the U.S. "
        "president said he would call Kim Jong Un."
    )
    statuses = {row[0] for row in dated_calls(reference, text)}
    assert "held" not in statuses


def test_a_weekday_in_a_relative_clause_with_whom_is_not_the_calls(reference: Reference) -> None:
    text = (
        "First call\nThe new premier, whom the president appointed on Monday, held his first call as head of "
        "government with Slovakia's Robert Fico on Tuesday. Andrej Babiš told reporters the call went well."
    )
    assert dated_calls(reference, text) == {("held", dt.date(2025, 3, 11), True, "andrej_babis", "robert_fico")}


def test_a_rough_offset_after_the_story_day_yields_to_the_leads_weekday(reference: Reference) -> None:
    text = (
        "Steel quotas\nPrime Minister Mark Carney and President Claudia Sheinbaum spoke by phone on Tuesday about "
        "steel. The conversation came a week after Canada's steel quotas took effect on March 5."
    )
    assert dated_calls(reference, text) == {("held", dt.date(2025, 3, 11), True, "claudia_sheinbaum", "mark_carney")}


def test_a_dateline_of_two_cities_gives_the_publication_date() -> None:
    text = "Steel\nANKARA/LONDON, Oct 10, 2025 (Markets Wire) - The two leaders spoke by phone on Thursday."
    assert published_date_from_text(text)[0] == dt.date(2025, 10, 10)


def test_heads_of_government_of_self_governing_territories(reference: Reference) -> None:
    text = (
        "Nordic call\nTórshavn, 24 September 2025\nPrime Minister Aksel V. Johannesen spoke by telephone this "
        "afternoon with the Prime Minister of Iceland, Kristrún Frostadóttir."
    )
    assert dated_calls(reference, text, dt.date(2025, 9, 24)) == {
        ("held", dt.date(2025, 9, 24), True, "aksel_v_johannesen", "kristrun_frostadottir")
    }


def test_ministers_on_the_phone_are_no_leaders_call(reference: Reference) -> None:
    text = (
        "Mackerel\nPrime Minister Jonas Gahr Støre said on Tuesday that the fisheries ministers of Norway and "
        "Iceland had spoken by phone on Monday. He has not discussed the matter with Kristrún Frostadóttir."
    )
    assert {row[0] for row in dated_calls(reference, text)} <= {"planned"}


def test_a_chair_of_the_council_of_ministers_is_still_the_subject(reference: Reference) -> None:
    text = (
        "Call\nSARAJEVO, March 11 (Wire) - Borjana Krišto, chair of the Council of Ministers of Bosnia and "
        "Herzegovina, spoke by telephone with Croatian Prime Minister Andrej Plenković on Sunday."
    )
    assert dated_calls(reference, text) == {("held", dt.date(2025, 3, 9), True, "andrej_plenkovic", "borjana_kristo")}


@pytest.mark.parametrize(
    ("outlet", "pair"),
    [
        ("Prime Minister's Office, 10 Downing Street", ("keir_starmer", "volodymyr_zelensky")),
        ("Office of the President of the Republic of Finland", ("petteri_orpo", "volodymyr_zelensky")),
        ("Reuters", None),
    ],
)
def test_a_readouts_bare_title_is_the_leader_of_the_outlets_government(
    reference: Reference, outlet: str, pair: tuple[str, str] | None
) -> None:
    text = (
        "PM call with President Zelenskyy\nThe Prime Minister spoke to President Zelenskyy of Ukraine this afternoon."
    )
    article = replace(written.written(text, dt.date(2025, 10, 23)), outlet=outlet)
    facts = extract_article(article, reference)
    pairs = {tuple(sorted(p.official_id for p in c.participants)) for c in facts.calls if c.call_status == "held"}
    assert pairs == ({pair} if pair else set())  # a wire's outlet names no government: no one to stand for


def test_called_the_president_of_a_country_is_a_call(reference: Reference) -> None:
    text = (
        "Telephone conversation\nDushanbe, 12 March 2025\nToday, President of the Republic of Tajikistan Emomali "
        "Rahmon called the President of the Republic of Uzbekistan, Shavkat Mirziyoyev."
    )
    assert dated_calls(reference, text) == {
        ("held", WEDNESDAY, True, "emomali_rahmon", "shavkat_mirziyoyev"),
    }


def test_what_a_leader_asked_in_a_relative_clause_is_asked_in_the_call(reference: Reference) -> None:
    text = (
        "Llamada\nEl presidente Luiz Inácio Lula da Silva mantuvo ayer una conversación telefónica con el "
        'presidente de Francia, Emmanuel Macron, a quien pidió "un esfuerzo" por el acuerdo, informó Planalto.'
    )
    assert dated_calls(reference, text) == {
        ("held", dt.date(2025, 3, 11), True, "emmanuel_macron", "luiz_inacio_lula_da_silva"),
    }


def test_an_earlier_call_takes_the_date_that_opens_its_sentence(reference: Reference) -> None:
    text = (
        "Llamada\nEl presidente Rodrigo Chaves conversó este martes por teléfono con José Raúl Mulino. "
        "El pasado 3 de marzo, Chaves y Mulino ya habían conversado por teléfono sobre los vuelos."
    )
    assert dated_calls(reference, text) == {
        ("held", dt.date(2025, 3, 11), True, "jose_raul_mulino", "rodrigo_chaves"),
        ("held", dt.date(2025, 3, 3), False, "jose_raul_mulino", "rodrigo_chaves"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Llamada\nEl presidente Rodrigo Chaves conversó este martes por teléfono con José Raúl Mulino. Chaves ya "
        "había conversado por teléfono con Mulino en enero, tras la llegada de los vuelos de deportados.",
        "Call\nCosta Rican President Rodrigo Chaves spoke by phone on Tuesday with José Raúl Mulino. Chaves had "
        "already spoken by phone with Mulino in January, after the first deportation flights.",
    ],
)
def test_an_earlier_call_takes_the_month_right_after_the_leader(reference: Reference, text: str) -> None:
    facts = written.extract(reference, text, WEDNESDAY)
    told = sorted((c.is_directly_reported, c.date.date, c.date.year, c.date.month) for c in facts.calls)
    assert told == [(False, None, 2025, 1), (True, dt.date(2025, 3, 11), 2025, 3)]


def test_the_conversation_with_the_protagonist_points_back_to_the_call_told(reference: Reference) -> None:
    text = (
        "Arctic\nDanish Prime Minister Mette Frederiksen and Norwegian Prime Minister Jonas Gahr Støre spoke by "
        "telephone on Tuesday. Støre said the two were aligned. Støre's office gave no details. In Berlin, "
        "Frederiksen met Chancellor Olaf Scholz. That meeting was not part of the conversation with Støre."
    )
    assert {row[3:] for row in dated_calls(reference, text)} == {("jonas_gahr_store", "mette_frederiksen")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Tifón\nEl presidente Ferdinand Marcos Jr. suspende su llamada con el primer ministro Anwar Ibrahim "
            "por el paso del tifón.",
            "cancelled",
        ),
        ('BRICS\nLula da Silva dijo: "No voy a llamar a Donald Trump para pedirle nada".', "refused"),
    ],
)
def test_spanish_present_cancellations_and_negated_futures(reference: Reference, text: str, status: str) -> None:
    assert {row[0] for row in dated_calls(reference, text)} == {status}


def test_a_spokesperson_on_either_call_tells_of_both_calls(reference: Reference) -> None:
    text = (
        "Live\n**09:20** Keir Starmer spoke to both Donald Trump and Volodymyr Zelensky last night, Downing Street "
        "said. The spokesperson would not say what was said on either call.\n**11:30** Starmer will speak to Trump "
        "again before the summit."
    )
    held = {row[3:] for row in dated_calls(reference, text) if row[0] == "held"}
    assert held == {("donald_trump", "keir_starmer"), ("keir_starmer", "volodymyr_zelensky")}


def test_today_in_an_embedded_post_is_the_posts_day(reference: Reference) -> None:
    text = (
        "Call\nPublished: Saturday, March 15, 2025\nIn a post on X, the Ukrainian president thanked Ireland.\n\n"
        '"Had a good call today with Taoiseach Micheál Martin. Grateful to Ireland for its support."\n'
        "— Volodymyr Zelenskyy (@ZelenskyyUa), 5:42 PM · Mar 14, 2025\n\n"
        "Volodymyr Zelensky and Micheál Martin discussed energy."
    )
    assert dated_calls(reference, text, dt.date(2025, 3, 15)) == {
        ("held", dt.date(2025, 3, 14), True, "micheal_martin", "volodymyr_zelensky")
    }


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "Tariffs\nAustrian Foreign Minister Beate Meinl-Reisinger and her Swiss counterpart Ignazio Cassis spoke "
            "by phone on Tuesday about US tariffs.",
            set(),
        ),
        (
            "Call\nPresident Emmanuel Macron and his German counterpart Friedrich Merz spoke by phone on Tuesday.",
            {("emmanuel_macron", "friedrich_merz")},
        ),
    ],
)
def test_a_minister_and_a_counterpart_on_the_phone_are_no_leaders_call(
    reference: Reference, text: str, held: set[tuple[str, str]]
) -> None:
    assert {row[3:] for row in dated_calls(reference, text) if row[0] == "held"} == held


def test_asked_whether_the_call_has_taken_place_is_no_call_held(reference: Reference) -> None:
    text = (
        "Live\n**3:40 p.m.** Prime Minister Roosevelt Skerrit spoke to reporters on Monday. We asked his office "
        "whether the call with President Irfaan Ali has taken place."
    )
    assert "held" not in {row[0] for row in dated_calls(reference, text)}


def test_a_dateline_in_bold_is_the_storys_day_not_the_calls(reference: Reference) -> None:
    text = (
        "Llamada\n**Ciudad de México, 12 de marzo de 2025.** La presidenta Claudia Sheinbaum sostuvo ayer una "
        "llamada telefónica con el presidente de Estados Unidos, Donald Trump."
    )
    assert dated_calls(reference, text) == {("held", dt.date(2025, 3, 11), True, "claudia_sheinbaum", "donald_trump")}


def test_a_past_perfect_call_dated_before_its_noun_is_an_earlier_call(reference: Reference) -> None:
    text = (  # the month stands between the auxiliary and the call phrase
        "Llamada\nPEKÍN, 12 mar (EFE).- El presidente chino, Xi Jinping, habló el lunes por teléfono con su "
        "homólogo francés, Emmanuel Macron.\n\nXi y Macron ya habían celebrado en noviembre una videoconferencia "
        "sobre el clima."
    )
    facts = written.extract(reference, text, WEDNESDAY)
    told = sorted((c.is_directly_reported, c.date.date, c.date.year, c.date.month) for c in facts.calls)
    assert told == [(False, None, 2024, 11), (True, dt.date(2025, 3, 10), 2025, 3)]


def test_a_date_a_state_starts_from_is_not_the_calls(reference: Reference) -> None:
    text = (  # "desde el lunes 3 de marzo": when the tariffs apply from, not when the leaders spoke
        "Aranceles\nEl presidente Gustavo Petro conversó por teléfono con Claudia Sheinbaum sobre los aranceles que "
        "Estados Unidos aplica desde el lunes 3 de marzo a los automóviles importados."
    )
    assert dt.date(2025, 3, 3) not in {row[1] for row in dated_calls(reference, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Round of calls\nThe call with Xi followed Lee Jae-myung's phone talks with U.S. President Donald Trump on "
        "Friday and with Japanese Prime Minister Shigeru Ishiba on Monday.",
        "Ronda\nEl presidente surcoreano, Lee Jae-myung, conversó por teléfono con el presidente estadounidense, "
        "Donald Trump, el viernes y con el primer ministro japonés, Shigeru Ishiba, el lunes.",
    ],
)
def test_each_call_of_a_round_takes_the_day_after_its_own_leader(reference: Reference, text: str) -> None:
    friday, monday = dt.date(2025, 3, 7), dt.date(2025, 3, 10)  # a story of Wednesday 12 March
    assert {row for row in dated_calls(reference, text) if "xi_jinping" not in row} == {
        ("held", friday, True, "donald_trump", "lee_jae_myung"),
        ("held", monday, True, "lee_jae_myung", "shigeru_ishiba"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Round of calls\nRussian President Vladimir Putin spoke by phone with Chinese President Xi Jinping about "
        "Ukraine, and on Monday he had called South African President Cyril Ramaphosa.",
        "Ronda\nEl presidente ruso, Vladimir Putin, habló por teléfono con el presidente chino, Xi Jinping, sobre "
        "Ucrania, y el lunes había llamado al presidente sudafricano, Cyril Ramaphosa.",
    ],
)
def test_a_day_opening_another_calls_clause_is_that_calls(reference: Reference, text: str) -> None:
    assert dated_calls(reference, text) == {  # a story of Wednesday 12 March
        ("held", None, True, "vladimir_putin", "xi_jinping"),
        ("held", dt.date(2025, 3, 10), True, "cyril_ramaphosa", "vladimir_putin"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Ronda\nEl domingo por la noche, mientras los ministros negociaban en Bruselas, el presidente del Gobierno, "
        "Pedro Sánchez, recibió una llamada del presidente francés, Emmanuel Macron, y ayer, martes, conversó con el "
        "canciller alemán, Olaf Scholz.",
        "Round of calls\nOn Sunday night, as ministers bargained in Brussels, Spanish Prime Minister Pedro Sánchez "
        "took a call from French President Emmanuel Macron, and on Tuesday he spoke with German Chancellor Olaf "
        "Scholz.",
    ],
)
def test_a_day_opening_the_clause_of_a_call_verb_is_its_day(reference: Reference, text: str) -> None:
    assert dated_calls(reference, text) == {  # a story of Wednesday 12 March
        ("held", dt.date(2025, 3, 9), True, "emmanuel_macron", "pedro_sanchez"),
        ("held", dt.date(2025, 3, 11), True, "olaf_scholz", "pedro_sanchez"),
    }
