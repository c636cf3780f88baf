"""Which sentences of an article tell of which call: :class:`CallLayout`, what :func:`find_calls` returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from hotline.facts import CallMention


@dataclass
class CallLayout:
    """Which sentences talk about which call: what the topic extractor needs."""

    reported: CallMention | None = None
    call_sentences: set[int] = field(default_factory=set)
    reference_sentences: dict[int, CallMention] = field(default_factory=dict)
    other_reported_sentences: dict[int, CallMention] = field(default_factory=dict)
    participant_ids: tuple[str, ...] = ()
    date_keys: set[tuple[int | None, int | None, int | None]] = field(default_factory=set)
    weekday: int | None = None
    others: list[CallMention] = field(default_factory=list)
    """The other calls reported directly (a round of calls), also those that share all their sentences."""

    def mentions(self) -> list[CallMention]:
        """Every call of the article: the reported ones first, then the earlier ones referred to."""
        found = {
            m.mention_id: m
            for m in (*self.others, *self.other_reported_sentences.values(), *self.reference_sentences.values())
        }
        if self.reported is not None:
            found[self.reported.mention_id] = self.reported
        return sorted(found.values(), key=lambda m: m.call_index)

    def call_of(self, index: int) -> CallMention | None:
        """The call a sentence is about: an earlier call, another reported call, or the main one."""
        return self.reference_sentences.get(index) or self.other_reported_sentences.get(index) or self.reported

    def replace(self, mention: CallMention) -> None:
        """Put ``mention`` in place of the call of the same ``mention_id``, wherever the layout keeps it."""
        key = mention.mention_id
        if self.reported is not None and self.reported.mention_id == key:
            self.reported = mention
        self.others = [mention if m.mention_id == key else m for m in self.others]
        for table in (self.reference_sentences, self.other_reported_sentences):
            for index, held in table.items():
                if held.mention_id == key:
                    table[index] = mention
