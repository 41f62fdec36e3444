CREATE TYPE "public"."care_setting" AS ENUM('all', 'acute', 'community', 'mental-health', 'ambulance', 'icb', 'primary-care');--> statement-breakpoint
ALTER TYPE "public"."import_kind" ADD VALUE 'dma-results';--> statement-breakpoint
ALTER TYPE "public"."organisation_type" ADD VALUE 'nhs_trust';--> statement-breakpoint
ALTER TYPE "public"."organisation_type" ADD VALUE 'icb';--> statement-breakpoint
CREATE TABLE "organisation_name_mappings" (
	"name_key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "domain_scores" DROP CONSTRAINT "domain_scores_score_range";--> statement-breakpoint
ALTER TABLE "national_averages" DROP CONSTRAINT "national_averages_score_range";--> statement-breakpoint
ALTER TABLE "section_goals" DROP CONSTRAINT "section_goals_threshold_range";--> statement-breakpoint
ALTER TABLE "targets" DROP CONSTRAINT "targets_score_range";--> statement-breakpoint
DROP INDEX "assessments_org_period_uq";--> statement-breakpoint
ALTER TABLE "national_averages" DROP CONSTRAINT "national_averages_period_id_domain_id_pk";--> statement-breakpoint
ALTER TABLE "domain_scores" ALTER COLUMN "score" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "national_averages" ALTER COLUMN "score" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "section_goals" ALTER COLUMN "threshold" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "section_goals" ALTER COLUMN "tolerance" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "targets" ALTER COLUMN "score" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "care_setting" "care_setting" DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "system_id" uuid;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "published_overall" double precision;--> statement-breakpoint
ALTER TABLE "framework_domains" ADD COLUMN "care_setting" "care_setting";--> statement-breakpoint
ALTER TABLE "framework_domains" ADD COLUMN "level_descriptors" jsonb;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "scale_min" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "scale_max" double precision DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "score_decimals" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "unit" text DEFAULT '%' NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "care_settings" "care_setting"[] DEFAULT '{all}'::care_setting[] NOT NULL;--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "national_averages" ADD COLUMN "care_setting" "care_setting" DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "national_averages" ADD CONSTRAINT "national_averages_period_id_domain_id_care_setting_pk" PRIMARY KEY("period_id","domain_id","care_setting");--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "region_code" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "icb_code" text;--> statement-breakpoint
ALTER TABLE "systems" ADD COLUMN "successor_id" uuid;--> statement-breakpoint
ALTER TABLE "organisation_name_mappings" ADD CONSTRAINT "organisation_name_mappings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_name_mappings" ADD CONSTRAINT "organisation_name_mappings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_successor_id_systems_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_org_period_setting_uq" ON "assessments" USING btree ("organisation_id","period_id","care_setting");--> statement-breakpoint
CREATE INDEX "systems_successor_idx" ON "systems" USING btree ("successor_id");--> statement-breakpoint
ALTER TABLE "systems" ADD CONSTRAINT "systems_icb_code_unique" UNIQUE("icb_code");--> statement-breakpoint
ALTER TABLE "domain_scores" ADD CONSTRAINT "domain_scores_score_finite" CHECK ("domain_scores"."score" between -1000000 and 1000000);--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_scale" CHECK ("frameworks"."scale_min" < "frameworks"."scale_max");--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_score_decimals" CHECK ("frameworks"."score_decimals" between 0 and 3);--> statement-breakpoint
ALTER TABLE "national_averages" ADD CONSTRAINT "national_averages_score_finite" CHECK ("national_averages"."score" between -1000000 and 1000000);--> statement-breakpoint
ALTER TABLE "section_goals" ADD CONSTRAINT "section_goals_threshold_finite" CHECK ("section_goals"."threshold" between -1000000 and 1000000 and "section_goals"."tolerance" between 0 and 1000000);--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_score_finite" CHECK ("targets"."score" between -1000000 and 1000000);