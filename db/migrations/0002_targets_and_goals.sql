CREATE TYPE "public"."target_scope" AS ENUM('system', 'footprint', 'organisation');--> statement-breakpoint
CREATE TABLE "section_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"section_id" uuid NOT NULL,
	"system_id" uuid,
	"footprint_id" uuid,
	"description" text NOT NULL,
	"threshold" integer NOT NULL,
	"tolerance" integer DEFAULT 0 NOT NULL,
	"financial_year" integer NOT NULL,
	CONSTRAINT "section_goals_threshold_range" CHECK ("section_goals"."threshold" between 0 and 100 and "section_goals"."tolerance" between 0 and 100),
	CONSTRAINT "section_goals_one_scope" CHECK (("section_goals"."system_id" is null) <> ("section_goals"."footprint_id" is null))
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" "target_scope" NOT NULL,
	"system_id" uuid,
	"footprint_id" uuid,
	"organisation_id" uuid,
	"domain_id" uuid NOT NULL,
	"financial_year" integer NOT NULL,
	"score" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_score_range" CHECK ("targets"."score" between 0 and 100),
	CONSTRAINT "targets_year_range" CHECK ("targets"."financial_year" between 2000 and 2100),
	CONSTRAINT "targets_one_scope" CHECK (("targets"."scope" = 'system' and "targets"."system_id" is not null and "targets"."footprint_id" is null and "targets"."organisation_id" is null)
       or ("targets"."scope" = 'footprint' and "targets"."footprint_id" is not null and "targets"."system_id" is null and "targets"."organisation_id" is null)
       or ("targets"."scope" = 'organisation' and "targets"."organisation_id" is not null and "targets"."system_id" is null and "targets"."footprint_id" is null))
);
--> statement-breakpoint
ALTER TABLE "section_goals" ADD CONSTRAINT "section_goals_section_id_framework_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."framework_sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_goals" ADD CONSTRAINT "section_goals_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_goals" ADD CONSTRAINT "section_goals_footprint_id_footprints_id_fk" FOREIGN KEY ("footprint_id") REFERENCES "public"."footprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_footprint_id_footprints_id_fk" FOREIGN KEY ("footprint_id") REFERENCES "public"."footprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_domain_id_framework_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."framework_domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "targets_scope_domain_year_uq" ON "targets" USING btree (coalesce("system_id", "footprint_id", "organisation_id"),"domain_id","financial_year");--> statement-breakpoint
CREATE INDEX "targets_domain_idx" ON "targets" USING btree ("domain_id");