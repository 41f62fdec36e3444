import { exportFormats, exportHref, type ExportName } from "@/lib/export/links";

const formatLabels = { csv: "CSV", xlsx: "XLSX" } as const;

/**
 * "Download CSV" and "Download XLSX" of what the page shows, with the page's filters.
 * Plain links: keyboard reachable, and left out of the printed page.
 */
export function DownloadLinks({ name, filters, what, label = "Download" }: { name: ExportName; filters: Record<string, string | null | undefined>; what: string; label?: string }) {
  return (
    <p className="app-no-print app-download-links" data-testid={`download-${name}`}>
      {exportFormats.map((format) => (
        <a key={format} className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-right-2 nhsuk-u-margin-bottom-2" href={exportHref(name, format, filters)} download>
          {label} {formatLabels[format]}
          <span className="nhsuk-u-visually-hidden"> of {what}</span>
        </a>
      ))}
    </p>
  );
}
