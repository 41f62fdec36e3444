import type { WorkstreamStatus } from "@/lib/workstream";

interface Props {
  phases: readonly { number: number; name: string }[];
  current: number;
  status: WorkstreamStatus;
  /** Names the workstream for screen readers when several strips share a page. */
  label: string;
  wide?: boolean;
}

/** Phases 1..N in a row: done, current (or where it stopped), to come; in words too. */
export function LifecycleStrip({ phases, current, status, label, wide }: Props) {
  const state = (n: number) =>
    status === "closed" || n < current ? "done" : n === current ? (status === "stopped" ? "stopped" : "current") : "to come";
  const words = { done: "passed", current: "current phase", stopped: "stopped here", "to come": "to come" } as const;
  return (
    <ol className={`app-lifecycle${wide ? " app-lifecycle--wide" : ""}`} aria-label={label}>
      {phases.map((p) => {
        const s = state(p.number);
        const modifier = s === "to come" ? "" : ` app-lifecycle__phase--${s}`;
        return (
          <li key={p.number} className={`app-lifecycle__phase${modifier}`} title={`${p.number} ${p.name}`} data-state={s}>
            {/* Passed phases carry a tick, not only a shade, so the state does not rest on colour. */}
            {s === "done" && <span aria-hidden="true">✓ </span>}
            {wide ? `${p.number} ${p.name}` : p.number}
            <span className="nhsuk-u-visually-hidden">
              {wide ? "" : ` ${p.name}`}: {words[s]}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
