// Tidings web page: search quotes and people, read an article with its layers
// highlighted, see an entity's quotes over time and whom it meets in events.
//
// Everything shown comes from articles, which are hostile input: the DOM is
// built with createElement and textContent only (no HTML parsing of data), and links
// are made from numeric ids. Offsets from the API are Unicode code points, so
// texts are indexed as arrays of code points (Array.from), not UTF-16 units.
"use strict";

const main = () => document.getElementById("main");

// el("a", {href: "#/"}, "text", child, ...): children that are strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "class") node.className = v;
    else if (k === "title") node.title = v;
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

const entityHref = (id) => "#/entity/" + Number(id);
const articleHref = (id) => "#/article/" + Number(id);
const day = (s) => (s || "").slice(0, 10);

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  const url = path + (qs.toString() ? "?" + qs : "");
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body && body.error ? body.error.message : "HTTP " + res.status);
  return body;
}

function show(...nodes) {
  const m = main();
  m.replaceChildren(...nodes);
  document.body.dataset.ready = "1";
}

function failed(err) {
  show(el("p", { class: "error", id: "error" }, "Error: " + err.message));
}

function speakerLink(sp) {
  if (!sp) return el("span", { class: "muted" }, "unattributed");
  const name = sp.name || "unnamed";
  return sp.entity ? el("a", { href: entityHref(sp.entity), class: "speaker" }, name) : el("span", { class: "speaker" }, name);
}

function quoteItem(q) {
  return el("li", { class: "quote-hit" },
    el("blockquote", {}, q.text),
    el("div", { class: "meta" }, "— ", speakerLink(q.speaker), " · ", day(q.published) || "undated", " · ",
      el("a", { href: articleHref(q.article) }, q.article_title || "article " + q.article),
      q.kind !== "direct" ? el("span", { class: "tag" }, q.kind) : null));
}

function entityItem(e) {
  return el("li", { class: "entity-hit" },
    el("a", { href: entityHref(e.id) }, e.name), el("span", { class: "tag" }, e.type),
    el("span", { class: "muted" }, ` ${e.mentions} mentions in ${e.articles} articles`));
}

function eventItem(ev) {
  const actor = (a) => (a ? (a.entity ? el("a", { href: entityHref(a.entity) }, a.name) : a.name) : "—");
  return el("li", { class: "event-hit" },
    el("div", {}, el("strong", {}, ev.type), ev.modality !== "asserted" ? el("span", { class: "tag" }, ev.modality) : null,
      " ", actor(ev.source), " → ", actor(ev.target), el("span", { class: "muted" }, " · " + (ev.day || "undated"))),
    el("div", { class: "muted" }, ev.text, " ", el("a", { href: articleHref(ev.article) }, "[article]")));
}

function pager(route, params, page) {
  const nav = el("div", { class: "pager" });
  const go = (offset) => "#/" + route + "?" + new URLSearchParams({ ...params, offset });
  if (page.offset > 0) nav.append(el("a", { href: go(Math.max(0, page.offset - page.limit)), id: "prev" }, "← newer"));
  if (page.next_offset !== null) nav.append(el("a", { href: go(page.next_offset), id: "next" }, "older →"));
  return nav;
}

// ------------------------------------------------------------------ views

async function home() {
  const [stats, people] = await Promise.all([api("/api/stats"), api("/api/entities", { type: "PER", limit: 15 })]);
  show(
    el("h1", {}, "Who said what, to whom, when"),
    el("p", { class: "muted", id: "stats" }, `${stats.articles} articles · ${stats.quotes} quotes · ${stats.entities} entities · ${stats.events} events`),
    el("h2", {}, "Most mentioned people"),
    el("ul", { class: "list", id: "people" }, people.items.map(entityItem)));
}

