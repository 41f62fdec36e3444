import type * as s from "../../schema";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/** What the demo seed already holds, read from the database before planning. */
export interface NationalReference {
  bob: { systemId: string; footprintIds: string[]; organisations: { id: string; type: string; footprintIds: string[] }[] };
  dmi: {
    frameworkId: string;
    sections: { id: string; code: string }[];
    domains: { id: string; code: string }[];
    periods: { id: string; code: string; name: string; assessedOn: string }[];
    periodsWithNationalAverages: string[];
  };
  lifecycle: { id: string; phases: { number: number; outputs: string[] }[] };
  capabilityIds: string[];
  benefitCategoryIds: string[];
  /** Board members who may sit on the generated reviews besides the generated ones. */
  passwordHash: string;
  /** "organisationId|periodId" of the assessments that exist already. */
  existingAssessments: Set<string>;
}

/** Every row the generator writes, in an order that satisfies the foreign keys. */
export interface NationalPlan {
  frameworks: Row<typeof s.frameworks>[];
  frameworkSections: Row<typeof s.frameworkSections>[];
  frameworkDomains: Row<typeof s.frameworkDomains>[];
  assessmentPeriods: Row<typeof s.assessmentPeriods>[];
  systems: Row<typeof s.systems>[];
  footprints: Row<typeof s.footprints>[];
  organisations: Row<typeof s.organisations>[];
  organisationFootprints: Row<typeof s.organisationFootprints>[];
  users: Row<typeof s.users>[];
  userOrganisations: Row<typeof s.userOrganisations>[];
  assessments: Row<typeof s.assessments>[];
  domainScores: Row<typeof s.domainScores>[];
  nationalAverages: Row<typeof s.nationalAverages>[];
  targets: Row<typeof s.targets>[];
  sectionGoals: Row<typeof s.sectionGoals>[];
  stpGoals: Row<typeof s.stpGoals>[];
  programmes: Row<typeof s.programmes>[];
  programmeOwners: Row<typeof s.programmeOwners>[];
  programmeFootprints: Row<typeof s.programmeFootprints>[];
  projects: Row<typeof s.projects>[];
  projectOwners: Row<typeof s.projectOwners>[];
  projectFootprints: Row<typeof s.projectFootprints>[];
  projectCapabilities: Row<typeof s.projectCapabilities>[];
  projectMilestones: Row<typeof s.projectMilestones>[];
  projectBenefits: Row<typeof s.projectBenefits>[];
  workstreams: Row<typeof s.workstreams>[];
  workstreamFootprints: Row<typeof s.workstreamFootprints>[];
  workstreamGoals: Row<typeof s.workstreamGoals>[];
  workstreamItems: Row<typeof s.workstreamItems>[];
  deliverables: Row<typeof s.deliverables>[];
  tollgateReviews: Row<typeof s.tollgateReviews>[];
  reviewAttendees: Row<typeof s.reviewAttendees>[];
  reviewConditions: Row<typeof s.reviewConditions>[];
  auditLog: Row<typeof s.auditLog>[];
}

export type TableName = keyof NationalPlan;

export function emptyPlan(): NationalPlan {
  return {
    frameworks: [], frameworkSections: [], frameworkDomains: [], assessmentPeriods: [], systems: [], footprints: [],
    organisations: [], organisationFootprints: [], users: [], userOrganisations: [], assessments: [], domainScores: [],
    nationalAverages: [], targets: [], sectionGoals: [], stpGoals: [], programmes: [], programmeOwners: [],
    programmeFootprints: [], projects: [], projectOwners: [], projectFootprints: [], projectCapabilities: [],
    projectMilestones: [], projectBenefits: [], workstreams: [], workstreamFootprints: [], workstreamGoals: [],
    workstreamItems: [], deliverables: [], tollgateReviews: [], reviewAttendees: [], reviewConditions: [], auditLog: [],
  };
}
