"""Days a call sentence does not carry, read from around it (issue 13): the eve of the day the call was told of
("said on Monday that he had phoned ... the night before"), the day of the sentence right before a call sentence
that names both leaders, the day a quotation's words were said ("In a post on Saturday, he wrote: 'Had a call
today'"), and a date that opens the call sentence however long ago. Texts written by us in wire, agency and
Spanish-press styles; none is copied from the evaluation corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract

from hotline.reference import Reference

MON_20_MAY_2024 = dt.date(2024, 5, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an analysis looks back months: the date that opens the call sentence is the call's
            "India and Britain\n\nAn analysis of the trade pivot.\n\nOn May 6, Indian Prime Minister Narendra Modi "
            "and British Prime Minister Keir Starmer spoke by phone to welcome the conclusion of the trade talks.",
            dt.date(2025, 5, 6),
        ),
        (  # the same in Spanish, with a month of another event further on
            "Trump y Petro\n\nUn repaso de la relación.\n\nEl 20 de febrero los presidentes Donald Trump y Gustavo "
            "Petro sostuvieron una llamada telefónica tensa, como ya había ocurrido en enero de 2025.",
            dt.date(2025, 2, 20),
        ),
        (  # a day months back that closes the sentence dates another event: no date
            "India and Britain\n\nAn analysis of the trade pivot.\n\nIndian Prime Minister Narendra Modi spoke by "
            "phone with British Prime Minister Keir Starmer about the pact their negotiators had concluded on May 6.",
            None,
        ),
    ],
)
def test_a_day_that_opens_the_call_sentence_dates_it_however_long_ago(
    reference: Reference, text: str, expected: dt.date | None
) -> None:
    calls = extract(reference, text, dt.date(2025, 10, 24)).calls
    assert [c.date.date for c in calls] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the night before the day the call was told of is the call's day
            "French President Emmanuel Macron told reporters on Monday that he had phoned Chancellor Olaf Scholz the "
            "night before to discuss the budget rules.",
            (dt.date(2024, 5, 19), "day", None),
        ),
        (
            "El presidente de Francia, Emmanuel Macron, confirmó el lunes que había hablado por teléfono con el "
            "canciller Olaf Scholz la noche anterior.",
            (dt.date(2024, 5, 19), "day", None),
        ),
        (  # "the day before" an event is that event's eve, not the telling's: the Monday stays a bound
            "French President Emmanuel Macron said on Monday that he had spoken by phone with Chancellor Olaf Scholz "
            "the day before the summit.",
            (None, "unknown", MON_20_MAY_2024),
        ),
    ],
)
def test_the_eve_of_the_day_the_call_was_told_of(
    reference: Reference, text: str, expected: tuple[dt.date | None, str, dt.date | None]
) -> None:
    calls = [c for c in extract(reference, text, dt.date(2024, 5, 22)).calls if c.is_directly_reported]
    assert [(c.date.date, c.date.precision, c.date.latest) for c in calls] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the lead tells what the two leaders agreed on Thursday; the call sentence right after gives no day
            "Modi and Albanese\n\nIndian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese "
            "agreed Thursday to deepen trade ties.\n\nIn the 30-minute phone conversation, the two leaders also "
            "discussed critical minerals.",
            dt.date(2024, 5, 16),
        ),
        (
            "Petro y Lula\n\nLos presidentes Gustavo Petro y Luiz Inácio Lula da Silva acordaron este jueves "
            'coordinar la respuesta a la sequía.\n\n"Tuvimos una gran llamada con el presidente Lula", escribió Petro.',
            dt.date(2024, 5, 16),
        ),
        (  # the caller of a round of calls, the day he spent on them; the calls follow
            "Petro habla con Lula en plena sequía\n\nEl presidente Gustavo Petro dedicó buena parte de la jornada de "
            "ayer a la diplomacia telefónica.\n\nEl mandatario habló primero con el presidente de Brasil, Luiz "
            "Inácio Lula da Silva, sobre la Amazonía.",
            dt.date(2024, 5, 16),
        ),
        (  # a meeting in person on that day is not the call's
            "Modi and Albanese\n\nIndian Prime Minister Narendra Modi and Australian Prime Minister Anthony Albanese "
            "met in Sydney on Thursday.\n\nModi spoke by phone with Albanese about the visit, his office said.",
            None,
        ),
        (  # the sentence before names one of the two leaders only
            "Petro y Lula\n\nEl presidente Gustavo Petro viajó este jueves a Leticia.\n\nPetro habló por teléfono con "
            "el presidente Luiz Inácio Lula da Silva sobre la Amazonía.",
            None,
        ),
    ],
)
def test_the_day_of_the_sentence_right_before_the_call(
    reference: Reference, text: str, expected: dt.date | None
) -> None:
    calls = [c for c in extract(reference, text, dt.date(2024, 5, 17)).calls if c.is_directly_reported]
    assert [c.date.date for c in calls] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the post was written on Saturday: its "today" is Saturday, not the day of the story
            "Zelensky and Tusk\n\nUkrainian President Volodymyr Zelensky thanked Poland for its support. In a post "
            'on X on Saturday evening, he wrote: "Had a call today with Prime Minister Donald Tusk about air defence."',
            dt.date(2024, 5, 18),
        ),
        (
            "Petro y Lula\n\nEl presidente Gustavo Petro escribió el lunes en X: «Hablé hoy por teléfono con el "
            "presidente Luiz Inácio Lula da Silva sobre la Amazonía».",
            dt.date(2024, 5, 20),
        ),
        (  # no day said for the words: "hoy" counts from the story's date
            "Petro y Lula\n\nEl presidente Gustavo Petro escribió en X: «Hablé hoy por teléfono con el presidente "
            "Luiz Inácio Lula da Silva sobre la Amazonía».",
            dt.date(2024, 5, 22),
        ),
        (  # a quotation closed by its speaker's name: the day the lead says that speaker spoke
            "Petro anuncia medidas\n\nEl presidente Gustavo Petro aseguró este lunes, en un discurso ante alcaldes "
            'en Cali, que el Gobierno ampliará el subsidio.\n\nLa oposición criticó el anuncio. "Ayer hablé por '
            'teléfono con el presidente Lula y le pedí apoyo para la COP. También hablamos del Amazonas", afirmó '
            "Petro ante los alcaldes.",
            dt.date(2024, 5, 19),
        ),
        (
            "Albanese on wages\n\nPrime Minister Anthony Albanese said on Monday, at a press conference in Perth, "
            'that wages would rise.\n\nThe opposition was unimpressed. "Yesterday I spoke with Prime Minister '
            'Christopher Luxon about the Pacific. It was a good call," said Albanese.',
            dt.date(2024, 5, 19),
        ),
        (  # the speaker named by no name: no day to count from but the story's
            "Albanese on wages\n\nPrime Minister Anthony Albanese said on Monday, at a press conference in Perth, "
            'that wages would rise.\n\nThe opposition was unimpressed. "Yesterday I spoke with Prime Minister '
            'Christopher Luxon about the Pacific. It was a good call," the prime minister said.',
            dt.date(2024, 5, 21),
        ),
        (  # the attribution after the quotation gives the day of its words
            'Modi and Meloni\n\n"Prime Minister Narendra Modi received a phone call today from Prime Minister '
            'Giorgia Meloni," the Ministry of External Affairs said in a statement issued on Monday evening.',
            dt.date(2024, 5, 20),
        ),
        (
            'Arce y Lula\n\n"Hoy hablé por teléfono con Lula da Silva", dijo Luis Arce el martes en un acto en El '
            "Alto.",
            dt.date(2024, 5, 21),
        ),
    ],
)
def test_a_quotations_today_is_the_day_of_its_words(reference: Reference, text: str, expected: dt.date) -> None:
    calls = [c for c in extract(reference, text, dt.date(2024, 5, 22)).calls if c.is_directly_reported]
    assert [c.date.date for c in calls] == [expected]


THU_21_AUG_2025 = dt.date(2025, 8, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # told at a place on a weekday, the call's own time vaguer: bounds up to that day, no day
            "Indonesian President Prabowo Subianto told journalists at the Merdeka Palace on Tuesday that he had "
            "raised the fisheries dispute with Malaysian Prime Minister Anwar Ibrahim in a phone call earlier this "
            "month.",
            (None, "month", dt.date(2025, 8, 1), dt.date(2025, 8, 19)),
        ),
        (  # told in a city on a weekday: the call came on or before it
            "French President Emmanuel Macron said in Marseille on Tuesday that he had spoken by phone with German "
            "Chancellor Friedrich Merz about the budget rules.",
            (None, "unknown", None, dt.date(2025, 8, 19)),
        ),
        (
            "La presidenta Claudia Sheinbaum dijo en Palacio Nacional el martes que había hablado por teléfono con el "
            "presidente de Estados Unidos, Donald Trump.",
            (None, "unknown", None, dt.date(2025, 8, 19)),
        ),
        (  # a call told to the other leader on a weekday is the call's day
            "Russian President Vladimir Putin told Indian Prime Minister Narendra Modi in a phone call on Tuesday that "
            "the talks in Alaska had been useful.",
            (dt.date(2025, 8, 19), "day", None, None),
        ),
    ],
)
def test_the_day_told_at_a_place_bounds_the_call(
    reference: Reference, text: str, expected: tuple[dt.date | None, str, dt.date | None, dt.date | None]
) -> None:
    (call,) = extract(reference, "Leaders\n\n" + text, THU_21_AUG_2025).calls
    assert (call.date.date, call.date.precision, call.date.earliest, call.date.latest) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the day right after the leader the call phrase links is the call's, not the day of the statement
            "In a statement on his Facebook page today, Prime Minister Anwar Ibrahim said he had a warm telephone "
            "conversation with Singapore Prime Minister Lawrence Wong on Monday night.",
            dt.date(2025, 8, 18),
        ),
        (
            "En un mensaje publicado hoy en X, el presidente de Chile, Gabriel Boric, dijo que mantuvo una "
            "conversación telefónica con el presidente de Brasil, Luiz Inácio Lula da Silva, el lunes por la noche.",
            dt.date(2025, 8, 18),
        ),
        (  # a possessive day after the leader is another event's
            "French President Emmanuel Macron spoke by phone today with German Chancellor Friedrich Merz on Monday's "
            "attack in Lyon.",
            dt.date(2025, 8, 21),
        ),
    ],
)
def test_a_day_right_after_the_linked_leader_is_the_calls(
    reference: Reference, text: str, expected: dt.date | None
) -> None:
    (call,) = extract(reference, "Leaders\n\n" + text, THU_21_AUG_2025).calls
    assert call.date.date == expected


THU_16_OCT_2025 = dt.date(2025, 10, 16)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Zelensky in Brussels\n\nUkrainian President Volodymyr Zelensky met European leaders in Brussels on "
            "Wednesday. A day earlier, he had spoken by phone with U.S. President Donald Trump about air defence.",
            dt.date(2025, 10, 14),
        ),
        (
            "Boric en Brasilia\n\nEl presidente Gabriel Boric viajó el miércoles a Brasilia. El día anterior había "
            "conversado por teléfono con su homólogo brasileño, Luiz Inácio Lula da Silva.",
            dt.date(2025, 10, 14),
        ),
        (
            "Petro y Lula\n\nEl presidente Gustavo Petro llegó el lunes a Belém para la cumbre amazónica. Al día "
            "siguiente conversó por teléfono con el presidente brasileño, Luiz Inácio Lula da Silva.",
            dt.date(2025, 10, 14),
        ),
        (  # the words count from an event they name, not from the day before: no date
            "Zelensky in Brussels\n\nUkrainian President Volodymyr Zelensky met European leaders in Brussels on "
            "Wednesday. He had spoken by phone with U.S. President Donald Trump the day before the summit.",
            None,
        ),
    ],
)
def test_a_day_counted_from_the_day_named_before(reference: Reference, text: str, expected: dt.date | None) -> None:
    (call,) = [c for c in extract(reference, text, THU_16_OCT_2025).calls if c.is_directly_reported]
    assert call.date.date == expected
