// Reconstructs what the data said at a past moment from the append-only change history,
// so that a board can see what it was told at a past meeting.

export interface HistoryEvent {
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  after: unknown;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});

export interface AssessmentState {
  status: string;
  scores: Record<string, number>;
}

/** Each assessment's status and scores after the given events (already cut off at the moment wanted). */
export function assessmentsAsAt(events: readonly HistoryEvent[]): Map<string, AssessmentState> {
  const states = new Map<string, AssessmentState>();
  const state = (id: string) => {
    let s = states.get(id);
    if (!s) {
      s = { status: "draft", scores: {} };
      states.set(id, s);
    }
    return s;
  };
  for (const e of ordered(events)) {
    const after = obj(e.after);
    if (e.entityType === "assessment") {
      const s = state(e.entityId);
      if (typeof after.status === "string") s.status = after.status;
      if (e.action === "assessment.imported" && after.scores) {
        for (const [domainId, score] of Object.entries(obj(after.scores))) if (typeof score === "number") s.scores[domainId] = score;
      }
    } else if (e.entityType === "domain_score" && e.action === "score.changed") {
      const [assessmentId, domainId] = e.entityId.split(":");
      if (assessmentId && domainId && typeof after.score === "number") state(assessmentId).scores[domainId] = after.score;
    }
  }
  return states;
}

export interface TargetState {
  id: string;
  scope: "system" | "footprint" | "organisation";
  scopeId: string;
  domainId: string;
  financialYear: number;
  score: number;
}

export function targetsAsAt(events: readonly HistoryEvent[]): TargetState[] {
  const targets = new Map<string, TargetState>();
  for (const e of ordered(events)) {
    if (e.entityType !== "target") continue;
    const a = obj(e.after);
    if (e.action === "target.removed") targets.delete(e.entityId);
    else if (e.action === "target.set" && typeof a.score === "number") {
      targets.set(e.entityId, {
        id: e.entityId,
        scope: a.scope as TargetState["scope"],
        scopeId: String(a.scopeId),
        domainId: String(a.domainId),
        financialYear: Number(a.financialYear),
        score: a.score,
      });
    }
  }
  return [...targets.values()];
}

function ordered(events: readonly HistoryEvent[]): HistoryEvent[] {
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The end of a chosen day in England (Europe/London, so British Summer Time counts), so
 * that "as at 12 March" includes every change made on that day as people there saw it.
 */
export function endOfDay(isoDate: string): Date {
  const utcEnd = Date.parse(`${isoDate}T23:59:59.999Z`);
  return new Date(utcEnd - londonOffsetMinutes(new Date(utcEnd)) * 60_000);
}

function londonOffsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  const match = /GMT([+-]\d+)(?::(\d+))?/.exec(name ?? "");
  return match ? Number(match[1]) * 60 + Math.sign(Number(match[1])) * Number(match[2] ?? 0) : 0;
}

/** The calendar date in England at an instant, as YYYY-MM-DD. */
export function londonDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
