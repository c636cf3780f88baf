"""What a negation names when its head carries a rate, a demonym or a flow of goods ("the 25 per cent tariffs", "the
issue of Ukrainian grain imports", "las restricciones a la exportación de tierras raras"); a question put to the
speaker in an aside ("A senior official, asked about ..., said ... did not come up"); a relative clause whose
antecedent is the call after a participant's name in apposition ("una llamada con el presidente de Francia, Emmanuel
Macron, en la que ..."); and words outlets use for disputed territories and death sentences.

Every text was written for these tests in the styles of wire copy, government readouts and the Spanish-language
press; none is taken from the seed corpus or the evaluation corpus.
"""

from __future__ import annotations

import pytest
import written

from hotline.reference import Reference

_WIRE = (
    "BRASILIA, June 5 - Brazilian President Luiz Inacio Lula da Silva spoke by phone on Thursday with Indian Prime "
    "Minister Narendra Modi, his office said. The two leaders discussed energy cooperation. "
)
_PRENSA = (
    "MADRID, 5 jun - El presidente del Gobierno, Pedro Sánchez, habló por teléfono el jueves con el presidente de "
    "Argentina, Javier Milei. Ambos mandatarios abordaron la cooperación energética. "
)


def _claims(reference: Reference, text: str) -> tuple[set[str], set[str]]:
    facts = written.extract(reference, text, written.TOPIC_DAY)
    return written.first_call_topics(facts, "not_discussed"), written.first_call_topics(facts, "discussed")


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The 25 per cent tariffs Washington imposed on Brazilian goods did not come up, officials said.", {"tariffs"}),
        ("The sensitive issue of Ukrainian grain imports was not raised, an aide said.", {"food_security"}),
        ("Lula did not raise the export of Indian rice during the call.", {"food_security"}),
        (
            "Brazil's 35 per cent surcharge on Chinese-made electric vehicles was not discussed, an aide said.",
            {"tariffs", "automotive"},
        ),
    ],
)
def test_the_head_behind_a_rate_a_demonym_or_a_flow_of_goods(
    reference: Reference, sentence: str, negated: set[str]
) -> None:
    got, _ = _claims(reference, _WIRE + sentence)
    assert got == negated


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        (
            "No se habló de las restricciones chinas a la exportación de tierras raras, precisó una fuente.",
            "critical_minerals",
        ),
        ("Tampoco se abordaron los aranceles al acero, según Moncloa.", "steel"),
        ("Un portavoz precisó que no se habló de las Malvinas.", "sovereignty"),
        ("No se abordó el caso de los ciudadanos españoles condenados a muerte, precisó una fuente.", "human_rights"),
    ],
)
def test_spanish_heads_and_vocabulary(reference: Reference, sentence: str, negated: str) -> None:
    got, _ = _claims(reference, _PRENSA + sentence)
    assert negated in got
    assert "trade" not in got


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        (
            'A senior official, asked about the US tariffs on steel, told reporters the rate itself "did not come up".',
            {"tariffs", "steel"},
        ),
        ("Consultada sobre las remesas, la vocera dijo que la propuesta no se abordó.", {"remittances"}),
    ],
)
def test_what_was_asked_about_in_an_aside_is_answered(reference: Reference, sentence: str, negated: set[str]) -> None:
    text = (_WIRE if sentence.startswith("A ") else _PRENSA) + sentence
    got, discussed = _claims(reference, text)
    assert negated <= got
    assert not negated & discussed


@pytest.mark.parametrize(
    "sentence",
    [
        "A source in the prime minister's office told The Jakarta Post that migration was not on the agenda.",
        "A senior aide told the Financial Times on Friday that migration did not come up during the call.",
        "An official at the presidency told a news conference on Friday that migration was not raised.",
    ],
)
def test_whom_a_speech_verb_told_stands_before_the_negated_subject(reference: Reference, sentence: str) -> None:
    got, discussed = _claims(reference, _WIRE + sentence)
    assert got == {"migration"}
    assert "migration" not in discussed


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Llamada\nLa presidenta Claudia Sheinbaum informó que sostuvo ayer una llamada telefónica con el "
            "presidente de Francia, Emmanuel Macron, en la que abordaron la guerra en Ucrania y los aranceles.",
            "ukraine_war",
        ),
        (
            "Llamada\nEl presidente Gustavo Petro mantuvo una conversación telefónica con su homólogo de Brasil, "
            "Luiz Inácio Lula da Silva, en la que ambos repasaron la integración energética.",
            "energy",
        ),
    ],
)
def test_a_relative_after_a_name_in_apposition_tells_the_call(reference: Reference, text: str, topic: str) -> None:
    assert topic in written.discussed(reference, text)


def test_a_relative_after_a_name_that_describes_another_thing_stays_background(reference: Reference) -> None:
    text = (
        "Llamada\nEl presidente Pedro Sánchez habló por teléfono con el presidente de Francia, Emmanuel Macron, sobre "
        "la guerra en Ucrania y el puerto de Marsella, en el que se descargan las exportaciones de gas."
    )
    got = written.discussed(reference, text)
    assert "ukraine_war" in got
    assert "energy" not in got


