import { organisationTypes } from "@/lib/organisation-types";
import { careSettings } from "@/lib/care-settings";
import { roles } from "@/lib/roles";
import { assessmentStatuses } from "@/lib/assessment-workflow";
import { decisions, deliverableStatuses } from "@/lib/tollgate";
import { itemKinds, itemStatuses, workstreamStatuses } from "@/lib/workstream";
import { capabilityRoles, projectStatuses } from "@/lib/portfolio";
import { invitationStatuses } from "@/lib/project-owners";
import { ragRatings } from "@/lib/rag";
import { importKinds, importStatuses } from "@/lib/import/kinds";
import { apiTokenScopes } from "@/lib/api/tokens";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  type AnyPgColumn,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// ---- Places and organisations -------------------------------------------------------

export const systems = pgTable(
  "systems",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    // The ODS code of the integrated care board that leads it (QU9 for BOB).
    icbCode: text("icb_code").unique(),
    // Systems change: in April 2026 BOB's ICB became NHS Thames Valley ICB. Results stay
    // with the system of their time; its successor reads them as its predecessors' history.
    successorId: uuid("successor_id").references((): AnyPgColumn => systems.id),
  },
  (t) => [index("systems_successor_idx").on(t.successorId)],
);
export type System = typeof systems.$inferSelect;

export const footprints = pgTable(
  "footprints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => systems.id),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
  },
  (t) => [index("footprints_system_idx").on(t.systemId)],
);
export type Footprint = typeof footprints.$inferSelect;

export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});
export type Region = typeof regions.$inferSelect;

export const organisationType = pgEnum("organisation_type", organisationTypes);

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => systems.id),
    // NHS bodies carry an ODS code; local authorities and partnerships may not.
    odsCode: text("ods_code").unique(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    type: organisationType("type").notNull(),
    // The NHS England region (ODS code, e.g. Y59 South East), where known.
    regionCode: text("region_code").references(() => regions.code),
  },
  (t) => [index("organisations_system_idx").on(t.systemId)],
);
export type Organisation = typeof organisations.$inferSelect;

export const organisationFootprints = pgTable(
  "organisation_footprints",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    footprintId: uuid("footprint_id")
      .notNull()
      .references(() => footprints.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.footprintId] }),
    index("organisation_footprints_footprint_idx").on(t.footprintId),
  ],
);

