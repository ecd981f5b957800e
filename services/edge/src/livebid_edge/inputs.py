"""The shapes of request input: strict types and a limit on every field, so an absurd value
is a 422 naming the field here, never a service's problem or a 500 from protobuf."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import BaseModel, ConfigDict, Field

from livebid_edge.limits import (
    MAX_CURSOR,
    MAX_DESCRIPTION_CHARS,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_REASON_CHARS,
    MAX_TITLE_CHARS,
    MAX_URL_CHARS,
)

ID_PATTERN = r"^[A-Za-z0-9._:-]+$"


class Body(BaseModel):
    """Every request body, strictly typed: `true` is no 1, `1.0` no integer, `1` no true, and
    a string with a lone surrogate (valid JSON, but no Unicode text: protobuf would refuse it
    with a 500) is a `string_unicode` error."""

    model_config = ConfigDict(strict=True)


# An id in a body (a listing, a user) or in a path (a show, an auction, a sale, a giveaway).
Id = Annotated[str, Field(min_length=1, max_length=MAX_ID_CHARS, pattern=ID_PATTERN)]
PathId = Annotated[str, Path(min_length=1, max_length=MAX_ID_CHARS, pattern=ID_PATTERN)]

Title = Annotated[str, Field(min_length=1, max_length=MAX_TITLE_CHARS)]
Description = Annotated[str, Field(max_length=MAX_DESCRIPTION_CHARS)]
Url = Annotated[str, Field(max_length=MAX_URL_CHARS)]
Name = Annotated[str, Field(max_length=MAX_NAME_CHARS)]
Reason = Annotated[str, Field(min_length=1, max_length=MAX_REASON_CHARS)]
Currency = Annotated[str, Field(pattern="^[A-Z]{3}$")]

Cursor = Annotated[int, Query(ge=0, le=MAX_CURSOR)]
