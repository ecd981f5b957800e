"""Pure bidding domain: commands, events, `decide` and `evolve`. Standard library only."""
