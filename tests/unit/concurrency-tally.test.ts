import { describe, expect, it } from "vitest";
import { committedValues, historyGaps, lostUpdates, runCycles, type Attempt } from "../e2e/concurrency/tally";

// The checks the concurrent-edit spec (tests/e2e/22-concurrent-edits.spec.ts) relies on:
// they must find a lost update when there is one, not only pass when there is none.

describe("lostUpdates", () => {
  const initial = { version: 3, value: 10 };

  it("is 0 for commits that each build on the one before, whatever order they are listed in", () => {
    const commits = [
      { readVersion: 4, readValue: 11, wrote: 12 },
      { readVersion: 3, readValue: 10, wrote: 11 },
      { readVersion: 5, readValue: 12, wrote: 13 },
    ];
    expect(lostUpdates(commits, initial)).toBe(0);
    expect(committedValues(commits)).toEqual([11, 12, 13]);
  });

  it("counts two commits based on the same version (the classic lost update)", () => {
    const commits = [
      { readVersion: 3, readValue: 10, wrote: 11 },
      { readVersion: 3, readValue: 10, wrote: 11 },
    ];
    expect(lostUpdates(commits, initial)).toBe(1);
  });

  it("counts a commit based on a value other than the last committed one", () => {
    expect(lostUpdates([{ readVersion: 3, readValue: 9, wrote: 10 }], initial)).toBe(1);
    expect(lostUpdates([{ readVersion: 4, readValue: 10, wrote: 11 }], initial)).toBe(1);
  });
});

describe("historyGaps", () => {
  it("finds no gap in a chain where each row starts from the last row's value", () => {
    expect(historyGaps([{ before: 1, after: 2 }, { before: 2, after: 3 }], 1)).toEqual([]);
  });

  it("names the row whose before is not the value left by the row before it", () => {
    expect(historyGaps([{ before: 1, after: 2 }, { before: 1, after: 2 }], 1)).toEqual(["row 2: before 1, but the value was 2"]);
    expect(historyGaps([{ before: 5, after: 6 }], 1)).toHaveLength(1);
  });
});

describe("runCycles", () => {
  it("runs exactly the number of cycles asked for, over every client, and counts each outcome", async () => {
    const used = new Set<number>();
    const outcomes: Attempt<number>[] = [{ kind: "committed", commit: { readVersion: 1, readValue: 0, wrote: 1 } }, { kind: "conflict" }, { kind: "other", detail: "HTTP 500" }];
    let i = 0;
    const tally = await runCycles([1, 2, 3, 4], 30, async (client) => {
      used.add(client);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return outcomes[i++ % 3]!;
    });
    expect(tally).toMatchObject({ attempts: 30, committed: 10, conflicts: 10, other: 10 });
    expect(tally.otherSamples).toHaveLength(5);
    expect(used).toEqual(new Set([1, 2, 3, 4]));
  });

  it("counts a cycle that throws as neither a commit nor a conflict", async () => {
    const tally = await runCycles([1], 2, async () => {
      throw new Error("connection reset");
    });
    expect(tally).toMatchObject({ attempts: 2, other: 2, otherSamples: ["Error: connection reset", "Error: connection reset"] });
  });
});
