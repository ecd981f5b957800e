"""Upper bounds for request input, so an absurd value is a 413 or 422 at the edge, not memory
held, an overflow deep in protobuf (int64 cents, int32 counts) or a service's problem."""

MAX_BODY_BYTES = 64 * 1024

MAX_CENTS = 10**11  # one billion dollars: far above any live-sale item
MAX_COUNT = 100_000
MAX_TIME_MS = 2**53  # timestamps as JSON numbers stay exact below this
MAX_CURSOR = 2**63 - 1  # an int64 position

MAX_ID_CHARS = 128
MAX_TITLE_CHARS = 200
MAX_DESCRIPTION_CHARS = 5_000
MAX_URL_CHARS = 2_048
MAX_PHOTOS = 24
MAX_NAME_CHARS = 100  # brand, size, condition, category, and other short names
MAX_REASON_CHARS = 500
MAX_IDEMPOTENCY_KEY_CHARS = 255
