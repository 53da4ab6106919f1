/**
 * @module server/deps
 * What the app is built from: everything it touches comes in here, so tests pass their own.
 */
import type { Extractor } from "../ingest/ingest.js";
import type { Store } from "../store/store.js";
import type { ChangeBus } from "./bus.js";

export interface AppDeps {
  store: Store;
  /** "token": read routes need a token too. @default "open" */
  readAccess?: "open" | "token";
  /** Sustained writes a minute per user. @default 120 */
  writesPerMinute?: number;
  /** Largest request body accepted, in bytes; larger ones get 413. @default 2 MiB */
  maxBodyBytes?: number;
  /** Where changes are announced (/api/stream); one is made when not given. */
  bus?: ChangeBus;
  /** The extraction used by POST /api/articles (default: Truce's). */
  extractor?: Extractor;
  pipelineVersion?: string;
  /** Where 500s are logged (default: stderr). */
  log?: (err: unknown) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
