"""Upper bounds for request numbers, so an absurd value is a 422, not an overflow deep in
protobuf (int64 cents, int32 counts) that would surface as a 500."""

MAX_CENTS = 10**11  # one billion dollars: far above any live-sale item
MAX_COUNT = 100_000
MAX_TIME_MS = 2**53  # timestamps as JSON numbers stay exact below this
