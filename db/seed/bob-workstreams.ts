// The STP digital work-streams of the 2016 Local Digital Roadmap of Buckinghamshire,
// Oxfordshire & Berkshire West (shared/seed/000_d55086a94aa91ae1.txt): the work-stream
// lifecycle (section 6, "Work-stream mobilisation" and "Further programme phases"), the STP
// goals and the five work-streams with their examples (sections 2 and 3).
//
// Pure data: no imports. The source was converted from slides, so tables were flattened and
// bullets merged; the text below splits them back into one entry per item and repairs words
// split across cells ("how dat|a is used", "re|ecords access", "ls it living up"). Otherwise
// the document's wording, punctuation and British spelling are kept.

/** One phase of the eight-phase work-stream lifecycle, each closed by a review. */
export interface SeedLifecyclePhase {
  /** 1..8, in order. */
  number: number;
  name: string;
  aims: string[];
  /** The phase's deliverables; the phase goal is separate. */
  outputs: string[];
  /** Each ends with "?". */
  questions: string[];
  goal: string;
  /** "Tollgate Review" for phases 1 to 7, "Closure Review" for phase 8. */
  reviewName: string;
}

const tollgate = "Tollgate Review";

export const bobLifecycle: { code: string; name: string; description: string; phases: SeedLifecyclePhase[] } = {
  code: "STP-DIGITAL-8",
  name: "STP digital work-stream lifecycle",
  description: "Further programme phases will be defined in more detail during earlier phases.",
  phases: [
    {
      number: 1,
      name: "Initiation",
      aims: ["Engage Leadership", "Define strategic needs", "Define strategic outcomes", "Develop strategic business case"],
      // The slide lists "Define strategic outcomes" and "Develop strategic business case" as outputs too.
      outputs: [
        "Strategic imperatives",
        "Transformational scope",
        "Define strategic outcomes",
        "Outline strategic benefits",
        "Develop strategic business case",
      ],
      questions: [
        "What is driving the change?",
        "Who and what is impacted?",
        "What will change?",
        "What will it deliver?",
        "How will we make it happen?",
      ],
      goal: "Executive Charter",
      reviewName: tollgate,
    },
    {
      number: 2,
      name: "Visioning",
      aims: ['Describe the "As Is"', 'Articulate the "To Be" vision'],
      outputs: ["Vision statement", "Future Operating Model", "Outline Business Case"],
      questions: ["How will the business look?", "How will it operate differently?", "How is the investment justified?"],
      // The slide prints "As Is Model To Be Model".
      goal: "As Is / To Be Model",
      reviewName: tollgate,
    },
    {
      number: 3,
      name: "Planning",
      aims: ["Logical Design", "Product and Supplier selection", "Identifying Benefits", "Defining the Programme", "Full Business Case"],
      outputs: [
        "Logical Design Document",
        "Functional requirements spec.",
        "Product/Supplier selection",
        "Benefit Cards",
        "Benefit Realisation Plan",
        "Full Business Case",
      ],
      // The slide ends "How the users need it to work" with "." and "How to demonstrate returns"
      // with nothing; both are given a "?" here, wording unchanged.
      questions: [
        "What is the solution concept?",
        "How the users need it to work?",
        "Who can deliver the solution?",
        "What ROI can we expect?",
        "How to demonstrate returns?",
        "Have we covered all the bases?",
      ],
      goal: "Outline Solution",
      reviewName: tollgate,
    },
    {
      number: 4,
      name: "Design",
      aims: ["Detailed Design", "Benefits Validation", "Full Business Case Validation"],
      outputs: [
        "Design Blueprint",
        "Design Report",
        "Validated Benefit Cards",
        "Revised Full Business Case",
        "Functional Specifications",
      ],
      // The slide ends "What it is going to deliver" with "."; given a "?" here, wording unchanged.
      questions: [
        "What does the solution look like?",
        "How does the solution stack up?",
        "What it is going to deliver?",
        "Is this the right choice to make?",
        "How will it actually work?",
      ],
      goal: "Detail Solution",
      reviewName: tollgate,
    },
    {
      number: 5,
      name: "Build",
      aims: [
        "Turning design into reality",
        "Build/purchase all components",
        "Processes and organisation structure verified",
        "Testing – Unit/System/Integration",
        "Validating Benefits",
      ],
      outputs: ["Technical Specification", "Service Creation Report", "Validated Benefit Cards"],
      questions: ["How is it going to perform?", "How will we implement it?", "Modify the expected benefits?"],
      goal: "Finished Product",
      reviewName: tollgate,
    },
    {
      number: 6,
      name: "Deployment",
      aims: [
        "Ownership moves to the business",
        "User Acceptance Testing (UAT)",
        "Operational Acceptance Testing (OAT)",
        "Transition – preparing for new ways of working",
      ],
      outputs: ["Solution Acceptance Report", "Go-Live Assessment Report", "Implementation Status Report"],
      questions: ["Is the solution fit for purpose?", "Are we ready to Go-Live?", "How are we doing so far?"],
      goal: "System In Service",
      reviewName: tollgate,
    },
    {
      number: 7,
      name: "Implementation",
      aims: [
        "Embedding new processes, people and roles to stabilise the solution",
        "Tuning technology",
        "Realising early benefits",
        "Problem resolution",
      ],
      outputs: ["Implementation Report", "Benefits Realisation Report"],
      questions: ["Is it living up to expectations?", "Has it delivered?"],
      goal: "Fully Integrated",
      reviewName: tollgate,
    },
    {
      number: 8,
      name: "Maintenance",
      aims: ["Realising Benefits", "Continuous Improvement", "End of business transformation lifecycle"],
      outputs: [
        "Future enhancement roadmap",
        "Strategy recommendations",
        "Incremental benefits statements",
        "Ongoing support strategy",
        "Continuous improvement strategy",
      ],
      questions: [
        "How can we improve further?",
        "What have we learned?",
        "Are we still benefitting?",
        "Are we using it effectively?",
        "How can we get more from it?",
      ],
      goal: "Established Solution",
      reviewName: "Closure Review",
    },
  ],
};

