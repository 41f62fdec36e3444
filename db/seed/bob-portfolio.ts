// The portfolio of the 2016 Local Digital Roadmap of Buckinghamshire, Oxfordshire & Berkshire
// West (shared/seed/000_d55086a94aa91ae1.txt): the ten universal capabilities (the header of
// the Connected Care tranche table, lines 492-497), the benefit categories ("The benefits of
// digital health", lines 148-157), the four feature programmes (lines 352-357 and 373-517) and
// every project card of the grids "Digital capability plans 2016/17" (lines 590-624) and
// "Digital capability plans 2017-19" (lines 627-667).
//
// Pure data: no imports, no side effects. The source was converted from slides, so tables
// were flattened into tab-separated rows, a card that wrapped onto a second line of its slide
// became two cells on two rows, and the colour key that said which organisation owns each
// card survived only as its legend text. Judgement calls made while reading it:
//
// Universal capabilities
// - The tranche table's header splits five capabilities across two cells each (UC 2, 6, 7, 8,
//   10); the cells are rejoined, and "GP- held", "GP- prescribed", "end-|of-life" repaired.
// - UC 6 ends "…discharge and withdrawal" in the source: the last word of the cell was lost.
//   "notices" is restored from the national wording (and DOMAIN.md); nothing else is added.
// - The short titles are ours (DOMAIN.md's list); the wording is the source's.
//
// Connected Care tranche table
// - Columns follow the header's cells, so the data cells map as: col 1 → UC 1, cols 2-3 →
//   UC 2, 4 → 3, 5 → 4, 6 → 5, 7-8 → 6, 9-10 → 7, 11-12 → 8, 13 → 9, 14-15 → 10. Every mark
//   then falls on exactly one capability: tranche 1 enables UC 1, 2, 4, 5; tranche 2 supports
//   UC 6; tranche 3 supports UC 7; tranches 4-8 support UC 3 and enable UC 8. (The garbled
//   icon row above the header agrees where it is legible: "4" sits over UC 4, "7" over UC 7.)
// - The names of tranches 1-3 did not survive (the Gantt "delivery timescale" slide is empty):
//   they are "Tranche 1" to "Tranche 3". Tranches 4-8 take the Gantt's own bar label,
//   "Subsequent implementation (tranches 4-8)".
//
// Programmes
// - The source lists "Buckinghamshire urgent & primary care access" among the feature
//   programmes; its slides are headed "Buckinghamshire digital patient / citizen platform",
//   which is the name used.
// - Owners are given only where the slide names an NHS trust: the Buckinghamshire platform is
//   delivered by "Buckinghamshire CCG's, in partnership with Digital Life Sciences" (no ODS
//   code in the seed for the CCGs) and Connected Care by "18 organisations" none of which is
//   named, so both have no owner codes.
// - The mental health GDE bids' footprints are those of the two bidding trusts in bob-data
//   (Oxford Health: Oxfordshire and Buckinghamshire; Berkshire Healthcare: Berkshire West);
//   the slide itself names no footprint.
// - The grids are "excluding the impact of the planned Global Digital Exemplar delivery"
//   (line 584), so no card is assigned to OUH-GDE or MH-GDE. Cards are assigned to Connected
//   Care only where they say "Connected Care", and to the Buckinghamshire platform only for the
//   diabetes self-care proof of concept, which that programme's third slide describes.
//
// Project cards
// - Per-card UC numbers are lost: each grid row starts with a key ("UC 1 2 3 4 5 6 / 7 8 9 10",
//   "1 3 5 / 2 4 6 / 7 9 / 8 10", some of it garbled: "7 8 Se 9 10 (ot", "3 6 7 8 9 10") that
//   is the row's legend of UC icons, not any card's numbers. Every card's `ucs` is null: no
//   card's enabling or supporting role is guessed from its text.
// - Owners: the colour key was lost, so `ownerOdsCodes` is set only where the card's text names
//   a BOB trust: "Horton" (the Horton General Hospital, OUH) → RTH; "South Central Ambulance
//   Service LiveLink …" → RYE; "Sharing South Central Ambulance Service Discharge summary" →
//   RYE (SCAS is the organisation whose discharge summary is shared). Not owners: Frimley Park
//   Hospital, MKUH (Milton Keynes) and Airedale ("Airdale NHS FT") are outside BOB; "Local
//   authority"/"Local Authorities" do not say which council (and councils have no ODS code);
//   system names (RiO, Carenotes, Cerner, EMIS, Docman, TIE) do not name an organisation;
//   "West Wing" (probably the John Radcliffe's, OUH) is not certain enough.
// - Footprints only where the text names one: "- Berkshire" → BERKSW; "20% Bu, 10% Ox, 15% Be"
//   → all three. "Horton" and "Connected Care" imply a footprint but do not name one: [].
// - The 2017-19 rows of medicines management and of remote and assistive care lost their STP
//   priority label ("STP Digital" with nothing after it; "Domain Remote and assistive care
//   STP Digital"). They take the label of the same domain's row in the 2016/17 grid, which is
//   what every other domain's pair of rows does ("Provider digital maturity"; "Patient facing
//   technology"). The decision support label's trailing full stop is dropped.
// - The 2017-19 "Remote and assistive care" row appears four times (lines 652-655): a copy cut
//   at each card's first line, two identical full copies, and a copy with the second row's
//   cards appended to the first row's cells ("eConsultations … Development of patient portal
//   functionality", "Increased utilisation … Heart failure shared record"). Merged: the six
//   first-row cards once, plus the two second-row cards, "Development of patient portal
//   functionality" and "Heart failure shared record".
// - Cards wrapped onto two rows are joined: "Single domain wi-fi and mobile device management
//   | (MDM) in place …", "Pilot use of Intelligence Point primary care data | to inform …",
//   "Improved efficiency through greater | interoperability …", "Biomedical device integration
//   with EPR, including | infusion pumps (Neuro ICU)", "RFID - patient tracking deployed (A&E,
//   Maternity | and wards)".
// - Three 2017-19 medicines cards survive only as their first line ("70% utilisation of",
//   "50% of permitted", "Development of"); the rest of each card is lost. They are kept, ending
//   in "…", rather than completed from the 2016/17 cards they resemble.
// - Split words rejoined: "e- Referral", "e- Prescribing", "e- prescribing", "e- Discharge",
//   "e- Admission". Letter errors of the kind the conversion's OCR makes elsewhere on the same
//   slides ("oyal Berkshire IS Foundation Trust" in the key) are corrected: "Endescopy" →
//   "Endoscopy", "respiritory" → "respiratory", "uogrades" → "upgrades". Two parentheses left
//   open at the end of a card ("(apps, trust websites, … patient portal", "(apps, referral
//   management, care plans") are closed.
// - Kept as printed (they may be the slide's own wording): "HER" (probably EHR), "Telesson",
//   "Airdale", "takeup", "day forwarding scanning", "lps", "U18", "BCC", "childrens'", the
//   abbreviations ("util.", "Impr.", "w/", "incr.", "nat.", "electr.", "OP", "EoL", …) and
//   each card's own final full stop or its absence.
// - Empty cells are skipped; a card's position in its code counts only non-empty cells, row
//   by row, left to right.

