"use client";
import "./globals.css";

// When the root layout itself fails (it reads the signed-in user from the database, so it
// does when the database cannot be reached): a whole page of its own with a plain message.
export default function GlobalError() {
  return (
    <html lang="en-GB">
      <head>
        <title>Sorry, there is a problem with the service – Digital Roadmap</title>
        {/* eslint-disable-next-line @next/next/no-css-tags -- see scripts/copy-nhsuk-assets.mjs */}
        <link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css" />
      </head>
      <body>
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent">
            <h1>Sorry, there is a problem with the service</h1>
            <p>Nothing you were doing has been saved. Try again in a few minutes.</p>
            <p>
              <a href="/maturity">Go to digital maturity</a>
            </p>
          </main>
        </div>
      </body>
    </html>
  );
}
