/**
 * @module cli/commands/users
 * `truce users add NAME --role analyst|admin` prints a new token once (only its hash is
 * stored); `truce users list`; `truce users revoke NAME`.
 */
import { defineCommand } from "citty";
import { TruceError } from "../../errors.js";
import { hashToken, newToken } from "../../server/auth.js";
import { resolveTarget, withStore } from "../../store/open.js";
import type { UserRole } from "../../store/store.js";
import { announceNewDatabase } from "./ingest.js";
import { DB_ARG } from "../args.js";

const ROLES: UserRole[] = ["analyst", "admin"];

const add = defineCommand({
  meta: { name: "add", description: "Create a user and print their API token (shown once)" },
  args: {
    name: { type: "positional", description: "who (recorded in every review they make)", required: true },
    role: { type: "string", description: "analyst | admin (default: analyst)" },
    db: DB_ARG,
  },
  async run({ args }) {
    const role = (args.role ?? "analyst").trim().toLowerCase() as UserRole;
    if (!ROLES.includes(role)) throw new TruceError("E_USAGE", `--role "${args.role}": expected analyst or admin`);
    const target = resolveTarget(args.db);
    announceNewDatabase(target);
    const token = newToken();
    const user = await withStore(target, { migrate: true }, (store) => store.addUser(args.name, role, hashToken(token)));
    process.stderr.write(`truce: created ${user.role} "${user.name}"; the token below is shown only now, keep it safe:\n`);
    process.stdout.write(`${token}\n`);
  },
});

const list = defineCommand({
  meta: { name: "list", description: "Users who may write through the API" },
  args: { db: DB_ARG },
  async run({ args }) {
    const users = await withStore(resolveTarget(args.db), { mustExist: true }, (store) => store.users());
    if (users.length === 0) process.stdout.write("No users yet (truce users add NAME --role analyst).\n");
    for (const u of users) process.stdout.write(`${u.name}\t${u.role}\t${u.createdAt.slice(0, 10)}${u.revoked ? "\trevoked" : ""}\n`);
  },
});

const revoke = defineCommand({
  meta: { name: "revoke", description: "Revoke a user's token (their reviews are kept)" },
  args: { name: { type: "positional", description: "who", required: true }, db: DB_ARG },
  async run({ args }) {
    const done = await withStore(resolveTarget(args.db), { mustExist: true }, (store) => store.revokeUser(args.name));
    if (!done) throw new TruceError("E_NOT_FOUND", `no active user named "${args.name}"`);
    process.stdout.write(`revoked ${args.name}\n`);
  },
});

export default defineCommand({
  meta: { name: "users", description: "Who may write through the HTTP API (tokens)" },
  subCommands: { add, list, revoke },
});
