"""Briefings, live blogs, digests and features: a reported claim the spokesperson denies, a briefing's date in its
title, a call "between" a leader and a body, the side that proposed the call, "the call" after a call of another
pair, a topic that "did not come up", a question that claims nothing, "late last month".

The texts are written here in the styles of foreign-ministry briefings, wire copy and the Spanish-language press.
"""

from __future__ import annotations

import datetime as dt

import pytest
import written

from hotline.extract.published import published_date_from_text
from hotline.facts import ArticleFacts
from hotline.reference import Reference

calls = written.call_rows


def topics(facts: ArticleFacts) -> set[tuple[str, str]]:
    return {(t.topic_code, t.status) for t in facts.topics}


def test_a_reported_claim_the_spokesperson_calls_baseless_is_denied(reference: Reference) -> None:
    text = (
        "Weekly briefing\n"
        "Question: Indian channels reported yesterday that Prime Minister Shehbaz Sharif and Prime Minister Modi "
        "spoke on the phone after the ceasefire. Can you confirm?\n\n"
        "Spokesperson: These reports are baseless.\n\n"
        "No such conversation has taken place between the two Prime Ministers."
    )
    facts = written.extract(reference, text, dt.date(2025, 5, 16))
    assert calls(facts) == {("denied", "narendra_modi", "shehbaz_sharif")}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Transcript of the Weekly Press Briefing by the Spokesperson, Friday, 16 May 2025", dt.date(2025, 5, 16)),
        # no weekday after the comma: a date the title's prose goes on to
        ("Transcript of the Weekly Press Briefing by the Spokesperson on the talks held in Room 16, 16 May 2025", None),
    ],
)
def test_a_briefings_date_after_a_comma_and_a_weekday_closes_its_title(title: str, expected: dt.date | None) -> None:
    found, _ = published_date_from_text(f"{title}\n\nThe spokesperson opened with a statement on the floods.\n")
    assert found == expected


def test_a_call_between_a_leader_and_a_body_is_no_leaders_call(reference: Reference) -> None:
    text = (
        "Boletín del Magreb\n"
        "El presidente argelino, Abdelmadjid Tebboune, habló el domingo por teléfono con su homólogo mauritano, "
        "Mohamed Ould Ghazouani.\n\n"
        "En Túnez, el presidente Kais Saied recibió al ministro libio del Interior. No hubo anuncio de una llamada "
        "entre Saied y el Consejo Presidencial libio."
    )
    facts = written.extract(reference, text, dt.date(2025, 11, 3))
    assert calls(facts) == {("held", "abdelmadjid_tebboune", "mohamed_ould_ghazouani")}


@pytest.mark.parametrize(
    ("sentence", "caller"),
    [
        (
            "Prime Minister Pham Minh Chinh held phone talks this afternoon with Chief Adviser Muhammad Yunus of "
            "Bangladesh, at the proposal of the Bangladeshi side.",
            "muhammad_yunus",
        ),
        (
            "Zimbabwean President Emmerson Mnangagwa and Mozambican President Daniel Chapo spoke by phone on "
            "Wednesday. Chapo placed the call, according to a government spokesman.",
            "daniel_chapo",
        ),
    ],
)
def test_the_side_that_proposed_or_placed_the_call(reference: Reference, sentence: str, caller: str) -> None:
    facts = written.extract(reference, "Readout\n" + sentence, dt.date(2025, 5, 14))
    assert [c.initiator_id for c in facts.calls if c.call_status == "held"] == [caller]


def test_the_call_after_a_call_held_is_that_call_not_the_one_requested_above_it(reference: Reference) -> None:
    text = (
        "En vivo: aranceles al cobre\n"
        "15:20 — La Cancillería confirmó que solicitó una conversación telefónica entre el presidente Gabriel Boric "
        "y el presidente Donald Trump.\n\n"
        "10:05 — El presidente Boric conversó esta mañana por teléfono con el presidente de Brasil, Luiz Inácio "
        "Lula da Silva. La llamada duró unos veinte minutos, según fuentes de Palacio."
    )
    facts = written.extract(reference, text, dt.date(2025, 7, 10))
    assert calls(facts) == {
        ("requested", "donald_trump", "gabriel_boric"),
        ("held", "gabriel_boric", "luiz_inacio_lula_da_silva"),
    }
    assert [c.duration_minutes for c in facts.calls if c.call_status == "held"] == [20]


