/**
 * The HTTP API through `app.request()` (no port): on PGlite always, and on PostgreSQL when
 * TRUCE_TEST_DATABASE_URL is set. Articles are invented wire copy, extracted for real.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/app.js";
import { hashToken, newToken } from "../../src/server/auth.js";
import type { ErrorBody } from "../../src/server/errors.js";
import { openPglite } from "../../src/store/pglite.js";
import { openPostgres } from "../../src/store/postgres.js";
import { selectSeries } from "../../src/store/series.js";
import { createStore } from "../../src/store/sql-store.js";
import type { Db } from "../../src/store/db.js";
import type { Store, StoredEvent } from "../../src/store/store.js";
import type { EventDetail, CompactEvent } from "../../src/server/views.js";

const ARTICLES = [
  {
    title: "Gunmen kill seven at checkpoint",
    published: "2024-03-06",
    text: "KANDAHAR, Afghanistan, March 5 (Reuters) - Taliban fighters attacked a police checkpoint in Kandahar province on Tuesday, killing seven policemen and wounding three others, a provincial spokesman said.",
  },
  {
    title: "Drone strike in Mogadishu",
    published: "2024-04-11",
    text: "MOGADISHU, April 10 (AP) - A drone strike hit an al-Shabaab camp near Mogadishu on Wednesday, killing twelve militants, Somali military officials said.",
  },
  {
    title: "Hostile markup",
    published: "2024-04-20",
    text: 'KHARTOUM, April 19 - Gunmen killed two civilians in Khartoum on Friday <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">, witnesses said.',
  },
];

interface Backend {
  name: string;
  openDb: () => Promise<Db>;
  cleanup?: (db: Db) => Promise<void>;
}

function suite(backend: Backend) {
  describe(`HTTP API on ${backend.name}`, () => {
    let db: Db;
    let store: Store;
    let app: ReturnType<typeof createApp>;
    const token = newToken();
    const auth = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const ids: number[] = [];

    const get = async <T = unknown>(path: string, headers: Record<string, string> = {}) => {
      const res = await app.request(path, { headers });
      return { res, body: (res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text()) as T };
    };
    const send = async <T = unknown>(method: string, path: string, body: unknown, headers: Record<string, string> = auth) => {
      const res = await app.request(path, { method, headers, body: typeof body === "string" ? body : JSON.stringify(body) });
      return { res, body: (await res.json()) as T };
    };

    beforeAll(async () => {
      db = await backend.openDb();
      store = createStore(db, backend.name);
      await store.migrate();
      await store.addUser("Ana Analyst", "analyst", hashToken(token));
      app = createApp({ store, log: () => {} });
      for (const a of ARTICLES) {
        const { res, body } = await send<{ events: StoredEvent[] }>("POST", "/api/articles", a);
        expect(res.status).toBe(201);
        ids.push(...body.events.map((e) => e.id));
      }
    });

    afterAll(async () => {
      await backend.cleanup?.(db);
      await store?.close();
    });

    it("stores an article, extracts its events and answers a second post of it as a duplicate", async () => {
      expect(ids.length).toBeGreaterThanOrEqual(3);
      const again = await send<{ outcome: string; events: StoredEvent[] }>("POST", "/api/articles", ARTICLES[0]);
      expect(again.res.status).toBe(200);
      expect(again.body.outcome).toBe("duplicate");
      expect(again.body.events.length).toBeGreaterThan(0);
    });

    it("health, OpenAPI document and docs page", async () => {
      expect((await get<{ status: string }>("/api/health")).body.status).toBe("ok");
      const doc = (await get<{ openapi: string; paths: Record<string, unknown> }>("/api/openapi.json")).body;
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/events", "/api/events/{id}", "/api/articles", "/api/series", "/api/stream", "/api/health"]));
      const docs = await get<string>("/api/docs");
      expect(docs.res.status).toBe(200);
      expect(docs.body).toContain("/api/events/{id}");
    });

    it.each([
      ["country=AFG", (e: CompactEvent) => e.iso3 === "AFG"],
      ["country=Somalia", (e: CompactEvent) => e.iso3 === "SOM"],
      ["type=battles", (e: CompactEvent) => e.type === "Battles"],
      ["minFatalities=10", (e: CompactEvent) => (e.fatalities ?? 0) >= 10],
      ["from=2024-04-01&to=2024-04-30", (e: CompactEvent) => e.date >= "2024-04-01" && e.date <= "2024-04-30"],
      ["bbox=60,25,75,35", (e: CompactEvent) => e.lon! >= 60 && e.lon! <= 75 && e.lat! >= 25 && e.lat! <= 35],
      ["actor=taliban", (e: CompactEvent) => e.actors.some((a) => /taliban/i.test(a))],
      ["q=drone%20strike", (e: CompactEvent) => e.iso3 === "SOM"],
    ])("GET /api/events?%s filters", async (query, ok) => {
      const { res, body } = await get<{ total: number; events: CompactEvent[] }>(`/api/events?view=compact&${query}`);
      expect(res.status).toBe(200);
      expect(body.events.length).toBeGreaterThan(0);
      expect(body.total).toBe(body.events.length);
      for (const e of body.events) expect(ok(e)).toBe(true);
    });

    it("the compact view says what the full view says, in the same order", async () => {
      const full = (await get<{ events: StoredEvent[] }>("/api/events?limit=1000&includeRejected=true")).body.events;
      const flat = (await get<{ events: CompactEvent[] }>("/api/events?view=compact&limit=1000&includeRejected=true")).body.events;
      expect(flat).toEqual(
        full.map((s) => ({
          id: s.id,
          status: s.status,
          date: s.event.date.start,
          type: s.event.type,
          subType: s.event.subType,
          location: s.event.location?.name ?? null,
          admin1: s.event.location?.admin1 ?? null,
          country: s.event.location?.country ?? null,
          iso3: s.event.location?.iso3 ?? null,
          lat: s.event.location?.lat ?? null,
          lon: s.event.location?.lon ?? null,
          fatalities: s.event.fatalities?.best ?? null,
          injuries: s.event.injuries?.best ?? null,
          actors: s.event.actors.filter((a) => a.role === "actor1" || a.role === "actor2").map((a) => a.name),
          articleId: s.article.dbId,
          title: s.article.title ?? null,
        })),
      );
    });

    it("takes an empty query parameter as no filter, as an HTML form sends it", async () => {
      const all = (await get<{ total: number }>("/api/events")).body.total;
      expect((await get<{ total: number }>("/api/events?country=&type=&q=")).body.total).toBe(all);
    });

    it("pages with limit and offset, counting the whole match", async () => {
      const all = (await get<{ total: number; events: StoredEvent[] }>("/api/events")).body;
      const page = (await get<{ total: number; limit: number; offset: number; events: StoredEvent[] }>("/api/events?limit=1&offset=1")).body;
      expect(page).toMatchObject({ total: all.total, limit: 1, offset: 1 });
      expect(page.events.map((e) => e.id)).toEqual([all.events[1]!.id]);
    });

    it("exports the filtered view as ACLED CSV and as GeoJSON", async () => {
      const csv = await get<string>("/api/events?format=csv&country=AFG");
      expect(csv.res.headers.get("content-type")).toContain("text/csv");
      const lines = csv.body.trim().split("\r\n");
      expect(lines[0]).toMatch(/^event_id_cnty,event_date/);
      expect(lines.length).toBeGreaterThan(1);
      expect(lines.slice(1).every((l) => l.includes("AFG") || l.includes("Afghanistan"))).toBe(true);
      const geo = await app.request("/api/events?format=geojson");
      const fc = JSON.parse(await geo.text()) as { type: string; features: { geometry: unknown }[] };
      expect(fc.type).toBe("FeatureCollection");
      expect(fc.features.length).toBe(ids.length);
    });

    it("gives an event with its article text, true evidence spans, sources and (empty) review history", async () => {
      const { body } = await get<EventDetail>(`/api/events/${ids[0]}`);
      expect(body.articleText).toContain("KANDAHAR");
      expect(body.event.evidence.length).toBeGreaterThan(0);
      for (const s of body.event.evidence) expect(body.articleText.slice(s.start, s.end)).toBe(s.text);
      expect(body.reviews).toEqual([]);
    });

    it("keeps hostile markup of an article as plain text in the JSON", async () => {
      const found = (await get<{ events: StoredEvent[] }>("/api/events?country=SDN")).body.events[0]!;
      const { body } = await get<EventDetail>(`/api/events/${found.id}`);
      expect(body.articleText).toContain("<script>window.__pwned = 1</script>");
    });

    it("refuses writes without a token, with an unknown token, and reads stay open", async () => {
      const none = await send<ErrorBody>("PATCH", `/api/events/${ids[0]}`, { action: "confirm" }, { "Content-Type": "application/json" });
      expect(none.res.status).toBe(401);
      expect(none.res.headers.get("www-authenticate")).toContain("Bearer");
      expect(none.body.error).toMatchObject({ status: 401, code: "unauthorized" });
      const wrong = await send<ErrorBody>("POST", "/api/articles", ARTICLES[0], { Authorization: "Bearer truce_nope", "Content-Type": "application/json" });
      expect(wrong.res.status).toBe(401);
      const add = await send<ErrorBody>("POST", "/api/events", {}, { "Content-Type": "application/json" });
      expect(add.res.status).toBe(401);
      expect((await get("/api/events")).res.status).toBe(200);
    });

    it("a correction changes the fields, keeps the words' span, and is kept in the audit trail with the reviewer", async () => {
      const id = ids[0]!;
      const before = (await get<EventDetail>(`/api/events/${id}`)).body;
      const { res, body } = await send<StoredEvent>("PATCH", `/api/events/${id}`, { action: "correct", comment: "the ministry says eight", changes: { fatalities: { best: 8 } } });
      expect(res.status).toBe(200);
      expect(body.status).toBe("corrected");
      expect(body.event.fatalities?.best).toBe(8);
      expect(body.event.fatalities?.mention).toEqual(before.event.fatalities?.mention);
      const after = (await get<EventDetail>(`/api/events/${id}`)).body;
      expect(after.reviews).toHaveLength(1);
      expect(after.reviews[0]).toMatchObject({ action: "correct", reviewer: "Ana Analyst", reason: "the ministry says eight" });
      expect(after.reviews[0]!.changes.fatalities).toMatchObject({ from: { best: before.event.fatalities?.best }, to: { best: 8 } });
    });

    it("confirm, then reject: a rejected event leaves the list unless asked for", async () => {
      const id = ids[1]!;
      expect((await send<StoredEvent>("PATCH", `/api/events/${id}`, { action: "confirm" })).body.status).toBe("confirmed");
      expect((await send<StoredEvent>("PATCH", `/api/events/${id}`, { action: "reject", comment: "duplicate report" })).body.status).toBe("rejected");
      const list = (await get<{ events: StoredEvent[] }>("/api/events?limit=1000")).body.events.map((e) => e.id);
      expect(list).not.toContain(id);
      const withRejected = (await get<{ events: StoredEvent[] }>("/api/events?includeRejected=true&limit=1000")).body.events.map((e) => e.id);
      expect(withRejected).toContain(id);
      expect((await get<EventDetail>(`/api/events/${id}`)).body.reviews.map((r) => r.action)).toEqual(["confirm", "reject"]);
    });

    it("adds an event a reader found, with its evidence taken from the article", async () => {
      const articleId = (await get<EventDetail>(`/api/events/${ids[0]}`)).body.article.dbId;
      const text = ARTICLES[0]!.text;
      const start = text.indexOf("Taliban fighters");
      const body = {
        articleId,
        comment: "the wounded were in a second attack",
        event: { type: "Battles", subType: "Armed clash", date: { start: "2024-03-05" }, evidence: [{ start, end: start + 40 }], fatalities: { best: 1 } },
      };
      const { res, body: added } = await send<StoredEvent>("POST", "/api/events", body);
      expect(res.status).toBe(201);
      expect(added.status).toBe("confirmed");
      expect(added.event.evidence[0]!.text).toBe(text.slice(start, start + 40));
      const detail = (await get<EventDetail>(`/api/events/${added.id}`)).body;
      expect(detail.reviews[0]).toMatchObject({ action: "add", reviewer: "Ana Analyst" });
      const past = await send<ErrorBody>("POST", "/api/events", { ...body, event: { ...body.event, evidence: [{ start: 0, end: 100_000 }] } });
      expect(past.res.status).toBe(422);
      const nowhere = await send<ErrorBody>("POST", "/api/events", { ...body, articleId: 999_999 });
      expect(nowhere.res.status).toBe(404);
    });

    it("series per day and per week, by type, country and actor", async () => {
      const day = (await get<{ points: { period: string; key: string; events: number; fatalities: number }[] }>("/api/series")).body.points;
      expect(day.length).toBeGreaterThan(0);
      const week = (await get<{ interval: string; points: { period: string }[] }>("/api/series?interval=week&groupBy=type")).body;
      expect(week.interval).toBe("week");
      for (const p of week.points) expect(new Date(`${p.period}T00:00:00Z`).getUTCDay()).toBe(1);
      const byCountry = (await get<{ points: { key: string }[] }>("/api/series?groupBy=country")).body.points.map((p) => p.key);
      expect(byCountry).toEqual(expect.arrayContaining(["AFG", "SDN"]));
      const byActor = (await get<{ points: { key: string }[] }>("/api/series?groupBy=actor&country=AFG")).body.points.map((p) => p.key);
      expect(byActor.some((k) => /taliban/i.test(k))).toBe(true);
      const total = day.reduce((n, p) => n + p.events, 0);
      const listed = (await get<{ events: CompactEvent[] }>("/api/events?view=compact&limit=1000")).body.events.filter((e) => e.date).length;
      expect(total).toBe(listed);
    });

    it.each([
      ["/api/events?from=2024-02-30", "from"],
      ["/api/events?from=2024-05-01&to=2024-04-01", "from"],
      ["/api/events?type=Skirmish", "type"],
      ["/api/events?type=Battles&subType=Grenade", "subType"],
      ["/api/events?bbox=1,2,3", "bbox"],
      ["/api/events?bbox=200,0,10,10", "bbox"],
      ["/api/events?limit=0", "limit"],
      ["/api/events?limit=abc", "limit"],
      ["/api/events?minFatalities=-1", "minFatalities"],
      ["/api/events?format=xml", "format"],
      ["/api/events?offset=1e99", "offset"],
      ["/api/events?q=" + "x".repeat(300), "q"],
      ["/api/series?interval=month", "interval"],
      ["/api/series?groupBy=weapon", "groupBy"],
    ])("GET %s is a 400 naming %s", async (path, field) => {
      const { res, body } = await get<ErrorBody>(path);
      expect(res.status).toBe(400);
      expect(body.error.code).toBe("bad_request");
      expect(body.error.issues?.map((i) => i.path)).toContain(field);
    });

    it.each([
      ["/api/events/abc", 400],
      ["/api/events/0", 400],
      ["/api/events/99999999", 404],
      ["/api/nothing", 404],
    ])("GET %s → %i in the error shape", async (path, status) => {
      const { res, body } = await get<ErrorBody>(path);
      expect(res.status).toBe(status);
      expect(body.error.status).toBe(status);
      expect(typeof body.error.message).toBe("string");
    });

    it.each([
      ["not JSON", "{", 400],
      ["an array", "[]", 400],
      ["no action", {}, 400],
      ["an unknown action", { action: "approve" }, 400],
      ["a correction without changes", { action: "correct" }, 400],
      ["changes to a confirm", { action: "confirm", changes: { type: "Riots" } }, 400],
      ["an unknown field", { action: "correct", changes: { colour: "red" } }, 400],
      ["a sub-type of another type", { action: "correct", changes: { type: "Riots", subType: "Grenade" } }, 422],
      ["negative fatalities", { action: "correct", changes: { fatalities: { best: -3 } } }, 400],
      ["a bad date", { action: "correct", changes: { date: { start: "yesterday" } } }, 400],
    ])("PATCH with %s is refused with a 4xx", async (_what, body, status) => {
      const res = await send<ErrorBody>("PATCH", `/api/events/${ids[2]}`, body);
      expect(res.res.status).toBe(status);
      expect(res.body.error.status).toBe(status);
    });

    it.each([
      ["neither text nor html", { title: "x" }],
      ["both text and html", { text: "a", html: "<p>a</p>" }],
      ["an unknown field", { text: "a", colour: "red" }],
      ["a javascript: url", { text: "a", url: "javascript:alert(1)" }],
    ])("POST /api/articles with %s is a 400", async (_what, body) => {
      expect((await send("POST", "/api/articles", body)).res.status).toBe(400);
    });

    it("refuses a body sent as something else than JSON with 415, and an empty article with 422", async () => {
      const res = await app.request("/api/articles", { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/plain" }, body: "hello" });
      expect(res.status).toBe(415);
      expect((await send("POST", "/api/articles", { text: "   \n  " })).res.status).toBe(422);
    });

    it("sends Content-Security-Policy and friends on pages and API answers", async () => {
      for (const path of ["/", "/api/events", "/events/1"]) {
        const res = await app.request(path);
        expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      }
      expect(await (await app.request("/")).text()).toContain('<script type="module" src="/web/app.js">');
      expect((await app.request("/web/../../package.json")).status).toBe(404);
      expect((await app.request("/world/countries-110m.json")).status).toBe(200);
      const admin1 = await app.request("/world/admin1-boundaries.json");
      expect(admin1.status).toBe(200);
      expect(admin1.headers.get("content-type")).toContain("application/json");
      expect(Array.isArray(((await admin1.json()) as { lines: unknown }).lines)).toBe(true);
    });

    it("announces changed events on /api/stream", async () => {
      const controller = new AbortController();
      const res = await app.request("/api/stream", { signal: controller.signal });
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      const reader = res.body!.getReader();
      const dec = new TextDecoder();
      let seen = dec.decode((await reader.read()).value);
      expect(seen).toContain("event: hello");
      await send("PATCH", `/api/events/${ids[2]}`, { action: "confirm" });
      while (!seen.includes("event: changed")) seen += dec.decode((await reader.read()).value);
      expect(seen).toContain(`"ids":[${ids[2]}]`);
      controller.abort();
      await reader.cancel();
    });

    it("answers /api/me for a token and 401 without", async () => {
      expect((await get("/api/me", auth)).body).toEqual({ name: "Ana Analyst", role: "analyst" });
      expect((await get("/api/me")).res.status).toBe(401);
    });

    it("the daily rollup behind /api/series agrees with the events after corrections, rejections and additions", async () => {
      const filters = [{}, { country: "AFG" }, { from: "2024-04-01" }, { type: "Battles" }, { includeRejected: true }, { status: "corrected" as const }];
      for (const groupBy of ["none", "country", "admin1", "type"] as const) {
        for (const interval of ["day", "week"] as const) {
          for (const f of filters) expect(await store.series(f, { interval, groupBy })).toEqual(await selectSeries(db, f, { interval, groupBy }, false));
        }
      }
    });

    describe("with limits", () => {
      it("refuses a body over the limit with 413 before reading it", async () => {
        const small = createApp({ store, maxBodyBytes: 1000 });
        const res = await small.request("/api/articles", { method: "POST", headers: auth, body: JSON.stringify({ text: "x".repeat(5000) }) });
        expect(res.status).toBe(413);
        expect(((await res.json()) as ErrorBody).error.code).toBe("payload_too_large");
      });

      it("rate-limits writes with 429 and Retry-After", async () => {
        const slow = createApp({ store, writesPerMinute: 2 });
        const statuses: number[] = [];
        for (let i = 0; i < 3; i++) statuses.push((await slow.request(`/api/events/${ids[2]}`, { method: "PATCH", headers: auth, body: JSON.stringify({ action: "confirm" }) })).status);
        expect(statuses).toEqual([200, 200, 429]);
        const res = await slow.request(`/api/events/${ids[2]}`, { method: "PATCH", headers: auth, body: "{}" });
        expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      });

      it("a closed server asks readers for a token too, but not for health", async () => {
        const closed = createApp({ store, readAccess: "token" });
        expect((await closed.request("/api/events")).status).toBe(401);
        expect((await closed.request("/api/events", { headers: auth })).status).toBe(200);
        expect((await closed.request("/api/health")).status).toBe(200);
      });
    });
  });
}

suite({ name: "PGlite", openDb: () => openPglite(undefined) });

const url = process.env.TRUCE_TEST_DATABASE_URL;
if (url) {
  const schema = `truce_api_${process.pid}_${Date.now().toString(36)}`;
  suite({ name: "PostgreSQL", openDb: () => openPostgres(url, { schema }), cleanup: (db) => db.exec(`DROP SCHEMA ${schema} CASCADE`) });
} else {
  describe.skip("HTTP API on PostgreSQL — skipped: set TRUCE_TEST_DATABASE_URL=postgres://user:pass@host/db to run it (.ci/run does)", () => {
    it("runs the same suite against a PostgreSQL server", () => {});
  });
}
