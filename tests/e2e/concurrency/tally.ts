// Counting what concurrent clients' writes came to, and checking that no committed write
// was lost: every write is committed or refused as a conflict (anything else is "other"),
// and the committed writes, in the order of the versions they were based on, form one
// unbroken chain from the value first read to the value left at the end.

/** A write that committed: what it was based on (the version and value read) and what it wrote. */
export interface Commit<V> {
  readVersion: number;
  readValue: V;
  wrote: V;
}

export type Attempt<V> = { kind: "committed"; commit: Commit<V> } | { kind: "conflict" } | { kind: "other"; detail: string };

export interface Tally<V> {
  attempts: number;
  committed: number;
  conflicts: number;
  other: number;
  otherSamples: string[];
  commits: Commit<V>[];
  durationMs: number;
}

/**
 * Runs `total` read-modify-write cycles spread over the clients, all at once: each client
 * takes the next cycle as soon as its last one is answered, so about clients.length are in
 * flight the whole time.
 */
export async function runCycles<C, V>(clients: readonly C[], total: number, cycle: (client: C) => Promise<Attempt<V>>): Promise<Tally<V>> {
  const tally: Tally<V> = { attempts: 0, committed: 0, conflicts: 0, other: 0, otherSamples: [], commits: [], durationMs: 0 };
  const started = performance.now();
  let claimed = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (claimed < total) {
        claimed++;
        record(tally, await cycle(client).catch((error: unknown): Attempt<V> => ({ kind: "other", detail: String(error) })));
      }
    }),
  );
  tally.durationMs = Math.round(performance.now() - started);
  return tally;
}

export function record<V>(tally: Tally<V>, attempt: Attempt<V>): void {
  tally.attempts++;
  if (attempt.kind === "committed") {
    tally.committed++;
    tally.commits.push(attempt.commit);
  } else if (attempt.kind === "conflict") {
    tally.conflicts++;
  } else {
    tally.other++;
    if (tally.otherSamples.length < 5) tally.otherSamples.push(attempt.detail);
  }
}

/**
 * Committed writes that do not follow the one before them, ordered by the version each was
 * based on: two commits based on the same version, or one based on a value other than the
 * last committed one, mean an update was lost. 0 when the chain is whole.
 */
export function lostUpdates<V>(commits: readonly Commit<V>[], initial: { version: number; value: V }): number {
  const ordered = [...commits].sort((a, b) => a.readVersion - b.readVersion);
  let lost = 0;
  let expected = { version: initial.version, value: initial.value };
  for (const commit of ordered) {
    if (commit.readVersion !== expected.version || !same(commit.readValue, expected.value)) lost++;
    expected = { version: commit.readVersion + 1, value: commit.wrote };
  }
  return lost;
}

/** The committed values, in the order they were committed (by the version they were based on). */
export function committedValues<V>(commits: readonly Commit<V>[]): V[] {
  return [...commits].sort((a, b) => a.readVersion - b.readVersion).map((c) => c.wrote);
}

/**
 * Where a history of before/after values (oldest first) breaks: a "before" that is not the
 * last "after". Empty when each row takes up where the last left off, from `initial`.
 */
export function historyGaps<V>(rows: readonly { before: V; after: V }[], initial: V): string[] {
  const gaps: string[] = [];
  let last = initial;
  rows.forEach((row, i) => {
    if (!same(row.before, last)) gaps.push(`row ${i + 1}: before ${JSON.stringify(row.before)}, but the value was ${JSON.stringify(last)}`);
    last = row.after;
  });
  return gaps;
}

function same<V>(a: V, b: V): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What the report and the console show of a tally. */
export function summary<V>(tally: Tally<V>, extra: { clients: number; lostUpdates: number } & Record<string, unknown>) {
  const { attempts, committed, conflicts, other, otherSamples, durationMs } = tally;
  return { ...extra, attempts, committed, conflicts, other, durationMs, ...(otherSamples.length ? { otherSamples } : {}) };
}
