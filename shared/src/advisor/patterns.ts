/**
 * Structured facts about each pattern (no prose): what the advisor reasons with. Prose lives in the
 * control's .resx (`Pattern_<id>_<Field>`), so the shipped bundle carries no English text.
 *
 * Sources: the Implementation Guide pages "Product-specific guidance" (guidance-product.md) and
 * "Choose a pattern" (choose-pattern.md); finance and operations "Integration overview"
 * (data-entities/integration-overview.md) for on-premises and volume rules; Power Apps "Use change
 * tracking to synchronize data with external systems" and "Azure Synapse Link for Dataverse" for the
 * Dataverse-only patterns. Where a trait is our reading rather than Microsoft's words it says [inferred].
 *
 * The table is encoded compactly (one line per pattern, letter codes below) because it ships in the
 * control's bundle; `decodeTraits` expands it once at load, and tests check every decoded field.
 */
import type {
  AppFamily,
  Deployment,
  Direction,
  InitiatedBy,
  IntegrationKind,
  IntegrationPattern,
  PatternFamily,
  PatternId,
  PatternTraits,
  Requirement,
  RequirementLevel,
  ScenarioApp,
  ThrottlingFactId,
  Timing,
  TriggerKind,
  Volume,
} from "./types";

export type PatternMeta = IntegrationPattern;

/** Level a pattern has for a requirement it does not list (change tracking: see requirementLevel). */
export const DEFAULT_REQUIREMENT_LEVEL: Readonly<Record<Requirement, RequirementLevel>> = {
  "change-tracking": "weak",
  "no-replication": "weak",
  "regulatory-format": "weak",
  "ad-hoc-editing": "weak",
  notification: "weak",
  "shared-master-data": "weak",
  "transformation-inside": "weak",
  "low-code": "weak",
  "telephony-chat": "weak",
  "reports-dashboards": "weak",
  "invoke-action": "weak",
};

// ---- letter codes of the compact table
const APP: Record<string, ScenarioApp> = { F: "finance-operations", C: "customer-engagement" };
const KIND: Record<string, IntegrationKind> = { d: "data", p: "process", u: "ui" };
const DIR: Record<string, Direction> = { i: "inbound", o: "outbound", b: "bidirectional" };
const TIME: Record<string, Timing> = { s: "synchronous", n: "near-real-time", c: "scheduled" };
const VOL: Record<string, Volume> = { l: "low", m: "medium", h: "high" };
const TRIG: Record<string, TriggerKind> = { u: "user", e: "system-event", s: "schedule" };
const INIT: Record<string, InitiatedBy> = { d: "dynamics-365", x: "external-system", u: "user" };
const DEPL: Record<string, Deployment> = { c: "cloud", o: "on-premises" };
const LEVEL: Record<string, RequirementLevel> = { C: "core", S: "supports", W: "weak", N: "cannot", X: "rules-out" };
const REQ: Record<string, Requirement> = {
  ct: "change-tracking",
  nr: "no-replication",
  rf: "regulatory-format",
  ae: "ad-hoc-editing",
  no: "notification",
  sm: "shared-master-data",
  ti: "transformation-inside",
  lc: "low-code",
  tc: "telephony-chat",
  rd: "reports-dashboards",
  ia: "invoke-action",
};
const FAM: Record<string, PatternFamily> = {
  sy: "synchronous",
  as: "asynchronous",
  pu: "push",
  pl: "pull",
  o1: "one-way-sync",
  bi: "bidirectional-sync",
  ag: "aggregation",
  em: "embedding",
  ba: "batching",
};
const FACT: Record<string, ThrottlingFactId> = {
  sp: "dataverse-service-protection",
  en: "dataverse-entitlement",
  rb: "fo-resource-based",
  pb: "fo-priority-based",
  ex: "fo-exempt",
  wh: "webhook-delivery",
  sb: "service-bus-delivery",
  dw: "dual-write-limits",
  vt: "virtual-table-limits",
};
/** The letter tables; their values, in order, are also the answer lists of the scenario questions. */
export const CODES = { APP, KIND, DIR, TIME, VOL, TRIG, INIT, DEPL, REQ } as const;
const GROUP: Record<string, AppFamily> = { F: "finance-operations", C: "customer-engagement", X: "cross-app" };
/** Source pages: `G` is the Implementation Guide's product-specific guidance; sections follow its headings. */
const PAGES: Record<string, string> = {
  G: "integrate-other-solutions-guidance-product.md",
  T: "use-change-tracking-synchronize-data-external-systems.md",
  S: "azure-synapse-link-data-lake.md",
};
const SECTIONS: Record<string, string> = {
  F: "Integration patterns for finance and operations apps: ",
  C: "Customer engagement: ",
  X: "Dynamics 365 cross app integration: ",
  "-": "",
};

