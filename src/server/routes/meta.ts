/**
 * @module server/routes/meta
 * GET /api/health, /api/me, /api/series, /api/stream (server-sent events), /api/openapi.json
 * and /api/docs.
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { Store } from "../../store/store.js";
import type { AppEnv } from "../auth.js";
import type { Change, ChangeBus } from "../bus.js";
import { ApiError } from "../errors.js";
import { docsPage, openApiDocument } from "../openapi.js";
import { filterQuery, queryOf, seriesQuery, toFilter } from "../schemas.js";

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

export function metaRoutes(store: Store, bus: ChangeBus): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/health", async (c) => {
    const started = performance.now();
    try {
      await store.findArticle("health-check");
    } catch (err) {
      throw new ApiError(503, "store_unavailable", `the database does not answer: ${(err as Error).message}`);
    }
    return c.json({ status: "ok", backend: store.backend, dbMs: Math.round((performance.now() - started) * 10) / 10, listeners: bus.size });
  });

  app.get("/me", (c) => {
    const user = c.get("user");
    if (!user) throw new ApiError(401, "unauthorized", "no token given");
    return c.json({ name: user.name, role: user.role });
  });

  app.get("/series", async (c) => {
    const query = queryOf(c.req.query());
    const filter = toFilter(filterQuery.parse(query));
    const params = seriesQuery.parse(query);
    return c.json({ ...params, points: await store.series(filter, params) });
  });

  app.get("/stream", (c) =>
    streamSSE(c, async (stream) => {
      const queue: Change[] = [];
      let wake: (() => void) | undefined;
      const stop = bus.subscribe((change) => {
        queue.push(change);
        wake?.();
      });
      stream.onAbort(() => {
        stop();
        wake?.();
      });
      await stream.writeSSE({ event: "hello", data: JSON.stringify({ at: new Date().toISOString() }) });
      try {
        while (!stream.aborted && !stream.closed) {
          const change = queue.shift();
          if (change) {
            await stream.writeSSE({ event: change.kind, data: JSON.stringify(change) });
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, HEARTBEAT_MS).unref?.();
          });
          wake = undefined;
          if (queue.length === 0 && !stream.aborted) await stream.write(": keep-alive\n\n");
        }
      } finally {
        stop();
      }
    }),
  );

  app.get("/openapi.json", (c) => c.json(openApiDocument()));
  app.get("/docs", (c) => c.html(docsPage()));

  return app;
}
