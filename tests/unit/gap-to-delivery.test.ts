// Unit tests for lib/gap-to-delivery.ts: which domains need delivery, and which projects answer them.
import { describe, expect, it } from "vitest";
import { domainGap, gapToDelivery } from "@/lib/gap-to-delivery";
import type { TrajectoryStatus } from "@/lib/trajectory";
import type { DomainTrajectory } from "@/lib/trajectory-view";
import { dmiScale } from "../support/scales";

function trajectory(domainId: string, latest: number | null, national: number | null, status: TrajectoryStatus): DomainTrajectory {
  return {
    domainId,
    scale: dmiScale,
    actuals: latest == null ? [] : [{ date: "2016-02-29", value: latest }],
    national: national == null ? [] : [{ date: "2016-02-29", value: national }],
    targets: [],
    goal: null,
    assessment: { status, baseline: null, latest: null, target: null, plannedAtLatest: null, gapToPlan: null, ratePerYear: null, expectedAtTarget: null, reason: "" },
  };
}

describe("domainGap", () => {
  it("is a gap when below national on the rounded figures, or off track or at risk", () => {
    expect(domainGap(trajectory("c1", 40, 52, "on-track"))).toMatchObject({ gapToNational: -12, reasons: ["12 points below national"] });
    expect(domainGap(trajectory("c1", 40, 52, "off-track"))!.reasons).toEqual(["12 points below national", "off track"]);
    expect(domainGap(trajectory("c1", 60, 52, "at-risk"))!.reasons).toEqual(["at risk"]);
    // 51.5 rounds to 52: level with national, not below it.
    expect(domainGap(trajectory("c1", 51.5, 52.4, "on-track"))).toBeNull();
    expect(domainGap(trajectory("c1", 51.4, 52, "on-track"))!.reasons).toEqual(["1 point below national"]);
  });

  it("is no gap when on course and level or above, or with nothing to compare", () => {
    for (const status of ["on-track", "no-target", "no-data"] as const) expect(domainGap(trajectory("c1", 60, 52, status)), status).toBeNull();
    expect(domainGap(trajectory("c1", null, 52, "no-data"))).toBeNull();
    expect(domainGap(trajectory("c1", 40, null, "no-target"))).toBeNull();
  });
});

describe("gapToDelivery", () => {
  const ts = [trajectory("c1", 40, 52, "off-track"), trajectory("c2", 70, 52, "on-track"), trajectory("c3", 45, 50, "on-track"), trajectory("c4", 30, 50, "at-risk")];
  const projects = [
    { id: "p1", domainId: "c1", status: "in_flight" as const },
    { id: "p2", domainId: "c2", status: "planned" as const },
    { id: "p3", domainId: "c3", status: "stopped" as const },
    { id: "p4", domainId: "c1", status: "planned" as const },
  ];

  it("lists the gaps no project addresses first, then each gap with the projects raising that domain, stopped ones left out", () => {
    const rows = gapToDelivery(ts, projects);
    expect(rows.map((r) => [r.gap.domainId, r.projects.map((p) => p.id)])).toEqual([
      ["c3", []],
      ["c4", []],
      ["c1", ["p1", "p4"]],
    ]);
  });

  it("has no rows when nothing is below national or off course", () => {
    expect(gapToDelivery([trajectory("c2", 70, 52, "on-track")], projects)).toEqual([]);
  });
});
