import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ProjectForm } from "@/components/portfolio/project-form";
import { listProjectFormOptions } from "@/db/queries/portfolio";
import { requireUser } from "@/lib/auth/session";
import { canEditProject } from "@/lib/permissions";

export const metadata: Metadata = { title: "Add a project" };

export default async function NewProjectPage() {
  const user = await requireUser();
  // Admins add any project; a CIO one that their own organisations own (the command checks the owners).
  if (!canEditProject(user, user.organisationIds)) forbidden();
  const options = await listProjectFormOptions();
  return (
    <>
      <span className="nhsuk-caption-l">Portfolio</span>
      <h1>Add a project</h1>
      <p>Your own organisations are ticked as owners. Add others to share the project: any of its owners&apos; CIOs can then change it.</p>
      <ProjectForm options={options} defaultOwnerIds={[...user.organisationIds]} />
    </>
  );
}
