import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore, resolveTarget } from "./open.js";
import { redact } from "./postgres.js";

describe("resolveTarget: --db, then DATABASE_URL, then ./truce-data", () => {
  it.each([
    [undefined, {}, { kind: "pglite", dir: "./truce-data" }],
    [undefined, { DATABASE_URL: "postgres://u:p@db:5432/truce" }, { kind: "postgres", url: "postgres://u:p@db:5432/truce" }],
    ["/srv/truce", { DATABASE_URL: "postgres://u:p@db:5432/truce" }, { kind: "pglite", dir: "/srv/truce" }],
    ["postgresql://u@db/x", {}, { kind: "postgres", url: "postgresql://u@db/x" }],
    ["memory://", {}, { kind: "pglite", dir: undefined }],
    ["  ", { DATABASE_URL: " " }, { kind: "pglite", dir: "./truce-data" }],
  ])("--db %j with %j", (flag, env, expected) => {
    expect(resolveTarget(flag, env as NodeJS.ProcessEnv)).toEqual(expected);
  });

  it("refuses a URL that is neither a folder nor PostgreSQL", () => {
    expect(() => resolveTarget("mysql://db/x", {})).toThrow(/--db mysql:\/\/db\/x: expected a folder for the embedded database or a postgres:\/\/ URL/);
  });

  it("never prints a password", () => {
    expect(redact("postgres://truce:s3cr3t@db.example:5432/truce")).toBe("postgres://truce:***@db.example:5432/truce");
    expect(redact("postgres://db.example/truce")).toBe("postgres://db.example/truce");
  });
});

describe("openStore refuses before it creates anything", () => {
  const dir = mkdtempSync(join(tmpdir(), "truce-open-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a folder that holds other files is not turned into a database", async () => {
    const busy = join(dir, "busy");
    mkdirSync(busy);
    writeFileSync(join(busy, "notes.txt"), "mine");
    await expect(openStore({ kind: "pglite", dir: busy })).rejects.toThrow(/this folder is not empty and holds no Truce database/);
  });

  it("a reading command does not create a database", async () => {
    await expect(openStore({ kind: "pglite", dir: join(dir, "absent") }, { mustExist: true })).rejects.toMatchObject({ code: "E_NOT_FOUND" });
  });

  it("an unreachable server is a one-line store error", async () => {
    await expect(openStore({ kind: "postgres", url: "postgres://nobody:pw@127.0.0.1:1/none" })).rejects.toMatchObject({
      code: "E_STORE",
      message: "cannot connect to postgres://nobody:***@127.0.0.1:1/none: connection refused (is the server running?)",
    });
  });
});
