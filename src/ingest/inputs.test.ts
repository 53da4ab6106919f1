import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planInputs, type Item } from "./inputs.js";

const OPTIONS = { maxBytes: 100_000, fetch: { timeoutMs: 1000, maxBytes: 100_000 } };

const CLASH = "Security forces clashed with gunmen in the hills outside Dera Ismail Khan on Friday, leaving three attackers dead, police said.";
const STRIKE = "An air strike hit a weapons store near Idlib late on Sunday, a war monitor said.";

let dir = "";

function write(rel: string, content: string | Buffer): void {
  const path = join(dir, rel);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
}

async function collect(paths: string[], feeds: string[] = [], readStdin?: () => Uint8Array): Promise<Item[]> {
  const out: Item[] = [];
  for (const source of await planInputs(paths, feeds, { ...OPTIONS, readStdin })) for await (const item of source.items()) out.push(item);
  return out;
}

const rel = (items: Item[]) => items.map((i) => ({ ...i, name: i.name.replace(`${dir}/`, "") }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "truce-inputs-"));
  write("pk/article.txt", CLASH);
  write("pk/meta.json", JSON.stringify({ published: "2023-11-10", source: "Frontier Post", title: "Three militants killed", license: "test" }));
  write("pk/expected.json", JSON.stringify({ version: 1, article: { id: "pk" }, events: [], tallies: [] }));
  write("sy/strike.html", `<html><head><title>Strike near Idlib</title></head><body><p>${STRIKE}</p></body></html>`);
  write("sy/strike.meta.json", JSON.stringify({ published: "2023-11-12", url: "https://example.org/idlib" }));
  write("batch.jsonl", [JSON.stringify({ id: "j1", text: CLASH, published: "2023-11-10" }), "", "{not json", JSON.stringify({ id: "j3", title: "no body" }), JSON.stringify({ id: 4, html: `<p>${STRIKE}</p>` })].join("\n"));
  write("list.json", JSON.stringify([{ text: "First." }, { html: "<p>Second.</p>" }]));
  write("feeds/wire.rss", `<rss version="2.0"><channel><title>Wire</title><item><title>Blast in Quetta</title><guid>q1</guid><pubDate>Mon, 13 Nov 2023 10:00:00 +0500</pubDate><description>A blast hit a market in Quetta.</description></item></channel></rss>`);
  write(".hidden/secret.txt", "not to be read");
  write("notes.md", "# my notes");
  write("image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  write("empty.txt", "");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("planInputs over a folder", () => {
  it("walks it recursively in a stable order, by extension, with sidecar metadata, skipping hidden files, extraction outputs and unknown types", async () => {
    const items = rel(await collect([dir]));
    expect(items.map((i) => i.name)).toEqual([
      "batch.jsonl:1",
      "batch.jsonl:3",
      "batch.jsonl:4",
      "batch.jsonl:5",
      "empty.txt",
      "feeds/wire.rss#1 (Blast in Quetta)",
      "list.json[0]",
      "list.json[1]",
      "pk/article.txt",
      "sy/strike.html",
    ]);
    const byName = new Map(items.map((i) => [i.name, i]));
    expect(byName.get("pk/article.txt")).toMatchObject({ kind: "item", format: "text", text: CLASH, id: "pk", published: "2023-11-10", source: "Frontier Post", title: "Three militants killed" });
    expect(byName.get("sy/strike.html")).toMatchObject({ kind: "item", format: "html", id: "strike", published: "2023-11-12", url: "https://example.org/idlib" });
    expect(byName.get("batch.jsonl:1")).toMatchObject({ kind: "item", format: "jsonl", id: "j1", text: CLASH, published: "2023-11-10" });
    expect(byName.get("batch.jsonl:3")).toMatchObject({ kind: "bad", reason: expect.stringMatching(/^invalid JSON/) });
    expect(byName.get("batch.jsonl:4")).toEqual({ kind: "bad", name: "batch.jsonl:4", reason: 'not an article: needs a "text" or an "html" field' });
    expect(byName.get("batch.jsonl:5")).toMatchObject({ kind: "item", id: "4", html: `<p>${STRIKE}</p>` });
    expect(byName.get("empty.txt")).toEqual({ kind: "bad", name: "empty.txt", reason: "empty input, nothing to extract" });
    expect(byName.get("feeds/wire.rss#1 (Blast in Quetta)")).toMatchObject({ kind: "item", format: "feed", id: "q1", text: "A blast hit a market in Quetta.", published: "2023-11-13", source: "Wire" });
    expect(byName.get("list.json[1]")).toMatchObject({ kind: "item", format: "json", html: "<p>Second.</p>" });
  });

  it("counts the items it expects, for the progress bar", async () => {
    const sources = await planInputs([join(dir, "batch.jsonl")], [], OPTIONS);
    expect(sources.map((s) => s.count)).toEqual([4]);
  });
});

describe("planInputs over single inputs", () => {
  it.each([
    ["a missing path", "nope.txt", "no such file or folder"],
    ["a binary file", "image.png", "binary data, not text (expected a UTF-8 news article)"],
    ["an extraction given by name", "pk/expected.json", "an extraction (truce extract output), not an article"],
    ["a metadata file given by name", "pk/meta.json", 'not an article: needs a "text" or an "html" field'],
  ])("%s is a bad item with its reason", async (_, path, reason) => {
    const items = rel(await collect([join(dir, path)]));
    expect(items).toEqual([{ kind: "bad", name: path, reason }]);
  });

  it("stdin: sniffs JSONL, a feed, HTML or plain text", async () => {
    const bytes = (s: string) => () => Buffer.from(s);
    expect(await collect(["-"], [], bytes(`${JSON.stringify({ text: CLASH })}\n${JSON.stringify({ text: STRIKE })}\n`))).toHaveLength(2);
    expect((await collect(["-"], [], bytes(`<?xml version="1.0"?><rss><channel><item><title>T</title><description>${STRIKE}</description></item></channel></rss>`)))[0]).toMatchObject({ format: "feed", text: STRIKE });
    expect((await collect(["-"], [], bytes(`<!DOCTYPE html><html><body><p>${STRIKE}</p></body></html>`)))[0]).toMatchObject({ format: "html", name: "stdin" });
    expect((await collect(["-"], [], bytes(CLASH)))[0]).toEqual({ kind: "item", name: "stdin", origin: "stdin", format: "text", text: CLASH, id: "stdin" });
    expect(await collect(["-"], [], bytes(""))).toEqual([{ kind: "bad", name: "stdin", reason: "empty input, nothing to extract" }]);
  });

  it("a feed URL that cannot be fetched is one bad item", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/feed.xml`;
    await new Promise((resolve) => closed.close(resolve));
    expect(await collect([], [url])).toEqual([{ kind: "bad", name: url, reason: "connection refused" }]);
  });
});
