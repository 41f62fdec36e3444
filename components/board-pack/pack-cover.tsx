import type { ReactNode } from "react";
import { packSectionIds, packSectionTitles } from "@/lib/board-pack";
import { formatDate } from "@/lib/dates";

/** The pack's first page: what it covers and when, its contents, and the headlines. */
export function PackCover({
  scopeLabel,
  systemName,
  asAt,
  today,
  controls,
  glance,
}: {
  scopeLabel: string;
  systemName: string;
  asAt: string;
  today: string;
  /** The form and print button: on screen only. */
  controls: ReactNode;
  glance: { section: (typeof packSectionIds)[number]; text: string }[];
}) {
  return (
    <section className="app-pack__cover" aria-labelledby="pack-title" data-testid="pack-cover">
      <span className="nhsuk-caption-l">{systemName}</span>
      <h1 id="pack-title">Programme board pack</h1>
      <p className="nhsuk-lede-text" data-testid="pack-scope">
        {scopeLabel}, as at {formatDate(asAt)}
      </p>
      <p className="nhsuk-body-s" data-testid="pack-produced">
        Produced on {formatDate(today)} from the Digital Roadmap{asAt < today ? ": figures rebuilt from the change history as they stood at the end of the chosen day" : ""}.
      </p>
      {controls}
      <nav aria-labelledby="pack-contents">
        <h2 id="pack-contents">Contents</h2>
        <ol className="nhsuk-list nhsuk-list--number" data-testid="pack-contents-list">
          {packSectionIds.map((id) => (
            <li key={id}>
              <a href={`#pack-${id}`}>{packSectionTitles[id]}</a>
            </li>
          ))}
        </ol>
      </nav>
      <h2>At a glance</h2>
      <ul className="nhsuk-list nhsuk-list--bullet" data-testid="pack-glance">
        {glance.map((g) => (
          <li key={g.section} data-section={g.section}>
            {g.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
