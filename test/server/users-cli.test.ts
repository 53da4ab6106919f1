/**
 * `truce users add|list|revoke`, run in-process: the token is printed once, only its hash is
 * stored, and it opens the write routes until revoked.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { hashToken } from "../../src/server/auth.js";
import { openStore } from "../../src/store/open.js";

const work = mkdtempSync(join(tmpdir(), "truce-users-"));
const db = join(work, "data");

async function truce(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await run(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe("truce users", () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("adds a user, prints the token once, stores only its hash; lists and revokes", async () => {
    const added = await truce(["users", "add", "Sam Reviewer", "--role", "admin", "--db", db]);
    expect(added.code).toBe(0);
    const token = added.stdout.trim();
    expect(token).toMatch(/^truce_[A-Za-z0-9_-]{43}$/);
    expect(added.stderr).toContain('created admin "Sam Reviewer"');

    const store = await openStore({ kind: "pglite", dir: db }, {});
    try {
      expect(await store.userByTokenHash(hashToken(token))).toMatchObject({ name: "Sam Reviewer", role: "admin" });
      expect(await store.userByTokenHash(token)).toBeNull();
    } finally {
      await store.close();
    }

    expect((await truce(["users", "add", "Sam Reviewer", "--db", db])).code).toBe(1);
    expect((await truce(["users", "add", "Kim", "--role", "boss", "--db", db])).code).toBe(2);
    expect((await truce(["users", "list", "--db", db])).stdout).toMatch(/^Sam Reviewer\tadmin\t\d{4}-\d\d-\d\d\n$/);
    expect((await truce(["users", "revoke", "Sam Reviewer", "--db", db])).code).toBe(0);
    expect((await truce(["users", "list", "--db", db])).stdout).toContain("\trevoked");
    expect((await truce(["users", "revoke", "Nobody", "--db", db])).code).toBe(1);
  });
});