function letters<T>(table: Record<string, T>, code: string, width = 1): T[] {
  const out: T[] = [];
  for (let i = 0; i < code.length; i += width) {
    const v = table[code.slice(i, i + width)];
    if (v === undefined) throw new Error(`pattern table: unknown code "${code.slice(i, i + width)}"`);
    out.push(v);
  }
  return out;
}

/**
 * Expands a traits line: `<requires>/<prefers> <kinds> <directions> <timings> <maxVolume> <triggers>
 * <initiators> <deployments> <need:level,...>`; `-` stands for an empty list.
 */
export function decodeTraits(line: string): PatternTraits {
  const [apps, kinds, dirs, times, vol, trig, init, depl, reqs = "-"] = line.split(" ");
  const [req, pref = ""] = apps.split("/");
  const list = <T>(table: Record<string, T>, code: string): T[] => (code === "-" ? [] : letters(table, code));
  const requirements: PatternTraits["requirements"] = {};
  if (reqs !== "-") {
    for (const pair of reqs.split(",")) {
      const [r, l] = pair.split(":");
      requirements[letters(REQ, r, 2)[0]] = letters(LEVEL, l)[0];
    }
  }
  const traits: PatternTraits = {
    requiresApps: list(APP, req),
    kinds: list(KIND, kinds),
    directions: list(DIR, dirs),
    timings: list(TIME, times),
    maxVolume: letters(VOL, vol)[0],
    triggers: list(TRIG, trig),
    initiators: list(INIT, init),
    deployments: list(DEPL, depl),
    requirements,
  };
  if (pref !== "") traits.prefersApps = list(APP, pref);
  return traits;
}

/** Embedded screens: nothing moves between back ends, the data stays where it lives. */
const UI = "u i s l u u";
const UI_NEEDS = "sm:N,rf:N";

/**
 * One line per pattern: id | group | families | throttling facts | source (page letter, section
 * prefix letter, heading) | traits | options (s=specialty need, r=superseded by, d=disputed deployment).
 */
