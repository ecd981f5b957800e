"""A seller's rehearsal: the whole platform on this machine, one live show, simulated bidders.

    python -m livebid_sim.rehearsal [--items 6] [--bidders 20] [--exit]

Starts a local Kafka broker (or uses KAFKA_BOOTSTRAP_SERVERS), starts every service, runs a
show through the public API with live progress, prints who won what at which price and the
orders created, then their life after the show (a declined card retried, a cancellation,
bundles shipped, delivered and paid out, the ledger balanced), then keeps serving the
show's page until Ctrl-C (or exits with --exit).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from livebid_devtools.devstack import DevStack
from livebid_devtools.localkafka import (
    LocalKafka,
    find_repo_root,
    free_port,
    ignoring_interrupts,
    interrupt_once,
)
from livebid_sim.aftersale import AfterSale
from livebid_sim.bidders import Bidder
from livebid_sim.client import EdgeClient

ITEMS = [  # title, brand, size, condition, starting price, auction format, increment table
    ("Vintage Levi's 501 jeans", "Levi's", "32x32", "good", 1000, "standard", "whatnot-v1"),
    ("Pokemon Base Set Charizard", "", "", "played", 5000, "standard", "whatnot-v1"),
    ("Nike Air Max 90 OG", "Nike", "10", "like new", 3000, "sudden_death", "whatnot-v1"),
    ("Silk Hermes scarf", "Hermes", "90cm", "excellent", 8000, "standard", "ebay-us-v1"),
    ("90s band tee", "", "L", "worn", 500, "standard", "whatnot-v1"),
    ("Seiko 5 automatic watch", "Seiko", "", "serviced", 4000, "sudden_death", "ebay-us-v1"),
    ("Patagonia fleece", "Patagonia", "M", "good", 1500, "standard", "whatnot-v1"),
    ("Funko Pop grail", "Funko", "", "boxed", 2000, "standard", "whatnot-v1"),
]


def say(text: str) -> None:
    print(text, flush=True)


def dollars(cents: int) -> str:
    return f"${cents / 100:,.2f}"


async def watch(
    client: EdgeClient, auction_id: str, title: str, index: int, total: int
) -> dict[str, Any]:
    """Show the auction's live state in one terminal line until it closes."""
    tty = sys.stdout.isatty()
    last = ""
    while True:
        view = await client.auction(auction_id)
        left = max(0.0, (view["deadline_ms"] - time.time() * 1000) / 1000)
        leader = view["leader_id"] or "-"
        line = (
            f"  [{index}/{total}] {title[:28]:<28} {dollars(view['price']['amount_cents']):>10} "
            f"by {leader:<10} {view['bid_count']:>3} bids  {left:4.1f}s left"
        )
        if view["status"] != "open":
            if tty:
                print("\r" + " " * len(line) + "\r", end="")
            return view
        if tty:
            print("\r" + line, end="", flush=True)
        elif line.split("bids")[0] != last:
            say(line)
            last = line.split("bids")[0]
        await asyncio.sleep(0.25)


