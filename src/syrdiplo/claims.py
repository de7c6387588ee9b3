"""Claim extraction: who said what, how we know it, and when it was said.

:func:`find_claims` is the pipeline stage after :func:`syrdiplo.actors.find_actors`.
A claim is a reporting cue (a verb such as قال، أكد، أضاف in any of its forms, a
statement noun such as تصريحات، بيان، a headline colon, or a source-chain
marker such as بحسب), its speaker (an actor of ``doc.actors``), the reported
content (an إن/أن clause or a quotation), the outlets it is relayed through
("بحسب ما نقلته وكالة سبوتنيك") and the date it was made when the sentence
gives one. The cue words are data (``cues.toml``); how they combine is in
:mod:`syrdiplo._claims_find`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._actors_data import gazetteer
from ._claims_cues import cues
from ._claims_find import find

if TYPE_CHECKING:
    from .document import Document
    from .model import Claim

__all__ = ["find_claims"]


def find_claims(doc: Document) -> tuple[Claim, ...]:
    """Every attributed statement in ``doc``, ordered by its cue.

    A speaker is always one of ``doc.actors``: the person, organisation, state
    or anonymous source written next to the cue, or, for "وأضاف" and "..., مضيفا",
    the speaker of the sentence or of the claim just before. A verb with no
    speaker, a cue inside someone else's quotation and a person who is only
    mentioned give no claim.
    """
    if not doc.actors:
        return ()
    return find(doc, cues(doc.lexicon), gazetteer(doc.lexicon))
