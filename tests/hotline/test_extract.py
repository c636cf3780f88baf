"""Extraction of calls, participants, dates, durations, sequences, topics and officials.

Every example article here was written by the team for these tests, in English and Spanish, about many
leader pairs; none is taken from the seed corpus. Each test names the rule it holds.
"""

from __future__ import annotations

import datetime as dt

import pytest
from written import extract
from written import written as article

from hotline.facts import Article, ArticleFacts
from hotline.normalize import extracted_frames
from hotline.reference import Reference


def participants(facts: ArticleFacts, index: int = 0) -> set[str]:
    return {p.official_id for p in facts.calls[index].participants}


def topics(facts: ArticleFacts, status: str, mention: int = 0) -> set[str]:
    mention_id = facts.calls[mention].mention_id
    return {t.topic_code for t in facts.topics if t.status == status and t.mention_id == mention_id}


# --- call detection and participants -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Canadian Prime Minister Mark Carney spoke by phone with Mexican President Claudia Sheinbaum on Monday.",
            dt.date(2025, 6, 4),
            {"mark_carney", "claudia_sheinbaum"},
        ),
        (
            "Ukrainian President Volodymyr Zelensky said he had a phone call with Donald Trump about a ceasefire.",
            dt.date(2025, 3, 20),
            {"volodymyr_zelensky", "donald_trump"},
        ),
        (
            "Xi Jinping and Donald Trump held a telephone conversation, Chinese state media said.",
            dt.date(2025, 6, 6),
            {"xi_jinping", "donald_trump"},
        ),
        (
            "La presidenta Claudia Sheinbaum sostuvo una llamada telefónica con el primer ministro Mark Carney.",
            dt.date(2025, 5, 10),
            {"claudia_sheinbaum", "mark_carney"},
        ),
        (
            "Joe Biden and Andrés Manuel López Obrador spoke by phone about migration, the White House said.",
            dt.date(2023, 12, 21),
            {"joe_biden", "andres_manuel_lopez_obrador"},
        ),
        (
            "Vladimir Putin and Donald Trump talked by phone for more than two hours, the Kremlin said.",
            dt.date(2025, 5, 20),
            {"vladimir_putin", "donald_trump"},
        ),
    ],
)
def test_call_participants_from_names(reference: Reference, text: str, published: dt.date, expected: set[str]) -> None:
    facts = extract(reference, text, published)
    assert len(facts.calls) == 1
    assert facts.calls[0].is_directly_reported
    assert participants(facts) == expected


def test_role_description_resolves_to_holder_on_the_date(reference: Reference) -> None:
    text = "Donald Trump spoke by phone with the Mexican president on Tuesday about tariffs."
    in_2020 = extract(reference, text, dt.date(2020, 4, 16))
    in_2025 = extract(reference, text, dt.date(2025, 4, 16))
    assert participants(in_2020) == {"donald_trump", "andres_manuel_lopez_obrador"}
    assert participants(in_2025) == {"donald_trump", "claudia_sheinbaum"}


def test_spanish_role_description(reference: Reference) -> None:
    text = "El mandatario estadounidense habló por teléfono con la presidenta de México el jueves."
    facts = extract(reference, text, dt.date(2025, 8, 1))
    assert participants(facts) == {"donald_trump", "claudia_sheinbaum"}
    assert facts.calls[0].date.date == dt.date(2025, 7, 31)


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump met Claudia Sheinbaum at the summit in Washington and discussed trade.",
        "Mexico called for calm after the United States announced tariffs on steel.",
        "Analysts expect the tariffs to weigh on Mexican exports this year.",
        "Sheinbaum dijo en su conferencia matutina que el T-MEC seguirá vigente.",
        "",
    ],
)
def test_text_with_no_call_gives_no_call(reference: Reference, text: str) -> None:
    facts = extract(reference, text or " ", dt.date(2025, 5, 5))
    assert facts.calls == []
    assert facts.topics == []


