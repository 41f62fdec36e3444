// Which framework, period and footprint a maturity page shows: from the URL when it names
// ones that exist, else sensible defaults (the latest period anyone has reported in).

interface Coded {
  id: string;
  code: string;
}

export function pickByCode<T extends Coded>(items: readonly T[], code: string | undefined): T | undefined {
  return (code ? items.find((i) => i.code === code) : undefined) ?? undefined;
}

export function defaultPeriod<T extends Coded & { reportedCount: number }>(periods: readonly T[]): T | undefined {
  return periods.find((p) => p.reportedCount > 0) ?? periods[0];
}

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
