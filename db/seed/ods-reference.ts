import { sql } from "drizzle-orm";
import type { Database } from "../client";
import { organisations, regions, systems } from "../schema";
import { odsDisplayName, odsShortName } from "@/lib/ods/display-name";
import type { OdsReference } from "@/lib/ods/read-files";
import { successorsOf } from "@/lib/ods/successors";
import { bobSystem } from "./bob-data";

// NHS England's organisations from the ODS lists shipped in data/reference/ods: every ICB
// as the system it leads and as an organisation of its own (an ICB is assessed too), and
// every NHS trust in England with its region. A trust's system is its ICB of 2025, the
// time of the results the app ships; the ICBs of April 2026 are systems too, and each
// ICB merged into one of them names it as its successor. Nothing already there changes,
// so loading twice adds nothing and the demo's own BOB (ICB QU9) keeps its name.

export async function loadOdsReference(db: Database, ref: OdsReference): Promise<{ systems: number; organisations: number }> {
  return db.transaction(async (tx) => {
    await tx.insert(regions).values(ref.regions.map((r) => ({ code: r.code, name: odsDisplayName(r.name) }))).onConflictDoNothing();
    // The demo's BOB is ICB QU9's system.
    await tx.update(systems).set({ icbCode: "QU9" }).where(sql`${systems.code} = ${bobSystem.code} and ${systems.icbCode} is null`);

    const icbs = new Map([...ref.icbs2024, ...ref.icbs2026].map((i) => [i.code, i]));
    const addedSystems = await tx
      .insert(systems)
      .values([...icbs.values()].map((i) => ({ code: i.code, name: odsDisplayName(i.name), icbCode: i.code })))
      .onConflictDoNothing()
      .returning({ id: systems.id });
    const systemRows = await tx.select({ id: systems.id, icbCode: systems.icbCode }).from(systems);
    const systemOf = new Map(systemRows.filter((s) => s.icbCode).map((s) => [s.icbCode!, s.id]));
    for (const [from, to] of successorsOf(ref)) {
      await tx.update(systems).set({ successorId: systemOf.get(to)! }).where(sql`${systems.id} = ${systemOf.get(from)!} and ${systems.successorId} is null`);
    }

    // Trusts: the July 2025 list first (ICBs of the results' time), then those opened since.
    const trusts = new Map(ref.trusts2025.map((t) => [t.odsCode, t]));
    for (const t of ref.trusts2026) if (!trusts.has(t.odsCode)) trusts.set(t.odsCode, t);
    const rows = [
      ...[...icbs.values()].map((i) => ({ odsCode: i.code, name: odsDisplayName(i.name), shortName: odsShortName(i.name), type: "icb" as const, systemId: systemOf.get(i.code)!, regionCode: null })),
      // Welsh trusts on the list have no ICB: they are not England's, and not assessed by it.
      ...[...trusts.values()]
        .filter((t) => t.icbCode && systemOf.has(t.icbCode))
        .map((t) => ({ odsCode: t.odsCode, name: odsDisplayName(t.name), shortName: odsShortName(t.name), type: "nhs_trust" as const, systemId: systemOf.get(t.icbCode!)!, regionCode: t.regionCode })),
    ];
    const added = await tx.insert(organisations).values(rows).onConflictDoNothing().returning({ id: organisations.id });
    // The demo's own trusts were there first: give them their region.
    for (const t of trusts.values()) {
      if (t.regionCode) await tx.update(organisations).set({ regionCode: t.regionCode }).where(sql`${organisations.odsCode} = ${t.odsCode} and ${organisations.regionCode} is null`);
    }
    return { systems: addedSystems.length, organisations: added.length };
  });
}