def test_planned_call_is_flagged(reference: Reference) -> None:
    text = "Sheinbaum said she will speak with Donald Trump next week about the tariffs."
    facts = extract(reference, text, dt.date(2025, 3, 3))
    assert len(facts.calls) == 1
    assert facts.calls[0].is_planned
    assert facts.calls[0].date.date is None


# --- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "expected_date", "basis"),
    [
        ("Trudeau and Trump spoke by phone on Monday.", dt.date(2025, 2, 5), dt.date(2025, 2, 3), "weekday"),
        (
            "Trudeau and Trump had a phone call yesterday.",
            dt.date(2025, 2, 5),
            dt.date(2025, 2, 4),
            "relative",
        ),
        (
            "Sheinbaum y Trump hablaron por teléfono ayer.",
            dt.date(2025, 2, 5),
            dt.date(2025, 2, 4),
            "relative",
        ),
        (
            "Trump and Sheinbaum held a phone call on Feb. 3 about fentanyl.",
            dt.date(2025, 2, 5),
            dt.date(2025, 2, 3),
            "year_from_publication",
        ),
        (
            "Trump and Sheinbaum held a phone call on Dec. 30 about fentanyl.",
            dt.date(2026, 1, 4),
            dt.date(2025, 12, 30),
            "year_from_publication",
        ),
        (
            "La llamada telefónica entre Sheinbaum y Carney fue el 3 de febrero de 2025.",
            None,
            dt.date(2025, 2, 3),
            "stated",
        ),
        (
            # Feb. 3 + 10 days is Feb. 13; within both leaders' terms it is a Thursday only in 2025.
            "Sheinbaum and Trump spoke by phone on Thursday. The call came ten days after their Feb. 3 call.",
            None,
            dt.date(2025, 2, 13),
            "year_from_terms",
        ),
    ],
)
def test_call_dates(
    reference: Reference, text: str, published: dt.date | None, expected_date: dt.date | None, basis: str
) -> None:
    call = extract(reference, text, published).calls[0]
    assert call.date.date == expected_date
    assert call.date.basis in (basis, "stated", "offset") if basis == "stated" else call.date.basis == basis
    assert call.date.how


def test_weekday_without_anchor_stays_a_constraint(reference: Reference) -> None:
    call = extract(reference, "Sheinbaum and Trump spoke by phone on Thursday about water.", None).calls[0]
    assert call.date.date is None
    assert call.date.weekday == 3
    assert call.date.basis == "weekday_only"


def test_year_never_guessed_without_evidence(reference: Reference) -> None:
    facts = extract(reference, "Trump and Sheinbaum spoke by phone on March 14 about steel.", None)
    call = facts.calls[0]
    assert call.date.date is None
    assert (call.date.month, call.date.day, call.date.year) == (3, 14, None)
    assert call.date.precision == "unknown"
    assert "left null" in (call.date.how or "")


def test_year_from_terms_and_weekday(reference: Reference) -> None:
    # Trump and Carney share terms from 2025-03-14; the only Saturday March 22 in those terms is in 2025.
    facts = extract(reference, "Carney and Trump talked by phone on Saturday, March 22, about lumber.", None)
    call = facts.calls[0]
    assert call.date.date == dt.date(2025, 3, 22)
    assert call.date.basis == "year_from_terms"


def test_offset_from_an_earlier_dated_call(reference: Reference) -> None:
    text = (
        "Sheinbaum and Trump spoke by phone on Friday.\n"
        "The conversation came ten days after their previous call on March 4."
    )
    facts = extract(reference, text, dt.date(2025, 3, 15))
    reported, earlier = facts.calls
    assert reported.date.date == dt.date(2025, 3, 14)
    assert not earlier.is_directly_reported
    assert earlier.date.date == dt.date(2025, 3, 4)
    assert participants(facts, 1) == {"donald_trump", "claudia_sheinbaum"}