def test_a_topic_that_did_not_come_up_and_a_question_that_claims_nothing(reference: Reference) -> None:
    text = (
        "Briefing\n"
        "On Wednesday, Prime Minister Shehbaz Sharif spoke by telephone with President Recep Tayyip Erdoğan.\n\n"
        "Question: In the call with President Erdoğan, was the Indus Waters Treaty discussed?\n\n"
        "Spokesperson: The Indus Waters Treaty was not discussed in that call."
    )
    assert ("water", "discussed") not in topics(written.extract(reference, text, dt.date(2025, 5, 16)))
    assert ("water", "not_discussed") in topics(written.extract(reference, text, dt.date(2025, 5, 16)))
    spanish = (
        "Reportaje\n"
        "Akhannouch y el primer ministro portugués, Luís Montenegro, hablaron por teléfono sobre el Mundial. Según "
        "fuentes del Gobierno marroquí, el tomate no salió en la conversación."
    )
    assert ("agriculture", "not_discussed") in topics(written.extract(reference, spanish, dt.date(2025, 11, 17)))


def test_late_last_month_is_a_month_with_its_bounds(reference: Reference) -> None:
    text = (
        "Reportaje\n"
        "El jefe del Gobierno marroquí, Aziz Akhannouch, y el primer ministro portugués, Luís Montenegro, hablaron "
        "por teléfono a finales del mes pasado sobre el Mundial de 2030."
    )
    (call,) = written.extract(reference, text, dt.date(2025, 11, 17)).calls
    date = call.date
    assert (date.date, date.year, date.month, date.precision) == (None, 2025, 10, "month")
    assert (date.earliest, date.latest) == (dt.date(2025, 10, 21), dt.date(2025, 10, 31))


def test_an_earlier_call_late_last_month_has_its_bounds(reference: Reference) -> None:
    text = (
        "Live\nLatvian Prime Minister Evika Siliņa spoke by phone with Danish Prime Minister Mette Frederiksen this "
        "morning. She added she last spoke to Ukrainian President Volodymyr Zelensky by phone late last month."
    )
    facts = written.extract(reference, text, dt.date(2025, 11, 18))
    earlier = next(c for c in facts.calls if "volodymyr_zelensky" in {p.official_id for p in c.participants})
    assert (earlier.date.precision, earlier.date.earliest, earlier.date.latest) == (
        "month",
        dt.date(2025, 10, 21),
        dt.date(2025, 10, 31),
    )


def test_a_call_with_its_date_between_verb_and_link_and_the_call_after_a_spokesperson(reference: Reference) -> None:
    text = (
        "Lee y Khurelsukh\n"
        "El presidente de Corea del Sur, Lee Jae-myung, y su homólogo de Mongolia, Ukhnaagiin Khurelsukh, conversaron "
        "este miércoles por teléfono. Según la portavoz presidencial, Kang Yu-jung, la llamada, de unos 25 minutos, "
        "fue la primera entre ambos.\n\n"
        "Entre las primeras conversaciones de Lee figuró la que sostuvo el 9 de junio con el primer ministro de Japón, "
        "Shigeru Ishiba."
    )
    facts = written.extract(reference, text, dt.date(2025, 9, 17))
    by_pair = {frozenset(p.official_id for p in c.participants): c for c in facts.calls}
    main = by_pair[frozenset({"lee_jae_myung", "ukhnaagiin_khurelsukh"})]
    assert (main.date.date, main.duration_minutes) == (dt.date(2025, 9, 17), 25)
    assert by_pair[frozenset({"lee_jae_myung", "shigeru_ishiba"})].date.date == dt.date(2025, 6, 9)
