// The event page: the article as text with the evidence and every field's words highlighted
// (hover a field, see its words), the sources, the review history and, for a signed-in
// analyst, the review buttons.
import { api, getToken } from "./api.js";
import { clear, el } from "./dom.js";
import { TYPES } from "./filters.js";

export async function renderEventPage(root, id, { onChanged }) {
  clear(root).append(el("p", { class: "muted", text: "Loading…" }));
  let data;
  try {
    data = await api(`/api/events/${encodeURIComponent(id)}`);
  } catch (err) {
    clear(root).append(el("p", { class: "error", text: err.message }), el("a", { href: "/", "data-link": true, text: "← back to the dashboard" }));
    return;
  }
  const e = data.event;
  const spans = fieldSpans(e);
  const article = articleView(data.articleText, spans);
  const fields = fieldList(data, spans, article);
  clear(root).append(
    el("p", {}, el("a", { href: `/${location.search}`, "data-link": true, text: "← back to the dashboard" })),
    el("h1", { text: `${e.subType} — ${e.date.start || "undated"}${e.location ? `, ${e.location.name}` : ""}` }),
    el("p", { class: "muted" }, `Event ${data.id} · status `, el("strong", { class: `status ${data.status}`, id: "event-status", text: data.status }), ` · extracted by pipeline ${data.pipelineVersion}`),
    el(
      "div",
      { class: "event-grid" },
      el(
        "div",
        { class: "panel" },
        el("h2", { text: data.article.title || "Article" }),
        el("p", { class: "muted", text: [data.article.source, data.article.published, data.article.url].filter(Boolean).join(" · ") }),
        article.node,
        el("p", { class: "legend-line" }, el("span", { class: "hl ev", text: "evidence" }), " ", el("span", { class: "hl field", text: "a field's words" }), " — hover a field to see its words"),
      ),
      el("div", {}, fields, sourcesView(e, article), reviewPanel(data, onChanged, root), auditTrail(data.reviews, data.conflicts)),
    ),
  );
}

// --- internal ---

function fieldSpans(e) {
  const out = [];
  const add = (key, span, cls = "field") => span && typeof span.start === "number" && out.push({ key, start: span.start, end: span.end, cls });
  e.evidence.forEach((s, i) => add(`evidence:${i}`, s, "ev"));
  add("date", e.date.mention);
  add("location", e.location?.mention);
  add("fatalities", e.fatalities?.mention);
  add("injuries", e.injuries?.mention);
  e.actors.forEach((a, i) => add(`actor:${i}`, a.mention));
  e.sources.forEach((s, i) => {
    add(`source:${i}`, s.mention);
    add(`source:${i}`, s.quote, "quote");
  });
  return out;
}

/** The text cut at every span boundary; each piece knows which fields cover it. */
function articleView(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const node = el("div", { class: "article-text", id: "article-text" });
  const byKey = new Map();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (covering.length === 0) {
      node.append(document.createTextNode(text.slice(a, b)));
      continue;
    }
    const classes = new Set(["hl", ...covering.map((s) => s.cls)]);
    const piece = el("span", { class: [...classes].join(" "), dataset: { fields: covering.map((s) => s.key).join(" ") }, text: text.slice(a, b) });
    for (const s of covering) byKey.set(s.key, [...(byKey.get(s.key) ?? []), piece]);
    node.append(piece);
  }
  return {
    node,
    hover(key, on) {
      for (const p of byKey.get(key) ?? []) p.classList.toggle("hot", on);
      if (on) byKey.get(key)?.[0]?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    },
  };
}

function fieldRow(label, value, key, article) {
  const attrs = key ? { dataset: { field: key }, class: "has-span", onmouseenter: () => article.hover(key, true), onmouseleave: () => article.hover(key, false) } : {};
  return el("tr", attrs, el("th", { text: label }), el("td", { text: value }));
}

function casualtyText(c) {
  if (!c) return "—";
  const range = c.high !== null && c.high !== c.best ? ` (${c.low}–${c.high})` : c.low !== c.best ? ` (at least ${c.low})` : "";
  const by = Object.entries(c.byCategory || {}).map(([k, v]) => `${k} ${v}`).join(", ");
  return `${c.best}${range}${by ? ` · ${by}` : ""}`;
}

function fieldList(data, spans, article) {
  const e = data.event;
  const has = (key) => spans.some((s) => s.key === key);
  const loc = e.location;
  const rows = [
    fieldRow("Type", `${e.type} / ${e.subType}`, null, article),
    fieldRow("Date", e.date.start === e.date.end ? e.date.start : `${e.date.start} – ${e.date.end}`, has("date") && "date", article),
    fieldRow("Location", loc ? [loc.name, loc.admin2, loc.admin1, loc.country].filter(Boolean).join(", ") + (loc.lat !== undefined ? ` (${loc.lat.toFixed(3)}, ${loc.lon.toFixed(3)})` : "") : "—", has("location") && "location", article),
    ...e.actors.map((a, i) => fieldRow(a.role, `${a.name} (inter ${a.inter})`, has(`actor:${i}`) && `actor:${i}`, article)),
    fieldRow("Fatalities", casualtyText(e.fatalities), has("fatalities") && "fatalities", article),
    fieldRow("Injuries", casualtyText(e.injuries), has("injuries") && "injuries", article),
    fieldRow("Weapons", e.weapons.join(", ") || "—", null, article),
    fieldRow("Confidence", String(e.confidence), null, article),
  ];
  return el("div", { class: "panel" }, el("h2", { text: "Fields" }), el("table", { class: "fields", id: "event-fields" }, el("tbody", {}, rows)));
}