/** One of the STP priorities the digital roadmap is aligned to. */
export interface SeedStpGoal {
  code: string;
  /** The heading of the goal's examples page, or a short name where there is none. */
  name: string;
  /** The bullet from the document's list of STP priorities. */
  description: string;
  /** The paragraph under the goal's heading on its examples page; null if there is no page. */
  summary: string | null;
}

// In the order of the document's bullet list. The document says "The eight STP priorities"
// but lists seven; only the seven listed are given here.
export const bobStpGoals: SeedStpGoal[] = [
  {
    code: "PREVENTION",
    name: "Shift from treatment to prevention",
    description: "Shift the focus of care from treatment to prevention",
    summary:
      "Technology enables patient engagement and activation in their own health & care, and a more intelligent approach to targeting public health & preventative interventions",
  },
  {
    code: "QUALITY-CARE",
    name: "The highest quality care",
    description: "Access to the highest quality Primary, Community and Urgent Care",
    summary:
      "Supporting a joined up service across primary, community and urgent care, underpinned by records-sharing, phone & web supported triage & access, and care coordination.",
  },
  {
    code: "ACUTE",
    name: "Acute trusts collaboration",
    description: "Acute trusts collaboration to deliver equality and efficiency",
    summary:
      "Advancing provider digital maturity (with OUHT at the forefront as a Global Digital Exemplar) to support new models of acute care delivery and back-office efficiencies.",
  },
  {
    code: "MENTAL-HEALTH",
    name: "Mental Health development",
    description: "Mental Health development to improve overall value of care provided",
    summary:
      "Developing digital technology to transform the way people look after their mental health, and transform the way the NHS designs and delivers mental health services.",
  },
  {
    code: "SPECIALISED",
    // No examples page: the name is taken from the bullet.
    name: "Specialised commissioning",
    description:
      "Maximise value and patient outcomes from specialised commissioning so that digital aspects relating to specialist services are not addressed separately.",
    summary: null,
  },
  {
    code: "WORKFORCE",
    name: "A flexible & collaborative approach to workforce",
    description: "Establish a flexible and collaborative approach to workforce",
    summary:
      "Registration and accreditation of the information and technology workforce, with succession and development plans to retain expertise. Developing clinical leaders and gaining organisational commitment to develop and fund the role of the CCIO. Ensuring staff have the digital skills to meet the future challenges and cross system roles.",
  },
  {
    code: "PRIMARY-SCALE",
    name: "Primary Care at scale",
    description: "Primary Care at scale.",
    summary:
      "Supporting new models of primary care, in locality and federated groups, and as part of the wider health and care team. Applying digital tools to improve demand management.",
  },
];

/** One of the five prioritised STP digital work-streams. */
export interface SeedWorkstream {
  code: string;
  name: string;
  vision: string;
  objectives: string[];
  requirements: string[];
  /** Text introducing the requirements that is not itself a requirement. */
  requirementsPreamble: string | null;
  /** Footprint codes (see bobFootprints in bob-data.ts). */
  footprints: string[];
  /** Goal code → the work-stream's examples from "Aligning the roadmap to STP goals". */
  goalExamples: { goal: string; examples: string[] }[];
}