/** One of the ten universal capabilities of the national Local Digital Roadmap guidance. */
export interface SeedUniversalCapability {
  /** 1..10, in the order of the Connected Care table's columns. */
  number: number;
  /** A short title for lists and badges, e.g. "GP-held medications and allergies across care settings". */
  title: string;
  /** The wording of the Connected Care table header, with cells rejoined and split words repaired. */
  wording: string;
}

/** The ten universal capabilities, numbered 1..10 in the Connected Care table's order. */
export const universalCapabilities: SeedUniversalCapability[] = [
  {
    number: 1,
    title: "GP-held medications and allergies across care settings",
    wording: "Professionals can access GP-held information on GP-prescribed meds, patient allergies & adverse reactions.",
  },
  {
    number: 2,
    title: "U&EC access to key GP-held information",
    wording: "U&EC clinicians can access key GP-held information for patients previously identified by GPs as most likely to present.",
  },
  { number: 3, title: "Patient access to their GP record", wording: "Patients can access their GP record." },
  { number: 4, title: "Electronic GP referral to secondary care", wording: "GPs can refer electronically to secondary care." },
  {
    number: 5,
    title: "Timely electronic discharge summaries to GPs",
    wording: "GPs receive timely electronic discharge summaries from secondary care.",
  },
  {
    number: 6,
    title: "Electronic assessment, discharge and withdrawal notices to social care",
    wording: "Social care receive timely electronic assessment, discharge and withdrawal notices.",
  },
  {
    number: 7,
    title: "Child protection information in unscheduled care",
    wording:
      "Clinicians in unscheduled care settings can access child protection information w/ soc. care professionals notified.",
  },
  {
    number: 8,
    title: "End-of-life preferences shared across care settings",
    wording: "Professionals across care settings made aware of end-of-life preference information.",
  },
  {
    number: 9,
    title: "Electronic prescriptions for GPs and community pharmacists",
    wording: "GPs and community pharmacists can utilise electronic prescriptions.",
  },
  {
    number: 10,
    title: "Online appointment booking and repeat prescriptions",
    wording: "Patients can book appointments and order repeat prescriptions from their GP practice.",
  },
];