// A name a publication gives an organisation, mapped by an administrator to the
// organisation it means, remembered for the next file (NHS England's files carry no codes).
export const organisationNameMappings = pgTable("organisation_name_mappings", {
  /** lib/ods/names normaliseOrganisationName of the name as published. */
  nameKey: text("name_key").primaryKey(),
  name: text("name").notNull(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  createdById: uuid("created_by_id").references((): AnyPgColumn => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---- Maturity frameworks (versioned data: nothing assumes 14 domains) ---------------

export const careSetting = pgEnum("care_setting", careSettings);

// A framework declares its own scale: DMI 2016 is 0–100 whole percentages, the WGLL DMA
// 1–5 with one decimal at pillar level. Every rule reads it from here (lib/scale.ts).
export const frameworks = pgTable(
  "frameworks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    version: text("version").notNull(),
    publishedOn: date("published_on"),
    scaleMin: doublePrecision("scale_min").notNull().default(0),
    scaleMax: doublePrecision("scale_max").notNull().default(100),
    /** Decimal places of a domain score: 0 for whole numbers. */
    scoreDecimals: integer("score_decimals").notNull().default(0),
    /** Printed after a score: "%" for the 2016 index, nothing for the DMA. */
    unit: text("unit").notNull().default("%"),
    /** The care settings it is answered in; "all" for a framework with no variants. */
    careSettings: careSetting("care_settings").array().notNull().default(sql`'{all}'::care_setting[]`),
    /** Where it came from, for the About the data page ("Contains public sector information ..."). */
    source: text("source"),
  },
  (t) => [
    check("frameworks_scale", sql`${t.scaleMin} < ${t.scaleMax}`),
    check("frameworks_score_decimals", sql`${t.scoreDecimals} between 0 and 3`),
  ],
);
export type Framework = typeof frameworks.$inferSelect;

export const frameworkSections = pgTable(
  "framework_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("framework_sections_code_uq").on(t.frameworkId, t.code)],
);
export type FrameworkSection = typeof frameworkSections.$inferSelect;

export const frameworkDomains = pgTable(
  "framework_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => frameworkSections.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    shortName: text("short_name").notNull(),
    position: integer("position").notNull(),
    /** The one care setting whose survey has this domain; null: every setting's. */
    careSetting: careSetting("care_setting"),
    /** What each level means, lowest first, where the framework publishes it. */
    levelDescriptors: jsonb("level_descriptors").$type<string[]>(),
  },
  (t) => [
    uniqueIndex("framework_domains_code_uq").on(t.frameworkId, t.code),
    index("framework_domains_section_idx").on(t.sectionId),
  ],
);
export type FrameworkDomain = typeof frameworkDomains.$inferSelect;

export const assessmentPeriods = pgTable(
  "assessment_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    frameworkId: uuid("framework_id")
      .notNull()
      .references(() => frameworks.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    // The date the scores describe (the baseline was taken in February 2016).
    assessedOn: date("assessed_on").notNull(),
    isOpen: boolean("is_open").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("assessment_periods_code_uq").on(t.frameworkId, t.code)],
);
export type AssessmentPeriod = typeof assessmentPeriods.$inferSelect;

export const nationalAverages = pgTable(
  "national_averages",
  {
    periodId: uuid("period_id")
      .notNull()
      .references(() => assessmentPeriods.id, { onDelete: "cascade" }),
    domainId: uuid("domain_id")
      .notNull()
      .references(() => frameworkDomains.id, { onDelete: "cascade" }),
    careSetting: careSetting("care_setting").notNull().default("all"),
    score: doublePrecision("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.periodId, t.domainId, t.careSetting] }),
    check("national_averages_score_finite", sql`${t.score} between -1000000 and 1000000`),
  ],
);

// ---- Users and roles -----------------------------------------------------------------

export const userRole = pgEnum("user_role", roles);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  // Null for accounts that only sign in through Entra ID.
  passwordHash: text("password_hash"),
  role: userRole("role").notNull().default("viewer"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  // The password was chosen by someone else (the first start's one-time password, an
  // administrator): every page asks for a new one until it is changed.
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  // Sessions signed in before this are refused (sign out everywhere, a new password, a
  // disabled account), but for the one kept: the session that changed its own password.
  sessionsValidAfter: timestamp("sessions_valid_after", { withTimezone: true }),
  keptSessionId: text("kept_session_id"),
  // The Entra ID (NHSmail) identity linked at the first sign-in through it: later sign-ins
  // are matched on these, not on the email claim (which can change or be reused).
  entraTenantId: text("entra_tenant_id"),
  entraObjectId: text("entra_object_id"),
}, (t) => [uniqueIndex("users_entra_identity_idx").on(t.entraTenantId, t.entraObjectId)]);
export type User = typeof users.$inferSelect;

// A CIO's scope: the organisations whose scores and projects they may change.
export const userOrganisations = pgTable(
  "user_organisations",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] })],
);

// ---- Assessments ---------------------------------------------------------------------

export const assessmentStatus = pgEnum("assessment_status", assessmentStatuses);

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    // The period fixes the framework, so the framework is not stored twice.
    periodId: uuid("period_id")
      .notNull()
      .references(() => assessmentPeriods.id),
    // One organisation can be assessed in several settings in one period (acute and community).
    careSetting: careSetting("care_setting").notNull().default("all"),
    // The system the result belongs to at its time (the published file's ICB), when it
    // is not the organisation's own: an ambulance trust is filed under one lead ICB.
    systemId: uuid("system_id").references(() => systems.id),
    // The overall score as its publisher gives it (NHS England's is over comparable
    // domains only, not the mean of the pillars): stored and shown, never recomputed.
    publishedOverall: doublePrecision("published_overall"),
    status: assessmentStatus("status").notNull().default("draft"),
    // Optimistic lock: every write bumps it, and a write quoting an old one is refused.
    version: integer("version").notNull().default(1),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedById: uuid("submitted_by_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    approvedById: uuid("approved_by_id").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("assessments_org_period_setting_uq").on(t.organisationId, t.periodId, t.careSetting),
    index("assessments_period_idx").on(t.periodId),
  ],
);
export type Assessment = typeof assessments.$inferSelect;