def test_an_event_noun_of_the_next_sentence_leaves_the_call_date_alone(reference: Reference) -> None:
    text = "Meloni spoke by phone with Sunak on Saturday.\nThe meeting of ministers that followed lasted three hours."
    assert extract(reference, text, dt.date(2023, 7, 1)).calls[0].date.date == dt.date(2023, 7, 1)


def test_date_of_another_event_is_not_the_call_date(reference: Reference) -> None:
    text = "Sheinbaum held her Wednesday press conference after a phone call with Trump."
    call = extract(reference, text, dt.date(2025, 4, 10)).calls[0]
    assert call.date.date is None


# --- duration, sequence, tone ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Carney and Trump had a 45-minute phone call on Monday.", 45),
        ("The call between Trump and Zelensky lasted about an hour.", 60),
        ("Sheinbaum dijo que la llamada con Trump duró cuarenta minutos.", 40),
        ("Sheinbaum said the phone call with Trump lasted half an hour.", 30),
        ("Carney and Trump spoke by phone on Monday; the conversation lasted about twenty-five minutes.", 25),
        ("Sheinbaum y Trump hablaron por teléfono el lunes durante treinta y cinco minutos.", 35),
        ("Trump and Xi held a phone call; talks resume 30 minutes later in Geneva.", None),
        ("Biden and Xi spoke by phone on Tuesday. The call lasted an hour and 45 minutes, officials said.", 105),
        ("Petro sostuvo una llamada de una hora y media con Maduro este lunes.", 90),
        ("Pedro Sánchez habló por teléfono con Lula. La charla se prolongó durante dos horas y media.", 150),
        ("Biden and Xi held a phone call of one and a half hours.", 90),
        ("Modi spoke by phone with Putin on Monday. The two leaders talked for more than 90 minutes.", 90),
        ("Modi spoke by phone with Putin on Monday. Two hours later, Modi met Zelensky.", None),
        ("Modi spoke by phone with Putin on Monday. The meeting that followed lasted three hours.", None),
        ("Modi spoke by phone with Putin and agreed on a 72-hour ceasefire.", None),
    ],
)
def test_duration(reference: Reference, text: str, minutes: int | None) -> None:
    assert extract(reference, text, dt.date(2025, 6, 1)).calls[0].duration_minutes == minutes


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("It was the fourth phone call between Carney and Trump.", 4),
        ("Sheinbaum dijo que es la quinta llamada con Trump.", 5),
        ("Trump and Sheinbaum spoke by phone; she has held nine calls with him so far.", 9),
        ("Trump and Sheinbaum spoke by phone about the third shipment of cattle.", None),
        ("Trump and Sheinbaum spoke by phone, the first conversation between them since she took office.", None),
        ("Sheinbaum y Trump hablaron por teléfono, la primera llamada desde que él volvió a la Casa Blanca.", None),
    ],
)
def test_sequence_number(reference: Reference, text: str, number: int | None) -> None:
    assert extract(reference, text, dt.date(2025, 6, 1)).calls[0].sequence_number == number


def test_tone(reference: Reference) -> None:
    assert extract(reference, "Carney called the phone call with Trump productive.", None).calls[0].tone == "positive"
    assert extract(reference, "The phone call between Trump and Zelensky was tense.", None).calls[0].tone == "negative"


