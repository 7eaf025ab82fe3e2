"""The model's two serialisations (`reader.codec`): the JSON contract and the cache's bytes."""

from __future__ import annotations

import json

import pytest
from support.tui_seed import FROZEN, frozen_seed

from reader.codec import (
    analysis_from_dict,
    analysis_to_dict,
    decode_analysis,
    encode_analysis,
)


def test_the_json_contract_round_trips() -> None:
    seed = frozen_seed()
    data = analysis_to_dict(seed)
    assert data == json.loads(FROZEN.read_text(encoding="utf-8"))  # the frozen contract
    assert analysis_from_dict(json.loads(json.dumps(data))) == seed


def test_the_bytes_round_trip_for_the_same_article() -> None:
    seed = frozen_seed()
    again = decode_analysis(seed.article, encode_analysis(seed))
    assert again == seed and again.article is seed.article


@pytest.mark.parametrize("payload", [b"", b"not zlib", encode_analysis(frozen_seed())[:-9]])
def test_bytes_that_are_not_an_analysis_raise_value_error(payload: bytes) -> None:
    with pytest.raises(ValueError):
        decode_analysis(frozen_seed().article, payload)


def test_an_analysis_of_a_longer_text_does_not_fit_a_shorter_article() -> None:
    seed = frozen_seed()
    short = analysis_from_dict({**analysis_to_dict(seed), "text": seed.article.text[:100]})
    with pytest.raises(ValueError, match="does not fit"):
        decode_analysis(short.article, encode_analysis(seed))


def test_a_dict_that_is_not_an_analysis_raises_value_error() -> None:
    with pytest.raises(ValueError):
        analysis_from_dict({"source": "x"})
