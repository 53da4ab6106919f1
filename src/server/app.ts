/**
 * @module server/app
 * `createApp(deps)` returns the Hono app: the API under /api and the dashboard at /. It opens
 * nothing itself, so tests call `app.request()` without a port; `serve.ts` puts it on one.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { authenticator, identify, requireUser, type AppEnv } from "./auth.js";
import { ChangeBus } from "./bus.js";
import { DEFAULT_MAX_BODY_BYTES, type AppDeps } from "./deps.js";
import { ApiError, errorResponse, notFound } from "./errors.js";
import { rateLimit } from "./rate-limit.js";
import { articleRoutes } from "./routes/articles.js";
import { eventRoutes } from "./routes/events.js";
import { metaRoutes } from "./routes/meta.js";
import { webRoutes } from "./static.js";

export type { AppDeps } from "./deps.js";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Scripts, styles, data: only from this server. Article text is never HTML, so nothing inline is needed. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const bus = deps.bus ?? new ChangeBus();
  const maxBytes = deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const app = new Hono<AppEnv>();
  app.onError((err, c) => errorResponse(c, err, deps.log));
  app.notFound((c) => errorResponse(c, notFound(`no route ${c.req.method} ${c.req.path}`)));
  app.use("*", securityHeaders);
  app.use("/api/*", identify(authenticator(deps.store)));
  if (deps.readAccess === "token") app.use("/api/*", readGuard);
  app.use("/api/*", writeGuards(maxBytes, deps.writesPerMinute));
  app.route("/api/events", eventRoutes(deps.store, bus));
  app.route("/api/articles", articleRoutes(deps.store, bus, { ...(deps.extractor && { extractor: deps.extractor }), ...(deps.pipelineVersion && { pipelineVersion: deps.pipelineVersion }) }));
  app.route("/api", metaRoutes(deps.store, bus));
  if (deps.readAccess === "token") app.use("/*", readGuard);
  app.route("/", webRoutes());
  return app;
}

// --- internal ---

const securityHeaders: MiddlewareHandler<AppEnv> = async function securityHeaders(c, next) {
  await next();
  c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Frame-Options", "DENY");
  c.header("Cross-Origin-Opener-Policy", "same-origin");
};

/** A closed server: reading data needs a token; the health check, the docs and the page shells (which ask for one) do not. */
const readGuard: MiddlewareHandler<AppEnv> = async function readGuard(c, next) {
  const open = c.req.path === "/api/health" || c.req.path === "/api/openapi.json" || c.req.path === "/api/docs" || c.req.path === "/" || c.req.path.startsWith("/events/") || c.req.path.startsWith("/web/") || c.req.path.startsWith("/world/");
  if (!open && !c.get("user") && !WRITE_METHODS.has(c.req.method)) throw new ApiError(401, "unauthorized", 'this server is closed to readers without a token: send "Authorization: Bearer <token>"');
  await next();
};

/** Token, then rate, then size: an anonymous flood is refused before its body is read. */
function writeGuards(maxBytes: number, perMinute: number | undefined): MiddlewareHandler<AppEnv> {
  const needUser = requireUser("writing");
  const limit = rateLimit(perMinute === undefined ? {} : { perMinute });
  const size = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, "payload_too_large", `the body is larger than ${maxBytes} bytes`);
    },
  });
  return async function writeGuards(c, next) {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    await needUser(c, async () => {
      await limit(c, async () => {
        await size(c, next);
      });
    });
  };
}