# --- topics and negation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "discussed", "not_discussed"),
    [
        (
            "Trump and Sheinbaum spoke by phone and discussed fentanyl and migration. They did not discuss Cuba.",
            {"fentanyl", "migration"},
            {"cuba"},
        ),
        (
            "Carney and Trump spoke by phone about tariffs. Neither steel nor aluminum were discussed, Carney said.",
            {"tariffs"},
            {"steel", "aluminum"},
        ),
        (
            "Trump and Sheinbaum held a phone call on trade. Venezuela was not on the agenda, officials said.",
            {"trade"},
            {"venezuela"},
        ),
        (
            "Sheinbaum y Trump hablaron por teléfono sobre migración. No se habló de remesas, aclaró Sheinbaum.",
            {"migration"},
            {"remittances"},
        ),
        (
            "Trump and Sheinbaum spoke by phone. They didn't discuss the arrest of a drug lord.",
            set(),
            set(),
        ),
        (
            "Trump and Sheinbaum spoke by phone about security. She said they did not talk about the issue of water.",
            {"security"},
            {"water"},
        ),
    ],
)
def test_topics_and_scoped_negation(
    reference: Reference, text: str, discussed: set[str], not_discussed: set[str]
) -> None:
    facts = extract(reference, text, dt.date(2025, 6, 2))
    assert topics(facts, "discussed") >= discussed
    assert topics(facts, "not_discussed") == not_discussed
    assert not topics(facts, "discussed") & not_discussed


def test_topic_of_another_dated_event_is_not_the_calls(reference: Reference) -> None:
    text = (
        "Trump and Sheinbaum spoke by phone on Friday about tariffs.\n"
        "On Tuesday, Ebrard discussed energy investment with business leaders."
    )
    facts = extract(reference, text, dt.date(2025, 6, 7))
    assert "tariffs" in topics(facts, "discussed")
    assert "energy" not in topics(facts, "discussed")


def test_topic_in_question_is_not_claimed(reference: Reference) -> None:
    text = "Trump and Sheinbaum spoke by phone. A reporter asked whether they raised remittances during the call."
    assert "remittances" not in topics(extract(reference, text, dt.date(2025, 6, 7)), "discussed")


def test_topics_evidence_points_into_the_text(reference: Reference) -> None:
    text = "Trump and Carney spoke by phone on Monday.\nThey discussed lumber tariffs and the border."
    facts = extract(reference, text, dt.date(2025, 6, 4))
    assert facts.topics
    for fact in facts.topics:
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
        assert fact.evidence.how


def test_topics_of_an_earlier_call_go_to_it(reference: Reference) -> None:
    text = (
        "Sheinbaum and Trump spoke by phone on Friday about tariffs.\n"
        "In their previous call on May 2, they discussed water."
    )
    facts = extract(reference, text, dt.date(2025, 5, 24))
    assert "water" in topics(facts, "discussed", mention=1)
    assert "water" not in topics(facts, "discussed", mention=0)


# --- officials -------------------------------------------------------------------------------------------


def test_titled_newcomers_are_officials_and_others_are_not(reference: Reference) -> None:
    text = (
        "Trump and Sheinbaum spoke by phone.\n"
        "Mexican Interior Minister Laura Gómez Peralta attended, while alleged smuggler Pedro Ruiz was absent.\n"
        "White House press secretary Jane Doerr said the call went well, according to reporter Tom Hale."
    )
    officials = {o.official_id: o for o in extract(reference, text, dt.date(2025, 6, 4)).officials}
    assert officials["laura_gomez_peralta"].country_code == "MX"
    assert officials["laura_gomez_peralta"].role == "interior_minister"
    assert not officials["laura_gomez_peralta"].is_reference
    assert officials["jane_doerr"].country_code == "US"
    assert "pedro_ruiz" not in officials
    assert "tom_hale" not in officials


def test_spanish_title_discovers_official(reference: Reference) -> None:
    text = "Sheinbaum habló por teléfono con Trump; el canciller Tomás Arriaga Ruiz estuvo presente."
    officials = {o.official_id: o for o in extract(reference, text, dt.date(2025, 6, 4)).officials}
    assert officials["tomas_arriaga_ruiz"].role == "foreign_minister"


def test_extraction_of_huge_repetitive_text_finishes(reference: Reference) -> None:
    text = "call " * 200_000 + "\n" + "Trump " * 50_000
    facts = extract(reference, text, dt.date(2025, 1, 1))
    assert isinstance(facts.calls, list)


