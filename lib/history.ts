// How a change-history row reads to a person.

type Json = Record<string, unknown> | null | undefined;

function field(value: unknown, key: string): string | undefined {
  const v = (value as Json)?.[key];
  return v == null ? undefined : String(v);
}

/** "proceed_with_conditions" → "proceed with conditions". */
function label(code: string | undefined): string {
  return code ? code.replaceAll("_", " ") : "none";
}

export function describeChange(entry: { action: string; before: unknown; after: unknown }): string {
  const period = field(entry.after, "period") ?? field(entry.before, "period") ?? "";
  // Scores are printed with their framework's unit; rows recorded before frameworks said
  // theirs are all the 2016 index's percentages.
  const unit = field(entry.after, "unit") ?? field(entry.before, "unit") ?? "%";
  const reason = field(entry.after, "reason");
  const withReason = (text: string) => (reason ? `${text}: “${reason}”` : text);
  switch (entry.action) {
    case "score.changed": {
      const domain = field(entry.after, "domain") ?? "a domain";
      const from = field(entry.before, "score");
      const to = field(entry.after, "score");
      return from == null ? `Scored ${domain} (${period}) at ${to}${unit}` : `Changed ${domain} (${period}) from ${from}${unit} to ${to}${unit}`;
    }
    case "assessment.created":
      return `Started the ${period} assessment`;
    case "assessment.submitted":
      return `Submitted the ${period} assessment for approval`;
    case "assessment.approved":
      return `Approved the ${period} assessment`;
    case "assessment.returned":
      return withReason(`Returned the ${period} assessment for changes`);
    case "assessment.reopened":
      return withReason(`Reopened the ${period} assessment`);
    case "assessment.imported": {
      const scores = (entry.after as Json)?.scores;
      const n = scores && typeof scores === "object" ? Object.keys(scores).length : 0;
      return `Imported ${n} approved scores`;
    }
    case "target.set": {
      const what = `the ${field(entry.after, "year") ?? "financial year"} target for ${field(entry.after, "domain") ?? "a domain"}`;
      const from = field(entry.before, "score");
      return from == null ? `Set ${what} at ${field(entry.after, "score")}${unit}` : `Changed ${what} from ${from}${unit} to ${field(entry.after, "score")}${unit}`;
    }
    case "target.removed":
      return `Removed the ${field(entry.before, "year") ?? "financial year"} target for ${field(entry.before, "domain") ?? "a domain"} (${field(entry.before, "score")}${unit})`;
    case "workstream.item.updated": {
      const text = field(entry.after, "text") ?? "an item";
      const kind = field(entry.after, "kind") ?? "item";
      const from = label(field(entry.before, "status"));
      const to = label(field(entry.after, "status"));
      const note = field(entry.after, "note");
      return `Updated the ${kind} “${text}”${from !== to ? `: ${from} → ${to}` : ""}${note && note !== field(entry.before, "note") ? ` (note: “${note}”)` : ""}`;
    }
    case "deliverable.updated": {
      const name = field(entry.after, "deliverable") ?? "a deliverable";
      const from = label(field(entry.before, "status"));
      const to = label(field(entry.after, "status"));
      const why = field(entry.after, "reason");
      return `Updated the deliverable “${name}” (phase ${field(entry.after, "phase") ?? "?"})${from !== to ? `: ${from} → ${to}` : ""}${why ? `, “${why}”` : ""}`;
    }
    case "workstream.review-date.set": {
      const to = field(entry.after, "nextReviewOn");
      return to ? `Planned the tollgate review for ${to}` : "Cleared the planned tollgate review date";
    }
    case "workstream.lead.set": {
      const why = field(entry.after, "reason");
      return `Changed the lead from ${field(entry.before, "lead") ?? "nobody"} to ${field(entry.after, "lead") ?? "nobody"}${why ? ` (${why})` : ""}`;
    }
    case "tollgate.requested":
      return `Requested the tollgate review of ${field(entry.after, "phaseName") ?? `phase ${field(entry.after, "phase")}`}`;
    case "tollgate.decided": {
      const decision = label(field(entry.after, "decision"));
      return `Recorded the board's decision on ${field(entry.after, "phaseName") ?? "the phase"}: ${decision}, “${field(entry.after, "reasons") ?? ""}”`;
    }
    case "condition.closed":
      return `Closed the condition “${field(entry.after, "description") ?? ""}”: “${field(entry.after, "closureNote") ?? ""}”`;
    case "project.created":
      return `Added the project “${field(entry.after, "title") ?? ""}”`;
    case "project.updated":
      return `Changed ${projectChanges(entry.before, entry.after)}`;
    case "project.co-owner.accepted":
      return `Accepted, for ${field(entry.after, "organisation") ?? "an organisation"}, the invitation to co-own the project`;
    case "project.co-owner.declined":
      return `Declined, for ${field(entry.after, "organisation") ?? "an organisation"}, the invitation to co-own the project`;
    case "project.milestone.added":
      return `Added the milestone “${field(entry.after, "title") ?? ""}”, due ${field(entry.after, "dueOn") ?? "?"}`;
    case "project.milestone.done":
      return `Marked the milestone “${field(entry.after, "title") ?? ""}” met on ${field(entry.after, "doneOn") ?? "?"}`;
    case "project.benefit.added":
      return `Added an expected benefit (${field(entry.after, "category") ?? "?"}): “${field(entry.after, "description") ?? ""}”`;
    case "api-token.created":
      return `Created the API token “${field(entry.after, "name") ?? ""}” (${field(entry.after, "prefix") ?? "?"}…, ${field(entry.after, "scope") === "read-write" ? "read and write" : "read only"}, expires ${field(entry.after, "expiresAt")?.slice(0, 10) ?? "?"})`;
    case "api-token.revoked":
      return `Revoked the API token “${field(entry.after, "name") ?? ""}” (${field(entry.after, "prefix") ?? "?"}…)`;
    case "access.denied":
      return `Was refused: ${field(entry.after, "attempted") ?? "an action"} (not permitted for their role or organisation)`;
    case "assessment.overall-published":
      return `Overall score (${period}) as published: ${field(entry.before, "publishedOverall") ?? "none"} → ${field(entry.after, "publishedOverall")}`;
    case "organisation-name.mapped":
      return `Mapped the published name “${field(entry.after, "name")}” to this organisation`;
    case "organisation.added":
      return `Added ${field(entry.after, "name")} (${field(entry.after, "odsCode")})`;
    default:
      return entry.action;
  }
}

const projectFieldNames: Record<string, string> = {
  title: "the title",
  description: "the description",
  domainId: "the maturity domain",
  stpPriority: "the STP priority",
  programmeId: "the programme",
  fromYear: "the first year",
  toYear: "the last year",
  startOn: "the start date",
  endOn: "the end date",
  status: "the status",
  rag: "the RAG",
  ragReason: "the RAG reason",
  ownerIds: "the owners",
  invitedIds: "the invitations to co-own it",
  footprintIds: "the footprints",
  capabilities: "the universal capabilities",
};

/** "the status (in flight → delivered) and the owners": what a project change touched. */
function projectChanges(before: unknown, after: unknown): string {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const shown = (v: unknown) => (v == null || v === "" ? "none" : String(v).replaceAll("_", " "));
  const parts = Object.keys(projectFieldNames)
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => (["status", "rag", "title"].includes(k) ? `${projectFieldNames[k]} (${shown(b[k])} → ${shown(a[k])})` : projectFieldNames[k]!));
  if (parts.length === 0) return "nothing";
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
