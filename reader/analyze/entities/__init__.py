"""Named entities: spaCy's spans, repaired by evidence and merged by alias.

The small model's mistakes are repaired, each by a rule that reads the text rather than a
list of names: names cut at a hyphen ("Moon Jae" of "Moon Jae-in"), organisations cut before
"for/of" ("Japan Forum" of "Japan Forum for Strategic Studies"), a person's surname typed as
an organisation, a platform typed as a person ("said on Twitter"), two names fused into one
span ("VOA Seoul's").

The stages, one module each: `repair` (span edges), `candidates` (collection and spotting),
`evidence` (type votes), `merge` (alias rules and grouping); `types` holds their data.
"""

from __future__ import annotations

from reader.analyze.entities.candidates import collect_candidates
from reader.analyze.entities.merge import merge_candidates
from reader.analyze.entities.types import Candidate, EntityDraft

__all__ = ["Candidate", "EntityDraft", "collect_candidates", "merge_candidates"]
