import "./globals.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { getSessionAccount } from "@/lib/auth/session";

export const metadata: Metadata = {
  title: { default: "Digital Roadmap", template: "%s – Digital Roadmap" },
  description: "Digital maturity, trajectories, portfolio and tollgate reviews for NHS integrated care systems",
  icons: { icon: "/assets/images/favicon.svg" },

};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The account even while it has a first step to take: its name and Sign out show, not the menu.
  const user = await getSessionAccount();
  return (
    <html lang="en-GB">
      <head>
        {/* eslint-disable-next-line @next/next/no-css-tags -- see scripts/copy-nhsuk-assets.mjs */}
        <link rel="stylesheet" href="/nhsuk/nhsuk-frontend.min.css" />
      </head>
      <body>
        <a className="nhsuk-skip-link" href="#maincontent">
          Skip to main content
        </a>
        <SiteHeader user={user} />
        <div className="nhsuk-width-container">
          <main className="nhsuk-main-wrapper" id="maincontent" tabIndex={-1}>
            {children}
          </main>
        </div>
        <footer className="nhsuk-footer" role="contentinfo">
          <div className="nhsuk-width-container">
            <p className="nhsuk-body-s">
              Digital Roadmap · demo data from the 2016 Buckinghamshire, Oxfordshire &amp; Berkshire West Local Digital Roadmap · Contains public sector
              information from NHS England, licensed under the Open Government Licence v3.0 · <a href="/about-the-data">About the data</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
