import { capabilityProgressLabels, type CapabilityProgress } from "@/lib/portfolio";
import { number, text, type Column, type Table } from "../table";

type Matrix = ReadonlyMap<number, ReadonlyMap<string, { progress: CapabilityProgress; projectIds: readonly string[] }>>;

/**
 * The universal capability matrix: a row per capability; for each footprint (or owner
 * organisation) its progress in words and how many projects lie behind it.
 */
export function universalCapabilitiesTable({
  title,
  capabilities,
  columns,
  matrix,
}: {
  title: string;
  capabilities: readonly { number: number; title: string }[];
  columns: readonly { id: string; name: string }[];
  matrix: Matrix;
}): Table {
  return {
    title,
    columns: [
      number("uc", "UC"),
      text("capability", "Universal capability"),
      ...columns.flatMap((c): Column[] => [text(`progress:${c.id}`, c.name), number(`projects:${c.id}`, `${c.name}: projects`)]),
    ],
    rows: capabilities.map((uc) => ({
      uc: uc.number,
      capability: uc.title,
      ...Object.fromEntries(
        columns.flatMap((c) => {
          const cell = matrix.get(uc.number)?.get(c.id);
          return [
            [`progress:${c.id}`, cell ? capabilityProgressLabels[cell.progress] : null],
            [`projects:${c.id}`, cell ? cell.projectIds.length : null],
          ];
        }),
      ),
    })),
  };
}
