import { ragLabels } from "@/lib/rag";
import type { RagRating } from "@/lib/workstream";

const colours = { red: "nhsuk-tag--red", amber: "nhsuk-tag--yellow", green: "nhsuk-tag--green" } as const;

export function RagTag({ rating }: { rating: RagRating }) {
  if (!rating.rag) return <strong className="nhsuk-tag nhsuk-tag--grey">Closed</strong>;
  return (
    <strong className={`nhsuk-tag ${colours[rating.rag]}`} data-rag={rating.rag}>
      {ragLabels[rating.rag]}
    </strong>
  );
}
