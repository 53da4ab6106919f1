/**
 * The dashboard in a real browser (playwright-core driving /usr/bin/chromium): load, filter,
 * brush the timeline, open an event, see its evidence, sign in, correct a field, see the change
 * and the audit trail; hostile article markup never runs. Saves screenshots to a temporary folder,
 * or to docs/screenshots (the README's pictures) with TRUCE_SCREENSHOTS=docs.
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_FETCH } from "../../src/ingest/fetch.js";
import { ingest } from "../../src/ingest/ingest.js";
import { planInputs } from "../../src/ingest/inputs.js";
import { hashToken, newToken } from "../../src/server/auth.js";
import { startServer, type RunningServer } from "../../src/server/serve.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/store.js";

const CHROMIUM = process.env.TRUCE_CHROMIUM ?? "/usr/bin/chromium";
const CORPUS = fileURLToPath(new URL("../../examples/corpus", import.meta.url));
const SHOTS =
  process.env.TRUCE_SCREENSHOTS === "docs"
    ? fileURLToPath(new URL("../../docs/screenshots", import.meta.url))
    : mkdtempSync(join(tmpdir(), "truce-shots-"));

const HOSTILE = {
  title: "Hostile <b>markup</b> test",
  published: "2024-06-02",
  text: 'ADEN, June 1 - Gunmen shot dead three civilians at a market in Aden on Saturday <script>window.__pwned = "script"</script><img src=x onerror="window.__pwned = \'img\'">, residents said.',
};

const ready = existsSync(CHROMIUM);

(ready ? describe : describe.skip)(ready ? "dashboard in Chromium" : `dashboard in Chromium — skipped: no browser at ${CHROMIUM} (apt-get install chromium, or set TRUCE_CHROMIUM)`, () => {
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const token = newToken();
  let hostileId = 0;

  beforeAll(async () => {
    store = await openStore({ kind: "pglite", dir: undefined }, { migrate: true });
    await ingest(await planInputs([CORPUS], [], { maxBytes: 10_000_000, fetch: DEFAULT_FETCH }), { store });
    await store.addUser("Ana Analyst", "analyst", hashToken(token));
    server = await startServer({ store }, { port: 0 });
    const res = await fetch(`${server.url}/api/articles`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify(HOSTILE) });
    hostileId = ((await res.json()) as { events: { id: number }[] }).events[0]!.id;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  const loaded = () => page.waitForFunction(() => /^\d+ events/.test(document.querySelector("#status")?.textContent ?? ""));

  it("draws the map with country boundaries and event points, the timeline and the table, fast", async () => {
    const started = Date.now();
    await page.goto(`${server.url}/`);
    await loaded();
    expect(Date.now() - started).toBeLessThan(10_000); // the goal is 2 s; a loaded CI machine gets slack
    await page.waitForTimeout(400); // boundaries are fetched after the events
    const colours = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>("#map")!;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return { land: seen.has("246,244,238"), sea: seen.has("223,233,243"), distinct: seen.size };
    });
    expect(colours).toMatchObject({ land: true, sea: true });
    expect(colours.distinct).toBeGreaterThan(8);
    expect(await page.locator("#events-table tbody tr").count()).toBeGreaterThan(20);
    await page.screenshot({ path: `${SHOTS}/dashboard.png` });
  });

  it("filters by country, keeping the filter in the URL, and exports that view", async () => {
    await page.fill("#filters [name=country]", "AFG");
    await page.click("#filters button[type=submit]");
    await page.waitForURL(/country=AFG/);
    await loaded();
    const places = await page.locator("#events-table tbody tr td:nth-child(4)").allTextContents();
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) expect(p).toContain("AFG");
    expect(await page.getAttribute("#export-csv", "href")).toContain("country=AFG");
    await page.reload();
    await loaded();
    expect(await page.inputValue("#filters [name=country]")).toBe("AFG");
    await page.click("#clear-filters");
    await loaded();
  });

  it("brushing the timeline sets the period", async () => {
    const box = (await page.locator("#timeline").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.95, box.y + 40, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
    await loaded();
    await page.click("#clear-period");
    await page.waitForURL((u) => !u.search.includes("from="));
  });

  it("opens an event from the table: its article with the evidence and, on hover, a field's words highlighted", async () => {
    await loaded();
    await page.click("#events-table tbody tr:first-child");
    await page.waitForURL(/\/events\/\d+/);
    await page.waitForSelector("#article-text .hl.ev");
    const field = page.locator("#event-fields tr[data-field]").first();
    await field.hover();
    const key = await field.getAttribute("data-field");
    const hot = await page.locator("#article-text .hl.hot").allTextContents();
    expect(hot.join("").length).toBeGreaterThan(0);
    expect(await page.locator(`#article-text [data-fields~="${key}"]`).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/event.png` });
  });

  it("shows script and onerror in an article as text, never running them", async () => {
    await page.goto(`${server.url}/events/${hostileId}`);
    await page.waitForSelector("#article-text");
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator("#article-text script, #article-text img").count()).toBe(0);
    expect(await page.textContent("#article-text")).toContain('<img src=x onerror="window.__pwned');
    expect(await page.textContent("h2")).toContain("Hostile <b>markup</b> test");
  });

  it("a signed-in analyst corrects a field and sees the change, the audit trail and the table row", async () => {
    await page.fill("#token", token);
    await page.click("#signin-btn");
    await page.waitForSelector("#whoami:not([hidden])");
    expect(await page.textContent("#whoami")).toContain("Ana Analyst");
    await page.waitForSelector("#review-panel [name=fatalities]");
    await page.fill("#review-panel [name=fatalities]", "4");
    await page.fill("#review-panel [name=comment]", "the hospital counted four");
    await page.click("#btn-correct");
    await page.waitForFunction(() => document.querySelector("#event-status")?.textContent === "corrected");
    const trail = await page.textContent("#audit-trail");
    expect(trail).toContain("correct by Ana Analyst");
    expect(trail).toContain("fatalities: 3 → 4");
    expect(trail).toContain("the hospital counted four");
    await page.screenshot({ path: `${SHOTS}/review.png`, fullPage: true });
    await page.click("text=← back to the dashboard");
    await loaded();
    const row = page.locator(`#events-table tbody tr[data-id="${hostileId}"]`);
    expect(await row.locator("td:nth-child(6)").textContent()).toBe("4");
    expect(await row.locator("td:nth-child(7)").textContent()).toBe("corrected");
  });
});
