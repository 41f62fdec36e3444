// How a change-history row reads to a person.

type Json = Record<string, unknown> | null | undefined;

function field(value: unknown, key: string): string | undefined {
  const v = (value as Json)?.[key];
  return v == null ? undefined : String(v);
}

export function describeChange(entry: { action: string; before: unknown; after: unknown }): string {
  const period = field(entry.after, "period") ?? field(entry.before, "period") ?? "";
  const reason = field(entry.after, "reason");
  const withReason = (text: string) => (reason ? `${text}: “${reason}”` : text);
  switch (entry.action) {
    case "score.changed": {
      const domain = field(entry.after, "domain") ?? "a domain";
      const from = field(entry.before, "score");
      const to = field(entry.after, "score");
      return from == null ? `Scored ${domain} (${period}) at ${to}%` : `Changed ${domain} (${period}) from ${from}% to ${to}%`;
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
      return from == null ? `Set ${what} at ${field(entry.after, "score")}%` : `Changed ${what} from ${from}% to ${field(entry.after, "score")}%`;
    }
    case "target.removed":
      return `Removed the ${field(entry.before, "year") ?? "financial year"} target for ${field(entry.before, "domain") ?? "a domain"} (${field(entry.before, "score")}%)`;
    case "access.denied":
      return `Was refused: ${field(entry.after, "attempted") ?? "an action"} (not permitted for their role or organisation)`;
    default:
      return entry.action;
  }
}
