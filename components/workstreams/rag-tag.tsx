import { RagLabel } from "@/components/rag-label";
import type { RagRating } from "@/lib/workstream";

export function RagTag({ rating }: { rating: RagRating }) {
  if (!rating.rag) return <strong className="nhsuk-tag nhsuk-tag--grey">Closed</strong>;
  return <RagLabel rag={rating.rag} />;
}