@pytest.mark.parametrize(
    ("text", "not_a_topic"),
    [
        ("Chinese President Xi Jinping and Donald Trump held a phone call about trade.", "china"),
        (
            "Sheinbaum habló por teléfono con el primer ministro de Canadá, Mark Carney, sobre comercio.",
            "canada",
        ),
        ("The U.S. Trade Representative joined the phone call between Trump and Carney.", "trade"),
    ],
)
def test_a_title_is_not_a_topic(reference: Reference, text: str, not_a_topic: str) -> None:
    facts = extract(reference, text, dt.date(2025, 6, 6))
    assert facts.calls
    assert not_a_topic not in topics(facts, "discussed")


def test_spanish_call_with_negation_duration_and_official(reference: Reference) -> None:
    text = (
        "La presidenta Claudia Sheinbaum sostuvo este jueves una llamada telefónica con el primer ministro "
        "Mark Carney, con quien conversó sobre el T-MEC.\n"
        "La llamada duró alrededor de 30 minutos. Sheinbaum aclaró que no se habló de migración ni de remesas.\n"
        "El canciller Juan Ramón de la Fuente participó en la conversación."
    )
    facts = extract(reference, text, dt.date(2025, 6, 13))
    call = facts.calls[0]
    assert participants(facts) == {"claudia_sheinbaum", "mark_carney"}
    assert call.date.date == dt.date(2025, 6, 12)
    assert call.duration_minutes == 30
    assert topics(facts, "discussed") >= {"usmca"}
    assert topics(facts, "not_discussed") == {"migration", "remittances"}
    assert "juan_ramon_de_la_fuente" in {o.official_id for o in facts.officials}


def test_president_elect_call(reference: Reference) -> None:
    text = (
        'President-elect Donald Trump said he had a "wonderful conversation" by phone with Mexican President '
        "Claudia Sheinbaum on Wednesday."
    )
    facts = extract(reference, text, dt.date(2024, 11, 28))
    call = facts.calls[0]
    assert participants(facts) == {"donald_trump", "claudia_sheinbaum"}
    assert {p.role for p in call.participants} == {"president_elect", "president"}
    assert call.date.date == dt.date(2024, 11, 27)
    assert call.tone == "positive"


def test_earlier_call_with_a_copula_and_a_future_ordinal(reference: Reference) -> None:
    text = (
        "Prime Minister Mark Carney and President Donald Trump spoke by phone on Thursday.\n"
        "The two leaders did not reach a deal. Their last call was on July 14, when they discussed steel.\n"
        "A third call is expected next week."
    )
    facts = extract(reference, text, dt.date(2025, 8, 2))
    reported, earlier = facts.calls
    assert reported.sequence_number is None  # "a third call" is still to come
    assert earlier.date.date == dt.date(2025, 7, 14)
    assert topics(facts, "discussed", mention=1) == {"steel"}


def test_spanish_stated_date_duration_and_negation(reference: Reference) -> None:
    text = (
        "El presidente Joe Biden y el presidente Andrés Manuel López Obrador sostuvieron el pasado viernes "
        "22 de diciembre de 2023 una llamada telefónica de 45 minutos en la que abordaron la migración.\n"
        "No se trató el tema del agua, según la cancillería."
    )
    facts = extract(reference, text, None)
    call = facts.calls[0]
    assert participants(facts) == {"joe_biden", "andres_manuel_lopez_obrador"}
    assert (call.date.date, call.date.basis, call.duration_minutes) == (dt.date(2023, 12, 22), "stated", 45)
    assert topics(facts, "discussed") == {"migration"}
    assert topics(facts, "not_discussed") == {"water"}


