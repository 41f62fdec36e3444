import { NextResponse } from "next/server";
import { checkDatabaseHealth } from "@/db/health";

export const dynamic = "force-dynamic";

// For load balancers and uptime checks: no sign-in, no secrets, 503 when not ready.
export async function GET() {
  const health = await checkDatabaseHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
