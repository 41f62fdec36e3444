import { distanceBands } from "@/lib/maturity";

export function HeatmapLegend() {
  return (
    <div className="app-legend">
      <h2 className="nhsuk-heading-s">How to read the colours</h2>
      <ul className="app-legend__list">
        {distanceBands.map((b) => (
          <li key={b.key}>
            <span className={`app-legend__swatch app-band--${b.key}`} aria-hidden="true" /> {b.label}
          </li>
        ))}
      </ul>
      <p className="nhsuk-body-s">
        Each cell shows the score and, beneath it, the points above (+) or below (−) the national average. A provider is counted
        as above national only when its score is strictly higher: an equal score is not above. Means are the average of the
        providers shown, rounded half up; counts such as 4/6 are worked out from the scores, never copied from a slide.
      </p>
    </div>
  );
}
