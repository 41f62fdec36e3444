CREATE TYPE "public"."co_ownership_status" AS ENUM('pending', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "project_owner_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "co_ownership_status" DEFAULT 'pending' NOT NULL,
	"invited_by_id" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "project_owner_invitations_decided" CHECK (("project_owner_invitations"."status" = 'pending') = ("project_owner_invitations"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "project_owner_invitations" ADD CONSTRAINT "project_owner_invitations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_owner_invitations" ADD CONSTRAINT "project_owner_invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_owner_invitations" ADD CONSTRAINT "project_owner_invitations_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_owner_invitations" ADD CONSTRAINT "project_owner_invitations_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "project_owner_invitations_pending_uq" ON "project_owner_invitations" USING btree ("project_id","organisation_id") WHERE "project_owner_invitations"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "project_owner_invitations_organisation_idx" ON "project_owner_invitations" USING btree ("organisation_id","status");