"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { saveProject } from "@/db/commands/projects";
import { userAction } from "@/lib/auth/action";
import { projectFormToInput, projectInputSchema } from "@/lib/schemas/project";

export const saveProjectAction = userAction(z.preprocess((v) => projectFormToInput(v as Record<string, unknown>), projectInputSchema), async (input, user) => {
  const saved = await saveProject({ actor: user, input });
  // The plan, the capability matrix and the project's own page all show it.
  revalidatePath("/portfolio", "layout");
  if (!input.projectId) redirect(`/portfolio/projects/${saved.id}?done=created`);
  return { ok: true, message: `“${saved.title}” saved.` };
});
