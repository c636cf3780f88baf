"""Who is on the line when a sentence goes on from one call to the next, or a call noun points back: "recibió una
llamada del presidente de Estados Unidos, Barack Obama, y ayer conversó con Angela Merkel" (the one called before
calls again), "La llamada con Merkel, a iniciativa de la canciller, ..." (the call with Merkel told before), and a
call turned down with its day between ("declinó el lunes una llamada de Ruto").

The texts are written here in the styles of Spanish dailies and wire copy.
"""

from __future__ import annotations

import datetime as dt

import written

from hotline.reference import Reference

calls = written.call_rows
DAY = dt.date(2010, 5, 11)
ZAPATERO = (
    "Zapatero\nMADRID.- El presidente del Gobierno, José Luis Rodríguez Zapatero, vivió un fin de semana de llamadas. "
    "El domingo por la noche recibió una llamada del presidente de Estados Unidos, Barack Obama, y ayer, lunes, "
    "conversó con la canciller alemana, Angela Merkel."
)


def test_the_one_called_before_calls_again_in_the_next_clause(reference: Reference) -> None:
    assert calls(written.extract(reference, ZAPATERO, DAY)) == {
        ("held", "barack_obama", "jose_luis_rodriguez_zapatero"),
        ("held", "angela_merkel", "jose_luis_rodriguez_zapatero"),
    }


def test_a_call_noun_with_one_leader_is_the_call_with_that_leader_told_before(reference: Reference) -> None:
    story = ZAPATERO + " La llamada con Merkel, a iniciativa de la canciller, se centró en la defensa del euro."
    assert ("held", "angela_merkel", "barack_obama") not in calls(written.extract(reference, story, DAY))
    assert ("held", "angela_merkel", "jose_luis_rodriguez_zapatero") in calls(written.extract(reference, story, DAY))


def test_a_call_turned_down_with_its_day_between_is_refused(reference: Reference) -> None:
    text = (
        "Ruto\nNAIROBI.- El presidente congoleño, Félix Tshisekedi, declinó el lunes una llamada del presidente "
        "keniano, William Ruto, según confirmó a EFE la portavoz de la Presidencia."
    )
    assert calls(written.extract(reference, text, dt.date(2025, 3, 5))) == {
        ("refused", "felix_tshisekedi", "william_ruto")
    }


def test_leaders_named_only_as_the_owners_of_their_people_are_not_on_the_line(reference: Reference) -> None:
    envoys = (
        "Hostages\nDOHA — The Emir of Qatar's envoy spoke with Israeli Prime Minister Benjamin Netanyahu's chief of "
        "staff by phone on Tuesday about the hostage talks."
    )
    assert calls(written.extract(reference, envoys, dt.date(2025, 8, 12))) == set()
    leaders = (
        "Hostages\nDOHA — The Emir of Qatar spoke with Israeli Prime Minister Benjamin Netanyahu by phone on Tuesday, "
        "Netanyahu's office said."
    )
    assert calls(written.extract(reference, leaders, dt.date(2025, 8, 12))) == {
        ("held", "benjamin_netanyahu", "tamim_bin_hamad_al_thani")
    }