export const domainScores = pgTable(
  "domain_scores",
  {
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    domainId: uuid("domain_id")
      .notNull()
      .references(() => frameworkDomains.id),
    // On the framework's scale (lib/scale.ts checks it on every write path).
    score: doublePrecision("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.domainId] }),
    check("domain_scores_score_finite", sql`${t.score} between -1000000 and 1000000`),
  ],
);
export type DomainScore = typeof domainScores.$inferSelect;

// ---- Change history (append-only: a trigger in the migrations refuses UPDATE/DELETE) --

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_log_organisation_idx").on(t.organisationId, t.at),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;

// ---- Trajectories: targets and section goals -----------------------------------------

export const targetScopes = ["system", "footprint", "organisation"] as const;
export const targetScope = pgEnum("target_scope", targetScopes);

// A planned score for one domain at the end of a financial year, for a system or footprint
// summary or for one organisation: exactly one of the three scope columns is set.
export const targets = pgTable(
  "targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scope: targetScope("scope").notNull(),
    systemId: uuid("system_id").references(() => systems.id),
    footprintId: uuid("footprint_id").references(() => footprints.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    domainId: uuid("domain_id")
      .notNull()
      .references(() => frameworkDomains.id),
    // The calendar year the financial year starts in: 2017 for 2017/18.
    financialYear: integer("financial_year").notNull(),
    score: doublePrecision("score").notNull(),
    version: integer("version").notNull().default(1),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("targets_score_finite", sql`${t.score} between -1000000 and 1000000`),
    check("targets_year_range", sql`${t.financialYear} between 2000 and 2100`),
    check(
      "targets_one_scope",
      sql`(${t.scope} = 'system' and ${t.systemId} is not null and ${t.footprintId} is null and ${t.organisationId} is null)
       or (${t.scope} = 'footprint' and ${t.footprintId} is not null and ${t.systemId} is null and ${t.organisationId} is null)
       or (${t.scope} = 'organisation' and ${t.organisationId} is not null and ${t.systemId} is null and ${t.footprintId} is null)`,
    ),
    uniqueIndex("targets_scope_domain_year_uq").on(sql`coalesce(${t.systemId}, ${t.footprintId}, ${t.organisationId})`, t.domainId, t.financialYear),
    index("targets_domain_idx").on(t.domainId),
  ],
);
export type TargetRow = typeof targets.$inferSelect;

// "All digital capabilities close to or above 70% by end 2018/19": a threshold for every
// domain of a section, for a system or a footprint.
export const sectionGoals = pgTable(
  "section_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => frameworkSections.id, { onDelete: "cascade" }),
    systemId: uuid("system_id").references(() => systems.id),
    footprintId: uuid("footprint_id").references(() => footprints.id),
    description: text("description").notNull(),
    threshold: doublePrecision("threshold").notNull(),
    // "Close to": how many points below the threshold still count as meeting it.
    tolerance: doublePrecision("tolerance").notNull().default(0),
    financialYear: integer("financial_year").notNull(),
  },
  (t) => [
    check("section_goals_threshold_finite", sql`${t.threshold} between -1000000 and 1000000 and ${t.tolerance} between 0 and 1000000`),
    check("section_goals_one_scope", sql`(${t.systemId} is null) <> (${t.footprintId} is null)`),
  ],
);
export type SectionGoal = typeof sectionGoals.$inferSelect;

// ---- Workstreams and tollgate reviews ------------------------------------------------

// A stage-gate lifecycle is data: another programme can run its workstreams through its own.
export const lifecycles = pgTable("lifecycles", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
});
export type Lifecycle = typeof lifecycles.$inferSelect;

