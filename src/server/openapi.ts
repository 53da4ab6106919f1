/**
 * @module server/openapi
 * The API described in OpenAPI 3.1, and a plain HTML page listing it (no script: the page is
 * built here, every string escaped).
 */
import { ACLED_TYPES } from "../contract.js";

type Json = Record<string, unknown>;

const q = (name: string, description: string, schema: Json = { type: "string" }): Json => ({ name, in: "query", required: false, description, schema });

const FILTERS: Json[] = [
  q("from", "events starting on or after this day", { type: "string", format: "date" }),
  q("to", "events starting on or before this day", { type: "string", format: "date" }),
  q("country", "ISO 3166 alpha-3 code (AFG) or country name"),
  q("admin1", "first-level division (province, state)"),
  q("actor", "part of an actor's name, any role"),
  q("type", "ACLED event type", { type: "string", enum: Object.keys(ACLED_TYPES) }),
  q("subType", "ACLED sub-event type", { type: "string", enum: Object.values(ACLED_TYPES).flat() }),
  q("minFatalities", "at least this many dead", { type: "integer", minimum: 0 }),
  q("bbox", "minLon,minLat,maxLon,maxLat"),
  q("q", "words found in the evidence sentences"),
  q("status", "review status", { type: "string", enum: ["machine", "confirmed", "corrected", "rejected"] }),
  q("includeRejected", "also rejected events", { type: "boolean" }),
];

const ERROR = { $ref: "#/components/responses/Error" };
const id = { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const write = { security: [{ bearer: [] }] };
const jsonBody = (schema: Json) => ({ required: true, content: { "application/json": { schema } } });
const ok = (description: string, schema: Json = { type: "object" }) => ({ description, content: { "application/json": { schema } } });

const CASUALTIES = { type: "object", required: ["best"], properties: { low: { type: "integer" }, best: { type: "integer" }, high: { type: ["integer", "null"] }, byCategory: { type: "object" } } };
const CHANGES = {
  type: "object",
  description: "v1 event fields to set",
  properties: {
    type: { type: "string" },
    subType: { type: "string" },
    date: { type: "object", properties: { start: { type: "string", format: "date" }, end: { type: "string", format: "date" }, precision: { enum: [1, 2, 3] } } },
    actors: { type: "array", items: { type: "object", properties: { role: { enum: ["actor1", "actor2", "assoc1", "assoc2"] }, name: { type: "string" }, inter: { type: "integer" } } } },
    location: { type: ["object", "null"] },
    fatalities: { oneOf: [CASUALTIES, { type: "null" }] },
    injuries: { oneOf: [CASUALTIES, { type: "null" }] },
    weapons: { type: "array", items: { type: "string" } },
  },
};

export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "Truce API", version: "0.1.0", description: "Evidence-linked conflict events: read, review, add. Write routes need a bearer token (truce users add NAME --role analyst)." },
    paths: {
      "/api/events": {
        get: {
          summary: "Events matching the filters, ordered by date",
          parameters: [...FILTERS, q("format", "json | csv (ACLED columns) | geojson", { type: "string", enum: ["json", "csv", "geojson"] }), q("view", "full | compact (json only)", { type: "string", enum: ["full", "compact"] }), q("limit", "page size (json: default 100, at most 10000)", { type: "integer" }), q("offset", "rows to skip", { type: "integer" })],
          responses: { 200: ok("{ total, limit, offset, events }; CSV or GeoJSON for those formats"), 400: ERROR },
        },
        post: {
          ...write,
          summary: "Add an event a reader found that the machine missed",
          requestBody: jsonBody({ type: "object", required: ["articleId", "event"], properties: { articleId: { type: "integer" }, comment: { type: "string" }, event: { type: "object", required: ["type", "subType", "date", "evidence"], properties: { ...CHANGES.properties, evidence: { type: "array", items: { type: "object", properties: { start: { type: "integer" }, end: { type: "integer" } } } } } } } }),
          responses: { 201: ok("the stored event"), 400: ERROR, 401: ERROR, 404: ERROR, 413: ERROR, 422: ERROR, 429: ERROR },
        },
      },
      "/api/events/{id}": {
        get: { summary: "One event with its article text, evidence, sources and review history", parameters: [id], responses: { 200: ok("the event"), 404: ERROR } },
        patch: {
          ...write,
          summary: "Review an event: confirm, correct fields, or reject, with a comment",
          parameters: [id],
          requestBody: jsonBody({ type: "object", required: ["action"], properties: { action: { enum: ["confirm", "correct", "reject"] }, comment: { type: "string" }, changes: CHANGES } }),
          responses: { 200: ok("the event after the review"), 400: ERROR, 401: ERROR, 404: ERROR, 422: ERROR, 429: ERROR },
        },
      },
      "/api/articles": {
        post: {
          ...write,
          summary: "Submit an article (text or HTML): it is extracted, stored and its events returned",
          requestBody: jsonBody({ type: "object", properties: { text: { type: "string" }, html: { type: "string" }, id: { type: "string" }, title: { type: "string" }, published: { type: "string" }, source: { type: "string" }, url: { type: "string" } } }),
          responses: { 200: ok("already stored: its events"), 201: ok("{ articleId, outcome, events }"), 400: ERROR, 401: ERROR, 413: ERROR, 415: ERROR, 422: ERROR, 429: ERROR },
        },
      },
      "/api/series": {
        get: {
          summary: "Counts of events, fatalities and injuries per day or week, by group",
          parameters: [...FILTERS, q("interval", "day | week", { type: "string", enum: ["day", "week"] }), q("groupBy", "none | country | admin1 | actor | type", { type: "string", enum: ["none", "country", "admin1", "actor", "type"] })],
          responses: { 200: ok("{ interval, groupBy, points: [{ period, key, events, fatalities, injuries }] }"), 400: ERROR },
        },
      },
      "/api/stream": { get: { summary: "Server-sent events: `created` and `changed` with the event ids", responses: { 200: { description: "text/event-stream" } } } },
      "/api/health": { get: { summary: "Is the server and its database up", responses: { 200: ok("{ status: ok }"), 503: ERROR } } },
      "/api/me": { get: { ...write, summary: "Who the token belongs to", responses: { 200: ok("{ name, role }"), 401: ERROR } } },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      responses: {
        Error: {
          description: "Every error has this shape",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { error: { type: "object", required: ["status", "code", "message"], properties: { status: { type: "integer" }, code: { type: "string" }, message: { type: "string" }, issues: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } } } } },
              },
            },
          },
        },
      },
    },
  };
}

export function docsPage(): string {
  const doc = openApiDocument() as { paths: Record<string, Record<string, { summary: string; parameters?: { name: string; description?: string }[]; security?: unknown }>> };
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const params = (op.parameters ?? []).map((p) => `<li><code>${esc(p.name)}</code> ${esc(p.description ?? "")}</li>`).join("");
      return `<section><h2><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code>${op.security ? ' <span class="lock">token</span>' : ""}</h2><p>${esc(op.summary)}</p>${params ? `<ul>${params}</ul>` : ""}</section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Truce API</title><link rel="stylesheet" href="/web/style.css"></head>
<body class="docs"><header><h1>Truce API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Errors: <code>{"error":{"status","code","message","issues"}}</code>. <a href="/">Dashboard</a></p></header><main>${rows.join("\n")}</main></body></html>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
