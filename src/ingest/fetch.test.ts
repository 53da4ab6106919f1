import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchText } from "./fetch.js";

const FEED = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local</title><item><title>Clashes in Marib</title><description>Fighting resumed near Marib on Monday.</description></item></channel></rss>`;

let base = "";
const sockets = new Set<import("node:net").Socket>();
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  switch (req.url) {
    case "/feed.xml":
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
      res.end(FEED);
      return;
    case "/latin1.xml":
      res.writeHead(200, { "content-type": "application/xml" });
      res.end(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\xe9</title></channel></rss>', "latin1"));
      return;
    case "/missing":
      res.writeHead(404, "Not Found");
      res.end();
      return;
    case "/declared-big":
      res.writeHead(200, { "content-length": String(50_000) });
      res.end("x".repeat(50_000));
      return;
    case "/streamed-big":
      // No length announced: the limit must be enforced while reading.
      res.writeHead(200, { "content-type": "application/xml" });
      for (let i = 0; i < 50; i++) res.write("y".repeat(1000));
      res.end();
      return;
    case "/slow":
      res.writeHead(200);
      res.write("<rss>");
      return; // never ends
    default:
      res.writeHead(500);
      res.end();
  }
});

beforeAll(async () => {
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const opts = { timeoutMs: 2000, maxBytes: 10_000 };

describe("fetchText", () => {
  it("fetches a feed", async () => {
    expect(await fetchText(`${base}/feed.xml`, opts)).toBe(FEED);
  });

  it("decodes by the XML declaration's encoding", async () => {
    expect(await fetchText(`${base}/latin1.xml`, opts)).toContain("<title>Café</title>");
  });

  it.each([
    ["an HTTP error", "/missing", /\/missing: HTTP 404 Not Found$/],
    ["a declared size over the limit", "/declared-big", /\/declared-big: larger than the limit of 10000 bytes \(raise --max-bytes\)$/],
    ["a body that grows past the limit", "/streamed-big", /\/streamed-big: larger than the limit of 10000 bytes/],
  ])("says so clearly on %s", async (_, path, message) => {
    await expect(fetchText(`${base}${path}`, opts)).rejects.toThrow(message);
  });

  it("gives up after the timeout", async () => {
    const started = Date.now();
    await expect(fetchText(`${base}/slow`, { timeoutMs: 300, maxBytes: 10_000 })).rejects.toThrow(/\/slow: no complete answer within 0\.3 s \(raise --timeout\)$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a refused connection", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchText(`http://127.0.0.1:${port}/feed.xml`, opts)).rejects.toThrow(/connection refused$/);
  });

  it.each([
    ["ftp://example.org/feed.xml", /only http and https feeds can be fetched/],
    ["not a url", /not a URL/],
  ])("refuses %s", async (url, message) => {
    await expect(fetchText(url, opts)).rejects.toMatchObject({ code: "E_INPUT", message: expect.stringMatching(message) });
  });
});