def test_extracted_frames_on_two_cores_match_one_core(reference: Reference) -> None:
    texts = [
        f"Trump and Sheinbaum spoke by phone on Monday about item {i}. They did not discuss Cuba." for i in range(600)
    ]
    articles = [
        Article(f"{i:016x}", f"a{i}.txt", "txt", "t", text, "0" * 64, "utf-8", len(text), dt.date(2025, 6, 4))
        for i, text in enumerate(texts)
    ]
    serial = extracted_frames(articles, processes=1)
    parallel = extracted_frames(articles, processes=2)
    assert serial["call_mentions"].height == 600
    assert all(parallel[table].equals(serial[table]) for table in serial)


@pytest.mark.parametrize(
    "text",
    [
        "Sheinbaum sostuvo una conversación telefónica con Trump en la que acordaron posponer hasta el 2 de abril "
        "los aranceles.",
        "Trump and Carney spoke by phone and agreed to hold off the tariffs until April 2.",
    ],
)
def test_a_deadline_is_not_the_call_date(reference: Reference, text: str) -> None:
    call = extract(reference, text, dt.date(2025, 3, 7)).calls[0]
    assert call.date.date is None
    assert call.date.month is None


def test_a_yearless_day_months_before_the_article_is_not_the_reported_call(reference: Reference) -> None:
    text = "Trump and Sheinbaum spoke by phone about the Sept. 30 deadline for the water treaty."
    call = extract(reference, text, dt.date(2025, 3, 7)).calls[0]
    assert call.date.date is None


def test_by_phone_is_no_deadline(reference: Reference) -> None:
    call = extract(reference, "Trump and Carney spoke by phone on March 3.", dt.date(2025, 3, 7)).calls[0]
    assert call.date.date == dt.date(2025, 3, 3)


def test_negation_reported_by_a_speaker(reference: Reference) -> None:
    text = (
        "Trump and Carney spoke by phone on Thursday. The White House said the leaders discussed the border.\n"
        "Canada's prime minister said that fentanyl was not discussed."
    )
    facts = extract(reference, text, dt.date(2025, 4, 18))
    assert topics(facts, "not_discussed") == {"fentanyl"}
    assert {t.claimant_official_id for t in facts.topics if t.status == "not_discussed"} == {"mark_carney"}


def test_counterpart_resolves_with_role(reference: Reference) -> None:
    text = "French President Emmanuel Macron and his Brazilian counterpart spoke by phone Tuesday about climate."
    facts = extract(reference, text, dt.date(2025, 2, 14))
    assert participants(facts) == {"emmanuel_macron", "luiz_inacio_lula_da_silva"}
    assert {p.role for p in facts.calls[0].participants} == {"president"}
    assert facts.calls[0].date.date == dt.date(2025, 2, 11)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts said Trump's decision on Sheinbaum's request was a close call.",
        "Canada's Carney held a conference call with investors after Trump and Sheinbaum announced tariffs.",
        "Sheinbaum answered the call for dialogue that Trump made at the summit.",
        "La presidenta Claudia Sheinbaum hizo un llamado a la calma tras los aranceles anunciados por Trump.",
    ],
)
def test_call_words_that_are_no_phone_call(reference: Reference, text: str) -> None:
    assert extract(reference, text, dt.date(2025, 3, 4)).calls == []


def test_an_extraction_bug_names_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import hotline.extract as extract_module

    def broken(article: Article, reference: Reference) -> ArticleFacts:
        raise ValueError("boom")

    monkeypatch.setattr(extract_module, "extract_article", broken)
    with pytest.raises(extract_module.ExtractionError, match=r"written\.txt .*boom"):
        extract_module.extract_articles([article("Trump and Carney spoke by phone.")])


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Trump and Carney spoke by phone on the 3rd about lumber.", dt.date(2025, 6, 10), dt.date(2025, 6, 3)),
        ("Trump and Carney spoke by phone on the 28th about lumber.", dt.date(2025, 7, 2), dt.date(2025, 6, 28)),
        ("Sheinbaum y Trump hablaron por teléfono el día 5.", dt.date(2025, 3, 9), dt.date(2025, 3, 5)),
        ("Trump and Carney spoke by phone on the 3rd of March.", None, None),
    ],
)
def test_day_of_month_dates(
    reference: Reference, text: str, published: dt.date | None, expected: dt.date | None
) -> None:
    call = extract(reference, text, published).calls[0]
    assert call.date.date == expected
    if expected is not None:
        assert call.date.basis == "day_of_month"


