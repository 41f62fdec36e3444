import { formatFinancialYear } from "@/lib/financial-year";
import { planPeriodLabel, projectFootprints, projectStatusLabels, type CapabilityRole, type ProjectStatus } from "@/lib/portfolio";
import { ragLabels, type Rag } from "@/lib/rag";
import { text, type Table } from "../table";

export interface PlanCard {
  code: string;
  title: string;
  domainCode: string;
  domainName: string;
  domainPosition: number;
  fromYear: number;
  toYear: number;
  status: ProjectStatus;
  rag: Rag | null;
  ragReason: string | null;
  ownerNote: string | null;
  programmeName: string | null;
  stpPriority: string;
  owners: readonly { name: string; odsCode: string | null }[];
  ownerIds: readonly string[];
  footprintIds: readonly string[];
  capabilities: readonly { uc: number; role: CapabilityRole }[];
}

const list = (items: readonly string[]) => (items.length ? items.join("; ") : null);

/**
 * The capability plan as a list: one row per project card, in the grid's reading order
 * (domain, then period), with everything the card shows and what it leaves to its page.
 * Lists within a cell are separated by semicolons.
 */
export function capabilityPlanTable({
  title,
  projects,
  footprints,
  footprintsOf,
}: {
  title: string;
  projects: readonly PlanCard[];
  /** Every footprint, in the order the page lists them. */
  footprints: readonly { id: string; name: string }[];
  footprintsOf: ReadonlyMap<string, readonly string[]>;
}): Table {
  const names = (ids: ReadonlySet<string>) => footprints.filter((f) => ids.has(f.id)).map((f) => f.name);
  const ordered = [...projects].sort((a, b) => a.domainPosition - b.domainPosition || a.fromYear - b.fromYear || a.toYear - b.toYear);
  return {
    title,
    columns: [
      text("code", "Code"),
      text("title", "Title"),
      text("domainCode", "Domain code"),
      text("domain", "Domain"),
      text("period", "Period"),
      text("fromYear", "First financial year"),
      text("toYear", "Last financial year"),
      text("status", "Status"),
      text("rag", "RAG"),
      text("ragReason", "RAG reason"),
      text("owners", "Owners"),
      text("ownerOds", "Owner ODS codes"),
      text("ownerNote", "Owner note"),
      text("programme", "Programme"),
      text("priority", "STP digital priority"),
      text("enables", "UCs enabled"),
      text("supports", "UCs supported"),
      text("footprints", "Footprints named"),
      text("appliesIn", "Applies in footprints"),
    ],
    rows: ordered.map((p) => ({
      code: p.code,
      title: p.title,
      domainCode: p.domainCode,
      domain: p.domainName,
      period: planPeriodLabel(p.fromYear, p.toYear),
      fromYear: formatFinancialYear(p.fromYear),
      toYear: formatFinancialYear(p.toYear),
      status: projectStatusLabels[p.status],
      rag: p.rag ? ragLabels[p.rag] : null,
      ragReason: p.ragReason || null,
      owners: list(p.owners.map((o) => o.name)),
      ownerOds: list(p.owners.flatMap((o) => (o.odsCode ? [o.odsCode] : []))),
      ownerNote: p.ownerNote,
      programme: p.programmeName,
      priority: p.stpPriority || null,
      enables: list(p.capabilities.filter((c) => c.role === "E").map((c) => `UC ${c.uc}`)),
      supports: list(p.capabilities.filter((c) => c.role === "S").map((c) => `UC ${c.uc}`)),
      footprints: list(names(new Set(p.footprintIds))),
      appliesIn: list(names(projectFootprints(p, footprintsOf))),
    })),
  };
}