@pytest.mark.parametrize(
    ("text", "negated", "not_negated"),
    [
        (  # a flow that qualifies the noun after it
            _WIRE.replace("energy", "security")
            + "The quarrel with Bolivia over the export pipeline to the Pacific coast was not raised, he said.",
            "energy",
            "trade",
        ),
        (  # a summit names what it is of
            _PRENSA + "En la conversación no se abordó la cumbre de la OTAN prevista para julio en Ankara.",
            "defense",
            "multilateral_forums",
        ),
        (  # "Tampoco, precisó, de ...": the negation of the sentence before goes on
            _PRENSA + "Un portavoz dijo que no se habló de migración. Tampoco, añadió, de la revisión del T-MEC.",
            "usmca",
            "",
        ),
    ],
)
def test_heads_that_yield_and_negations_that_go_on(
    reference: Reference, text: str, negated: str, not_negated: str
) -> None:
    got, discussed = _claims(reference, text)
    assert negated in got
    assert not_negated not in got
    assert negated not in discussed


def test_tampoco_after_a_sentence_that_negates_nothing_negates_nothing(reference: Reference) -> None:
    got, _ = _claims(reference, _PRENSA + "Ambos celebraron el acuerdo. Tampoco de la frontera hay novedades.")
    assert "border" not in got


_READOUT = "Readout\nPresident Lula spoke by phone with President Gustavo Petro on Monday about energy. "
_DIARIO = "Lula y Petro\nEl presidente Lula habló por teléfono con Gustavo Petro el lunes sobre energía. "


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (_READOUT + "Tariffs were not among the topics, an aide said.", "tariffs"),
        (_READOUT + "Tariffs were left off the agenda.", "tariffs"),
        (_READOUT + "Migration was not part of the talks, the aide said.", "migration"),
        (_READOUT + "At no point did they discuss tariffs, an aide said.", "tariffs"),
        (_READOUT + "The leaders sidestepped the issue of migration.", "migration"),
        (_READOUT + "No mention was made of tariffs.", "tariffs"),
        (_READOUT + "Tariffs, the aide said, were not discussed.", "tariffs"),
        (_DIARIO + "La migración no fue parte de la conversación, según Itamaraty.", "migration"),
        (_DIARIO + "La cuestión de los aranceles no formó parte de la agenda.", "tariffs"),
        (_DIARIO + "No hubo, sin embargo, ninguna mención a los aranceles.", "tariffs"),
        (_DIARIO + "El vocero descartó que se hablara de Venezuela.", "venezuela"),
        (_DIARIO + "Lula evitó hablar de la situación en Venezuela.", "venezuela"),
        (_DIARIO + "Lula no le planteó a Petro el tema de las drogas.", "drug_trafficking"),
        (_DIARIO + "Ni la migración ni los aranceles fueron abordados.", "tariffs"),
        (_DIARIO + "No hablaron nada de los aranceles.", "tariffs"),
        (_DIARIO + "No se habló en ningún momento de los aranceles.", "tariffs"),
        (_DIARIO + "Los aranceles quedaron afuera de la conversación.", "tariffs"),
        (_DIARIO + "Los aranceles no estuvieron en la mesa.", "tariffs"),
        (_DIARIO + "Petro no hizo mención alguna a los aranceles.", "tariffs"),
        (_DIARIO + "Los mandatarios dejaron de lado el tema de los aranceles.", "tariffs"),
    ],
)
def test_negations_written_the_ways_outlets_write_them(reference: Reference, text: str, negated: str) -> None:
    got, discussed = _claims(reference, text)
    assert negated in got
    assert negated not in discussed


def test_a_document_that_made_no_mention_is_silence(reference: Reference) -> None:
    got, discussed = _claims(reference, _DIARIO + "El comunicado no hizo mención alguna a los aranceles.")
    assert "tariffs" not in got | discussed


@pytest.mark.parametrize(
    "sentence",
    [
        "It was unclear whether migration was discussed.",
        "It is not known if migration came up during the call.",
        "Whether migration came up was not disclosed.",
        "Se desconoce si la migración formó parte de la conversación.",
        "No está claro si se habló de migración.",
    ],
)
def test_an_open_question_is_neither_discussed_nor_not(reference: Reference, sentence: str) -> None:
    base = _DIARIO if sentence[:2] in {"Se", "No"} else _READOUT
    got, discussed = _claims(reference, base + sentence)
    assert "migration" not in got | discussed


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (_READOUT.replace("about energy", "about renewable energy and green hydrogen"), {"energy", "climate"}),
        (_DIARIO.replace("sobre energía", "sobre la transición energética"), {"energy", "climate"}),
        (_DIARIO.replace("sobre energía", "sobre el hidrógeno verde"), {"energy"}),
    ],
)
def test_renewables_are_energy_and_climate(reference: Reference, text: str, topics: set[str]) -> None:
    assert written.discussed(reference, text) == topics


def test_renewables_left_out_are_both_left_out(reference: Reference) -> None:
    text = _READOUT.replace("about energy", "about trade") + "Renewable energy was not discussed, an aide said."
    got, _ = _claims(reference, text)
    assert {"energy", "climate"} <= got
