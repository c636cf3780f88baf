"""Held, planned, requested, refused, cancelled or denied: the status of a call phrase in its sentence, on
sentences written by the team in the styles of wire copy, readouts and Spanish-language press."""

import re

import pytest

from hotline.extract.call_status import HELD, NO_CALL, call_status
from hotline.text import fold_text

CASES = [
    ("Macron spoke by phone with Scholz on Monday about energy.", "spoke by phone", HELD),
    ("Xi had a phone call with Biden at the latter's request.", "phone call", HELD),
    ("Lula telefoneó a Orsi a pedido del uruguayo para felicitarlo.", "telefoneo", HELD),
    ("As planned, the two leaders held a phone call on Friday.", "phone call", HELD),
    ("Trump will speak by phone with Xi later this week, the White House said.", "by phone", "planned"),
    ("Albanese prevé hablar por teléfono con Xi antes de su viaje.", "por telefono", "planned"),
    ("Erdogan no descartó hablar por teléfono con Putin en los próximos días.", "por telefono", "planned"),
    ("Officials are working to set up a phone call between Støre and Trudeau.", "phone call", "planned"),
    ("Sánchez tiene previsto hablar por teléfono con Conte en los próximos días.", "por telefono", "planned"),
    (
        "El presidente solicitó una conversación telefónica con Trump para evitar los aranceles.",
        "conversacion telefonica",
        "requested",
    ),
    ("Canberra has asked for a phone call with Premier Li, so far without reply.", "phone call", "requested"),
    ("Abinader se negó a atender una llamada de Ariel Henry.", "llamada", "refused"),
    ("Trump says he has no intention of speaking by phone with Carney any time soon.", "by phone", "refused"),
    ('Persad-Bissessar said she had "no intention" of telephoning Maduro.', "telephoning", "refused"),
    ("La oficina de Kurti ha negado la llamada con Vucic.", "llamada", "denied"),
    ("Vucic habla con Orbán y niega cualquier conversación con Kurti.", "conversacion", "denied"),
    ("The Kremlin denies any phone call between the two presidents.", "phone call", "denied"),
    ("Mitchell said the two had not yet spoken by phone.", "by phone", NO_CALL),
    ("The planned phone call was cancelled after the leaders met in person.", "phone call", "cancelled"),
    ("They cancelled the phone call and met in person instead.", "phone call", "cancelled"),
    ("A planned call between Milei and Lula was postponed on Friday, a spokesman said.", "call", "cancelled"),
    ("Modi declined an invitation to speak by phone with Trump last month.", "by phone", "refused"),
    ("Tras otra conversación con Carney, Trump aplazó 90 días el alza de los aranceles.", "conversacion", HELD),
    ("A phone call between Sheinbaum and Trump planned for Monday was postponed.", "phone call", "cancelled"),
    ("Trump postponed the phone call with Sheinbaum by two days.", "phone call", "cancelled"),
    ("A call planned between Sheinbaum and Trump was cancelled the same day.", "call", "cancelled"),
    ("Modi declined Trump's calls in recent weeks, a newspaper said.", "'s calls", "refused"),
    ("Analysts said a leaders' call would be an important first step.", "call", "planned"),
    ('A lawyer said a leaders\' call "is the only way this gets unlocked".', "call", "planned"),
    ("Beijing tends to grant such calls only after concessions.", "such calls", NO_CALL),
    ("Such a call would ease tensions, analysts said.", "call", "planned"),
    (
        "El Kremlin negó este martes que Putin y Zelenski hayan mantenido contacto telefónico alguno.",
        "contacto telefonico",
        "denied",
    ),
    (
        "Ishiba is seeking a telephone meeting with Trump before the tariffs take effect.",
        "telephone meeting",
        "requested",
    ),
    ("Netanyahu has yet to return a call from Macron, a French diplomatic source said.", "call", "requested"),
    ("Macron's office dismissed reports of a call with Putin as fake news.", "call", "denied"),
    ("A proposed phone call between Erdogan and Assad never materialized.", "phone call", "cancelled"),
    ("Modi did not take Trump's calls during the trade dispute.", "calls", "refused"),
    ("Lula y Petro tienen pendiente una conversación telefónica.", "conversacion telefonica", "planned"),
    ("Boric intentó comunicarse por teléfono con Milei, según La Moneda.", "por telefono", "requested"),
    ("A call with Xi is not on the cards for now, Albanese told reporters.", "call", NO_CALL),
    ("Asfura rechaza atender una llamada de Ortega mientras haya presos políticos.", "llamada", "refused"),
    ("Officials said preparations were under way for a phone call between Erdogan and Biden.", "phone call", "planned"),
    ("Tokyo has proposed telephone talks between Kishida and Yoon.", "telephone talks", "planned"),
    ("La Casa Rosada gestiona una llamada entre Milei y Trump para la semana próxima.", "llamada", "planned"),
    ("Sunak's planned call with Biden was shelved after the vote in the Commons.", "call", "cancelled"),
    ("A call between Prabowo and Albanese has been pencilled in for Friday.", "call", "planned"),
    (
        "Asfura rechazó la solicitud de Nicaragua para sostener una conversación telefónica con Ortega.",
        "conversacion telefonica",
        "refused",
    ),
    ("Kigali and Kinshasa both deny Kagame-Tshisekedi phone call.", "phone call", "denied"),
    ("Denmark denied that Trump had spoken by phone with Frederiksen.", "by phone", "denied"),
    ("Moscú desmintió que Putin hubiera hablado por teléfono con Zelenski.", "por telefono", "denied"),
    (
        "Denmark on Thursday denied U.S. President Donald Trump's assertion that he had spoken by phone with her.",
        "by phone",
        "denied",
    ),
    ("Abinader se negó el sábado a atender una llamada telefónica de Henry.", "llamada telefonica", "refused"),
    (
        "Albanese afirmó este lunes que espera mantener una conversación telefónica con Xi.",
        "conversacion telefonica",
        "planned",
    ),
    ("Sánchez participó en la videoconferencia de líderes de la UE con Macron y Conte.", "videoconferencia", NO_CALL),
    ("Trump joined G20 leaders by video link for the virtual summit.", "video link", NO_CALL),
    ("Sheinbaum dijo que no ha hablado por teléfono con Sánchez desde la crisis.", "por telefono", NO_CALL),
    ("Putin has not spoken by phone with Zelensky since the invasion.", "by phone", NO_CALL),
    # A cue in another clause speaks of something else.
    (
        "Biden spoke by phone with López Obrador, but the White House would not say whether they will talk again.",
        "by phone",
        HELD,
    ),
    ("Scholz, who plans to visit Beijing in April, spoke by phone with Xi on Tuesday.", "by phone", HELD),
    # an attempt to reach a leader, from the attempt verb, a manner adverb and the verb of reaching
    ("Macron has tried in vain to reach Netanyahu by phone since Saturday.", "by phone", "requested"),
    ("Sánchez ha intentado sin éxito comunicarse por teléfono con Netanyahu.", "por telefono", "requested"),
    ("Ruto had been trying to get through to Museveni by phone all week.", "by phone", "requested"),
    ("A call between Macron and Putin has not been ruled out, the Elysée said.", "call", "planned"),
    # a modal, an adverb and the verb of the call: a call ahead
    ("Onanuga said Faye would also speak by phone with Mahama later this week.", "by phone", "planned"),
    ("Albanese is due to speak again by phone with Luxon.", "by phone", "planned"),
    ("A call between Ruto and Museveni was expected over the weekend, the spokesman added.", "call", "planned"),
    # an address to a gathering by video in the call phrase's clause: no call with anyone
    ("Zelensky addressed the participants of the summit via video link, thanking Starmer.", "video link", NO_CALL),
    ("Sánchez se dirigió por videoconferencia a los asistentes del foro de Davos.", "videoconferencia", NO_CALL),
    ("Xi spoke to the delegates via video link, hours after a phone call with Lula.", "phone call", HELD),
]


