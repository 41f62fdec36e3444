import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ProjectForm } from "@/components/portfolio/project-form";
import { listOrganisationsByIds } from "@/db/queries/places";
import { listProjectFormOptions } from "@/db/queries/portfolio";
import { requireUser } from "@/lib/auth/session";
import { canEditProject } from "@/lib/permissions";

export const metadata: Metadata = { title: "Add a project" };

export default async function NewProjectPage() {
  const user = await requireUser();
  // Admins add any project; a CIO one that their own organisations own (the command checks the owners).
  if (!canEditProject(user, user.organisationIds)) forbidden();
  // A project's owners come from one system: a CIO's own (an administrator chooses from all).
  const mine = await listOrganisationsByIds({ ids: user.organisationIds });
  const options = await listProjectFormOptions({ systemId: mine[0]?.systemId });
  return (
    <>
      <span className="nhsuk-caption-l">Portfolio</span>
      <h1>Add a project</h1>
      <p>
        Your own organisations are ticked as owners. Tick others of your system to invite them to share the project: each becomes an owner when one of its CIOs accepts,
        and its CIOs can then change the project too.
      </p>
      <ProjectForm options={options} defaultOwnerIds={[...user.organisationIds]} />
    </>
  );
}
