// The three root files of a solution zip, in the form pac/msbuild writes them
// (as in Microsoft's pac-built sample solutions; "Package a code component",
// learn.microsoft.com/power-apps/developer/component-framework/import-custom-controls).
import { solutionXmlVersion, type SolutionConfig } from "./config";
import { escapeXml as x, pacText } from "./xml";

export const CONTENT_TYPES_FILE = "[Content_Types].xml";
export const SOLUTION_FILE = "solution.xml";
export const CUSTOMIZATIONS_FILE = "customizations.xml";
export const ROOT_FILES = [CONTENT_TYPES_FILE, SOLUTION_FILE, CUSTOMIZATIONS_FILE] as const;
/** Solution component type of a custom control (PCF). */
export const CUSTOM_CONTROL_COMPONENT_TYPE = "66";
export const BASE_LCID = 1033;

const ADDRESS_NIL_FIELDS_BEFORE = [
  "City",
  "County",
  "Country",
  "Fax",
  "FreightTermsCode",
  "ImportSequenceNumber",
  "Latitude",
  "Line1",
  "Line2",
  "Line3",
  "Longitude",
  "Name",
  "PostalCode",
  "PostOfficeBox",
  "PrimaryContactName",
];
const ADDRESS_NIL_FIELDS_AFTER = [
  "StateOrProvince",
  "Telephone1",
  "Telephone2",
  "Telephone3",
  "TimeZoneRuleVersionNumber",
  "UPSZone",
  "UTCOffset",
  "UTCConversionTimeZoneCode",
];

/** pac writes two empty publisher addresses; we do the same rather than guess what the importer tolerates. */
function addressLines(n: number): string[] {
  const nil = (f: string): string => `          <${f} xsi:nil="true"></${f}>`;
  return [
    "        <Address>",
    `          <AddressNumber>${n}</AddressNumber>`,
    "          <AddressTypeCode>1</AddressTypeCode>",
    ...ADDRESS_NIL_FIELDS_BEFORE.map(nil),
    "          <ShippingMethodCode>1</ShippingMethodCode>",
    ...ADDRESS_NIL_FIELDS_AFTER.map(nil),
    "        </Address>",
  ];
}

export function solutionXml(config: SolutionConfig, managed: boolean, controlNames: readonly string[]): Buffer {
  const p = config.publisher;
  return pacText([
    '<?xml version="1.0" encoding="utf-8"?>',
    '<ImportExportXml version="9.1.0.643" SolutionPackageVersion="9.1" languagecode="1033" generatedBy="CrmLive" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    "  <SolutionManifest>",
    `    <UniqueName>${x(config.uniqueName)}</UniqueName>`,
    "    <LocalizedNames>",
    `      <LocalizedName description="${x(config.displayName)}" languagecode="1033" />`,
    "    </LocalizedNames>",
    "    <Descriptions>",
    `      <Description description="${x(config.description)}" languagecode="1033" />`,
    "    </Descriptions>",
    `    <Version>${solutionXmlVersion(config.version)}</Version>`,
    `    <Managed>${managed ? 1 : 0}</Managed>`,
    "    <Publisher>",
    `      <UniqueName>${x(p.uniqueName)}</UniqueName>`,
    "      <LocalizedNames>",
    `        <LocalizedName description="${x(p.displayName)}" languagecode="1033" />`,
    "      </LocalizedNames>",
    "      <Descriptions>",
    `        <Description description="${x(p.description)}" languagecode="1033" />`,
    "      </Descriptions>",
    '      <EMailAddress xsi:nil="true"></EMailAddress>',
    '      <SupportingWebsiteUrl xsi:nil="true"></SupportingWebsiteUrl>',
    `      <CustomizationPrefix>${x(p.prefix)}</CustomizationPrefix>`,
    `      <CustomizationOptionValuePrefix>${p.optionValuePrefix}</CustomizationOptionValuePrefix>`,
    "      <Addresses>",
    ...addressLines(1),
    ...addressLines(2),
    "      </Addresses>",
    "    </Publisher>",
    "    <RootComponents>",
    ...controlNames.map((n) => `      <RootComponent type="${CUSTOM_CONTROL_COMPONENT_TYPE}" schemaName="${x(n)}" behavior="0" />`),
    "    </RootComponents>",
    "    <MissingDependencies />",
    "  </SolutionManifest>",
    "</ImportExportXml>",
  ]);
}

function controlManifestEntry(controlName: string): string {
  return `Controls/${controlName}/ControlManifest.xml`;
}

export function customizationsXml(controlNames: readonly string[], lcids: readonly number[]): Buffer {
  return pacText([
    '<?xml version="1.0" encoding="utf-8"?>',
    '<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    "  <Entities />",
    "  <Roles />",
    "  <Workflows />",
    "  <FieldSecurityProfiles />",
    "  <Templates />",
    "  <EntityMaps />",
    "  <EntityRelationships />",
    "  <OrganizationSettings />",
    "  <optionsets />",
    "  <CustomControls>",
    ...controlNames.flatMap((n) => [
      "    <CustomControl>",
      `      <Name>${x(n)}</Name>`,
      `      <FileName>/${x(controlManifestEntry(n))}</FileName>`,
      "    </CustomControl>",
    ]),
    "  </CustomControls>",
    "  <SolutionPluginAssemblies />",
    "  <EntityDataProviders />",
    "  <Languages>",
    ...lcids.map((l) => `    <Language>${l}</Language>`),
    "  </Languages>",
    "</ImportExportXml>",
  ]);
}

/** File extension as [Content_Types].xml keys it: lower case, no dot; "" when the name has none. */
export function extensionOf(entryName: string): string {
  const base = entryName.slice(entryName.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * One Default per extension (xml as text/xml, the rest application/octet-stream), one Override per
 * control manifest, and an Override for any file without an extension (a Default cannot name it).
 */
export function contentTypesXml(entryNames: readonly string[], controlNames: readonly string[]): Buffer {
  const exts: string[] = ["xml"];
  const extensionless: string[] = [];
  for (const name of entryNames) {
    const ext = extensionOf(name);
    if (ext === "") extensionless.push(name);
    else if (!exts.includes(ext)) exts.push(ext);
  }
  const defaults = exts.map(
    (e) => `<Default Extension="${x(e)}" ContentType="${e === "xml" ? "text/xml" : "application/octet-stream"}" />`,
  );
  const overrides = [...controlNames.map(controlManifestEntry), ...extensionless].map(
    (part) => `<Override PartName="/${x(part)}" ContentType="application/octet-stream" />`,
  );
  return pacText([
    '<?xml version="1.0" encoding="utf-8"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      defaults.join("") +
      overrides.join("") +
      "</Types>",
  ]);
}