function sourcesView(e, article) {
  if (e.sources.length === 0) return el("div", { class: "panel" }, el("h2", { text: "Sources" }), el("p", { class: "muted", text: "No source named in the text." }));
  const items = e.sources.map((s, i) =>
    el(
      "li",
      { class: "has-span", onmouseenter: () => article.hover(`source:${i}`, true), onmouseleave: () => article.hover(`source:${i}`, false) },
      el("strong", { text: s.name || s.organization || s.mention.text }),
      [s.role, s.organization && s.name ? s.organization : null, s.channel].filter(Boolean).length ? ` — ${[s.role, s.name ? s.organization : null, s.channel].filter(Boolean).join(", ")}` : "",
    ),
  );
  return el("div", { class: "panel" }, el("h2", { text: "Sources" }), el("ul", { class: "sources" }, items));
}

function reviewPanel(data, onChanged, root) {
  const panel = el("div", { class: "panel review", id: "review-panel" }, el("h2", { text: "Review" }));
  if (!getToken()) {
    panel.append(el("p", { class: "muted", text: "Sign in with your API token (top right) to confirm, correct or reject this event." }));
    return panel;
  }
  const e = data.event;
  const msg = el("p", { class: "review-msg", role: "status" });
  const type = el("select", { name: "type" }, Object.keys(TYPES).map((t) => el("option", { value: t, text: t, selected: t === e.type })));
  const subType = el("select", { name: "subType" });
  const fillSub = () => {
    clear(subType).append(...TYPES[type.value].map((s) => el("option", { value: s, text: s, selected: s === e.subType })));
  };
  type.addEventListener("change", fillSub);
  fillSub();
  const date = el("input", { name: "date", type: "date", value: e.date.start });
  const fatalities = el("input", { name: "fatalities", type: "number", min: 0, value: e.fatalities?.best ?? "" });
  const injuries = el("input", { name: "injuries", type: "number", min: 0, value: e.injuries?.best ?? "" });
  const place = el("input", { name: "location", value: e.location?.name ?? "", disabled: !e.location });
  const comment = el("textarea", { name: "comment", rows: 2, placeholder: "why (kept in the audit trail)" });
  const send = async (body) => {
    msg.textContent = "Saving…";
    try {
      await api(`/api/events/${data.id}`, { method: "PATCH", body: { ...body, ...(comment.value.trim() && { comment: comment.value.trim() }) } });
      onChanged?.();
      await renderEventPage(root, data.id, { onChanged });
      document.querySelector("#review-panel .review-msg").textContent = "Saved.";
    } catch (err) {
      msg.textContent = err.message;
    }
  };
  const correct = () => {
    const changes = {};
    if (type.value !== e.type || subType.value !== e.subType) Object.assign(changes, { type: type.value, subType: subType.value });
    if (date.value && date.value !== e.date.start) changes.date = { start: date.value, end: date.value, precision: 1 };
    const f = fatalities.value === "" ? null : Number(fatalities.value);
    if (f !== (e.fatalities?.best ?? null)) changes.fatalities = f === null ? null : { best: f };
    const inj = injuries.value === "" ? null : Number(injuries.value);
    if (inj !== (e.injuries?.best ?? null)) changes.injuries = inj === null ? null : { best: inj };
    if (e.location && place.value.trim() && place.value.trim() !== e.location.name) {
      const { mention: _m, ...loc } = e.location;
      changes.location = { ...loc, name: place.value.trim() };
    }
    if (Object.keys(changes).length === 0) {
      msg.textContent = "Nothing changed: edit a field first, or confirm.";
      return;
    }
    send({ action: "correct", changes });
  };
  panel.append(
    el(
      "div",
      { class: "review-form" },
      el("label", {}, "Type ", type),
      el("label", {}, "Sub-type ", subType),
      el("label", {}, "Date ", date),
      el("label", {}, "Location ", place),
      el("label", {}, "Killed ", fatalities),
      el("label", {}, "Injured ", injuries),
      el("label", { class: "wide" }, "Comment ", comment),
    ),
    el(
      "div",
      { class: "buttons" },
      el("button", { type: "button", id: "btn-confirm", onclick: () => send({ action: "confirm" }), text: "Confirm" }),
      el("button", { type: "button", id: "btn-correct", onclick: correct, text: "Save correction" }),
      el("button", { type: "button", id: "btn-reject", class: "danger", onclick: () => send({ action: "reject" }), text: "Reject" }),
    ),
    msg,
  );
  return panel;
}

function short(v) {
  if (v === null || v === undefined) return "—";
  if (typeof v !== "object") return String(v);
  if ("best" in v) return String(v.best);
  if ("name" in v) return v.name;
  if ("start" in v && "end" in v) return v.start === v.end ? v.start : `${v.start}–${v.end}`;
  if (Array.isArray(v)) return v.map(short).join(", ");
  return JSON.stringify(v);
}

function auditTrail(reviews, conflicts) {
  const panel = el("div", { class: "panel", id: "audit-trail" }, el("h2", { text: "Audit trail" }));
  if (reviews.length === 0) panel.append(el("p", { class: "muted", text: "Not reviewed yet: as the machine read it." }));
  const list = el("ol", { class: "audit" });
  for (const r of reviews) {
    const changes = Object.entries(r.changes || {}).map(([k, c]) => el("li", { text: `${k}: ${short(c.from)} → ${short(c.to)}` }));
    list.append(
      el("li", {}, el("strong", { text: r.action }), ` by ${r.reviewer}, ${r.reviewedAt.replace("T", " ").slice(0, 16)} UTC`, r.reason ? el("div", { class: "reason", text: `“${r.reason}”` }) : null, changes.length ? el("ul", {}, changes) : null),
    );
  }
  panel.append(list);
  for (const c of conflicts) panel.append(el("p", { class: "conflict", text: `Pipeline ${c.pipelineVersion} disagrees: ${c.note}` }));
  return panel;
}