async def run_show(
    edge_url: str, watch_url: str, items: int, bidders: int, seed: int, payments_url: str = ""
) -> tuple[int, str]:
    """Run one show; return the exit code (0 when every sale made its order) and its page."""
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=edge_url, timeout=30) as http:
        seller = await EdgeClient.sign_in(http, "seller-ava", ["seller"])
        crowd = [
            Bidder(
                await EdgeClient.sign_in(http, f"buyer{i:02d}", ["buyer"]),
                ("proxy", "eager", "sniper")[i % 3],
                random.Random(rng.random()),
            )
            for i in range(1, bidders + 1)
        ]
        show = await seller.write("/v1/shows", {"title": "Friday night thrift rehearsal"})
        show_id = show["show_id"]
        chosen = ITEMS[:items] if items <= len(ITEMS) else ITEMS * (items // len(ITEMS) + 1)
        listings = []
        for title, brand, size, condition, start, fmt, table in chosen[:items]:
            listing = await seller.write(
                f"/v1/shows/{show_id}/listings",
                {
                    "title": title,
                    "brand": brand,
                    "size": size,
                    "condition": condition,
                    "category": "clothing" if size else "collectibles",
                    "starting_price_cents": start,
                },
            )
            listings.append((listing["listing_id"], title, start, fmt, table))
        await seller.write(f"/v1/shows/{show_id}/start")
        page = f"{watch_url}/shows/{show_id}"
        say(f"\nShow {show_id} is live: watch it at {page}\n")
        results = []
        for n, (listing_id, title, start, fmt, table) in enumerate(listings, 1):
            auction = await seller.write(
                f"/v1/listings/{listing_id}/auction",
                {
                    "format": fmt,
                    "duration_ms": 6000,
                    "counter_time_ms": 3000,
                    "increment_table": table,
                },
            )
            auction_id = auction["auction_id"]
            values = [int(start * rng.uniform(0.8, 3.5)) for _ in crowd]
            tasks = [
                asyncio.create_task(b.take_part(auction_id, v))
                for b, v in zip(crowd, values, strict=True)
            ]
            final = await watch(seller, auction_id, title, n, len(listings))
            placed = sum(await asyncio.gather(*tasks))
            results.append((title, fmt, final, placed))
            outcome = (
                f"SOLD to {final['winner_id']} for {dollars(final['price']['amount_cents'])}"
                if final["winner_id"]
                else "not sold"
            )
            say(
                f"  [{n}/{len(listings)}] {title[:28]:<28} {fmt:<12} {outcome} "
                f"({final['bid_count']} accepted of {placed} placed)"
            )
        flash_sold = await flash_sale_round(seller, crowd, show_id, rng)
        prize = await giveaway_round(seller, crowd, show_id, rng)
        after = AfterSale(http, seller, [b.client for b in crowd], payments_url, say)
        if payments_url:
            await after.before_end(show_id)
        await seller.write(f"/v1/shows/{show_id}/end")
        extra = after.extra_orders + (1 if prize else 0)  # a prize is a zero-price order
        code = await report(seller, show_id, results, flash_sold, extra)
        if payments_url:
            code |= await after.settle(show_id)
        return code, page


async def listing_settled(seller: EdgeClient, show_id: str, listing_id: str) -> dict[str, Any]:
    """The listing once the catalog has followed its sale's end (it is no longer in one)."""
    listing: dict[str, Any] = {}
    for _ in range(150):
        listings = (await seller.call("GET", f"/v1/shows/{show_id}"))["listings"]
        listing = next(x for x in listings if x["listing_id"] == listing_id)
        if listing["status"] in ("available", "sold"):
            break
        await asyncio.sleep(0.2)
    return listing


async def flash_sale_round(
    seller: EdgeClient, crowd: list[Bidder], show_id: str, rng: random.Random
) -> int:
    """Five mystery bundles at a discount, one per buyer, and the whole room taps at once."""
    bundle = await seller.write(
        f"/v1/shows/{show_id}/listings",
        {
            "title": "Mystery bundle",
            "category": "clothing",
            "quantity": 5,
            "starting_price_cents": 2000,
        },
    )
    sale = await seller.write(
        f"/v1/shows/{show_id}/flash-sales",
        {
            "listing_id": bundle["listing_id"],
            "price_cents": 1200,
            "list_price_cents": 2000,
            "quantity": 5,
            "per_buyer_limit": 1,
            "duration_ms": 5000,
        },
    )

    async def tap(bidder: Bidder) -> dict[str, Any]:
        await asyncio.sleep(rng.uniform(0, 0.5))
        return await bidder.client.write(f"/v1/flash-sales/{sale['sale_id']}/purchases")

    answers = await asyncio.gather(*(tap(b) for b in crowd))
    buyers = [
        b.client.user_id for b, a in zip(crowd, answers, strict=True) if a["status"] == "accepted"
    ]
    # The sale holds the listing until it closes (sold out, or at its deadline).
    left = (await listing_settled(seller, show_id, bundle["listing_id"]))["quantity"]
    say(
        f"  [flash] Mystery bundle $12.00 (was $20.00): {len(buyers)} of 5 sold in one rush "
        f"to {', '.join(buyers)}; {len(answers) - len(buyers)} buyers told sold out; "
        f"{left} left in the catalog"
    )
    return len(buyers)


async def giveaway_round(
    seller: EdgeClient, crowd: list[Bidder], show_id: str, rng: random.Random
) -> str:
    """A sticker-pack giveaway; the draw's seed is public, so anyone can re-run it. Returns
    its winner ("" if nobody entered)."""
    stickers = await seller.write(
        f"/v1/shows/{show_id}/listings",
        {"title": "Sticker pack", "category": "collectibles", "starting_price_cents": 100},
    )
    giveaway = await seller.write(
        f"/v1/shows/{show_id}/giveaways",
        {"listing_id": stickers["listing_id"], "duration_ms": 2500},
    )
    giveaway_id = giveaway["giveaway_id"]
    await asyncio.gather(
        *(
            b.client.write(f"/v1/giveaways/{giveaway_id}/entries")
            for b in crowd
            if rng.random() < 0.8
        )
    )
    view: dict[str, Any] = {}
    for _ in range(100):
        view = await seller.call("GET", f"/v1/giveaways/{giveaway_id}")
        if view["status"] == "drawn":
            break
        await asyncio.sleep(0.2)
    # The show can end once the catalog has released the listing from the giveaway.
    await listing_settled(seller, show_id, stickers["listing_id"])
    say(
        f"  [giveaway] Sticker pack: {view['entrant_count']} entrants, won by "
        f"{view['winner_id'] or '-'} (seed {view['seed'][:12]}..., {view['algorithm']})"
    )
    return str(view.get("winner_id", ""))


async def report(
    seller: EdgeClient,
    show_id: str,
    results: list[tuple[str, str, dict[str, Any], int]],
    flash_sold: int = 0,
    extra_orders: int = 0,  # sold after the rounds above (the after-sale's buy-it-now)
) -> int:
    sold = [r for r in results if r[2]["winner_id"]]
    orders: list[dict[str, Any]] = []
    for _ in range(50):  # orders follow the closes through Kafka: give them a moment
        orders = (await seller.call("GET", f"/v1/shows/{show_id}/orders"))["orders"]
        if len(orders) >= len(sold) + flash_sold + extra_orders:
            break
        await asyncio.sleep(0.2)
    say("\nOutcome")
    say(f"  {'item':<30} {'winner':<10} {'price':>10}  order")
    by_auction = {o["auction_id"]: o for o in orders}
    for title, _, final, _ in results:
        order = by_auction.get(final["auction_id"], {}).get("order_id", "-")
        winner = final["winner_id"] or "(unsold)"
        price = dollars(final["price"]["amount_cents"]) if final["winner_id"] else "-"
        say(f"  {title[:30]:<30} {winner:<10} {price:>10}  {order}")
    auction_ids = {r[2]["auction_id"] for r in results}
    flash_orders = [
        o for o in orders if o["auction_id"] not in auction_ids and "-u" in o["order_id"]
    ]
    if flash_sold:
        label = "Mystery bundle (flash sale)"
        say(f"  {label:<30} {flash_sold} buyers, {len(flash_orders)} orders")
    total = sum(o["price"]["amount_cents"] for o in orders)
    expected = len(sold) + flash_sold + extra_orders
    say(
        f"\n{len(sold)} of {len(results)} auctions sold and {flash_sold} flash-sale units: "
        f"{len(orders)} orders (expected {expected}), {dollars(total)} gross"
    )
    return 0 if len(orders) == expected else 1


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=6)
    parser.add_argument("--bidders", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--exit", action="store_true", help="stop everything after the show")
    args = parser.parse_args()

    interrupt_once()
    broker: LocalKafka | None = None
    stack: DevStack | None = None
    code = 1
    # Everything started is started inside the try, so a Ctrl-C at any moment stops it all.
    try:
        bootstrap = os.environ.get("KAFKA_BOOTSTRAP_SERVERS")
        if not bootstrap:
            say("Starting a local Kafka broker (KRaft, single node) ...")
            broker = LocalKafka(find_repo_root() / ".local" / "rehearsal-kafka", port=free_port())
            broker.stop()  # a broker left over from an interrupted rehearsal
            broker.wipe()
            bootstrap = broker.start()
        log_dir = Path(tempfile.mkdtemp(prefix="livebid-rehearsal-"))
        stack = DevStack(bootstrap, log_dir)
        say(f"Starting services (logs in {log_dir}) ...")
        stack.start_all(on_ready=lambda name: say(f"  {name:<18} ready"))
        code, page = asyncio.run(
            run_show(
                stack.edge_url,
                stack.notifications_url,
                args.items,
                args.bidders,
                args.seed,
                stack.payments_url,
            )
        )
        if not args.exit:
            say(
                f"\nThe show page stays up at {page} (every show: {stack.notifications_url}/); "
                f"API docs at {stack.edge_url}/docs. Ctrl-C to stop."
            )
            with contextlib.suppress(KeyboardInterrupt):
                while True:
                    time.sleep(1)
    except KeyboardInterrupt:
        say("\nInterrupted.")
        code = 130
    finally:
        with ignoring_interrupts():
            say("Stopping services and broker (a further Ctrl-C is ignored) ...")
            if stack is not None:
                stack.stop_all()
            if broker is not None:
                broker.stop()
    sys.exit(code)


if __name__ == "__main__":
    main()