export const lifecyclePhases = pgTable(
  "lifecycle_phases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lifecycleId: uuid("lifecycle_id")
      .notNull()
      .references(() => lifecycles.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    aims: text("aims").array().notNull(),
    questions: text("questions").array().notNull(),
    goal: text("goal").notNull(),
    // "Tollgate Review", or "Closure Review" for the last phase.
    reviewName: text("review_name").notNull(),
  },
  (t) => [uniqueIndex("lifecycle_phases_number_uq").on(t.lifecycleId, t.number), check("lifecycle_phases_number_min", sql`${t.number} >= 1`)],
);
export type LifecyclePhase = typeof lifecyclePhases.$inferSelect;

// The outputs a phase must produce: copied into each workstream's deliverables when the phase opens.
export const phaseOutputs = pgTable(
  "phase_outputs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phaseId: uuid("phase_id")
      .notNull()
      .references(() => lifecyclePhases.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
  },
  (t) => [uniqueIndex("phase_outputs_position_uq").on(t.phaseId, t.position)],
);

export const stpGoals = pgTable(
  "stp_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => systems.id),
    code: text("code").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    summary: text("summary"),
  },
  (t) => [uniqueIndex("stp_goals_code_uq").on(t.systemId, t.code)],
);
export type StpGoal = typeof stpGoals.$inferSelect;

export const workstreamStatus = pgEnum("workstream_status", workstreamStatuses);

export const workstreams = pgTable(
  "workstreams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => systems.id),
    lifecycleId: uuid("lifecycle_id")
      .notNull()
      .references(() => lifecycles.id),
    // Unique within its system: another programme may have its own RECORDS.
    code: text("code").notNull(),
    position: integer("position").notNull().default(0),
    name: text("name").notNull(),
    vision: text("vision").notNull(),
    requirementsPreamble: text("requirements_preamble"),
    leadUserId: uuid("lead_user_id").references(() => users.id),
    phase: integer("phase").notNull().default(1),
    status: workstreamStatus("status").notNull().default("active"),
    nextReviewOn: date("next_review_on"),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("workstreams_phase_min", sql`${t.phase} >= 1`),
    uniqueIndex("workstreams_code_uq").on(t.systemId, t.code),
    index("workstreams_lead_idx").on(t.leadUserId),
  ],
);
export type Workstream = typeof workstreams.$inferSelect;

export const workstreamFootprints = pgTable(
  "workstream_footprints",
  {
    workstreamId: uuid("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    footprintId: uuid("footprint_id")
      .notNull()
      .references(() => footprints.id),
  },
  (t) => [primaryKey({ columns: [t.workstreamId, t.footprintId] })],
);

// The STP goals a workstream serves, with the roadmap's examples of how.
export const workstreamGoals = pgTable(
  "workstream_goals",
  {
    workstreamId: uuid("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => stpGoals.id, { onDelete: "cascade" }),
    examples: text("examples").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.workstreamId, t.goalId] })],
);

export const workstreamItemKind = pgEnum("workstream_item_kind", itemKinds);
export const workstreamItemStatus = pgEnum("workstream_item_status", itemStatuses);

// Key objectives and key requirements, each tracked.
export const workstreamItems = pgTable(
  "workstream_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workstreamId: uuid("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    kind: workstreamItemKind("kind").notNull(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    status: workstreamItemStatus("status").notNull().default("not_started"),
    note: text("note").notNull().default(""),
    version: integer("version").notNull().default(1),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("workstream_items_position_uq").on(t.workstreamId, t.kind, t.position)],
);
export type WorkstreamItem = typeof workstreamItems.$inferSelect;

export const deliverableStatus = pgEnum("deliverable_status", deliverableStatuses);

// A phase's output for one workstream: kept for every phase, so the record of what was
// delivered at each tollgate stays.
export const deliverables = pgTable(
  "deliverables",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workstreamId: uuid("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    phase: integer("phase").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    status: deliverableStatus("status").notNull().default("not_started"),
    reason: text("reason"),
    note: text("note").notNull().default(""),
    evidenceUrl: text("evidence_url"),
    version: integer("version").notNull().default(1),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliverables_position_uq").on(t.workstreamId, t.phase, t.position),
    check("deliverables_not_required_reason", sql`${t.status} <> 'not_required' or length(trim(coalesce(${t.reason}, ''))) > 0`),
  ],
);
export type DeliverableRow = typeof deliverables.$inferSelect;

