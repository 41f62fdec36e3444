CREATE TYPE "public"."capability_role" AS ENUM('E', 'S');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('planned', 'in_flight', 'delivered', 'paused', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."rag_rating" AS ENUM('red', 'amber', 'green');--> statement-breakpoint
CREATE TABLE "benefit_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "benefit_categories_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "programme_footprints" (
	"programme_id" uuid NOT NULL,
	"footprint_id" uuid NOT NULL,
	CONSTRAINT "programme_footprints_programme_id_footprint_id_pk" PRIMARY KEY("programme_id","footprint_id")
);
--> statement-breakpoint
CREATE TABLE "programme_owners" (
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "programme_owners_programme_id_organisation_id_pk" PRIMARY KEY("programme_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "programme_tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"name" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_benefits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_capabilities" (
	"project_id" uuid NOT NULL,
	"capability_id" uuid NOT NULL,
	"role" "capability_role" NOT NULL,
	CONSTRAINT "project_capabilities_project_id_capability_id_pk" PRIMARY KEY("project_id","capability_id")
);
--> statement-breakpoint
CREATE TABLE "project_footprints" (
	"project_id" uuid NOT NULL,
	"footprint_id" uuid NOT NULL,
	CONSTRAINT "project_footprints_project_id_footprint_id_pk" PRIMARY KEY("project_id","footprint_id")
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date
);
--> statement-breakpoint
CREATE TABLE "project_owners" (
	"project_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "project_owners_project_id_organisation_id_pk" PRIMARY KEY("project_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"domain_id" uuid NOT NULL,
	"stp_priority" text DEFAULT '' NOT NULL,
	"programme_id" uuid,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"start_on" date,
	"end_on" date,
	"status" "project_status" DEFAULT 'planned' NOT NULL,
	"rag" "rag_rating",
	"rag_reason" text,
	"owner_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_years_ordered" CHECK ("projects"."from_year" <= "projects"."to_year" and "projects"."from_year" between 2000 and 2100),
	CONSTRAINT "projects_dates_ordered" CHECK ("projects"."start_on" is null or "projects"."end_on" is null or "projects"."start_on" <= "projects"."end_on"),
	CONSTRAINT "projects_rag_reason" CHECK ("projects"."rag" is null or "projects"."rag" = 'green' or length(trim(coalesce("projects"."rag_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "tranche_capabilities" (
	"tranche_id" uuid NOT NULL,
	"capability_id" uuid NOT NULL,
	"role" "capability_role" NOT NULL,
	CONSTRAINT "tranche_capabilities_tranche_id_capability_id_pk" PRIMARY KEY("tranche_id","capability_id")
);
--> statement-breakpoint
CREATE TABLE "universal_capabilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"wording" text NOT NULL,
	CONSTRAINT "universal_capabilities_number_unique" UNIQUE("number"),
	CONSTRAINT "universal_capabilities_number_range" CHECK ("universal_capabilities"."number" between 1 and 99)
);
--> statement-breakpoint
ALTER TABLE "programme_footprints" ADD CONSTRAINT "programme_footprints_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_footprints" ADD CONSTRAINT "programme_footprints_footprint_id_footprints_id_fk" FOREIGN KEY ("footprint_id") REFERENCES "public"."footprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_owners" ADD CONSTRAINT "programme_owners_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_owners" ADD CONSTRAINT "programme_owners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_tranches" ADD CONSTRAINT "programme_tranches_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_benefits" ADD CONSTRAINT "project_benefits_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_benefits" ADD CONSTRAINT "project_benefits_category_id_benefit_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."benefit_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_capabilities" ADD CONSTRAINT "project_capabilities_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_capabilities" ADD CONSTRAINT "project_capabilities_capability_id_universal_capabilities_id_fk" FOREIGN KEY ("capability_id") REFERENCES "public"."universal_capabilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_footprints" ADD CONSTRAINT "project_footprints_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_footprints" ADD CONSTRAINT "project_footprints_footprint_id_footprints_id_fk" FOREIGN KEY ("footprint_id") REFERENCES "public"."footprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_owners" ADD CONSTRAINT "project_owners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_owners" ADD CONSTRAINT "project_owners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_domain_id_framework_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."framework_domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranche_capabilities" ADD CONSTRAINT "tranche_capabilities_tranche_id_programme_tranches_id_fk" FOREIGN KEY ("tranche_id") REFERENCES "public"."programme_tranches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranche_capabilities" ADD CONSTRAINT "tranche_capabilities_capability_id_universal_capabilities_id_fk" FOREIGN KEY ("capability_id") REFERENCES "public"."universal_capabilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "programme_tranches_position_uq" ON "programme_tranches" USING btree ("programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_code_uq" ON "programmes" USING btree ("system_id","code");--> statement-breakpoint
CREATE INDEX "project_benefits_project_idx" ON "project_benefits" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_capabilities_capability_idx" ON "project_capabilities" USING btree ("capability_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_milestones_position_uq" ON "project_milestones" USING btree ("project_id","position");--> statement-breakpoint
CREATE INDEX "project_milestones_due_idx" ON "project_milestones" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "project_owners_organisation_idx" ON "project_owners" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_uq" ON "projects" USING btree ("system_id","code");--> statement-breakpoint
CREATE INDEX "projects_domain_idx" ON "projects" USING btree ("domain_id");