async function search(params) {
  const offset = params.offset || 0;
  const words = params.q || "";
  const people = words ? await api("/api/entities", { q: words, limit: 8 }) : { items: [] };
  const speaker = params.speaker || "";
  const quotes = await api("/api/quotes", { q: words, speaker, from: params.from, to: params.to, offset, limit: 20 });
  const sections = [];
  if (people.items.length) {
    sections.push(el("h2", {}, "People and organisations"), el("ul", { class: "list", id: "people" }, people.items.map(entityItem)));
  }
  let byPeople = null;
  if (words && !params.speaker && people.items.length) {
    byPeople = await api("/api/quotes", { speaker: words, from: params.from, to: params.to, limit: 10 });
  }
  sections.push(el("h2", {}, words ? "Quotes with “" + words + "”" : "Quotes"),
    quotes.items.length ? el("ul", { class: "list", id: "quotes" }, quotes.items.map(quoteItem)) : el("p", { class: "muted", id: "quotes" }, "No quotes found."),
    pager("search", params, quotes));
  if (byPeople && byPeople.items.length) {
    sections.push(el("h2", {}, "Quotes by “" + words + "”"), el("ul", { class: "list", id: "quotes-by" }, byPeople.items.map(quoteItem)));
  }
  show(...sections);
}

// Split the text at every span boundary and wrap each piece in the marks that cover it.
function highlighted(text, marks) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const m of marks) { cuts.add(Math.max(0, Math.min(m.start, chars.length))); cuts.add(Math.max(0, Math.min(m.end, chars.length))); }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("p", { id: "text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = chars.slice(a, b).join("");
    const on = marks.filter((m) => m.start <= a && b <= m.end && m.start < m.end);
    if (!on.length) { out.append(document.createTextNode(piece)); continue; }
    const ent = on.find((m) => m.entity);
    const node = el("mark", { class: [...new Set(on.map((m) => m.cls))].join(" "), title: on.map((m) => m.label).join("; ") });
    node.append(ent ? el("a", { href: entityHref(ent.entity), class: "mark-link" }, piece) : document.createTextNode(piece));
    out.append(node);
  }
  return out;
}

async function article(id) {
  const a = await api("/api/articles/" + Number(id));
  const marks = [];
  for (const q of a.quotes) {
    marks.push({ start: q.start, end: q.end, cls: "quote", label: "quote by " + ((q.speaker && q.speaker.name) || "unknown") });
    if (q.speaker && q.speaker.start !== null && q.speaker.start !== undefined) {
      marks.push({ start: q.speaker.start, end: q.speaker.end, cls: "speaker", label: "speaker", entity: q.speaker.entity });
    }
  }
  for (const e of a.entities) for (const m of e.mentions) {
    marks.push({ start: m.start, end: m.end, cls: "ent " + (["PER", "ORG", "LOC", "MISC"].includes(e.type) ? e.type : "MISC"), label: e.type + ": " + e.name, entity: e.id });
  }
  for (const t of a.timexes) marks.push({ start: t.start, end: t.end, cls: "date", label: t.type + " " + t.value });
  const meta = [day(a.published), a.site, a.authors.join(", ")].filter(Boolean).join(" · ");
  const side = el("aside", {},
    el("h2", {}, "Quotes"), el("ul", { class: "list", id: "article-quotes" }, a.quotes.map((q) => el("li", {}, el("blockquote", {}, q.text), el("div", { class: "meta" }, "— ", speakerLink(q.speaker))))),
    el("h2", {}, "Entities"), el("ul", { class: "list", id: "article-entities" }, a.entities.map((e) => el("li", {}, el("a", { href: entityHref(e.id) }, e.name), el("span", { class: "tag" }, e.type)))),
    el("h2", {}, "Dates"), el("ul", { class: "list", id: "article-dates" }, a.timexes.map((t) => el("li", {}, t.text, el("span", { class: "muted" }, " = " + t.value)))),
    a.events.length ? el("h2", {}, "Events") : null, a.events.length ? el("ul", { class: "list" }, a.events.map(eventItem)) : null);
  document.title = (a.title || "Article") + " — Tidings";
  show(
    el("h1", { id: "title" }, a.title || "(untitled)"),
    el("div", { class: "meta" }, meta, a.url ? el("span", {}, " · ", el("a", { href: safeUrl(a.url), rel: "noopener noreferrer" }, "source")) : null),
    el("div", { class: "legend muted" }, el("mark", { class: "quote" }, "quote"), el("mark", { class: "speaker" }, "speaker"),
      el("mark", { class: "PER" }, "person"), el("mark", { class: "ORG" }, "organisation"), el("mark", { class: "LOC" }, "place"), el("mark", { class: "date" }, "date")),
    el("div", { class: "cols" }, el("div", { class: "text" }, highlighted(a.text, marks)), side));
}

