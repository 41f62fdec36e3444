import type { ReactNode } from "react";
import type { PackSectionId } from "@/lib/board-pack";

/**
 * One section of the pack: its heading, what "as at" means for it, and its content. In
 * print each starts a new page (A4 landscape for the wide ones) unless it continues the
 * previous section's page.
 */
export function PackSection({
  id,
  title,
  asAt,
  orientation = "portrait",
  continues = false,
  children,
}: {
  id: PackSectionId;
  title: string;
  asAt: string;
  orientation?: "portrait" | "landscape";
  continues?: boolean;
  children: ReactNode;
}) {
  const classes = ["app-pack__section", `app-pack__section--${orientation}`, continues ? "app-pack__section--continues" : ""].filter(Boolean).join(" ");
  return (
    <section className={classes} id={`pack-${id}`} aria-labelledby={`pack-${id}-heading`} data-testid={`pack-${id}`}>
      <h2 id={`pack-${id}-heading`}>{title}</h2>
      <p className="app-pack__as-at" data-testid="as-at-meaning">
        <strong>As at:</strong> {asAt}
      </p>
      {children}
    </section>
  );
}