/** A benefit category of "The benefits of digital health"; `description` is the slide's text. */
export interface SeedBenefitCategory {
  code: string;
  name: string;
  description: string;
}

/**
 * The eight categories of "The benefits of digital health" (source lines 150-157), in the
 * slide's order. Descriptions are the slide's, with the first letter capitalised.
 */
export const benefitCategories: SeedBenefitCategory[] = [
  {
    code: "IMPROVED-TREATMENT",
    name: "Improved treatment",
    description: "Better use of technology to monitor patients, coupled with freeing up nurses and doctors to talk with their patients.",
  },
  {
    code: "EFFICIENCIES-SAVINGS",
    name: "Efficiencies and savings",
    description:
      "Eliminating waste will allow reassignment of resources to where they will deliver the best value in terms of public health.",
  },
  {
    code: "PERSONALISED-MEDICINE",
    name: "Personalised medicine",
    description:
      "Tailored treatments based on molecular diagnosis, individual's genomic information / life-style parameters & the patient's values.",
  },
  {
    code: "POPULATION-HEALTH",
    name: "Population health",
    description:
      "Very large studies with the resolution and sensitivity to learn what makes a difference and reliably inform policy.",
  },
  {
    code: "HEALTHCARE-RESEARCH",
    name: "Healthcare research",
    description:
      "Bigger data sets and better defined 'deeper' phenotypes deliver superior insights and, ultimately, more personalised treatments.",
  },
  {
    code: "SOCIETY-ENGAGEMENT",
    name: "Society engagement",
    description:
      "Personal health records and centralised dynamic consent changes perception of the NHS towards a shared social enterprise.",
  },
  {
    code: "IMPROVED-WELL-BEING",
    name: "Improved well-being",
    description:
      "Improved engagement with patients, medical staff, carers and family, brokered by a better connected health system.",
  },
  {
    code: "IMPROVED-OUTCOMES",
    name: "Improved outcomes",
    description:
      "Mobile technology to improve recording of outcomes and tightening the feedback of this data to improved care.",
  },
];

/** A universal capability that a tranche or project enables ("E") or supports ("S"). */
export interface SeedUcRole {
  /** 1..10. */
  uc: number;
  /** "E" enabling, "S" supporting, as the source's "(E)" and "(S)". */
  role: "E" | "S";
}

/** A delivery tranche of a programme, with the universal capabilities it enables or supports. */
export interface SeedTranche {
  /** "1", "2", "3" or a range such as "4-8". */
  number: string;
  name: string;
  ucs: SeedUcRole[];
}

/** A feature programme of the roadmap, grouping projects. */
export interface SeedProgramme {
  /** Stable code: "OUH-GDE", "BW-CONNECTED-CARE", "BUCKS-CITIZEN-PLATFORM", "MH-GDE". */
  code: string;
  name: string;
  /** A short summary quoted from the programme's slides. */
  description: string;
  /** Footprint codes: "BUCKS", "OXON", "BERKSW". */
  footprints: string[];
  /** Lead organisations by ODS code where the slides name an NHS trust; [] if none is named. */
  ownerOdsCodes: string[];
  /** Connected Care's tranche × UC table; [] for the others. */
  tranches: SeedTranche[];
}