export const tollgateDecision = pgEnum("tollgate_decision", decisions);

export const tollgateReviews = pgTable(
  "tollgate_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workstreamId: uuid("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    phase: integer("phase").notNull(),
    requestedById: uuid("requested_by_id").references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    heldOn: date("held_on"),
    decision: tollgateDecision("decision"),
    reasons: text("reasons"),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    // At most one review awaiting a decision per workstream.
    uniqueIndex("tollgate_reviews_one_pending_uq").on(t.workstreamId).where(sql`${t.decision} is null`),
    index("tollgate_reviews_workstream_idx").on(t.workstreamId, t.requestedAt),
    check(
      "tollgate_reviews_decided_complete",
      sql`${t.decision} is null or (${t.heldOn} is not null and ${t.decidedAt} is not null and length(trim(coalesce(${t.reasons}, ''))) > 0)`,
    ),
  ],
);
export type TollgateReview = typeof tollgateReviews.$inferSelect;

// The board members present at a review and what each recommended.
export const reviewAttendees = pgTable(
  "review_attendees",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => tollgateReviews.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    recommendation: tollgateDecision("recommendation").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

export const reviewConditions = pgTable(
  "review_conditions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reviewId: uuid("review_id")
      .notNull()
      .references(() => tollgateReviews.id, { onDelete: "cascade" }),
    workstreamId: uuid("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    owner: text("owner").notNull(),
    dueOn: date("due_on").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedById: uuid("closed_by_id").references(() => users.id),
    closureNote: text("closure_note"),
  },
  (t) => [
    index("review_conditions_open_idx").on(t.workstreamId, t.dueOn).where(sql`${t.closedAt} is null`),
    check("review_conditions_closed_complete", sql`${t.closedAt} is null or length(trim(coalesce(${t.closureNote}, ''))) > 0`),
  ],
);
export type ReviewCondition = typeof reviewConditions.$inferSelect;

// ---- Portfolio: programmes, projects and the universal capabilities --------------------

// The ten national universal capabilities (UC 1–10).
export const universalCapabilities = pgTable(
  "universal_capabilities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull().unique(),
    title: text("title").notNull(),
    wording: text("wording").notNull(),
  },
  (t) => [check("universal_capabilities_number_range", sql`${t.number} between 1 and 99`)],
);
export type UniversalCapability = typeof universalCapabilities.$inferSelect;

export const benefitCategories = pgTable("benefit_categories", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
});
export type BenefitCategory = typeof benefitCategories.$inferSelect;

export const capabilityRole = pgEnum("capability_role", capabilityRoles);

export const programmes = pgTable(
  "programmes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => systems.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
  },
  (t) => [uniqueIndex("programmes_code_uq").on(t.systemId, t.code)],
);
export type Programme = typeof programmes.$inferSelect;

export const programmeOwners = pgTable(
  "programme_owners",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.organisationId] })],
);

export const programmeFootprints = pgTable(
  "programme_footprints",
  {
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    footprintId: uuid("footprint_id")
      .notNull()
      .references(() => footprints.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.footprintId] })],
);

// A programme delivered in tranches (Connected Care's 1, 2, 3, 4–8), each mapped to UCs.
export const programmeTranches = pgTable(
  "programme_tranches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    // "1", "2", "4-8": as the programme numbers them.
    label: text("label").notNull(),
    name: text("name").notNull().default(""),
  },
  (t) => [uniqueIndex("programme_tranches_position_uq").on(t.programmeId, t.position)],
);