def test_an_article_reporting_calls_between_two_pairs(reference: Reference) -> None:
    text = (
        "Donald Trump spoke by phone with Vladimir Putin on Tuesday about a ceasefire.\n"
        "On Wednesday, Trump held a phone call with Volodymyr Zelensky, who said they discussed energy.\n"
        "Zelensky said the call was productive."
    )
    facts = extract(reference, text, dt.date(2025, 3, 20))
    first, second = facts.calls
    assert {p.official_id for p in first.participants} == {"donald_trump", "vladimir_putin"}
    assert {p.official_id for p in second.participants} == {"donald_trump", "volodymyr_zelensky"}
    assert (first.date.date, second.date.date) == (dt.date(2025, 3, 18), dt.date(2025, 3, 19))
    assert first.is_directly_reported
    assert second.is_directly_reported
    assert "energy" in topics(facts, "discussed", mention=1)
    assert "energy" not in topics(facts, "discussed", mention=0)
    assert second.tone == "positive"


def test_spanish_call_with_quoted_adjective_agreement_and_del(reference: Reference) -> None:
    text = (
        'La presidenta Claudia Sheinbaum informó este lunes que sostuvo una "buena conversación" telefónica con su '
        "homólogo estadounidense, Donald Trump, con quien acordó pausar por un mes los aranceles.\n"
        "Como parte del acuerdo, México enviará elementos de la Guardia Nacional a la frontera norte para evitar el "
        "tráfico de fentanilo.\n"
        "La mandataria señaló que no se habló del tema del agua."
    )
    facts = extract(reference, text, dt.date(2025, 2, 4))
    call = facts.calls[0]
    assert participants(facts) == {"claudia_sheinbaum", "donald_trump"}
    # "informó este lunes que sostuvo ...": Monday is the day of the announcement; the call came on or before it.
    assert (call.date.date, call.tone) == (None, "positive")
    assert topics(facts, "discussed") >= {"tariffs", "border", "fentanyl"}
    assert topics(facts, "not_discussed") == {"water"}


def test_wire_copy_dateline_rate_and_attribution(reference: Reference) -> None:
    text = (
        "OTTAWA (Reuters) - Canadian Prime Minister Mark Carney said on Friday he had spoken with U.S. President "
        'Donald Trump by telephone. "We had a very constructive conversation," Carney told reporters.\n'
        "The leaders did not discuss the 25% tariffs on autos, a Canadian official said."
    )
    facts = extract(reference, text, dt.date(2025, 5, 2))
    assert participants(facts) == {"mark_carney", "donald_trump"}
    assert facts.calls[0].date.date is None  # "said on Friday he had spoken": on or before Friday, not on it
    assert topics(facts, "not_discussed") == {"tariffs", "automotive"}  # a duty on goods names the goods too
    assert "canada" not in topics(facts, "discussed")


def test_year_of_a_long_serving_leaders_call_needs_a_unique_fit(reference: Reference) -> None:
    # Trump and Xi were both in office on a Friday, January 17 in 2020 and in 2025: the year stays unknown.
    text = "Chinese President Xi Jinping and Donald Trump held a phone call on Friday, Jan. 17, about trade."
    call = extract(reference, text, None).calls[0]
    assert call.date.date is None
    assert (call.date.month, call.date.day, call.date.weekday) == (1, 17, 4)