/** The four feature programmes of section 4, "Programme Delivery". */
export const programmes: SeedProgramme[] = [
  {
    code: "OUH-GDE",
    name: "OUHT Global Digital Exemplar programme",
    description:
      "Oxford University Hospitals Foundation Trust has been selected nationally as one of 12 acute-sector Global Digital Exemplars. " +
      "Its 'Go Digital' GDE programme underpins the Trust's strategic plans and is a core contributor to the BOB STP and Oxfordshire LDR: " +
      "a population health and interoperability platform, clinical decision support embedded in the workflows, integration of biomedical " +
      "devices and removal of paper across the whole hospital, and dissemination of the lessons learnt.",
    footprints: ["OXON"],
    ownerOdsCodes: ["RTH"],
    tranches: [],
  },
  {
    code: "BW-CONNECTED-CARE",
    name: "Berkshire West Connected Care Programme",
    description:
      "Berkshire West, in partnership with East Berkshire, are delivering an integrated health and social care record sharing, " +
      "intelligence analytics and patient/citizen patient portal. Connected Care is a partnership that spans 18 organisations " +
      "across health and social care, delivered in tranches.",
    footprints: ["BERKSW"],
    ownerOdsCodes: [],
    tranches: [
      {
        number: "1",
        name: "Tranche 1",
        ucs: [
          { uc: 1, role: "E" },
          { uc: 2, role: "E" },
          { uc: 4, role: "E" },
          { uc: 5, role: "E" },
        ],
      },
      { number: "2", name: "Tranche 2", ucs: [{ uc: 6, role: "S" }] },
      { number: "3", name: "Tranche 3", ucs: [{ uc: 7, role: "S" }] },
      {
        number: "4-8",
        name: "Subsequent implementation (tranches 4-8)",
        ucs: [
          { uc: 3, role: "S" },
          { uc: 8, role: "E" },
        ],
      },
    ],
  },
  {
    code: "BUCKS-CITIZEN-PLATFORM",
    name: "Buckinghamshire digital patient / citizen platform",
    description:
      "Buckinghamshire CCG's, in partnership with Digital Life Sciences, are delivering a digital patient / citizen platform to " +
      "empower patients to self-care and access local services independently. It supports a 'proof of concept' GP Access Centre " +
      "to receive and process on-the-day requests for GP and Nurse appointments, and a six month proof of concept converting the " +
      "paper Care and Support Planning process into a digital process.",
    footprints: ["BUCKS"],
    ownerOdsCodes: [],
    tranches: [],
  },
  {
    code: "MH-GDE",
    name: "Mental Health Global Digital Exemplar Bids",
    description:
      "Berkshire Healthcare Trust and Oxford Health Foundation Trust are among 14 mental health organisations invited by NHS " +
      "England (NHSE) to submit a proposal to be considered as a GDE for mental health services. The GDE proposals will focus " +
      "on key areas to advance digital capability.",
    footprints: ["BUCKS", "OXON", "BERKSW"],
    ownerOdsCodes: ["RWX", "RNU"],
    tranches: [],
  },
];

/** A card's period: in flight ("2016/17") or planned ("2017/18-2018/19"). */
export type SeedPeriod = "2016/17" | "2017/18-2018/19";

/** A project: one card of the "Digital capability plans" grids. */
export interface SeedProject {
  /** Stable and unique: period ("P16" or "P1719"), domain abbreviation, position in the grid row pair, e.g. "P16-RAP-01". */
  code: string;
  /** The card's text, with split words rejoined and conversion errors repaired. */
  title: string;
  period: SeedPeriod;
  /** The DMI-2016 capability domain the card is listed under (C1..C7 of bob-data's `dmi2016`). */
  domainCode: string;
  /** The grid row's "STP Digital …" label. */
  stpPriority: string;
  /** The UCs the card enables or supports; null because the card's own UC marks did not survive conversion. */
  ucs: SeedUcRole[] | null;
  /** Owner organisations by ODS code, only where the card's own text names a BOB trust. */
  ownerOdsCodes: string[];
  /** When `ownerOdsCodes` is empty: why (the colour key was lost); null otherwise. */
  ownerNote: string | null;
  /** Footprint codes, only where the card's text names a footprint. */
  footprints: string[];
  /** The programme the card obviously belongs to, or null. */
  programme: string | null;
}

const colourLost =
  "The owner organisation was shown only by the card's colour in the slide's key, and the colours were lost when the slides were converted to text.";