export const trancheCapabilities = pgTable(
  "tranche_capabilities",
  {
    trancheId: uuid("tranche_id")
      .notNull()
      .references(() => programmeTranches.id, { onDelete: "cascade" }),
    capabilityId: uuid("capability_id")
      .notNull()
      .references(() => universalCapabilities.id),
    role: capabilityRole("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.trancheId, t.capabilityId] })],
);

export const projectStatus = pgEnum("project_status", projectStatuses);
export const ragRating = pgEnum("rag_rating", ragRatings);

// A card of the capability plan: one maturity domain raised, an STP priority served,
// capabilities enabled or supported, owners, and a period of financial years.
export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    systemId: uuid("system_id")
      .notNull()
      .references(() => systems.id),
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    domainId: uuid("domain_id")
      .notNull()
      .references(() => frameworkDomains.id),
    stpPriority: text("stp_priority").notNull().default(""),
    programmeId: uuid("programme_id").references(() => programmes.id, { onDelete: "set null" }),
    // Financial years by the calendar year they start in: 2016–2016 is "in flight 2016/17",
    // 2017–2018 "planned 2017/18, 2018/19".
    fromYear: integer("from_year").notNull(),
    toYear: integer("to_year").notNull(),
    startOn: date("start_on"),
    endOn: date("end_on"),
    status: projectStatus("status").notNull().default("planned"),
    rag: ragRating("rag"),
    ragReason: text("rag_reason"),
    // Where the owners are not known (the seed's colour key was lost), the data says so.
    ownerNote: text("owner_note"),
    version: integer("version").notNull().default(1),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("projects_code_uq").on(t.systemId, t.code),
    index("projects_domain_idx").on(t.domainId),
    check("projects_years_ordered", sql`${t.fromYear} <= ${t.toYear} and ${t.fromYear} between 2000 and 2100`),
    check("projects_dates_ordered", sql`${t.startOn} is null or ${t.endOn} is null or ${t.startOn} <= ${t.endOn}`),
    check("projects_rag_reason", sql`${t.rag} is null or ${t.rag} = 'green' or length(trim(coalesce(${t.ragReason}, ''))) > 0`),
  ],
);
export type Project = typeof projects.$inferSelect;

export const projectOwners = pgTable(
  "project_owners",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.organisationId] }), index("project_owners_organisation_idx").on(t.organisationId)],
);

export const coOwnershipStatus = pgEnum("co_ownership_status", invitationStatuses);

// An organisation invited to co-own a project by a CIO who does not act for it. It is not
// an owner (project_owners) until a CIO of that organisation, or an administrator, accepts.
// Decided invitations stay, with who decided and when; only one may be pending at a time.
export const projectOwnerInvitations = pgTable(
  "project_owner_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    status: coOwnershipStatus("status").notNull().default("pending"),
    invitedById: uuid("invited_by_id").references(() => users.id),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    decidedById: uuid("decided_by_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("project_owner_invitations_pending_uq").on(t.projectId, t.organisationId).where(sql`${t.status} = 'pending'`),
    index("project_owner_invitations_organisation_idx").on(t.organisationId, t.status),
    check("project_owner_invitations_decided", sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
  ],
);
export type ProjectOwnerInvitation = typeof projectOwnerInvitations.$inferSelect;

export const projectFootprints = pgTable(
  "project_footprints",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    footprintId: uuid("footprint_id")
      .notNull()
      .references(() => footprints.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.footprintId] })],
);

export const projectCapabilities = pgTable(
  "project_capabilities",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    capabilityId: uuid("capability_id")
      .notNull()
      .references(() => universalCapabilities.id),
    role: capabilityRole("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.capabilityId] }), index("project_capabilities_capability_idx").on(t.capabilityId)],
);

export const projectMilestones = pgTable(
  "project_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    dueOn: date("due_on").notNull(),
    doneOn: date("done_on"),
  },
  (t) => [uniqueIndex("project_milestones_position_uq").on(t.projectId, t.position), index("project_milestones_due_idx").on(t.dueOn)],
);

export const projectBenefits = pgTable(
  "project_benefits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => benefitCategories.id),
    description: text("description").notNull(),
  },
  (t) => [index("project_benefits_project_idx").on(t.projectId)],
);

// ---- Imports and API tokens ------------------------------------------------------------

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

export interface ImportJobOptions {
  leaveOutUnmatched?: boolean;
  mappings?: Record<string, string>;
  year?: number | null;
  unmatched?: { name: string; kind: "provider" | "icb"; places: string[] }[];
  leftOut?: number;
}

