// Shown in place of a page's content when the reader has opened too many of its costly
// views in the last minute (lib/rate-limit.ts).
export function RateLimitNotice({ title, message }: { title: string; message: string }) {
  return (
    <>
      <h1>{title}</h1>
      <div className="nhsuk-warning-callout" data-testid="rate-limited">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Too many requests
          </span>
        </h2>
        <p>{message}</p>
      </div>
    </>
  );
}
