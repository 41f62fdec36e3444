import { organisationTypes } from "@/lib/organisation-types";
import { roles } from "@/lib/roles";
import { assessmentStatuses } from "@/lib/assessment-workflow";
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
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

export const systems = pgTable("systems", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
});
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

// ---- Maturity frameworks (versioned data: nothing assumes 14 domains) ---------------

export const frameworks = pgTable("frameworks", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  version: text("version").notNull(),
  publishedOn: date("published_on"),
});
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
    score: integer("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.periodId, t.domainId] }),
    check("national_averages_score_range", sql`${t.score} between 0 and 100`),
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
});
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
    uniqueIndex("assessments_org_period_uq").on(t.organisationId, t.periodId),
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
    score: integer("score").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.domainId] }),
    check("domain_scores_score_range", sql`${t.score} between 0 and 100`),
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
    score: integer("score").notNull(),
    version: integer("version").notNull().default(1),
    updatedById: uuid("updated_by_id").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("targets_score_range", sql`${t.score} between 0 and 100`),
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
    threshold: integer("threshold").notNull(),
    // "Close to": how many points below the threshold still count as meeting it.
    tolerance: integer("tolerance").notNull().default(0),
    financialYear: integer("financial_year").notNull(),
  },
  (t) => [
    check("section_goals_threshold_range", sql`${t.threshold} between 0 and 100 and ${t.tolerance} between 0 and 100`),
    check("section_goals_one_scope", sql`(${t.systemId} is null) <> (${t.footprintId} is null)`),
  ],
);
export type SectionGoal = typeof sectionGoals.$inferSelect;
