CREATE TYPE "public"."deliverable_status" AS ENUM('not_started', 'in_progress', 'ready', 'not_required');--> statement-breakpoint
CREATE TYPE "public"."tollgate_decision" AS ENUM('proceed', 'proceed_with_conditions', 'rework', 'stop');--> statement-breakpoint
CREATE TYPE "public"."workstream_item_kind" AS ENUM('objective', 'requirement');--> statement-breakpoint
CREATE TYPE "public"."workstream_item_status" AS ENUM('not_started', 'in_progress', 'achieved', 'at_risk', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."workstream_status" AS ENUM('active', 'review_requested', 'stopped', 'closed');--> statement-breakpoint
CREATE TABLE "deliverables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workstream_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"status" "deliverable_status" DEFAULT 'not_started' NOT NULL,
	"reason" text,
	"note" text DEFAULT '' NOT NULL,
	"evidence_url" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliverables_not_required_reason" CHECK ("deliverables"."status" <> 'not_required' or length(trim(coalesce("deliverables"."reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "lifecycle_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lifecycle_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"aims" text[] NOT NULL,
	"questions" text[] NOT NULL,
	"goal" text NOT NULL,
	"review_name" text NOT NULL,
	CONSTRAINT "lifecycle_phases_number_min" CHECK ("lifecycle_phases"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "lifecycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	CONSTRAINT "lifecycles_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "phase_outputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phase_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_attendees" (
	"review_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"recommendation" "tollgate_decision" NOT NULL,
	CONSTRAINT "review_attendees_review_id_user_id_pk" PRIMARY KEY("review_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "review_conditions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"workstream_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"closure_note" text,
	CONSTRAINT "review_conditions_closed_complete" CHECK ("review_conditions"."closed_at" is null or length(trim(coalesce("review_conditions"."closure_note", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "stp_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "tollgate_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workstream_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"requested_by_id" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"held_on" date,
	"decision" "tollgate_decision",
	"reasons" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "tollgate_reviews_decided_complete" CHECK ("tollgate_reviews"."decision" is null or ("tollgate_reviews"."held_on" is not null and "tollgate_reviews"."decided_at" is not null and length(trim(coalesce("tollgate_reviews"."reasons", ''))) > 0))
);
--> statement-breakpoint
CREATE TABLE "workstream_footprints" (
	"workstream_id" uuid NOT NULL,
	"footprint_id" uuid NOT NULL,
	CONSTRAINT "workstream_footprints_workstream_id_footprint_id_pk" PRIMARY KEY("workstream_id","footprint_id")
);
--> statement-breakpoint
CREATE TABLE "workstream_goals" (
	"workstream_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"examples" text[] NOT NULL,
	CONSTRAINT "workstream_goals_workstream_id_goal_id_pk" PRIMARY KEY("workstream_id","goal_id")
);
--> statement-breakpoint
CREATE TABLE "workstream_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workstream_id" uuid NOT NULL,
	"kind" "workstream_item_kind" NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"status" "workstream_item_status" DEFAULT 'not_started' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workstreams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"system_id" uuid NOT NULL,
	"lifecycle_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"vision" text NOT NULL,
	"requirements_preamble" text,
	"lead_user_id" uuid,
	"phase" integer DEFAULT 1 NOT NULL,
	"status" "workstream_status" DEFAULT 'active' NOT NULL,
	"next_review_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workstreams_code_unique" UNIQUE("code"),
	CONSTRAINT "workstreams_phase_min" CHECK ("workstreams"."phase" >= 1)
);
--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_workstream_id_workstreams_id_fk" FOREIGN KEY ("workstream_id") REFERENCES "public"."workstreams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliverables" ADD CONSTRAINT "deliverables_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lifecycle_phases" ADD CONSTRAINT "lifecycle_phases_lifecycle_id_lifecycles_id_fk" FOREIGN KEY ("lifecycle_id") REFERENCES "public"."lifecycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_outputs" ADD CONSTRAINT "phase_outputs_phase_id_lifecycle_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."lifecycle_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_attendees" ADD CONSTRAINT "review_attendees_review_id_tollgate_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."tollgate_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_attendees" ADD CONSTRAINT "review_attendees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conditions" ADD CONSTRAINT "review_conditions_review_id_tollgate_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."tollgate_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conditions" ADD CONSTRAINT "review_conditions_workstream_id_workstreams_id_fk" FOREIGN KEY ("workstream_id") REFERENCES "public"."workstreams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_conditions" ADD CONSTRAINT "review_conditions_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stp_goals" ADD CONSTRAINT "stp_goals_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tollgate_reviews" ADD CONSTRAINT "tollgate_reviews_workstream_id_workstreams_id_fk" FOREIGN KEY ("workstream_id") REFERENCES "public"."workstreams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tollgate_reviews" ADD CONSTRAINT "tollgate_reviews_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tollgate_reviews" ADD CONSTRAINT "tollgate_reviews_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstream_footprints" ADD CONSTRAINT "workstream_footprints_workstream_id_workstreams_id_fk" FOREIGN KEY ("workstream_id") REFERENCES "public"."workstreams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstream_footprints" ADD CONSTRAINT "workstream_footprints_footprint_id_footprints_id_fk" FOREIGN KEY ("footprint_id") REFERENCES "public"."footprints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstream_goals" ADD CONSTRAINT "workstream_goals_workstream_id_workstreams_id_fk" FOREIGN KEY ("workstream_id") REFERENCES "public"."workstreams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstream_goals" ADD CONSTRAINT "workstream_goals_goal_id_stp_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."stp_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstream_items" ADD CONSTRAINT "workstream_items_workstream_id_workstreams_id_fk" FOREIGN KEY ("workstream_id") REFERENCES "public"."workstreams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstream_items" ADD CONSTRAINT "workstream_items_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstreams" ADD CONSTRAINT "workstreams_system_id_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."systems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstreams" ADD CONSTRAINT "workstreams_lifecycle_id_lifecycles_id_fk" FOREIGN KEY ("lifecycle_id") REFERENCES "public"."lifecycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workstreams" ADD CONSTRAINT "workstreams_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliverables_position_uq" ON "deliverables" USING btree ("workstream_id","phase","position");--> statement-breakpoint
CREATE UNIQUE INDEX "lifecycle_phases_number_uq" ON "lifecycle_phases" USING btree ("lifecycle_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "phase_outputs_position_uq" ON "phase_outputs" USING btree ("phase_id","position");--> statement-breakpoint
CREATE INDEX "review_conditions_open_idx" ON "review_conditions" USING btree ("workstream_id","due_on") WHERE "review_conditions"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "stp_goals_code_uq" ON "stp_goals" USING btree ("system_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "tollgate_reviews_one_pending_uq" ON "tollgate_reviews" USING btree ("workstream_id") WHERE "tollgate_reviews"."decision" is null;--> statement-breakpoint
CREATE INDEX "tollgate_reviews_workstream_idx" ON "tollgate_reviews" USING btree ("workstream_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workstream_items_position_uq" ON "workstream_items" USING btree ("workstream_id","kind","position");--> statement-breakpoint
CREATE INDEX "workstreams_lead_idx" ON "workstreams" USING btree ("lead_user_id");