import { asc, gt, max } from "drizzle-orm";
import { expect } from "vitest";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Outcome } from "./model";
import type { World } from "./world";

// The system under test, as the commands see it: the seeded world, and how far into the
// audit log the checks have read.

export interface Real {
  world: World;
  /** The last audit row before this run: every row after it was written by the run. */
  startAuditId: number;
  /** The last audit row a command has accounted for. */
  seenAuditId: number;
  /** The last audit row the scope invariant has checked. */
  scopeCheckedId: number;
}

export async function lastAuditId(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  return Number(row?.id ?? 0);
}

/**
 * Runs one user action: "ok" with its result, or the AppError code it was refused with.
 * Anything else (a database error, a TypeError) is what a user would see as "something
 * went wrong": it fails the test as it is.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<{ outcome: Outcome; value?: T; message?: string }> {
  try {
    return { outcome: "ok", value: await work() };
  } catch (error) {
    if (error instanceof AppError) return { outcome: error.code, message: error.message };
    throw error;
  }
}

/** A form's fields through the action's schema: refused input is "invalid", as the form shows it. */
export function throughSchema<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> | null {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function expectOutcome(actual: { outcome: Outcome; message?: string }, expected: Outcome, what: string) {
  expect(actual.outcome, `${what}: expected ${expected}, got ${actual.outcome}${actual.message ? ` (“${actual.message}”)` : ""}`).toBe(expected);
}

/** One audit row a command must have written: who did what, and whether it says what was before and after. */
export interface ExpectedAudit {
  action: string;
  actorId: string;
  entityId?: string;
  before: "present" | "absent" | "any";
  after: "present" | "absent";
}

/** The audit rows written since the last command are exactly these, in order. */
export async function expectAuditRows(real: Real, expected: ExpectedAudit[], what: string) {
  const db = await getDb();
  const rows = await db.select().from(auditLog).where(gt(auditLog.id, real.seenAuditId)).orderBy(asc(auditLog.id));
  const seen = rows.map((r) => ({
    action: r.action,
    actorId: r.actorId,
    ...(expected.some((e) => e.entityId) ? { entityId: r.entityId } : {}),
    before: r.before == null ? "absent" : "present",
    after: r.after == null ? "absent" : "present",
  }));
  const wanted = expected.map((e, i) => ({
    action: e.action,
    actorId: e.actorId,
    ...(expected.some((x) => x.entityId) ? { entityId: e.entityId ?? rows[i]?.entityId } : {}),
    before: e.before === "any" ? (seen[i]?.before ?? "absent") : e.before,
    after: e.after,
  }));
  expect(seen, `${what}: the audit rows it wrote`).toEqual(wanted);
  if (rows.length > 0) real.seenAuditId = rows.at(-1)!.id;
}
