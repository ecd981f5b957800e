"""Self-contained pages (inline CSS and JS, no external assets): the shows, and one show live."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import quote

from livebid_notifications.domain.live import LiveView

SHOW_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Livebid show</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #111; color: #eee; }
  main { max-width: 34rem; margin: 2rem auto; padding: 1rem; }
  h1 { font-size: 1.2rem; margin: 0 0 .2rem; }
  .muted { color: #999; font-size: .9rem; }
  .card { background: #1d1d1d; border-radius: .8rem; padding: 1.2rem; margin-top: 1rem; }
  .item { font-size: 1.4rem; font-weight: 600; }
  .price { font-size: 2.6rem; font-weight: 700; margin: .4rem 0; }
  .row { display: flex; justify-content: space-between; margin-top: .4rem; }
  .timer { font-size: 2rem; font-variant-numeric: tabular-nums; }
  .badge { padding: .1rem .6rem; border-radius: 1rem; background: #333; font-size: .85rem; }
  .open { background: #1f6f3f; } .sold { background: #8a5a00; } .unsold { background: #6b2020; }
</style>
</head>
<body>
<main>
  <h1 id="title">Livebid show</h1>
  <div class="muted"><span id="status">connecting</span> &middot;
    <span id="viewers">0</span> watching &middot; <span id="conn">offline</span></div>
  <div class="card">
    <div class="row"><span class="item" id="item">No item yet</span>
      <span class="badge" id="auction"></span></div>
    <div class="price" id="price">&ndash;</div>
    <div class="row"><span>Leader: <b id="leader">&ndash;</b></span>
      <span><span id="bids">0</span> bids</span></div>
    <div class="row"><span class="muted">Time left</span>
      <span class="timer" id="timer">&ndash;</span></div>
  </div>
</main>
<script>
"use strict";
const showId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop());
const $ = (id) => document.getElementById(id);
let state = null, skew = 0, lastSeq = -1, delay = 500;

function money(cents, currency) {
  if (!currency) return "\\u2013";
  return (cents / 100).toFixed(2) + " " + currency;
}

function render() {
  if (!state) return;
  $("title").textContent = state.show_title || ("Show " + state.show_id);
  $("status").textContent = state.show_status;
  $("viewers").textContent = state.viewers;
  $("item").textContent = state.listing_title || state.listing_id || "No item yet";
  const badge = $("auction");
  badge.textContent = state.auction_status;
  badge.className = "badge " + state.auction_status;
  $("price").textContent = money(state.price_cents, state.currency);
  const leader = state.auction_status === "sold" ? state.winner_id : state.leader_id;
  $("leader").textContent = leader || "\\u2013";
  $("bids").textContent = state.bid_count;
  tick();
}

function tick() {
  if (!state || state.auction_status !== "open" || !state.deadline_ms) {
    $("timer").textContent = "\\u2013";
    return;
  }
  const left = Math.max(0, state.deadline_ms - (Date.now() + skew));
  $("timer").textContent = (left / 1000).toFixed(1) + " s";
}

function accept(message) {
  if (message.type !== "show_state") return;
  // Every message is the whole state; an older one (after a reconnect race) is dropped.
  if (message.seq <= lastSeq && state) return;
  lastSeq = message.seq;
  skew = message.now_ms - Date.now();
  state = message;
  render();
}

function poll() {
  $("conn").textContent = "polling";
  fetch("/v1/shows/" + encodeURIComponent(showId) + "/state")
    .then((r) => r.ok ? r.json() : null)
    .then((m) => { if (m) { lastSeq = -1; accept(m); } })
    .catch(() => {})
    .finally(() => setTimeout(poll, 1000));
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  const path = "/v1/shows/" + encodeURIComponent(showId) + "/live";
  const ws = new WebSocket(scheme + location.host + path);
  ws.onopen = () => { $("conn").textContent = "live"; delay = 500; lastSeq = -1; };
  ws.onmessage = (e) => accept(JSON.parse(e.data));
  ws.onclose = () => {
    $("conn").textContent = "reconnecting";
    setTimeout(connect, delay);
    delay = Math.min(delay * 2, 10000);
  };
}

setInterval(tick, 100);
if ("WebSocket" in window) connect(); else poll();
</script>
</body>
</html>
"""


def index_page(shows: Iterable[LiveView]) -> str:
    """The service's front page: a link to each show's live page."""
    rows = "\n".join(
        f'  <li><a href="/shows/{quote(v.show_id, safe="")}">{escape(v.show_title or v.show_id)}'
        f'</a> <span class="muted">{escape(v.show_status)}</span></li>'
        for v in shows
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Livebid shows</title>
<style>
  body {{ font-family: system-ui, sans-serif; margin: 0; background: #111; color: #eee; }}
  main {{ max-width: 34rem; margin: 2rem auto; padding: 1rem; }}
  a {{ color: #8cf; }} .muted {{ color: #999; font-size: .9rem; }}
  li {{ margin: .4rem 0; }}
</style>
</head>
<body>
<main>
<h1>Livebid shows</h1>
<ul>
{rows or '  <li class="muted">No show yet.</li>'}
</ul>
</main>
</body>
</html>
"""
