"""Self-contained pages (inline CSS and JS, no external assets): the shows, and one show live,
where a signed-in buyer bids, buys in a flash sale or enters a giveaway through the edge API."""

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
<meta name="livebid-edge" content="__EDGE_URL__">
<title>Livebid show</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #111; color: #eee; }
  main { max-width: 34rem; margin: 2rem auto; padding: 1rem; }
  h1 { font-size: 1.2rem; margin: 0 0 .2rem; }
  .muted { color: #999; font-size: .9rem; }
  .card { background: #1d1d1d; border-radius: .8rem; padding: 1.2rem; margin-top: 1rem; }
  .item { font-size: 1.4rem; font-weight: 600; }
  .price { font-size: 2.6rem; font-weight: 700; margin: .4rem 0; }
  .row { display: flex; justify-content: space-between; margin-top: .4rem; gap: .5rem; }
  .timer { font-size: 2rem; font-variant-numeric: tabular-nums; }
  .badge { padding: .1rem .6rem; border-radius: 1rem; background: #333; font-size: .85rem; }
  .open { background: #1f6f3f; } .sold, .sold_out, .drawn { background: #8a5a00; }
  .unsold, .closed { background: #6b2020; }
  input, button { font: inherit; padding: .4rem .6rem; border-radius: .4rem; border: 0; }
  button { background: #2d6cdf; color: #fff; cursor: pointer; }
  button:disabled { background: #444; cursor: default; }
  [hidden] { display: none !important; }
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
    <div class="row"><span id="who">Leader: <b id="leader">&ndash;</b></span>
      <span id="count"><span id="bids">0</span> bids</span></div>
    <div class="row"><span class="muted">Time left</span>
      <span class="timer" id="timer">&ndash;</span></div>
  </div>
  <div class="card" id="actions">
    <form class="row" id="signin">
      <input id="user" placeholder="your user id" autocomplete="username">
      <button id="signin-btn">Sign in (development)</button>
    </form>
    <div class="muted" id="signed" hidden>Signed in as <b id="me"></b></div>
    <form class="row" id="act-auction" hidden>
      <input id="amount" type="number" min="1" step="1" aria-label="bid in cents">
      <button id="bid-btn">Bid</button>
    </form>
    <form class="row" id="act-flash" hidden>
      <input id="qty" type="number" min="1" step="1" value="1" aria-label="quantity">
      <button id="buy-btn">Buy now</button>
    </form>
    <form class="row" id="act-giveaway" hidden>
      <button id="enter-btn">Enter the giveaway</button>
    </form>
    <div class="muted" id="answer" role="status"></div>
  </div>
</main>
<script>
"use strict";
const showId = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop());
const edge = document.querySelector('meta[name="livebid-edge"]').content;
const $ = (id) => document.getElementById(id);
let state = null, skew = 0, lastSeq = -1, delay = 500;
let token = sessionStorage.getItem("livebid-token");
let me = sessionStorage.getItem("livebid-user");

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
  badge.textContent = state.sale_status;
  badge.className = "badge " + state.sale_status;
  $("price").textContent = money(state.price_cents, state.currency);
  const kind = state.sale_kind;
  if (kind === "flash_sale") {
    $("who").textContent = state.units_left + " of " + state.units_total + " left";
    $("count").textContent = state.per_buyer_limit ? "limit " + state.per_buyer_limit : "";
  } else if (kind === "giveaway") {
    $("who").textContent = state.winner_id ? "Winner: " + state.winner_id : "Free to enter";
    $("count").textContent = state.entrants + " entrants";
  } else {
    const leader = state.auction_status === "sold" ? state.winner_id : state.leader_id;
    $("who").textContent = "Leader: " + (leader || "\\u2013");
    $("count").textContent = state.bid_count + " bids";
  }
  renderActions();
  tick();
}

function renderActions() {
  $("signin").hidden = !!token;
  $("signed").hidden = !token;
  $("me").textContent = me || "";
  const open = !!(token && state && state.sale_status === "open");
  $("act-auction").hidden = !(open && state.sale_kind === "auction");
  $("act-flash").hidden = !(open && state.sale_kind === "flash_sale");
  $("act-giveaway").hidden = !(open && state.sale_kind === "giveaway");
  if (open && state.sale_kind === "auction" && document.activeElement !== $("amount")) {
    $("amount").value = state.min_next_bid_cents;
  }
}

function tick() {
  if (!state || state.sale_status !== "open" || !state.deadline_ms) {
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

// Buying goes through the edge's public API, as any client app's would.
function newKey() {
  // One key per tap: a retry of the same tap would reuse it (the edge answers it once).
  return crypto.randomUUID ? crypto.randomUUID() : Date.now() + "-" + Math.random();
}

async function call(path, body) {
  const headers = { "Content-Type": "application/json", "Idempotency-Key": newKey() };
  if (token) headers.Authorization = "Bearer " + token;
  try {
    const r = await fetch(edge + path, { method: "POST", headers, body: JSON.stringify(body) });
    const data = await r.json().catch(() => ({}));
    return { ok: r.ok, status: r.status, data };
  } catch (err) {
    return { ok: false, status: 0, data: { detail: "the API is unreachable" } };
  }
}

function say(what, r) {
  if (r.status === 401) { signOut(); }
  const detail = typeof r.data.detail === "string" ? r.data.detail : "HTTP " + r.status;
  $("answer").textContent = !r.ok ? what + " failed: " + detail
    : r.data.status === "accepted" ? what + " accepted"
    : what + " rejected: " + String(r.data.reason).replaceAll("_", " ");
}

function signOut() {
  token = me = null;
  sessionStorage.removeItem("livebid-token");
  sessionStorage.removeItem("livebid-user");
  renderActions();
}

function on(form, action) {
  $(form).addEventListener("submit", async (e) => {
    e.preventDefault();
    const button = $(form).querySelector("button");
    button.disabled = true;
    try { await action(); } finally { button.disabled = false; }
  });
}

on("signin", async () => {
  const id = $("user").value.trim();
  if (!id) return;
  const r = await call("/v1/dev/tokens", { user_id: id });
  if (!r.ok) { say("Sign-in", r); return; }
  token = r.data.token; me = id;
  sessionStorage.setItem("livebid-token", token);
  sessionStorage.setItem("livebid-user", me);
  $("answer").textContent = "";
  renderActions();
});
on("act-auction", async () => {
  const path = "/v1/auctions/" + encodeURIComponent(state.auction_id) + "/bids";
  say("Bid", await call(path, { amount_cents: Number($("amount").value) }));
});
on("act-flash", async () => {
  const path = "/v1/flash-sales/" + encodeURIComponent(state.sale_id) + "/purchases";
  say("Purchase", await call(path, { quantity: Number($("qty").value) }));
});
on("act-giveaway", async () => {
  const path = "/v1/giveaways/" + encodeURIComponent(state.sale_id) + "/entries";
  say("Entry", await call(path, {}));
});

setInterval(tick, 100);
renderActions();
if ("WebSocket" in window) connect(); else poll();
</script>
</body>
</html>
"""


def show_page(edge_url: str) -> str:
    """The watch page, calling the edge API at `edge_url` to bid, buy and enter."""
    return SHOW_PAGE.replace("__EDGE_URL__", escape(edge_url.rstrip("/"), quote=True))


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
