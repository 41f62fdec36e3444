import { eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { frameworkDomains, frameworks, organisations, programmes, projects } from "../schema";
import { insertProject, ownFields, snapshotFromDb, snapshotOf, writeProjectChange } from "../commands/projects";
import { importFormats } from "@/lib/import/formats";
import { cellText, lookupKey, truncate } from "@/lib/import/cells";
import { canEditProject, type Actor } from "@/lib/permissions";
import { outsideSystemMessage, ownerRefusalMessage, planOwners } from "@/lib/project-owners";
import { projectStatuses, projectStatusLabels, stpDigitalPriorities } from "@/lib/portfolio";
import { ragRatings } from "@/lib/rag";
import { projectInputSchema, type ProjectInput } from "@/lib/schemas/project";
import { loadOrganisationLookup, loadPlaceLookups } from "./lookups";
import type { Accepted, CellProblem, Classified, ImportDefinition, ParsedRow } from "./types";

interface ProjectRow {
  code: string;
  input: ProjectInput;
  /** Set by classify when the code is known. */
  projectId: string | null;
  systemId: string | null;
}

// The form's field names, as the file's columns.
const columnOf: Record<string, string> = {
  title: "title",
  description: "description",
  domainId: "domain",
  stpPriority: "stp_priority",
  programmeId: "programme",
  ownerIds: "owners",
  footprintIds: "footprints",
  fromYear: "from_year",
  toYear: "to_year",
  startOn: "start_on",
  endOn: "end_on",
  status: "status",
  rag: "rag",
  ragReason: "rag_reason",
  capabilities: "enables",
};

const list = (text: string) =>
  text
    .split(/[;\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

export const projectsImport: ImportDefinition<ProjectRow> = {
  kind: "projects",
  columns: importFormats.projects.columns,
  async load(db, actor: Actor) {
    const [organisation, place, domains, programmeRows, orgRows] = await Promise.all([
      loadOrganisationLookup(db),
      loadPlaceLookups(db),
      db.select({ id: frameworkDomains.id, code: frameworkDomains.code, name: frameworkDomains.name, framework: frameworks.code }).from(frameworkDomains).innerJoin(frameworks, eq(frameworks.id, frameworkDomains.frameworkId)),
      db.select({ id: programmes.id, code: programmes.code, name: programmes.name }).from(programmes),
      db.select({ id: organisations.id, name: organisations.name, systemId: organisations.systemId }).from(organisations),
    ]);
    const domainsByKey = new Map<string, (typeof domains)[number][]>();
    for (const d of domains) {
      for (const key of [d.code, d.name, `${d.framework}:${d.code}`]) domainsByKey.set(lookupKey(key), [...(domainsByKey.get(lookupKey(key)) ?? []), d]);
    }
    const programmeByKey = new Map(programmeRows.flatMap((p) => [[lookupKey(p.code), p] as const, [lookupKey(p.name), p] as const]));
    const priorityByKey = new Map(stpDigitalPriorities.map((p) => [lookupKey(p), p]));
    const statusByKey = new Map(projectStatuses.flatMap((s) => [[lookupKey(s), s] as const, [lookupKey(projectStatusLabels[s]), s] as const]));
    const systemOf = new Map(orgRows.map((o) => [o.id, o.systemId]));
    const nameOf = (id: string) => orgRows.find((o) => o.id === id)?.name ?? "another organisation";

    return {
      describeKey: "project code",
      parse(get) {
        const problems: CellProblem[] = [];
        for (const { name } of importFormats.projects.columns) {
          const cell = get(name);
          if (cell.kind === "formula") problems.push({ column: name, message: `This cell is a formula (=${truncate(cell.formula)}): enter the value itself` });
        }
        const text = (column: string) => cellText(get(column));
        const code = text("code").toUpperCase();
        if (!code) problems.push({ column: "code", message: "Enter the project's code (a new code adds a project)" });
        else if (!/^[A-Z0-9][A-Z0-9._/-]{0,39}$/.test(code)) problems.push({ column: "code", message: `A code is letters, digits, - . _ or /, up to 40 characters (not “${truncate(code)}”)` });

        const matches = domainsByKey.get(lookupKey(text("domain"))) ?? [];
        if (text("domain") && matches.length !== 1) {
          problems.push({ column: "domain", message: matches.length ? `“${text("domain")}” is in more than one framework: write it as FRAMEWORK:CODE` : `Unknown domain “${truncate(text("domain"))}”` });
        }
        const priority = priorityByKey.get(lookupKey(text("stp_priority")));
        if (text("stp_priority") && !priority) problems.push({ column: "stp_priority", message: `Unknown STP digital priority “${truncate(text("stp_priority"))}”: use ${stpDigitalPriorities.join("; ")}` });
        const programme = text("programme") ? programmeByKey.get(lookupKey(text("programme"))) : null;
        if (programme === undefined) problems.push({ column: "programme", message: `Unknown programme “${truncate(text("programme"))}”` });
        const ownerIds: string[] = [];
        for (const o of list(text("owners"))) {
          const found = organisation(o);
          if (found) ownerIds.push(found.id);
          else problems.push({ column: "owners", message: `Unknown organisation “${truncate(o)}”: give its ODS code` });
        }
        const footprintIds: string[] = [];
        for (const f of list(text("footprints"))) {
          const found = place.footprint(f);
          if (found) footprintIds.push(found.id);
          else problems.push({ column: "footprints", message: `Unknown footprint “${truncate(f)}”` });
        }
        const status = statusByKey.get(lookupKey(text("status")));
        if (text("status") && !status) problems.push({ column: "status", message: `Unknown status “${truncate(text("status"))}”: use planned, in flight, delivered, paused or stopped` });
        const rag = text("rag").toLowerCase();
        if (rag && !(ragRatings as readonly string[]).includes(rag)) problems.push({ column: "rag", message: `The RAG rating is red, amber or green (not “${truncate(rag)}”)` });
        const capabilities: Record<string, string> = {};
        for (const [column, role] of [["enables", "E"], ["supports", "S"]] as const) {
          for (const uc of list(text(column))) {
            if (!/^(10|[1-9])$/.test(uc)) problems.push({ column, message: `Universal capabilities are numbered 1 to 10 (not “${truncate(uc)}”)` });
            else if (capabilities[uc]) problems.push({ column, message: `UC ${uc} is both enabled and supported: choose one` });
            else capabilities[uc] = role;
          }
        }
        if (problems.length > 0) return { ok: false, problems };

        const parsed = projectInputSchema.safeParse({
          title: text("title"),
          description: text("description"),
          domainId: matches[0]?.id ?? "",
          stpPriority: priority ?? "",
          programmeId: programme?.id ?? null,
          ownerIds,
          footprintIds,
          fromYear: text("from_year"),
          toYear: text("to_year"),
          startOn: text("start_on"),
          endOn: text("end_on"),
          status: status ?? "",
          rag: rag || null,
          ragReason: text("rag_reason"),
          capabilities,
        });
        if (!parsed.success) {
          return { ok: false, problems: parsed.error.issues.map((i) => ({ column: columnOf[String(i.path[0])] ?? null, message: i.message })) };
        }
        if (!canEditProject(actor, parsed.data.ownerIds)) {
          return { ok: false, problems: [{ column: "owners", message: "One of your own organisations must be among the owners: you can add and change only projects they own" }] };
        }
        return { ok: true, key: code, item: { code, input: parsed.data, projectId: null, systemId: null } };
      },

      async classify(db: Database, rows: ParsedRow<ProjectRow>[]): Promise<Classified<ProjectRow>[]> {
        const found = await db.select({ id: projects.id, code: projects.code, systemId: projects.systemId }).from(projects).where(inArray(projects.code, rows.map((r) => r.item.code)));
        const out: Classified<ProjectRow>[] = [];
        for (const row of rows) {
          // Codes are unique within a system: the owners' system decides which project it is.
          const system = systemOf.get(row.item.input.ownerIds[0]!);
          const existing = found.find((p) => p.code === row.item.code && (system === undefined || p.systemId === system));
          const full = existing ? await snapshotFromDb(db, existing.id) : null;
          const before = full ? ownFields(full) : null;
          if (before && !canEditProject(actor, before.ownerIds)) {
            out.push({ line: row.line, problems: [{ column: "code", message: `${row.item.code} is owned by other organisations: you can change only projects one of your own organisations owns` }] });
            continue;
          }
          // The same rules as the form: others' organisations are invited, not made owners;
          // a CIO removes only their own; owners come from the project's own system.
          const planned = planOwners(actor, before ?? { ownerIds: [], invitedIds: [] }, row.item.input.ownerIds);
          if (!planned.ok) {
            out.push({ line: row.line, problems: [{ column: "owners", message: ownerRefusalMessage(planned.refusal, nameOf) }] });
            continue;
          }
          const systemId = full?.systemId ?? systemOf.get(row.item.input.ownerIds.find((id) => planned.plan.ownerIds.includes(id))!)!;
          const outside = [...planned.plan.added, ...planned.plan.invited].filter((id) => systemOf.get(id) !== systemId);
          if (outside.length > 0) {
            out.push({ line: row.line, problems: [{ column: "owners", message: outsideSystemMessage(outside.map(nameOf), undefined) }] });
            continue;
          }
          if (!existing || !before) {
            out.push({ ...row, outcome: "created", before: null });
            continue;
          }
          const same = JSON.stringify(before) === JSON.stringify(snapshotOf(row.item.input, planned.plan));
          out.push({ ...row, item: { ...row.item, projectId: existing.id, systemId: existing.systemId }, outcome: same ? "unchanged" : "changed", before });
        }
        return out;
      },

      async apply(tx, rows: Accepted<ProjectRow>[]) {
        for (const { item, before } of rows) {
          if (item.projectId) await writeProjectChange(tx, actor, item.projectId, item.input, before as ReturnType<typeof snapshotOf>, item.systemId!);
          else await insertProject(tx, actor, item.input, item.code);
        }
      },
      async finish() {},
    };
  },
};
