import { distanceBands } from "@/lib/maturity";
import type { Scale } from "@/lib/scale";

export function HeatmapLegend({ scale }: { scale: Scale }) {
  return (
    <div className="app-legend">
      <h2 className="nhsuk-heading-s">How to read the colours</h2>
      <ul className="app-legend__list">
        {distanceBands(scale).map((b) => (
          <li key={b.key}>
            <span className={`app-legend__swatch app-band--${b.key}`} aria-hidden="true" /> {b.label}
          </li>
        ))}
      </ul>
      <p className="nhsuk-body-s">
        Each cell shows the score and, beneath it, how far it is above (+) or below (−) the national average; the bands are
        5% and 15% of the framework&rsquo;s scale ({scale.min} to {scale.max}). A provider is counted
        as above national only when its score is strictly higher: an equal score is not above. Means are the average of the
        providers shown, rounded half up to the framework&rsquo;s precision; counts such as 4/6 are worked out from the scores, never copied from a slide.
      </p>
    </div>
  );
}
