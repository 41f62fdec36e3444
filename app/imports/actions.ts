"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { discardImport } from "@/db/commands/imports";
import { userAction } from "@/lib/auth/action";

export const discardImportAction = userAction(z.object({ jobId: z.uuid({ error: "The form did not say which import. Reload the page." }) }), async ({ jobId }, user) => {
  await discardImport({ actor: user, jobId });
  redirect("/imports?done=discarded");
});