export const importKind = pgEnum("import_kind", importKinds);
export const importStatus = pgEnum("import_status", importStatuses);

// A checked file is kept here until it is committed or discarded, so that what is
// committed is byte for byte what the user previewed (and any app instance can commit it).
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: importKind("kind").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    contents: bytea("contents"),
    sha256: text("sha256").notNull(),
    status: importStatus("status").notNull().default("checked"),
    rowCount: integer("row_count").notNull(),
    created: integer("created").notNull(),
    changed: integer("changed").notNull(),
    unchanged: integer("unchanged").notNull(),
    errorCount: integer("error_count").notNull(),
    // The first errors, each { line, column, message }; errorCount has them all.
    errors: jsonb("errors").notNull().default([]),
    // For NHS England's workbook: what the user chose (names mapped by hand, whether rows
    // matching no organisation are left out) and what the check found (the year, the names).
    options: jsonb("options").$type<ImportJobOptions>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("import_jobs_user_idx").on(t.userId, t.createdAt),
    // Checked files still waiting: swept for expiry on every new check.
    index("import_jobs_pending_idx").on(t.createdAt).where(sql`${t.status} = 'checked'`),
  ],
);
export type ImportJob = typeof importJobs.$inferSelect;

export const apiTokenScope = pgEnum("api_token_scope", apiTokenScopes);

// Personal API tokens: only a SHA-256 of the secret is kept (the secret is random, 256
// bits, so a slow hash adds nothing); the prefix lets the owner tell tokens apart.
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scope: apiTokenScope("scope").notNull().default("read"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// ---- Sign-in throttling ----------------------------------------------------------------

// Failed sign-ins per account ("account:EMAIL") and per address ("address:IP"), kept in
// the database so that every app instance slows and locks out the same guesser.
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});
export type SignInThrottle = typeof signInThrottles.$inferSelect;

// Failed sign-ins for emails no account has: kept here for a while (db/commands/sign-in-failures.ts
// deletes old rows) and summarised in the history, rather than a history row each.
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // HMAC of the email tried: who is guessed at can be counted without keeping the addresses typed.
    emailHash: text("email_hash").notNull(),
    address: text("address"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    summarised: boolean("summarised").notNull().default(false),
  },
  (t) => [index("sign_in_failures_at_idx").on(t.at)],
);

// ---- Two-factor authentication (TOTP) ------------------------------------------------

// One authenticator app per account. The secret is encrypted with a key derived from
// AUTH_SECRET (lib/auth/totp-secret-box.ts); enabledAt is null until a first code confirms
// the enrolment. lastUsedStep refuses a code used once again within its 30 seconds.
export const userTwoFactor = pgTable("user_two_factor", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
export type UserTwoFactor = typeof userTwoFactor.$inferSelect;

// Single-use recovery codes: only their hashes are kept.
export const twoFactorRecoveryCodes = pgTable(
  "two_factor_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("two_factor_recovery_codes_user_idx").on(t.userId)],
);

// ---- Rate limits on expensive reads ----------------------------------------------------

// Requests per key ("export:user:ID", "api:token:ID" ...) in fixed windows, kept in the
// database so that every app instance counts against the same limit (lib/rate-limit.ts).
// A window's row is deleted once the window is over (db/commands/rate-limits.ts).
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_counters_window_end_idx").on(t.windowEnd)],
);
export type RateLimitCounter = typeof rateLimitCounters.$inferSelect;

// ---- Signed-out sessions ---------------------------------------------------------------

// A session is a signed cookie, so signing out can only clear the browser's copy: a copy
// that survives (a response already on its way that sets it again, or one stolen) would
// still be valid until it expires. Its id is kept here from sign-out until the latest it
// could expire, and a session whose id is here is refused (lib/auth/session.ts).
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: text("session_id").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

// ---- Password reset links ----------------------------------------------------------------

// A one-time link an administrator makes for a user who cannot sign in. Only the SHA-256 of
// its secret is kept; it works once, until it expires, and a newer link replaces it.
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);
export type PasswordReset = typeof passwordResets.$inferSelect;
