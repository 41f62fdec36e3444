import "server-only";
import { z } from "zod";
import { pagesOfDomainScoresWithCodes } from "@/db/queries/domain-scores";
import { listFrameworks, listPeriods } from "@/db/queries/frameworks";
import { listFootprints, listOrganisations, listSystems } from "@/db/queries/places";
import { getBoardView } from "@/db/queries/views/board-view";
import { getCapabilityPlanView } from "@/db/queries/views/capability-plan";
import { getHeatmapView } from "@/db/queries/views/heatmap";
import { getTrajectoriesView } from "@/db/queries/views/trajectories";
import { getUniversalCapabilitiesView } from "@/db/queries/views/universal-capabilities";
import { londonDate } from "@/lib/as-at";
import type { SessionUser } from "@/lib/auth/session";
import { invalid, notFound } from "@/lib/errors";
import type { ExportName } from "@/lib/export/links";
import { code, exportFormat, isoDate } from "@/lib/export/query";
import type { StreamedTable, Table } from "@/lib/export/table";
import { boardViewTable } from "@/lib/export/tables/board-view";
import { capabilityPlanTable } from "@/lib/export/tables/capability-plan";
import { heatmapTable } from "@/lib/export/tables/heatmap";
import { scoresImportStream } from "@/lib/export/tables/scores";
import { trajectoriesTable, trajectoryFiguresTable } from "@/lib/export/tables/trajectories";
import { universalCapabilitiesTable } from "@/lib/export/tables/universal-capabilities";

// Each download: the filters its page takes (checked with zod: a 400 when one is wrong in
// itself), and how to build its table from the page's own data. A filter naming nothing
// that exists is a 422: the page falls back to a default, but a file must not quietly hold
// something other than what was asked for.

interface Definition<S extends z.ZodType> {
  query: S;
  build(query: z.output<S>, user: SessionUser): Promise<{ table: Table | StreamedTable; name: (string | null | undefined)[] }>;
}
const define = <S extends z.ZodType>(d: Definition<S>) => d;

function unknownChoice(what: string, value: string): never {
  throw invalid(`There is no ${what} “${value}”.`, { [what]: `There is no ${what} “${value}”` });
}

const today = () => new Date().toISOString().slice(0, 10);

const trajectoriesQuery = z.object({
  format: exportFormat,
  framework: code("framework").optional(),
  footprint: code("footprint").optional(),
  organisation: z.uuid({ error: "organisation must be an organisation's id" }).optional(),
  asAt: isoDate("asAt").optional(),
  system: code("system").optional(),
});

async function trajectories(query: z.output<typeof trajectoriesQuery>, user: SessionUser) {
  const view = await getTrajectoriesView({ ...query, today: today(), organisationIds: user.organisationIds });
  if (!view) throw notFound("A maturity framework");
  if (query.system && view.system.code !== query.system) unknownChoice("system", query.system);
  if (query.framework && view.structure.code !== query.framework) unknownChoice("framework", query.framework);
  if (query.footprint && view.footprint?.code !== query.footprint) unknownChoice("footprint", query.footprint);
  if (query.organisation && view.organisation?.id !== query.organisation) unknownChoice("organisation", query.organisation);
  const place = view.organisation ? (view.organisation.odsCode ?? view.organisation.shortName) : (view.footprint?.code ?? view.system?.code);
  return { view, place };
}

