"""Shipping rules: what a bundle's shipping costs, from the listing's shipping profile.

Catalog keeps a listing's shipping profile as a string; orders reads it as
`per_item=<cents>,cap=<cents>,free_above=<cents>` (any part may be left out), or a preset
name. Pure, integer cents.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShippingProfile:
    per_item_cents: int = 0
    cap_cents: int = 0  # 0: no cap
    free_above_cents: int = 0  # items total at or above this ships free; 0: never free

    def cost(self, prices: list[int]) -> int:
        """Shipping for a bundle of items at these prices (zero-price prizes still ship)."""
        if not prices:
            return 0
        if self.free_above_cents and sum(prices) >= self.free_above_cents:
            return 0
        total = self.per_item_cents * len(prices)
        return min(total, self.cap_cents) if self.cap_cents else total


PRESETS = {
    "": ShippingProfile(),  # no profile given: shipping is free (seller's choice)
    "free": ShippingProfile(),
    "standard": ShippingProfile(per_item_cents=500, cap_cents=1500, free_above_cents=20_000),
}
_KEYS = {"per_item": "per_item_cents", "cap": "cap_cents", "free_above": "free_above_cents"}


class BadProfile(ValueError):
    """A shipping profile that is neither a preset nor well-formed."""


def parse(text: str) -> ShippingProfile:
    """The profile a listing's shipping_profile string names."""
    text = text.strip()
    if text in PRESETS:
        return PRESETS[text]
    values: dict[str, int] = {}
    for part in text.split(","):
        key, sep, number = part.strip().partition("=")
        if not sep or key not in _KEYS or not number.isdigit():
            raise BadProfile(f"shipping profile {text!r}: want per_item=,cap=,free_above= cents")
        values[_KEYS[key]] = int(number)
    return ShippingProfile(**values)


def parse_or_free(text: str) -> ShippingProfile:
    """As `parse`, but a malformed profile (from before profiles were read) ships free."""
    try:
        return parse(text)
    except BadProfile:
        return ShippingProfile()