// All five work-streams are STP-wide.
const stpWide = ["BUCKS", "OXON", "BERKSW"];

export const bobWorkstreams: SeedWorkstream[] = [
  {
    code: "RECORDS",
    name: "Records sharing for cross-organisational care",
    vision:
      "Enable health and care professionals to have immediate and appropriate access to all relevant information about a person's care, treatment, diagnostics and previous history. This includes care plans and all necessary transfers of care information.",
    // The source also has a garbled duplicate of the first objective (". Currente multi
    // dissiplinent celleboration serves sore estrines and sites"), dropped.
    objectives: [
      "Supports multi-disciplinary collaboration across care settings and sites.",
      "Users can access all necessary records from their 'home' system, particularly patient medications, allergies and adverse reactions.",
      "Multiagency care plans can be created.",
      "Proactive care plans such as End of Life, Special Patient Notes are available to South Central Ambulance Service, 111, out of hours services, ED's and social services.",
      "All referrals, including 2 week wait, are sent electronically.",
      "No user has to re-enter the same patient/service user data twice.",
      "Users do not have to 'look for important patient data', it should be presented to them in a suitable form such as a flag to indicate critical data is available.",
    ],
    requirementsPreamble:
      "Each digital footprint have their own solutions based on local strategies and investments. The following outcomes are required to deliver the vision across BOB:",
    requirements: [
      "Provenance and timeliness of people's data is clear to users, data is available in real time if required.",
      "A defined level of system functional maturity that each organisation and footprint must attain in order to 'plug their records in'.",
      "Agreed pathways and compatible clinical processes.",
      "A standardised role based access structure.",
      "Suppliers that will work together.",
      "Agreed consent models and Information Governance.",
    ],
    footprints: [...stpWide],
    goalExamples: [
      {
        goal: "PREVENTION",
        examples: [
          "Supporting care professionals to promote targeted health and wellbeing messages based on information in the record, such as social prescribing.",
        ],
      },
      {
        goal: "QUALITY-CARE",
        examples: [
          "Enabling new integrated models of care, supporting multidisciplinary working across sites & organisations.",
          "Integrated appointment booking, for example community hubs. Automated transfers of care data.",
        ],
      },
      {
        goal: "ACUTE",
        examples: [
          "Records sharing to enable hub and spoke model of clinical services and specialist advice.",
          "Information Exchange interface between areas to share records.",
        ],
      },
      {
        goal: "MENTAL-HEALTH",
        examples: [
          "Enabling new integrated models of care, supporting multidisciplinary working across sites & organisations.",
          "Records sharing provides basis for providing holistic person-centred care including mental and physical health.",
        ],
      },
      {
        goal: "WORKFORCE",
        examples: [
          "Saving time and improving effectiveness by making sure the information required to deliver care is available wherever care is delivered.",
        ],
      },
      {
        goal: "PRIMARY-SCALE",
        examples: [
          "Enabling cross-practice and federated working. For example, extended practice hours and 7 day working.",
          "Electronic referrals with bookable appointment slots.",
        ],
      },
    ],
  },
  {
    code: "CITIZEN",
    name: "Citizen facing technology",
    vision:
      "Support and enable people to be actively involved in managing and making decisions about their care. This provides a strong basis for well-being and prevention.",
    // The slide's nested list ("... supporting them to: manage ...; use ...; ...") is split into
    // the distinct things individuals can do; the subject "Individuals" is implied after the first.
    objectives: [
      "Individuals have electronic access to view their multi-organisation health record.",
      "Manage their health, prevention and care.",
      "Use an online appointment service.",
      "Monitor a chronic condition (perhaps using a mobile app).",
      "Ask a clinician or care worker a question.",
      "Communicate with members of their care team, such as their GP.",
      "Access to general information and guidance to improve knowledge and health literacy.",
      "Look up medical jargon.",
      "Access prevention advice.",
      "Take part in multi-agency consultations about their care.",
      "Have one point of contact for queries – even though their care may span several organisations/footprints.",
    ],
    requirementsPreamble: null,
    requirements: [
      "A comprehensive Personalised Health Record, so that patients do not have to navigate and access multiple provider / primary care portals.",
      "Patient focussed signposting to organisation and disease-specific portals such as mydiabetescare.",
      "Secure access to assure people that only they, or those they give consent to, have access to their data.",
      "Leveraging technologies to promote self-care and prevention for differing age groups including wearables, smartphone applications and assistive technologies.",
      "Patient held technology incorporated into provider specifications.",
      "Authoritative/legal advice on use of citizen held technology and patient information.",
    ],
    footprints: [...stpWide],
    goalExamples: [
      {
        goal: "PREVENTION",
        examples: [
          "Patient access to a personalised health record, aiding improved self-care.",
          "Integration with apps, wearables and sensors to combine key data into patient record & enable telecare and 'nudge' health alerts.",
        ],
      },
      {
        goal: "QUALITY-CARE",
        examples: [
          "Phone and web-based services to support self-care, and an access route into services",
          "Clear, easy-to-find signposting to services, with appointment booking.",
        ],
      },
      {
        goal: "ACUTE",
        examples: [
          "Provide secure messaging, lab results, e-consultations, and appointment scheduling between patients & hospital.",
        ],
      },
      {
        goal: "MENTAL-HEALTH",
        examples: [
          "Patient portal to support care and communication with service users.",
          "Trial online CBT 'chat' therapy & expand remote / assistive technology apps.",
        ],
      },
      {
        goal: "WORKFORCE",
        examples: [
          "Supporting a healthy workforce by piloting digital health and wellbeing tools with our own staff, and creating advocates for digital health - giving staff the skills to promote digital inclusion.",
        ],
      },
      {
        goal: "PRIMARY-SCALE",
        examples: [
          "Web and phone-based access services supporting triage, and improved handling of demand for appointments.",
          "Personal Health Records (PHRs) supporting collaborative care planning and interaction between patients and the care team.",
        ],
      },
    ],
  },
  {
    code: "INTELLIGENCE",
    name: "Whole system intelligence",
    vision:
      "Health and care professionals across communities, geographic and clinical, have the information and insights they require to run an efficient and effective service. This includes care delivery, planning, targeting, monitoring, auditing, and research.",
    // The uses of the capability (a nested list on the slide) stay in the first objective,
    // separated by semicolons.
    objectives: [
      "Capability across the STP area to access and manipulate data. This enables sophisticated management and forward planning of the healthcare system to: respond to immediate pressures; undertake trend analysis and rapid assessment of service changes; apply risk modelling to support targeting for care management; demand and capacity modelling across all settings of care; support audits.",
      "Staff have a single view of business intelligence information.",
      "Patients are targeted with services and care pathways appropriate to their need.",
      "A rich joined up data repository that is available for agreed research purposes.",
    ],
    requirementsPreamble: null,
    // Each "For example, ..." line belongs to the requirement above it.
    requirements: [
      "Data architecture agreed. For example, data mart layers and integrated / federated / distributed data warehouse / data lake.",
      "Common metrics and interpretations.",
      "Capability to apply machine-learning / AI to support risk-modelling and profiling.",
      "Integrated reporting solutions to avoid duplication and facilitate intelligence / knowledge sharing.",
      "Data quality requirements agreed and monitored. For example, how up-to-date and accurate data must be for analysis purposes.",
    ],
    footprints: [...stpWide],
    goalExamples: [
      {
        goal: "PREVENTION",
        examples: [
          "Data analytics and risk-modelling to identify key patient groups for upstream preventative care.",
          "Socio-demographic and GIS analysis and mapping to target geographic public health initiatives.",
        ],
      },
      {
        goal: "QUALITY-CARE",
        examples: [
          "Real time analytics, alerts and clinical decision support to aid patient flow and 'right care' delivery.",
          "Risk-stratification supports case-finding for care co-ordination.",
        ],
      },
      {
        goal: "ACUTE",
        examples: [
          "Data and tools supporting patient flow management.",
          "Combined provider data supporting research and clinical audit.",
        ],
      },
      {
        goal: "MENTAL-HEALTH",
        examples: [
          "Develop mental health analytics on prediction / prevention.",
          "Using data to support delivery of outcomes based contracts.",
        ],
      },
      {
        goal: "WORKFORCE",
        examples: [
          "Changing the focus of care from making patients better, to keeping people well – supporting early proactive intervention.",
        ],
      },
      {
        goal: "PRIMARY-SCALE",
        examples: [
          "Risk stratification and modelling to support care co-ordination.",
          "Clinical decision support and referral management tools.",
        ],
      },
    ],
  },
  {
    code: "INFRASTRUCTURE",
    name: "Infrastructure & network connectivity",
    vision:
      "A fast, reliable infrastructure, with shared connectivity, at a lower cost. Common ways of working support access to 'home' systems across the footprint.",
    objectives: [
      "Networks are connected, giving fast access across all health and social care services.",
      "Users have access to their 'home' systems, regardless of where they connect to the network and whether it is wired, wireless or remote.",
      "Systems are easy to use, working seamlessly when a clinician is with a patient.",
      "There is easy access to the right IT Support.",
      "Free public WiFi",
      "Voice over IP",
    ],
    requirementsPreamble: null,
    requirements: [
      "Single sign on technologies.",
      "Aggregation of networks across geographic areas and organisations to maximise speed of access and system performance, and reduce costs.",
      "A minimum set of infrastructure standards to ensure security and implement change.",
      "A shared development pathway to deliver consistency of approach.",
      "A resilient architecture with back-up and redundant connections.",
      "A plan and process for identifying and resolving any incompatibilities.",
      "Professional development and education to support 'Digitally enabled users'.",
      "IT service is flexible enough to support new models of care.",
      "Support calls quickly routed thanks to integrated and interoperable IT support.",
    ],
    footprints: [...stpWide],
    goalExamples: [
      {
        goal: "PREVENTION",
        examples: [
          "Patient & public access to WiFi in health & care sites.",
          "Telehealth & care devices for target patient cohorts.",
        ],
      },
      {
        goal: "QUALITY-CARE",
        examples: [
          "Care professionals are able to access network from any care setting.",
          "Offline access to care records when there is no connectivity.",
        ],
      },
      {
        goal: "ACUTE",
        examples: [
          "Care professionals able to access network from any care setting.",
          "Single-sign on and direct access to patient record across systems.",
        ],
      },
      {
        goal: "MENTAL-HEALTH",
        examples: [
          "Extending off-line access to care records to enable mobile working.",
          "Expansion of free WiFi across care settings for patient and carer use.",
        ],
      },
      {
        goal: "WORKFORCE",
        examples: [
          "Empowering a connected workforce, by ensuring access to systems across the health and local government estate, removing current barriers to integrated working and segregation of networks.",
        ],
      },
      {
        goal: "PRIMARY-SCALE",
        examples: [
          "Shared network access across primary care, supporting federated working.",
          "Single-sign on for primary care clinicians to avoid multiple log-ons.",
        ],
      },
    ],
  },
  {
    code: "IG",
    // The document always writes "Information Governance" with a capital G.
    name: "Information Governance",
    vision:
      "A common set of processes to appropriately and effectively use information, in line with the expectations of patients and citizens. Information Governance becomes an enabler, not a barrier, to care, planning, targeting and research.",
    // The second objective starts in lower case in the source ("using data across ..."),
    // probably a continuation of the first; it is kept as its own objective, capitalised.
    objectives: [
      "Authorised, legal, justification for record sharing that underpins digital interoperability across the STP area.",
      "Using data across the STP area for business intelligence purposes such as targeting, planning, monitoring, research.",
      "Staff know what they can use clinical data for.",
      "Patients know what their data is used for.",
      "New data use purposes are easy to implement.",
      "Partners are confident in each other's appropriate data use.",
    ],
    requirementsPreamble: null,
    requirements: [
      "An authorised, legal, justification for record sharing that underpins digital interoperability across the STP area, for direct care and for secondary use of data such as analytics, modelling, and risk stratification.",
      "A joined up process for handling subject access requests and patient queries – in support of shared records.",
      "A common, STP-wide, understanding of what clinical data can be used for.",
      "Procedures for new processing requests such as research or further record sharing.",
      "STP public communications include a consistent message about what patient data is used for.",
      "A common consent process.",
    ],
    footprints: [...stpWide],
    goalExamples: [
      { goal: "PREVENTION", examples: ["Developing public confidence in how data is used beyond direct care."] },
      { goal: "QUALITY-CARE", examples: ["Ensuring no IG obstacles for legitimate records access for direct care purposes."] },
      {
        goal: "ACUTE",
        examples: ["Common STP-wide IG protocols and agreements to enable legitimate sharing across providers."],
      },
      { goal: "MENTAL-HEALTH", examples: ["Ensuring no IG obstacles for legitimate records access for direct care purposes."] },
      {
        goal: "WORKFORCE",
        examples: [
          "Supporting staff, by ensuring information sharing is carried out within the same rules and governance across the BOB STP footprint.",
        ],
      },
      {
        goal: "PRIMARY-SCALE",
        examples: [
          "Developing confidence in primary care over how data is accessed for primary & secondary uses, and data-controller responsibilities can be assured.",
        ],
      },
    ],
  },
];
