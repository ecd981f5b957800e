"""Record a topic's records to a file, and replay them into a (fresh) cluster.

    python -m livebid_devtools.replay record --bootstrap HOST:PORT --topic bidding.commands.v1 \
        --out show.jsonl [--key KEY ...]
    python -m livebid_devtools.replay replay --bootstrap HOST:PORT --in show.jsonl

A record keeps its partition, key, value, headers and timestamp. Replaying writes each one
to the same partition number with the same timestamp, in the recorded order. Command topics
stamp records with the broker's append time in production; a replay target declares them
with CreateTime instead (`replay_target_topics`), so the recorded times, which decided the
outcome, are the times the replayed processor sees.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from livebid_platform.consumer import read_to_end
from livebid_platform.producer import durable_producer
from livebid_platform.topics import ALL_TOPICS, TopicSpec, ensure_topics


@dataclass(frozen=True)
class Recorded:
    topic: str
    partition: int
    offset: int
    timestamp: int
    key: bytes
    value: bytes
    headers: tuple[tuple[str, bytes], ...]

    def to_json(self) -> str:
        return json.dumps(
            {
                "topic": self.topic,
                "partition": self.partition,
                "offset": self.offset,
                "timestamp": self.timestamp,
                "key": _b64(self.key),
                "value": _b64(self.value),
                "headers": [[k, _b64(v)] for k, v in self.headers],
            }
        )

    @classmethod
    def from_json(cls, line: str) -> Recorded:
        d = json.loads(line)
        return cls(
            d["topic"],
            d["partition"],
            d["offset"],
            d["timestamp"],
            base64.b64decode(d["key"]),
            base64.b64decode(d["value"]),
            tuple((k, base64.b64decode(v)) for k, v in d["headers"]),
        )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def replay_target_topics() -> tuple[TopicSpec, ...]:
    """The platform's topics, with every log-time-stamped topic switched to CreateTime."""
    return tuple(
        replace(spec, configs={**spec.configs, "message.timestamp.type": "CreateTime"})
        if spec.configs.get("message.timestamp.type") == "LogAppendTime"
        else spec
        for spec in ALL_TOPICS
    )


async def record(bootstrap: str, topic: str, keys: set[bytes] | None = None) -> list[Recorded]:
    """Every committed record of `topic` (only those with one of `keys`, if given)."""
    out = []
    async for r in read_to_end(bootstrap, topic):
        if keys is None or r.key in keys:
            out.append(
                Recorded(
                    r.topic,
                    r.partition,
                    r.offset,
                    r.timestamp,
                    r.key or b"",
                    r.value or b"",
                    tuple(r.headers or ()),
                )
            )
    return sorted(out, key=lambda r: (r.partition, r.offset))


async def replay(bootstrap: str, records: Iterable[Recorded]) -> int:
    """Append the records to the same partitions with the same timestamps; returns the count."""
    await ensure_topics(bootstrap, replay_target_topics())
    producer = durable_producer(bootstrap, linger_ms=5)
    await producer.start()
    count = 0
    try:
        for r in records:
            await producer.send(
                r.topic,
                r.value,
                key=r.key,
                partition=r.partition,
                timestamp_ms=r.timestamp,
                headers=list(r.headers),
            )
            count += 1
        await producer.flush()
    finally:
        await producer.stop()
    return count


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="action", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--bootstrap", required=True)
    rec.add_argument("--topic", required=True)
    rec.add_argument("--out", type=Path, required=True)
    rec.add_argument("--key", action="append", help="only records with this key (repeatable)")
    rep = sub.add_parser("replay")
    rep.add_argument("--bootstrap", required=True)
    rep.add_argument("--in", dest="source", type=Path, required=True)
    args = parser.parse_args()
    if args.action == "record":
        keys = {k.encode() for k in args.key} if args.key else None
        records = asyncio.run(record(args.bootstrap, args.topic, keys))
        args.out.write_text("".join(r.to_json() + "\n" for r in records))
        print(f"recorded {len(records)} records of {args.topic} to {args.out}")
    else:
        lines = args.source.read_text().splitlines()
        count = asyncio.run(replay(args.bootstrap, (Recorded.from_json(line) for line in lines)))
        print(f"replayed {count} records into {args.bootstrap}")


if __name__ == "__main__":
    main()