/** A card as written below: its title alone, or its title with what the text says beyond it. */
type Card =
  | string
  | {
      title: string;
      owners?: string[];
      /** A sentence put before `colourLost` in the owner note (only when there are no owners). */
      ownerRemark?: string;
      footprints?: string[];
      programme?: string;
    };

const RECORDS = "Records sharing, care planning";
const PROVIDER = "Provider digital maturity";
const INTELLIGENCE = "Whole system intelligence, childrens' sharing";
const PATIENT = "Patient facing technology";

/** The cards of one domain's rows in one grid, in reading order, as projects. */
function domainCards(period: SeedPeriod, domainCode: string, abbreviation: string, stpPriority: string, cards: Card[]): SeedProject[] {
  const prefix = period === "2016/17" ? "P16" : "P1719";
  return cards.map((card, i) => {
    const c = typeof card === "string" ? { title: card } : card;
    const owners = c.owners ?? [];
    return {
      code: `${prefix}-${abbreviation}-${String(i + 1).padStart(2, "0")}`,
      title: c.title,
      period,
      domainCode,
      stpPriority,
      ucs: null,
      ownerOdsCodes: owners,
      ownerNote: owners.length > 0 ? null : c.ownerRemark ? `${c.ownerRemark} ${colourLost}` : colourLost,
      footprints: c.footprints ?? [],
      programme: c.programme ?? null,
    };
  });
}

const connectedCare = "BW-CONNECTED-CARE";
const localAuthority = "The card names a local authority but not which one, and councils have no ODS code.";

/**
 * Every card of both grids, once each: 71 in flight (2016/17) and 59 planned (2017-19). Order:
 * grid, then domain (C1..C7), then the grid's reading order.
 */
