"""Clauses around a call phrase that decide what it reports: a request made through an insert ("has asked, through
diplomatic channels, for a telephone conversation"), a purpose after the call ("agreed in a phone call to set up a
working group"), the next calls of a round past the clauses of the one before ("luego con ..., y por último con
..."), a call placed to someone in no office ("telephoned Mereani Tuilau, the nurse who ..."), a date in a relative
clause that holds the call ("una conversación telefónica que los presidentes ... mantuvieron el miércoles"), a date
of an event before the call ("speaking in Tirana on Sunday before the conversation"), and ordinals that number no
call of the pair ("no fue la primera llamada", "En la primera conversación, ...").

The texts are written here in the styles of wire copy, readouts, briefings and regional papers.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.extract.context import build_context
from hotline.reference import Reference

calls = written.call_rows


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Briefing\nQ: Media reported that Prime Minister Sanae Takaichi's office has asked, through diplomatic "
            "channels, for a telephone conversation with President Xi Jinping. Can you confirm?",
            ("sanae_takaichi", "xi_jinping"),
        ),
        (
            "Entrevista\nEl presidente Daniel Noboa ha solicitado formalmente, por los canales diplomáticos que "
            "tenemos a través de la embajada de Suiza, una conversación telefónica con la presidenta Claudia "
            "Sheinbaum.",
            ("claudia_sheinbaum", "daniel_noboa"),
        ),
        (
            "Port Moresby\nThe Prime Minister James Marape said his office sent a formal request through the "
            "Indonesian embassy on Monday for a telephone conversation with President Prabowo Subianto.",
            ("james_marape", "prabowo_subianto"),
        ),
    ],
)
def test_a_call_asked_for_is_requested_not_held(reference: Reference, text: str, pair: tuple[str, str]) -> None:
    assert calls(written.extract(reference, text, dt.date(2025, 11, 20))) == {("requested", *pair)}


def test_what_a_call_agreed_to_set_up_is_no_plan_for_the_call(reference: Reference) -> None:
    text = (
        "Corridor VIII\nSKOPJE, Oct 21 (Reuters) - North Macedonian Prime Minister Hristijan Mickoski and Albanian "
        "Prime Minister Edi Rama agreed in a phone call on Monday to set up a joint working group on the rail link, "
        "Mickoski's office said on Tuesday.\nRama, speaking in Tirana on Sunday before the conversation, had said the "
        "project could not wait."
    )
    facts = written.extract(reference, text, dt.date(2025, 10, 21))
    assert calls(facts) == {("held", "edi_rama", "hristijan_mickoski")}
    assert [c.date.date for c in facts.calls] == [dt.date(2025, 10, 20)]


def test_the_next_calls_of_a_round_past_the_clauses_of_the_one_before(reference: Reference) -> None:
    text = (
        "Frontera sur\nEl presidente José Jerí habló por teléfono primero con el presidente de Chile, Gabriel Boric, "
        "con quien acordó abrir un corredor humanitario; luego con el presidente de Bolivia, Rodrigo Paz, a quien "
        "pidió controlar los pasos no habilitados, y por último con el mandatario colombiano, Gustavo Petro."
    )
    assert calls(written.extract(reference, text, dt.date(2025, 12, 4))) == {
        ("held", "gabriel_boric", "jose_jeri"),
        ("held", "jose_jeri", "rodrigo_paz"),
        ("held", "gustavo_petro", "jose_jeri"),
    }


def test_a_call_to_someone_the_reference_knows_as_no_official_is_no_leaders_call(reference: Reference) -> None:
    text = (
        "PM phones nurse\nLABASA - Prime Minister Sitiveni Rabuka yesterday telephoned Mereani Tuilau, the hospital "
        "nurse who carried six patients through floodwater, and thanked her. Asked whether he would raise nurse "
        "recruitment with his New Zealand counterpart, Christopher Luxon, Mr Rabuka said they would meet in Suva."
    )
    assert calls(written.extract(reference, text, dt.date(2025, 4, 10))) == set()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Memorando\nLos Gobiernos firmaron este jueves un memorando, un acuerdo que se cerró en una conversación "
            "telefónica que los presidentes Nayib Bukele y Daniel Noboa mantuvieron el miércoles por la noche.",
            dt.date(2025, 3, 5),
        ),
        (
            "Mano River\nMONROVIA - Joseph Boakai and Julius Maada Bio agreed on joint patrols, following a phone call "
            "that the two presidents held on Thursday night.",
            dt.date(2025, 3, 6),
        ),
    ],
)
def test_a_date_in_the_relative_clause_that_holds_the_call(reference: Reference, text: str, day: dt.date) -> None:
    assert [c.date.date for c in written.extract(reference, text, dt.date(2025, 3, 7)).calls] == [day]


def test_an_earlier_call_dated_after_a_comma(reference: Reference) -> None:
    text = (
        "Boakai, Bio\nPresident Joseph Boakai and President Julius Maada Bio spoke by phone on Thursday. Their last "
        "conversation, on March 11, focused on the Union's budget."
    )
    facts = written.extract(reference, text, dt.date(2025, 7, 28))
    assert sorted((c.is_directly_reported, c.date.date) for c in facts.calls) == [
        (False, dt.date(2025, 3, 11)),
        (True, dt.date(2025, 7, 24)),
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Para Santiago Peña no fue la primera llamada a Luis Arce en estos días, dijo su vocero.", None),
        ("No es la primera conversación telefónica entre Bernardo Arévalo y Claudia Sheinbaum este año.", None),
        ("En la primera conversación, Teodoro Obiang llamó a su homólogo Paul Biya para hablar de la cumbre.", None),
        ("In their third phone call, Joe Biden and Xi Jinping discussed Taiwan.", 3),
        (
            "Vladímir Putin habló con Recep Tayyip Erdoğan, su primera conversación telefónica con su homólogo "
            "turco, Recep Tayyip Erdoğan, desde el derribo de un bombardero ruso.",
            None,
        ),
    ],
)
def test_ordinals_that_number_no_call_of_the_pair(reference: Reference, text: str, number: int | None) -> None:
    facts = written.extract(reference, "Llamada\n" + text, dt.date(2024, 6, 29))
    assert facts.calls
    assert facts.calls[0].sequence_number == number


@pytest.mark.parametrize(
    ("text", "caller"),
    [
        (
            "Chaves y Arévalo\nEl presidente Rodrigo Chaves conversó el lunes por teléfono con Bernardo Arévalo sobre "
            "las pandillas. Fue Chaves quien llamó, precisaron fuentes de Zapote.",
            "rodrigo_chaves",
        ),
        (
            "Milei, Paz\nArgentine President Javier Milei spoke by phone with Bolivian President Rodrigo Paz on "
            "Tuesday. It was Milei who called, his office said.",
            "javier_milei",
        ),
    ],
)
def test_a_cleft_names_the_caller(reference: Reference, text: str, caller: str) -> None:
    assert [c.initiator_id for c in written.extract(reference, text, dt.date(2025, 11, 20)).calls] == [caller]


def test_a_surname_after_a_sentence_opener_is_the_person_named_in_full(reference: Reference) -> None:
    text = (
        "Chaves\nEl presidente Rodrigo Chaves viajó a Panamá. Fue Chaves quien propuso la cumbre. Juan Chaves, "
        "un comerciante, no opinó."
    )
    ctx = build_context(written.written(text, dt.date(2025, 11, 20)), reference)
    found = {text[h.start - 4 : h.end]: h.official_id for h in ctx.officials}
    assert found.get("Fue Chaves") == "rodrigo_chaves"
    assert "uan Chaves" not in found


def test_an_earlier_call_dated_after_a_pronoun_object(reference: Reference) -> None:
    text = (
        "Stubb\nFinnish President Alexander Stubb spoke by phone with Donald Trump on Friday. Stubb last spoke to "
        "him in November, when he called to congratulate him."
    )
    facts = written.extract(reference, text, dt.date(2025, 1, 27))
    earlier = [c for c in facts.calls if not c.is_directly_reported]
    assert [(c.date.month, c.date.precision) for c in earlier] == [(11, "month")]


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        (
            "Call\nEmmanuel Macron spoke by phone with Olaf Scholz in late February.",
            (dt.date(2025, 2, 21), dt.date(2025, 2, 28)),
        ),
        (
            "Llamada\nPedro Sánchez habló por teléfono con Emmanuel Macron a mediados de febrero.",
            (dt.date(2025, 2, 11), dt.date(2025, 2, 20)),
        ),
        ("Call\nEmmanuel Macron spoke by phone with Olaf Scholz, who visited Kyiv in February.", (None, None)),
    ],
)
def test_a_month_right_after_the_leader_linked(
    reference: Reference, text: str, bounds: tuple[dt.date | None, dt.date | None]
) -> None:
    date = written.extract(reference, text, dt.date(2025, 3, 12)).calls[0].date
    assert (date.earliest, date.latest) == bounds


def test_a_bare_title_before_the_calling_verb_names_the_caller_who_holds_it(reference: Reference) -> None:
    text = (
        "Morocco, Ghana\nACCRA - President John Dramani Mahama and King Mohammed VI of Morocco held a telephone "
        "conversation yesterday. A statement said the King placed the call to congratulate the President."
    )
    assert [c.initiator_id for c in written.extract(reference, text, dt.date(2025, 2, 20)).calls] == ["mohammed_vi"]


@pytest.mark.parametrize(
    "text",
    [
        "Round\nOn Monday, President Lula held a series of phone calls. He spoke with President Gustavo Petro about "
        "Venezuela and with President Gabriel Boric about the copper trade.",
        "Ronda\nEl presidente Lula pasó la jornada del lunes al teléfono. Conversó con el presidente Gustavo Petro "
        "sobre Venezuela y con el presidente Gabriel Boric sobre el comercio del cobre.",
    ],
)
def test_a_round_told_by_one_verb_gives_each_call_its_day(reference: Reference, text: str) -> None:
    facts = written.extract(reference, text, dt.date(2025, 3, 12))
    assert calls(facts) == {
        ("held", "gustavo_petro", "luiz_inacio_lula_da_silva"),
        ("held", "gabriel_boric", "luiz_inacio_lula_da_silva"),
    }
    assert {c.date.date for c in facts.calls} == {dt.date(2025, 3, 10)}


@pytest.mark.parametrize(
    "text",
    [
        "Analysis\nPresident Lula has never spoken by phone with President Javier Milei, his aides concede.",
        "Análisis\nLula y Milei no han tenido contacto telefónico desde que el argentino asumió el cargo.",
        "Analysis\nPresident Lula has not had a phone call with President Javier Milei since January.",
        "Análisis\nEl presidente Lula nunca ha hablado por teléfono con el presidente Javier Milei.",
    ],
)
def test_a_call_phrase_negated_by_never_or_a_verb_of_having_is_no_call(reference: Reference, text: str) -> None:
    assert calls(written.extract(reference, text, dt.date(2025, 3, 12))) == set()


def test_leaders_the_article_calls_former_are_no_leaders_where_a_headline_names_them_bare(
    reference: Reference,
) -> None:
    text = (
        "Lula llamó a Macri tras el fallo\nSÃO PAULO, 12 de junio de 2025 — El expresidente argentino Mauricio "
        "Macri conversó por teléfono este miércoles con el presidente brasileño. Más tarde, el exmandatario "
        "boliviano Evo Morales también llamó a Macri, según su entorno."
    )
    rows = calls(written.extract(reference, text, dt.date(2025, 6, 12)))
    assert not any("evo_morales" in row for row in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cable damage\nPrime Minister Kristen Michal and his Latvian counterpart Evika Siliņa discussed the "
            "incident on the sidelines of a meeting in Stockholm. Michal said a phone call was not needed because "
            "the two would see each other in Brussels next week.",
            set(),
        ),
        (
            "State House briefing\nQUESTION: There are reports on social media that President William Ruto and "
            "President Samia Suluhu Hassan spoke by phone on Tuesday night. Can you confirm that call?\nHUSSEIN "
            "MOHAMED: The President has not spoken with President Samia on this matter.",
            {("denied", "samia_suluhu_hassan", "william_ruto")},
        ),
    ],
)
def test_a_call_not_needed_undecided_or_rumoured_and_answered_is_not_held(
    reference: Reference, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert calls(written.extract(reference, text, dt.date(2025, 5, 23))) == expected


def test_nothing_decided_about_a_call_is_no_call_held(reference: Reference) -> None:
    text = (
        "Briefing\nQ: Has a telephone talk between Prime Minister Sanae Takaichi and President Xi Jinping been "
        "arranged?\nA: Nothing has been decided at this time regarding a telephone talk with President Xi."
    )
    facts = written.extract(reference, text, dt.date(2025, 10, 24))
    assert facts.calls
    assert {c.call_status for c in facts.calls} == {"planned"}


@pytest.mark.parametrize(
    "text",
    [
        "Advisory\nThe video call between His Excellency Wesley W. Simina, President of the Federated States of "
        "Micronesia, and His Excellency Shigeru Ishiba, Prime Minister of Japan, which had been scheduled for this "
        "afternoon, has been postponed at the request of the Japanese side.",
        "Kiribati\nA spokesperson said President Taneti Maamau would answer Prime Minister Anthony Albanese through "
        "the proper channels, not by telephone.",
        "Cumbre\nEl presidente Lula prefiere hablar con el presidente Javier Milei en persona y no por teléfono.",
    ],
)
def test_a_call_postponed_past_long_titles_or_a_medium_negated_is_not_held(reference: Reference, text: str) -> None:
    assert not any(row[0] == "held" for row in calls(written.extract(reference, text, dt.date(2025, 4, 9))))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Corridor\nFREETOWN - President Julius Maada Bio spoke by phone with President Mamady Doumbouya about "
            "electricity imports and a planned highway between Conakry and Freetown.",
            "held",
        ),
        (
            "Andorra\nEl jefe de Gobierno de Andorra, Xavier Espot Zamora, mantendrá el próximo jueves una "
            "conversación telefónica con el presidente del Gobierno español, Pedro Sánchez.",
            "planned",
        ),
    ],
)
def test_a_status_word_of_another_noun_is_not_the_calls_and_a_future_of_holding_plans_it(
    reference: Reference, text: str, status: str
) -> None:
    assert {row[0] for row in calls(written.extract(reference, text, dt.date(2025, 2, 18)))} == {status}


def test_names_inside_a_relative_clause_before_the_call_phrase_are_not_its_subject(reference: Reference) -> None:
    text = (
        "Madagascar\nEl coronel Michael Randrianirina, que juró el viernes como presidente de Madagascar tras la caída "
        "de Andry Rajoelina, ha solicitado una conversación telefónica con el presidente francés, Emmanuel Macron."
    )
    rows = calls(written.extract(reference, text, dt.date(2025, 10, 21)))
    assert rows == {("requested", "emmanuel_macron", "michael_randrianirina")}


def test_a_call_not_scheduled_is_no_call(reference: Reference) -> None:
    text = (
        'Asunción\nUn vocero indicó que el presidente Santiago Peña "no tiene prevista por ahora" una conversación '
        "con el presidente Luis Arce."
    )
    assert calls(written.extract(reference, text, dt.date(2025, 6, 3))) == set()


def test_a_call_with_the_president_of_an_institution_named_after_the_title_is_no_leaders_call(
    reference: Reference,
) -> None:
    text = (
        "Referendum\nCONAKRY - General Mamady Doumbouya said he had spoken by telephone with the president of the "
        "ECOWAS Commission, who had taken note of the result. Sierra Leone's President Julius Maada Bio chairs the "
        "regional bloc."
    )
    assert calls(written.extract(reference, text, dt.date(2025, 9, 24))) == set()


@pytest.mark.parametrize("quote", ['"', "“"])
def test_a_nickname_in_quotes_inside_a_leaders_name_is_read(reference: Reference, quote: str) -> None:
    close = '"' if quote == '"' else "”"
    text = (
        f"Llamada\nEl presidente Lai Ching-te telefoneó el sábado al presidente electo de Honduras, Nasry {quote}Tito"
        f"{close} Asfura, para felicitarlo."
    )
    facts = written.extract(reference, text, dt.date(2025, 12, 28))
    assert "nasry_asfura" in {o.official_id for o in facts.officials}


@pytest.mark.parametrize(
    "text",
    [
        "Canola\nPrime Minister Mark Carney last spoke with Chinese Premier Li Qiang by phone in June, a conversation "
        "both sides described as constructive and which led to a resumption of ministerial contacts.",
        "Llamada\nEl presidente Gustavo Petro habló por última vez por teléfono con Luiz Inácio Lula da Silva en "
        "marzo, una llamada que ambos gobiernos calificaron de cordial.",
    ],
)
def test_a_call_noun_in_apposition_names_the_earlier_call_again(reference: Reference, text: str) -> None:
    facts = written.extract(reference, text, dt.date(2025, 8, 14))
    assert len(facts.calls) == 1
    assert not facts.calls[0].is_directly_reported


def test_a_call_after_another_is_an_earlier_call_and_the_rise_put_off_is_no_call_put_off(
    reference: Reference,
) -> None:
    text = (
        "Sheinbaum y Trump\nCIUDAD DE MÉXICO.- La presidenta Claudia Sheinbaum habló este miércoles por teléfono con "
        "Donald Trump sobre el acero.\n\nEl 31 de julio, tras otra conversación entre ambos mandatarios, Trump aplazó "
        "90 días el alza de los aranceles."
    )
    facts = written.extract(reference, text, dt.date(2025, 10, 23))
    assert [(c.call_status, c.is_directly_reported, c.date.date) for c in facts.calls] == [
        ("held", True, dt.date(2025, 10, 22)),
        ("held", False, dt.date(2025, 7, 31)),
    ]
