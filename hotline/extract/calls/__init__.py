"""Calls an article reports or refers to, with participants, date, duration, sequence and tone.

An article reports at most one call directly (``call_index`` 0, the *reported* call) and may refer to
earlier calls in passing ("their last contact on April 17", "a Jan. 12 call"): those become referenced
calls with ``is_directly_reported = False``. A call cue is a phone phrase ("spoke by phone", "llamada
telefónica"), a call noun with a determiner ("the call", "their conversation") or, in a call article, a verb
of speaking with a leader as subject. Dates come, in order of trust, from a date attached to the call
("the conversation on Thursday", "a May 3 call"), an offset from a dated earlier call ("17 days after a
Jan. 12 call"), or the one date of a call sentence that belongs to no other event. A year is filled only
from evidence: stated, the publication date, or the single year in the participants' terms that fits a
stated weekday; otherwise it stays null and month/day are kept.
"""

from hotline.extract.calls.find import find_calls
from hotline.extract.calls.layout import CallLayout
from hotline.facts import Evidence

__all__ = ["CallLayout", "Evidence", "find_calls"]
