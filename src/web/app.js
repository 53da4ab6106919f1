// The dashboard: filters in the URL drive the map, the timeline and the table; /events/:id
// is the event page. No framework, no build step.
import { api, getToken, setToken } from "./api.js";
import { clear, el, where } from "./dom.js";
import { renderEventPage } from "./event.js";
import { FILTER_KEYS, TYPES, TYPE_COLOURS, queryOf, readFilters, writeFilters } from "./filters.js";
import { EventMap } from "./map.js";
import { EventTable } from "./table.js";
import { Timeline } from "./timeline.js";

const MAP_LIMIT = 10000;
const $ = (sel) => document.querySelector(sel);

const state = { filters: {}, loaded: null };
let map;
let timeline;
let table;

function init() {
  fillTypeSelects();
  legend();
  map = new EventMap($("#map"), { onSelect: showDetails });
  map.loadBoundaries("/world/countries-50m.json").catch((err) => status(`Map boundaries failed to load: ${err.message}`));
  timeline = new Timeline($("#timeline"), { onBrush: (from, to) => applyFilters({ ...state.filters, from, to }) });
  table = new EventTable($("#events-table"), $("#table-note"), { onOpen: (e) => navigate(`/events/${e.id}`) });
  $("#filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    applyFilters(formFilters());
  });
  $("#filters [name=type]").addEventListener("change", () => fillSubTypes($("#filters [name=type]").value, ""));
  $("#clear-filters").addEventListener("click", () => applyFilters({}));
  $("#clear-period").addEventListener("click", () => applyFilters({ ...state.filters, from: undefined, to: undefined }));
  document.addEventListener("click", (ev) => {
    const a = ev.target.closest("a[data-link]");
    if (!a || ev.ctrlKey || ev.metaKey) return;
    ev.preventDefault();
    navigate(a.getAttribute("href"));
  });
  window.addEventListener("popstate", route);
  signIn();
  listen();
  route();
}

function navigate(url) {
  history.pushState(null, "", url);
  route();
}

function route() {
  const m = /^\/events\/(\d+)$/.exec(location.pathname);
  $("#dashboard").hidden = Boolean(m);
  $("#event-page").hidden = !m;
  if (m) {
    renderEventPage($("#event-page"), m[1], { onChanged: () => (state.loaded = null) });
    window.scrollTo(0, 0);
    return;
  }
  state.filters = readFilters();
  fillForm(state.filters);
  load();
}

function applyFilters(filters) {
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ""));
  writeFilters(clean);
  route();
}

async function load(force = false) {
  const q = queryOf(state.filters);
  if (!force && state.loaded === q) return;
  state.loaded = q;
  $("#export-csv").href = `/api/events?${queryOf(state.filters, { format: "csv", bom: "true" })}`;
  $("#export-geojson").href = `/api/events?${queryOf(state.filters, { format: "geojson" })}`;
  status("Loading…");
  const { from, to, ...rest } = state.filters;
  const started = performance.now();
  try {
    const [events, series] = await Promise.all([
      api(`/api/events?${queryOf(state.filters, { view: "compact", limit: MAP_LIMIT })}`),
      api(`/api/series?${queryOf(rest, { interval: "day" })}`),
    ]);
    const located = events.events.filter((e) => e.lat !== null).length;
    map.setEvents(events.events, { fit: true });
    timeline.setData(series.points, series.interval, from || to ? [from || series.points[0]?.period, to || series.points.at(-1)?.period] : null);
    $("#clear-period").hidden = !(from || to);
    const total = `${events.total}${events.totalIsExact === false ? "+" : ""}`;
    table.setEvents(events.events, events.total, total);
    status(`${total} events${events.total > events.events.length ? ` (${events.events.length} drawn)` : ""}, ${located} on the map · ${Math.round(performance.now() - started)} ms`);
  } catch (err) {
    state.loaded = null;
    status(err.message, true);
  }
}

function showDetails(e) {
  map.select(e.id);
  clear($("#details")).append(
    el("h3", { text: `${e.subType}` }),
    el("p", { class: "muted", text: `${e.date || "undated"} · ${where(e) || "place unknown"}` }),
    el("p", { text: e.actors.join(" vs ") || "actors unknown" }),
    el("p", { text: `Killed: ${e.fatalities ?? "—"} · Injured: ${e.injuries ?? "—"}` }),
    e.title ? el("p", { class: "muted", text: e.title }) : null,
    el("a", { href: `/events/${e.id}`, "data-link": true, class: "button", text: "Open the event and its evidence →" }),
  );
}

function status(text, error = false) {
  const s = $("#status");
  s.textContent = text;
  s.classList.toggle("error", error);
}

function formFilters() {
  const form = $("#filters");
  const out = {};
  for (const k of FILTER_KEYS) {
    const v = form.elements[k]?.value?.trim();
    if (v) out[k] = v;
  }
  return out;
}

function fillForm(filters) {
  const form = $("#filters");
  fillSubTypes(filters.type || "", filters.subType || "");
  for (const k of FILTER_KEYS) if (form.elements[k]) form.elements[k].value = filters[k] || "";
}

function fillTypeSelects() {
  const select = $("#filters [name=type]");
  for (const t of Object.keys(TYPES)) select.append(el("option", { value: t, text: t }));
  fillSubTypes("", "");
}

function fillSubTypes(type, selected) {
  const select = $("#filters [name=subType]");
  const subs = type ? TYPES[type] : Object.values(TYPES).flat();
  clear(select).append(el("option", { value: "", text: "any" }), ...subs.map((s) => el("option", { value: s, text: s, selected: s === selected })));
}

function legend() {
  $("#legend").append(
    ...Object.entries(TYPE_COLOURS).map(([t, c]) => {
      const dot = el("span", { class: "dot" });
      dot.style.background = c;
      return el("div", {}, dot, t);
    }),
    el("div", { class: "muted", text: "size: fatalities" }),
  );
}

async function signIn() {
  const form = $("#signin");
  const show = (user) => {
    $("#whoami").hidden = !user;
    $("#whoami").textContent = user ? `Signed in as ${user.name} (${user.role})` : "";
    $("#token").hidden = Boolean(user);
    $("#signin-btn").hidden = Boolean(user);
    $("#signout-btn").hidden = !user;
  };
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const token = $("#token").value.trim();
    if (!token) return;
    try {
      const user = await api("/api/me", { token });
      setToken(token);
      $("#token").value = "";
      show(user);
      route();
    } catch (err) {
      status(`Sign-in failed: ${err.message}`, true);
    }
  });
  $("#signout-btn").addEventListener("click", () => {
    setToken("");
    show(null);
    route();
  });
  if (getToken()) {
    try {
      show(await api("/api/me"));
    } catch {
      setToken("");
      show(null);
    }
  }
}

/** New and changed events (from this server) refresh the dashboard. */
function listen() {
  if (!window.EventSource) return;
  const source = new EventSource("/api/stream");
  let timer;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.loaded = null;
      if (!$("#dashboard").hidden) load(true);
    }, 400);
  };
  source.addEventListener("created", refresh);
  source.addEventListener("changed", refresh);
}

init();