export const projects: SeedProject[] = [
  // ---- Digital capability plans 2016/17: in flight projects ----
  // Lines 592-593.
  ...domainCards("2016/17", "C1", "RAP", RECORDS, [
    "Patient access to electronic records utilisation to 95% enabled, 5% registered",
    "Increase e-forms usage to support PF @ POC, structured documentation & audit / reporting",
    "Outpatient clinics: no paper record initiation",
    "SCR available to clinicians in 50% of clinical areas",
    {
      title: "Paperless in West Wing OP - on-line assessments & day forwarding scanning.",
      ownerRemark: "The card names a \"West Wing\" but not its hospital.",
    },
    { title: "Connected Care - sharing between clinicians", programme: connectedCare },
    "Electronic observations solution, with auto alerting for NEWS on all wards",
    "Expand / enhance core HER functionality, & expand mobile functionality",
    { title: "Horton: Notes no longer pulled for routine appointments", owners: ["RTH"] },
    "Improved util. of shared records MCR & SCR. Available to soc care & comm pharmacies.",
    "Impr. sharing of diabetes patients info w/ care team. Complete EoL transfer to SCR.",
    "OOH clinicians use electronic care plan to support triage & clinical decisions.",
  ]),
  // Lines 594-595.
  ...domainCards("2016/17", "C2", "TOC", PROVIDER, [
    "Utilisation of eReferrals improved",
    "Discharge summaries - incr. compliance w/ nat. guidance & %age sent to out of area GPs",
    "e-Correspondence",
    "RiO business as usual implementation",
    "All general practice letters delivered electronically",
    { title: "Connected Care", programme: connectedCare },
    "Docman supporting electr. transfers of letters to primary care (10% eDS for MH lps)",
    {
      title: "Out of area discharge coordinators (MKUH) access EMIS to manage care & discharges.",
      ownerRemark: "The card names MKUH (Milton Keynes), which is outside BOB.",
    },
    "Electronic ward whiteboards used for handover",
    "Relaunch e-Referral project & review options for increasing take-up. Usage =>80%",
    "Child protection information sharing",
    "GPs digitally refer urgent cancer patients using eReferral templates.",
  ]),
  // Lines 602-603 (one empty cell skipped).
  ...domainCards("2016/17", "C3", "ORM", PROVIDER, [
    "Radiology / pathology orders and results",
    "Improve access to orders and results management",
    "Endoscopy, cardiac, respiratory results available in EPR",
    "All results delivered electronically",
    "Stabilise / improve current solution - more efficient results / clinical management.",
    "New equipment rollout and review.",
  ]),
  // Lines 604-605 (one empty cell skipped).
  ...domainCards("2016/17", "C4", "MMO", PROVIDER, [
    "Increased takeup & utilisation of electronic prescription service by 90% of practices, average utilisation 55%",
    "Analysis, requirements, procurement of e-Prescribing solution",
    "Increase in utilisation of electronic prescriptions from 50 - 60% in live practices",
    "EPS - 50% of permitted prescriptions are electronic",
    "e-prescribing and medicines management initiation",
    "ePMA available in maternity",
    "ePMA available in OP",
  ]),
  // Lines 612-613.
  ...domainCards("2016/17", "C5", "DSU", INTELLIGENCE, [
    "Referral triage, decision support & monitoring of referral patterns in place (DXS point of care)",
    "Access to general practice care plans (end of life and special patient notes)",
    {
      title: "South Central Ambulance Service LiveLink for front line and patient / caller - Berkshire",
      owners: ["RYE"],
      footprints: ["BERKSW"],
    },
    "Child protection information sharing (CP-IS) available",
    "Introduce additional decision support",
    "Clinical utilisation review system (acuity of patient v. care setting) available across all services",
    "Sepsis decision support in EPR (others planned)",
    "Electronic observations solution with automatic alerting for NEWS on all wards",
    {
      title: "Local authority use of service user support, data collection apps and online services such as Care Companion",
      ownerRemark: localAuthority,
    },
    "EoL information available to all appropriate professionals via SCR",
    "Enhanced alerting and patient preferences available across all services",
    "Clinical decision making, increase utilisation of decision support tools (Pathways and Guidelines - DXS & ACG)",
  ]),
  // Lines 614-615 (one empty cell skipped).
  ...domainCards("2016/17", "C6", "RAC", PATIENT, [
    {
      title: "Increased utilisation of online services offered by all practices - 20% Bu, 10% Ox, 15% Be",
      footprints: ["BUCKS", "OXON", "BERKSW"],
    },
    "Assistive technology portfolio (apps, trust websites, Skype, EHR, patient portal)",
    "Telesson",
    "Requirements defined for patient portal / apps / telehealth following evaluation of pilots",
    "Increased use of mobile apps such as care companion",
    "Integrated assistive technology strategy",
    { title: "South Central Ambulance Service LiveLink for care homes", owners: ["RYE"] },
    {
      title: "Proof of concept for digitally supported self care for diabetics (apps, referral management, care plans)",
      programme: "BUCKS-CITIZEN-PLATFORM",
      ownerRemark: "Its programme, the Buckinghamshire platform, is led by the Buckinghamshire CCGs, but the card does not say so.",
    },
    "New and expectant mothers use Baby Buddy app to get advice and support",
    {
      title: "Remote clinical triage & support available to some care homes (working with Airdale NHS FT)",
      ownerRemark: "The card names Airedale NHS FT, outside BOB, as a partner.",
    },
    "Preparation for transition to NHS Mail - including requirements for video conferencing via Skype",
  ]),
  // Lines 619-622: cards wrapped onto a second row are joined; one empty cell skipped.
  ...domainCards("2016/17", "C7", "ARO", PROVIDER, [
    "Single domain wi-fi and mobile device management (MDM) in place to support federated working",
    "Pilot use of Intelligence Point primary care data to inform planning and commissioning",
    "Use of on-line bed board",
    "e-Consultations",
    "Cerner transition and upgrade",
    "NHS Mail 2",
    "Improved efficiency through greater interoperability of clinical systems with EPR",
    "e-Rostering implementation completed",
    "Digital appointment correspondence",
    "Virtual pathways",
    "Biomedical device integration with EPR, including infusion pumps (Neuro ICU)",
  ]),

  // ---- Digital capability plans 2017-19: planned projects (17/18, 18/19) ----
  // Lines 629-630 (three empty cells skipped).
  ...domainCards("2017/18-2018/19", "C1", "RAP", RECORDS, [
    "Patient access to electronic records utilisation to 100% enabled, 8% registered",
    "Digital clinical docs used for all basic nursing and generic medical assessments",
    "All community staff have access to mobile devices to access / update patient information at point of care",
    "Improved utilisation of shared records - MCR / MIG & SCR",
    "No paper record needed at outpatient clinics",
    { title: "Connected Care - majority of secondary care clinicians can access GP-held data", programme: connectedCare },
    { title: "Notes no longer pulled for routine appointments - Horton", owners: ["RTH"] },
    "Carenotes integration with partner solutions",
    "Carenotes upgrades and enhancements",
  ]),
  // Lines 631-632 (one empty cell skipped).
  ...domainCards("2017/18-2018/19", "C2", "TOC", PROVIDER, [
    "Utilisation of eReferrals improved",
    "Deploy revised e-Discharge summaries",
    "eReferral coverage & use increased. Usage >=85%",
    "Expand support for eRS in key service lines",
    "Care pathways",
    { title: "Child protection information sharing implementation by Local Authorities", ownerRemark: "The card names local authorities but not which, and councils have no ODS code." },
    { title: "Connected Care", programme: connectedCare },
    "Digital clinic worklists in widespread use following successful pilot",
    "U18, Urgent care encounters",
    "Deploy e-Admission documentation",
    "EDS sent electronically for 75% MH inpatients",
  ]),
  // Lines 639-640 (one empty cell skipped).
  ...domainCards("2017/18-2018/19", "C3", "ORM", PROVIDER, [
    "All results delivered electronically",
    { title: "Sharing South Central Ambulance Service Discharge summary", owners: ["RYE"] },
    { title: "Booking for minor injuries unit appointments - Berkshire", footprints: ["BERKSW"] },
    { title: "Bookings for emergency general practice appointments - Berkshire", footprints: ["BERKSW"] },
    "Requesting for all non-EPR tests in place",
    "Reduce paper for requests and results",
    "Additional orders and results management introduced",
  ]),
  // Lines 641-642. The second row's label is only "STP Digital": the priority is the 2016/17
  // medicines row's. Its three cards survive only as their first line.
  ...domainCards("2017/18-2018/19", "C4", "MMO", PROVIDER, [
    "Increased take up and utilisation of electronic prescription service by 95% of practices",
    "Deployment of e-prescribing solution - all service areas",
    "e-prescribing and medicines management",
    "e-prescribing and medicines administration",
    "Emergency prescriptions",
    {
      title: "e-prescribing and medicines administration decision support at Frimley Park Hospital",
      ownerRemark: "The card names Frimley Park Hospital, which is outside BOB.",
    },
    "70% utilisation of …",
    "50% of permitted …",
    "Development of …",
  ]),
  // Lines 649-651 (line 651 is the rest of the row's label).
  ...domainCards("2017/18-2018/19", "C5", "DSU", INTELLIGENCE, [
    "Real time analytics",
    "Early warning systems",
    "Business intelligence - auto reporting and alerting",
    "Improved utilisation of End of Life records",
    "Improved medication support available (a further 50x powerplans / rules)",
    "CP-IS utilisation monitored and plans in place to promote and support usage",
    "Advanced decision support introduced",
  ]),
  // Lines 652-655: four versions of one row, merged (see the header). The priority label did
  // not survive: it is the 2016/17 remote and assistive care row's.
  ...domainCards("2017/18-2018/19", "C6", "RAC", PATIENT, [
    "24/7 digital advice via telephone, web and app supporting same day primary care",
    "eConsultations supporting same day primary care",
    "Increased utilisation of online services - offered by all practices",
    "Expand remote and assistive technology (apps, interactive Trust websites)",
    "Observations capture equipment, eData feeds",
    "Digital support for the management of heart failure patients, following 16/17 pilot",
    "Development of patient portal functionality",
    {
      title: "Heart failure shared record",
      ownerRemark: "The programme delivery table attributes a heart failure records-sharing initiative to BHT, but the card does not name its owner.",
    },
  ]),
  // Lines 662-665 (a card wrapped onto line 665 is joined).
  ...domainCards("2017/18-2018/19", "C7", "ARO", PROVIDER, [
    "Extended hours / prime ministers challenge fund",
    "Staff electronic rostering",
    "TIE upgrade and new hardware",
    "Expand asset and resource optimisation",
    "Gastro review and improvement projects",
    "Create data / income capture interfaces to EPR",
    "RFID - patient tracking deployed (A&E, Maternity and wards)",
    "BCC improvement project",
  ]),
];
