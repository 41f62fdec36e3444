#!/usr/bin/env bash
# Builds the production app and starts it on the embedded database (PGlite in .data/),
# which migrates and seeds itself with the BOB demo data on first start.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
unset DATABASE_URL
# The demo accounts below, with their public password: only here, never on a plain start.
export DEMO_ACCOUNTS=1
export NEXT_TELEMETRY_DISABLED=1
PORT=${PORT:-3000}
npm run build
cat <<MSG

Digital Roadmap is starting on http://localhost:${PORT} (embedded database in ${DATA_DIR:-.data}/pglite).
Demo accounts, password roadmap-demo-2026:
  admin@demo.nhs.uk      administrator (second factor: authenticator key JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP)
  cio.ouh@demo.nhs.uk    CIO, Oxford University Hospitals (RTH)
  cio.rbft@demo.nhs.uk   CIO, Royal Berkshire (RHW)
  board@demo.nhs.uk      programme board member
  ccio@demo.nhs.uk       CCIO
  viewer@demo.nhs.uk     viewer
(Made on the first start of an empty data folder only: a folder first started without
\`npm run demo\` has one administrator instead. Delete ${DATA_DIR:-.data} to start again.)

MSG
exec npx next start -p "$PORT"
