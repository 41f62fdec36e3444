import { describeDistribution, rankAmong, type Distribution, type PeerStanding } from "./benchmark";
import { mean } from "./maturity";

// Peer benchmarks as NHS England publishes the data for them: per pillar, the spread of
// every organisation in England in one care setting and period, the system's own picked
// out with their rank and percentile, and the system's mean against national.

/** One organisation's reported result in a period and care setting (db/queries/benchmarks). */
export interface PeerResult {
  organisationId: string;
  name: string;
  shortName: string;
  odsCode: string | null;
  /** The organisation's own system today. */
  systemId: string;
  /** The system the result was filed under at its time, where the publication says. */
  attributedSystemId: string | null;
  publishedOverall: number | null;
  scores: Record<string, number>;
}

export interface DomainBenchmark {
  domainId: string;
  national: Distribution | null;
  /** Mean of the system's own organisations that have a score. */
  systemMean: number | null;
  systemScored: number;
}

export interface OwnStanding {
  organisationId: string;
  name: string;
  odsCode: string | null;
  /** Per domain: the score and its standing among every peer scored in that domain. */
  domains: Record<string, { score: number; standing: PeerStanding } | undefined>;
  overall: { score: number; standing: PeerStanding } | null;
}

export interface Benchmarks {
  peers: number;
  domains: DomainBenchmark[];
  /** The published overall score: its spread, as NHS England gives it (never recomputed). */
  overall: Distribution | null;
  own: OwnStanding[];
  /** Every peer's scores per domain, for the distribution charts: ids, names and values. */
  points: Record<string, { id: string; name: string; value: number; highlighted: boolean }[]>;
}

export function buildBenchmarks({ domains, peers, isOwn }: { domains: readonly { id: string }[]; peers: readonly PeerResult[]; isOwn: (p: PeerResult) => boolean }): Benchmarks {
  const own = peers.filter(isOwn);
  const valuesOf = (domainId: string, among: readonly PeerResult[]) => among.map((p) => p.scores[domainId]).filter((v): v is number => v != null);
  const overallValues = peers.map((p) => p.publishedOverall).filter((v): v is number => v != null);
  return {
    peers: peers.length,
    domains: domains.map((d) => {
      const mine = valuesOf(d.id, own);
      return { domainId: d.id, national: describeDistribution(valuesOf(d.id, peers)), systemMean: mean(mine), systemScored: mine.length };
    }),
    overall: describeDistribution(overallValues),
    own: own.map((p) => ({
      organisationId: p.organisationId,
      name: p.shortName,
      odsCode: p.odsCode,
      domains: Object.fromEntries(
        domains.map((d) => {
          const score = p.scores[d.id];
          return [d.id, score == null ? undefined : { score, standing: rankAmong(score, valuesOf(d.id, peers))! }];
        }),
      ),
      overall: p.publishedOverall == null ? null : { score: p.publishedOverall, standing: rankAmong(p.publishedOverall, overallValues)! },
    })),
    points: Object.fromEntries(
      domains.map((d) => [
        d.id,
        peers.filter((p) => p.scores[d.id] != null).map((p) => ({ id: p.organisationId, name: p.shortName, value: p.scores[d.id]!, highlighted: isOwn(p) })),
      ]),
    ),
  };
}
