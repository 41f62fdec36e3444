"use client";

// A page that failed on the server (in production its message is withheld, so nothing of
// the cause reaches the user): a plain message inside the site's own layout.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Nothing you were doing has been saved. Try again in a few minutes.</p>
      <p>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={reset}>
          Try again
        </button>
      </p>
    </>
  );
}
