import { ragLabels, type Rag } from "@/lib/rag";

const colours: Record<Rag, string> = { red: "nhsuk-tag--red", amber: "nhsuk-tag--yellow", green: "nhsuk-tag--green" };

/** A red, amber or green rating in words, with its colour (projects and workstreams alike). */
export function RagLabel({ rag }: { rag: Rag }) {
  return (
    <strong className={`nhsuk-tag ${colours[rag]}`} data-rag={rag}>
      {ragLabels[rag]}
    </strong>
  );
}