const TABLE = `odata|F|sypupl|rbpb|GF OData|F dp io sn l ue x c ia:S,lc:S,ti:N,rf:N,no:X
custom-services|F|sypu|rbpb|GF Custom services|F pd io sn m ue x c ia:C,ti:S,lc:N,no:X
consume-web-services|F|sypl|-|GF Consuming web services|F dp io sc l us d c ia:S,lc:N,ti:S,no:X
dmf-package-api|F|asbapupl|ex|GF Data Management Framework REST package API|F d io c h ues x co ct:C,sm:S,ti:N,nr:N,no:X
recurring-integrations|F|asbapupl|ex|GF Recurring Data Management integration REST API|F d io c h s x co ti:C,sm:S,nr:N,no:X|d=o
electronic-reporting|F|aspuba|-|GF Electronic Reporting|F d oi cn m ues du co rf:C,ti:C,lc:S|s=rf
excel-office|F|syplpu|ex|GF Excel and Office integration|F du io s l u u co ae:C,lc:C,rd:S|s=ae
business-events|F|aspu|-|GF Business events|F pd o n m eu d co no:C,lc:S
embedded-power-apps|F|em|spen|GF Embedded Power Apps|F ${UI} c ${UI_NEEDS},lc:C,nr:C,ae:S
embedded-power-bi|F|emag|-|GF Embedded Power BI|F u i s h u u c ${UI_NEEDS},rd:C,nr:C,lc:S|s=rd
iframe-fo|F|em|-|GF IFrame|F ${UI} co ${UI_NEEDS},nr:C
iframe-ce|C|em|-|GC IFrames|C ${UI} co ${UI_NEEDS},nr:C
pcf|C|empl|sp|GC Power Apps component framework|C ${UI} co ${UI_NEEDS},nr:S,rd:S,lc:N
canvas-apps|C|em|spen|GC Canvas apps|C ${UI} c ${UI_NEEDS},lc:C,nr:S,ae:S
html-web-resources|C|empl|sp|GC HTML web resources|C ${UI} co ${UI_NEEDS},nr:S,lc:N|r=pcf
channel-integration-framework|C|empu|-|GC Dynamics 365 Channel Integration Framework|C up i sn m eu ux c tc:C,no:S,sm:N,rf:N|s=tc
virtual-tables|C|sypl|vtsp|GC Virtual tables|C d i s m u du co nr:C,lc:S,sm:S,rd:N,ct:X,no:N
webhooks|C|pusyas|wh|GC Webhooks|C pd o sn m e d co no:C,ti:N
azure-service-bus|C|aspuba|sb|GC Webhooks (Azure Service Bus comparison)|C pd o n h e d co no:C,ti:N,lc:N
fo-virtual-tables|X|sypupl|exvt|GX Virtual tables in finance and operations apps|FC d iob s m ue du c nr:C,sm:S,lc:S,rd:N,ct:S
dual-write|X|bio1sypu|dwpb|GX Dual-write|FC d bio sn m ue d c sm:C,lc:S,nr:X
dataverse-events|X|aspu|whsb|GX Dataverse data and business events|C pd o n m eu d c no:C,ia:S,lc:S
power-automate|X|aspupl|spen|GF Consuming web services (Power Automate recommended)|- pd iob nc m ues dxu c lc:C,no:S,ia:S,ti:S
dataverse-change-tracking|C|plbaas|spen|T- Use change tracking to synchronize data with external systems|C d o c h s x co ct:C,sm:S,nr:N,no:X
synapse-link|C|aspuo1ag|-|S- Azure Synapse Link for Dataverse|C d o nc h es d c rd:C,ct:C,nr:N,no:X,ti:N|s=rd`;

function decodeRow(row: string): PatternMeta {
  const [id, group, fams, facts, source, traits, options = ""] = row.split("|");
  const meta: PatternMeta = {
    id: id as PatternId,
    appFamily: GROUP[group],
    families: letters(FAM, fams, 2),
    throttlingFacts: facts === "-" ? [] : letters(FACT, facts, 2),
    source: { page: PAGES[source[0]], section: SECTIONS[source[1]] + source.slice(3) },
    traits: decodeTraits(traits),
  };
  for (const opt of options.split(",")) {
    const [k, v] = opt.split("=");
    if (k === "s") meta.specialty = REQ[v];
    else if (k === "r") meta.supersededBy = v as PatternId;
    else if (k === "d") meta.disputedDeployment = DEPL[v];
  }
  return meta;
}

export const PATTERN_META: readonly PatternMeta[] = TABLE.split("\n").map(decodeRow);

export const PATTERN_IDS: readonly PatternId[] = PATTERN_META.map((p) => p.id);

const META_BY_ID = new Map<string, PatternMeta>(PATTERN_META.map((p) => [p.id, p]));

/** Meta for an id, or undefined for an id we do not know (for example a value typed by hand into the column). */
export function getPatternMeta(id: string): PatternMeta | undefined {
  return META_BY_ID.get(id);
}

export function isPatternId(id: unknown): id is PatternId {
  return typeof id === "string" && META_BY_ID.has(id);
}

/** The general families of the "choose a pattern" page, in the page's order. */
export const PATTERN_FAMILIES: readonly PatternFamily[] = Object.values(FAM);