@pytest.mark.parametrize(
    ("text", "has_call"),
    [
        ("Trump called Sheinbaum on Monday to discuss tariffs.", True),
        ("Sheinbaum llamó a Trump el lunes para hablar de aranceles.", True),
        ("Trump called Sheinbaum a wonderful leader at the rally.", False),
        ("Carney called the tariffs unjustified, Sheinbaum said.", False),
    ],
)
def test_a_leader_called_by_name(reference: Reference, text: str, has_call: bool) -> None:
    facts = extract(reference, text, dt.date(2025, 3, 11))
    assert bool(facts.calls) == has_call
    if has_call:
        assert participants(facts) == {"donald_trump", "claudia_sheinbaum"}
        assert facts.calls[0].date.date == dt.date(2025, 3, 10)


def test_a_call_known_only_by_its_month(reference: Reference) -> None:
    call = extract(reference, "Trump and Carney spoke by phone in March 2025 about lumber.", None).calls[0]
    assert (call.date.date, call.date.year, call.date.month, call.date.day) == (None, 2025, 3, None)
    assert call.date.precision == "month"


# --- did the call take place, and whose call is it (sentences written by the team) -----------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Albanese said he hopes to hold a phone call with Chinese President Xi Jinping before his trip.", "planned"),
        (
            "Dominican President Luis Abinader refused to take a phone call from Haitian Prime Minister Ariel Henry.",
            "refused",
        ),
        (
            "Kigali and Kinshasa both deny Kagame-Tshisekedi phone call. Rwandan President Paul Kagame and Congolese "
            "President Félix Tshisekedi did not speak, officials said. Some sites had reported a call between the two "
            "leaders.",
            "denied",
        ),
        (
            "Mexican President Andrés Manuel López Obrador solicitó una conversación telefónica con Donald Trump.",
            "requested",
        ),
    ],
)
def test_a_call_that_did_not_take_place_is_kept_with_its_status(reference: Reference, text: str, status: str) -> None:
    facts = extract(reference, text, dt.date(2024, 2, 20))
    assert [call.call_status for call in facts.calls] == [status]
    assert facts.calls[0].is_planned
    assert facts.calls[0].status_evidence


def test_a_ministers_call_borrows_no_leaders_from_elsewhere(reference: Reference) -> None:
    text = (
        "Spanish Prime Minister Pedro Sánchez and Algerian President Abdelmadjid Tebboune have not met since 2022.\n"
        "Albares había hablado por teléfono el sábado con su homólogo argelino, Ahmed Attaf, para preparar la visita."
    )
    facts = extract(reference, text, dt.date(2024, 2, 20))
    assert all(len(call.participants) < 2 for call in facts.calls if call.call_status == "held")


def test_an_in_person_meeting_is_no_call(reference: Reference) -> None:
    text = (
        "Japanese Prime Minister Shinzo Abe and South Korean President Moon Jae-in spoke for 45 minutes on the "
        "sidelines of the summit in Chengdu, their first conversation in 15 months."
    )
    assert extract(reference, text, dt.date(2019, 12, 24)).calls == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the story's own dateline date is no call date; "on Monday" is
        (
            "OTTAWA, October 22, 2025 - Prime Minister Mark Carney spoke by phone with U.S. President Donald Trump "
            "on Monday, his office said.",
            dt.date(2025, 10, 20),
        ),
        # the announcement day is not the call day
        (
            "Ciudad de México, 8 de agosto de 2022.— El presidente Andrés Manuel López Obrador informó este lunes que "
            "el sábado sostuvo una conversación telefónica con el presidente cubano Miguel Díaz-Canel.",
            dt.date(2022, 8, 6),
        ),
        # a part of the day counts from the publication date
        (
            "This afternoon, Prime Minister Stephen Harper received a phone call from President Barack Obama.",
            dt.date(2012, 1, 18),
        ),
    ],
)
def test_call_dates_a_careful_reader_gives(reference: Reference, text: str, expected: dt.date) -> None:
    published = {2025: dt.date(2025, 10, 22), 2022: dt.date(2022, 8, 8), 2012: dt.date(2012, 1, 18)}[expected.year]
    assert extract(reference, text, published).calls[0].date.date == expected