export const exportDefinitions: Record<ExportName, Definition<z.ZodType>> = {
  heatmap: define({
    query: z.object({ format: exportFormat, framework: code("framework").optional(), period: code("period").optional(), footprint: code("footprint").optional(), system: code("system").optional() }),
    async build(query, user) {
      const { selection, data } = await getHeatmapView({ ...query, organisationIds: user.organisationIds });
      if (!selection || !data) throw notFound("An assessment period");
      if (query.system && data.system?.code !== query.system) unknownChoice("system", query.system);
      if (query.framework && data.structure.code !== query.framework) unknownChoice("framework", query.framework);
      if (query.period && data.period.code !== query.period) unknownChoice("period", query.period);
      if (query.footprint && data.footprint?.code !== query.footprint) unknownChoice("footprint", query.footprint);
      return {
        table: heatmapTable({ title: "Heatmap", domains: data.structure.domains, heatmap: data.heatmap, meanLabel: data.meanLabel, scale: data.scale }),
        name: ["heatmap", data.period.code, data.footprint?.code ?? data.system?.code],
      };
    },
  }),

  scores: define({
    query: z.object({
      format: exportFormat,
      framework: code("framework").optional(),
      period: code("period").optional(),
      footprint: code("footprint").optional(),
      organisation: code("organisation").optional(),
      system: code("system").optional(),
    }),
    async build(query, user) {
      const [frameworks, periods, footprints, organisations, systems] = await Promise.all([listFrameworks(), listPeriods(), listFootprints(), listOrganisations(), listSystems()]);
      const system = query.system ? (systems.find((s) => s.code === query.system) ?? unknownChoice("system", query.system)) : undefined;
      const framework = query.framework ? (frameworks.find((f) => f.code === query.framework) ?? unknownChoice("framework", query.framework)) : undefined;
      let periodId: string | undefined;
      if (query.period) {
        const matches = periods.filter((p) => p.code === query.period && (!framework || p.frameworkId === framework.id));
        if (matches.length === 0) unknownChoice("period", query.period);
        if (matches.length > 1) throw invalid(`More than one framework has a period “${query.period}”: choose the framework too.`, { framework: "Choose the framework" });
        periodId = matches[0]!.id;
      }
      const footprint = query.footprint ? (footprints.find((f) => f.code === query.footprint) ?? unknownChoice("footprint", query.footprint)) : undefined;
      // Organisations by their ODS code, as the file names them.
      const organisation = query.organisation ? (organisations.find((o) => o.odsCode === query.organisation) ?? unknownChoice("organisation", query.organisation)) : undefined;
      // Every score in England is hundreds of thousands of rows: read and written a page at a time.
      const pages = pagesOfDomainScoresWithCodes({ frameworkId: framework?.id, periodId, footprintId: footprint?.id, organisationId: organisation?.id, systemId: system?.id });
      return {
        table: scoresImportStream({ title: "Scores", pages, viewer: user }),
        name: ["scores", framework?.code, query.period, footprint?.code, organisation?.odsCode, system?.code, !framework && !query.period && !footprint && !organisation && !system ? "all" : null],
      };
    },
  }),

  trajectories: define({
    query: trajectoriesQuery,
    async build(query, user) {
      const { view, place } = await trajectories(query, user);
      return { table: trajectoriesTable({ title: "Trajectories", trajectories: view.trajectories, domains: view.domains }), name: ["trajectories", place, view.judgedOn] };
    },
  }),

  "trajectory-figures": define({
    query: trajectoriesQuery,
    async build(query, user) {
      const { view, place } = await trajectories(query, user);
      return { table: trajectoryFiguresTable({ title: "Trajectory figures", trajectories: view.trajectories, domains: view.domains }), name: ["trajectory-figures", place, view.judgedOn] };
    },
  }),

  "capability-plan": define({
    query: z.object({
      format: exportFormat,
      footprint: code("footprint").optional(),
      organisation: code("organisation").optional(),
      priority: z.string().max(200).optional(),
      system: code("system").optional(),
    }),
    async build(query, user) {
      const view = await getCapabilityPlanView({ ...query, organisationIds: user.organisationIds });
      for (const what of view.unknown) unknownChoice(what, query[what as "footprint" | "organisation" | "priority" | "system"]!);
      const owner = view.organisation ? (view.projects.flatMap((p) => p.owners).find((o) => o.id === view.organisation!.id)?.odsCode ?? view.organisation.name) : null;
      return {
        table: capabilityPlanTable({ title: "Capability plan", projects: view.shown, footprints: view.options.footprints, footprintsOf: view.footprintsOf }),
        name: ["capability-plan", view.footprint?.code, owner, view.priority],
      };
    },
  }),

  "universal-capabilities": define({
    query: z.object({ format: exportFormat, by: z.enum(["footprint", "organisation"], { error: "by must be footprint or organisation" }).optional(), system: code("system").optional() }),
    async build(query, user) {
      const view = await getUniversalCapabilitiesView({ byOwner: query.by === "organisation", system: query.system, organisationIds: user.organisationIds });
      if (query.system && view.system?.code !== query.system) unknownChoice("system", query.system);
      return {
        table: universalCapabilitiesTable({ title: "Universal capabilities", capabilities: view.capabilities, columns: view.columns, matrix: view.matrix }),
        name: ["universal-capabilities", view.byOwner ? "by-organisation" : "by-footprint"],
      };
    },
  }),

  "board-view": define({
    query: z.object({ format: exportFormat, since: isoDate("since").optional(), system: code("system").optional() }),
    async build(query, user) {
      const view = await getBoardView({ since: query.since, today: londonDate(), system: query.system, organisationIds: user.organisationIds });
      if (query.system && view.system?.code !== query.system) unknownChoice("system", query.system);
      if (view.sinceError) throw invalid(view.sinceError, { since: view.sinceError });
      return { table: boardViewTable({ title: "Board view", view }), name: ["board-view-since", view.since] };
    },
  }),
};
