/**
 * @module server/serve
 * Puts the app on a port; resolves once it listens. Closing ends open streams too.
 */
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "./app.js";
import type { AppDeps } from "./deps.js";

export interface ServeOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = "127.0.0.1";

export function startServer(deps: AppDeps, options: ServeOptions = {}): Promise<RunningServer> {
  const app = createApp(deps);
  const host = options.host ?? DEFAULT_HOST;
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    const fail = (err: Error) => reject(err);
    server = serve({ fetch: app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, (info: AddressInfo) => {
      server!.off("error", fail);
      const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // SSE listeners keep connections open: cut them, or close() waits forever.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            server!.close(() => done());
          }),
      });
    });
    server.once("error", fail);
  });
}
