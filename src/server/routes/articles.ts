/**
 * @module server/routes/articles
 * POST /api/articles: an article is cleaned, extracted and stored exactly as `truce ingest`
 * would, and its events are returned.
 */
import { Hono } from "hono";
import { ingest, type Extractor, type ItemResult } from "../../ingest/ingest.js";
import type { InputSource, RawItem } from "../../ingest/inputs.js";
import type { Store } from "../../store/store.js";
import type { AppEnv } from "../auth.js";
import type { ChangeBus } from "../bus.js";
import { ApiError } from "../errors.js";
import { articleBody } from "../schemas.js";
import { readJson } from "./common.js";

export interface ArticleRouteOptions {
  extractor?: Extractor;
  pipelineVersion?: string;
}

export function articleRoutes(store: Store, bus: ChangeBus, options: ArticleRouteOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post("/", async (c) => {
    const body = articleBody.parse(await readJson(c));
    const user = c.get("user")!.name;
    const item: RawItem = {
      kind: "item",
      name: body.id ?? body.title ?? "article",
      origin: `api:${user}`,
      format: body.html !== undefined ? "html" : "text",
      ...(body.text !== undefined && { text: body.text }),
      ...(body.html !== undefined && { html: body.html }),
      ...(body.id && { id: body.id }),
      ...(body.title && { title: body.title }),
      ...(body.published && { published: body.published }),
      ...(body.source && { source: body.source }),
      ...(body.url && { url: body.url }),
    };
    const result = await ingestOne(store, item, options);
    if (result.outcome === "failed" || result.articleId === undefined) throw new ApiError(422, "unprocessable", result.reason ?? "the article could not be stored");
    const events = await store.events({ articleId: result.articleId });
    if (result.outcome === "new" || result.outcome === "reextracted") bus.publish({ kind: "created", ids: events.map((e) => e.id), cause: "article" });
    const status = result.outcome === "duplicate" ? 200 : 201;
    return c.json({ articleId: result.articleId, outcome: result.outcome, ...(result.reason && { note: result.reason }), events }, status);
  });

  return app;
}

// --- internal ---

async function ingestOne(store: Store, item: RawItem, options: ArticleRouteOptions): Promise<ItemResult> {
  const source: InputSource = {
    name: item.name,
    count: 1,
    async *items() {
      yield item;
    },
  };
  let result: ItemResult | undefined;
  await ingest([source], {
    store,
    ...(options.extractor && { extractor: options.extractor }),
    ...(options.pipelineVersion && { pipelineVersion: options.pipelineVersion }),
    onItem: (r) => (result = r),
  });
  return result ?? { name: item.name, outcome: "failed", events: 0, reason: "nothing was read" };
}
