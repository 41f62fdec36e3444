import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";

export default async function PortfolioPage() {
  await requireUser();
  redirect("/portfolio/plan");
}
