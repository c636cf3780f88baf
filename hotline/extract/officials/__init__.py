"""Officials in an article: names from the reference aliases, role descriptions, titled newcomers.

Three kinds of hit, all with offsets into the article text:

* ``alias``: a reference alias ("Sheinbaum", "López Obrador", "AMLO").
* ``role``: a description that names an office, not a person ("the Mexican president", "el mandatario
  estadounidense", "her U.S. counterpart"); resolved to the holder on the article's date, preferring a holder
  the article names.
* ``titled``: a title followed by a capitalized name that is not in the reference data ("White House deputy
  press secretary Anna Kelly", "el canciller Juan Ramón de la Fuente"): discovered with role and country.
  A capitalized name without a title (a suspect, a journalist) is never an official.
"""

from hotline.extract.officials.countries import (
    dateline_country,
    head_source,
    inferred_country,
    is_former,
    marked_former,
    outlet_country,
)
from hotline.extract.officials.patterns import (
    OfficialHit,
    reference_lexicon,
    reference_vocabularies,
    slug,
    title_role,
)
from hotline.extract.officials.titles import find_officials, holder_on

__all__ = [
    "OfficialHit",
    "dateline_country",
    "find_officials",
    "head_source",
    "holder_on",
    "inferred_country",
    "is_former",
    "marked_former",
    "outlet_country",
    "reference_lexicon",
    "reference_vocabularies",
    "slug",
    "title_role",
]