def test_an_in_person_encounter_is_no_call_for_a_verb_of_speaking() -> None:
    sentence = fold_text("Abe and Moon spoke for 45 minutes on the sidelines of the summit in Chengdu.")
    start = sentence.index("spoke")
    assert call_status(sentence, start, start + 5, 0, len(sentence), spoken=True).status == NO_CALL
    phoned = fold_text("On the sidelines of the summit, Abe said he had spoken by phone with Moon on Monday.")
    start = phoned.index("by phone")
    assert call_status(phoned, start, start + 8, 0, len(phoned)).status == HELD


@pytest.mark.parametrize(("sentence", "phrase", "expected"), CASES)
def test_status_of_the_call_phrase(sentence: str, phrase: str, expected: str) -> None:
    folded = fold_text(sentence)
    start = folded.index(phrase)
    found = call_status(folded, start, start + len(phrase), 0, len(folded))
    assert found.status == expected, found
    if expected != HELD:
        assert found.cue is not None
        assert " ".join(folded[found.start : found.end].replace('"', " ").split()) == found.cue  # quotes: no words


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Albanese said he would speak by phone with Xi Jinping in the coming days.", "planned"),
        ("Petro dijo que hablaría por teléfono con Noboa esta semana.", "planned"),
        # postponed to a later time: still planned; with no new time: called off
        ("The call between Ruto and Museveni was postponed to next week.", "planned"),
        ("La llamada entre Petro y Maduro fue aplazada hasta el lunes por problemas de agenda.", "planned"),
        ("La llamada entre Boric y Milei fue aplazada por la crisis.", "cancelled"),
        ("A planned phone call between Lula and Trump was postponed, officials said.", "cancelled"),
        # a relative clause between commas neither ends the clause nor speaks for it
        (
            "Teo said a phone call with Albanese on the implementation of the Falepili Union, which had been "
            "expected this week, has been called off.",
            "cancelled",
        ),
        ("Ishiba's phone call with Yoon, who was visiting troops, was cancelled.", "cancelled"),
        ("ORSI: Pero la semana que viene vamos a tener una llamada con Milei, ya está coordinada.", "planned"),
        ("Museveni turned down a phone call with Ruto, his spokesman said.", "refused"),
        ("Ambos mandatarios sostuvieron una llamada; la visita de Peña Nieto fue pospuesta.", "held"),
        ("After the phone call the visit of the Mexican president was postponed again.", "held"),
    ],
)
def test_conditional_postponed_and_turned_down_calls(text: str, status: str) -> None:
    folded = fold_text(text)
    cue = re.search(r"by phone|phone call|por telefono|llamada|call", folded)
    assert cue is not None
    assert call_status(folded, cue.start(), cue.end(), 0, len(folded), text=text).status == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("No phone call between Trump and Xi took place, Beijing said.", "denied"),
        ("No telephone meeting between Ishiba and Marcos is being planned for now.", NO_CALL),
        ("A summit between Ishiba and Marcos would carry more weight than a phone call, an official said.", NO_CALL),
        ("Ninguna llamada entre Petro y Maduro ha tenido lugar desde julio.", NO_CALL),
        ("Ninguna llamada entre Petro y Maduro ha tenido lugar, según la Cancillería.", "denied"),
    ],
)
def test_a_call_named_only_to_say_there_is_none(text: str, status: str) -> None:
    folded = fold_text(text)
    cue = re.search(r"phone call|telephone meeting|llamada", folded)
    assert cue is not None
    assert call_status(folded, cue.start(), cue.end(), 0, len(folded), text=text).status == status
