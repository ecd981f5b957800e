"""Pure bidding domain: commands, events, `decide` and `evolve`. Standard library only.

Aggregates, one writer each: `auction` (live auctions, with pre-bids and buy-it-now),
`flash_sale` and `giveaway`. Shared pieces: `increments` (versioned tables), `eligibility`
(rate and spending limits) and `errors`. A retried command has no second effect: the
write-side runtime deduplicates command ids (`livebid_platform.writeside`).
"""