// Only http(s) links leave the page; anything else (javascript:, data:) becomes inert.
function safeUrl(u) {
  try { const p = new URL(u); return p.protocol === "http:" || p.protocol === "https:" ? p.href : "#"; } catch { return "#"; }
}

async function entity(id) {
  const e = await api("/api/entities/" + Number(id));
  document.title = e.name + " — Tidings";
  const most = Math.max(1, ...e.quotes_by_month.map((m) => m.count));
  const chart = el("div", { class: "chart", id: "chart" }, e.quotes_by_month.map((m) => {
    const bar = el("div", { class: "bar", title: `${m.month}: ${m.count} quotes` });
    bar.style.height = Math.max(4, Math.round((100 * m.count) / most)) + "%"; // CSSOM, allowed by the CSP
    return bar;
  }));
  const months = e.quotes_by_month;
  show(
    el("h1", { id: "title" }, e.name), el("div", { class: "meta" }, e.type, e.subtype ? " · " + e.subtype : "", ` · ${e.mentions} mentions in ${e.articles} articles · `, el("code", {}, e.key)),
    el("p", { class: "muted", id: "aliases" }, "Also called: " + (e.aliases.map((a) => a.name).join(", ") || "—")),
    el("div", { class: "cols" },
      el("div", {},
        el("h2", {}, "Quotes over time"),
        months.length ? [chart, el("div", { class: "chart-labels" }, el("span", {}, months[0].month), el("span", {}, months[months.length - 1].month))] : el("p", { class: "muted" }, "No quotes."),
        el("h2", {}, "Latest quotes"), el("ul", { class: "list", id: "entity-quotes" }, e.quotes.map(quoteItem)),
        el("p", {}, el("a", { href: "#/search?" + new URLSearchParams({ speaker: e.name }) }, "All quotes by " + e.name + " →"))),
      el("aside", {},
        el("h2", {}, "Meets in events"),
        el("ul", { class: "list", id: "co-actors" }, e.co_actors.map((c) => el("li", {}, c.entity ? el("a", { href: entityHref(c.entity) }, c.name) : c.name, el("span", { class: "muted" }, ` ×${c.count}`)))),
        el("h2", {}, "Latest events"), el("ul", { class: "list", id: "entity-events" }, e.events.map(eventItem)))));
}

// ----------------------------------------------------------------- router

function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const parts = path.split("/");
  document.body.dataset.ready = "";
  const form = document.getElementById("search");
  for (const k of ["q", "speaker", "from", "to"]) form.elements[k].value = params[k] || "";
  let job;
  if (parts[0] === "article" && /^\d+$/.test(parts[1] || "")) job = article(parts[1]);
  else if (parts[0] === "entity" && /^\d+$/.test(parts[1] || "")) job = entity(parts[1]);
  else if (parts[0] === "search") job = search(params);
  else { document.title = "Tidings"; job = home(); }
  job.catch(failed);
}

document.getElementById("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const form = ev.target;
  const params = {};
  for (const k of ["q", "speaker", "from", "to"]) if (form.elements[k].value.trim()) params[k] = form.elements[k].value.trim();
  const next = "#/search?" + new URLSearchParams(params);
  if (location.hash === next) route(); else location.hash = next;
});
window.addEventListener("hashchange", route);
route();
