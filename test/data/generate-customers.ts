/**
 * Deterministic sample data for VirtualTablePreview: a finance and operations customer table as a
 * `mserp_` virtual table would show it (CustCustomerV3Entity-like columns). Same seed, same file.
 *
 *   npx tsx test/data/generate-customers.ts [outDir] [rowCount...]
 *
 * Writes customers-5000.csv and customers-50.csv by default. The files are generated, not committed.
 */
import * as fs from "fs";
import * as path from "path";
import { toCsv } from "../../shared/src/dataset/csv";
import { seededRandom } from "../../shared/src/throttling/random";

export const CUSTOMER_COLUMNS = [
  "mserp_customeraccount",
  "mserp_name",
  "mserp_dataareaid",
  "mserp_customergroupid",
  "mserp_creditlimit",
  "mserp_currencycode",
  "mserp_paymentterms",
  "mserp_addresscity",
  "mserp_addresscountryregionid",
  "mserp_primarycontactemail",
  "mserp_createddatetime",
  "mserp_isonhold",
] as const;

/** The harness asks for a type per column; these are the ones the browser tests pick. */
export const CUSTOMER_COLUMN_TYPES: Record<(typeof CUSTOMER_COLUMNS)[number], string> = {
  mserp_customeraccount: "SingleLine.Text",
  mserp_name: "SingleLine.Text",
  mserp_dataareaid: "SingleLine.Text",
  mserp_customergroupid: "SingleLine.Text",
  mserp_creditlimit: "Currency",
  mserp_currencycode: "SingleLine.Text",
  mserp_paymentterms: "SingleLine.Text",
  mserp_addresscity: "SingleLine.Text",
  mserp_addresscountryregionid: "SingleLine.Text",
  mserp_primarycontactemail: "SingleLine.Email",
  mserp_createddatetime: "DateAndTime.DateAndTime",
  mserp_isonhold: "TwoOptions",
};

/** The shared seeded generator: the same seed gives the same table on every machine. */
const prng = seededRandom;

const PREFIXES = [
  "Contoso",
  "Fabrikam",
  "Northwind",
  "Adventure Works",
  "Litware",
  "Tailspin",
  "Wide World",
  "Proseware",
  "Alpine Ski",
  "Coho",
  "Lamna",
  "Trey Research",
  "Woodgrove",
  "Humongous",
  "Fourth Coffee",
  "Margie's",
  "Relecloud",
  "Blue Yonder",
  "Datum",
  "Graphic Design",
];
const SUFFIXES = [
  "Retail",
  "Wholesale",
  "Manufacturing",
  "Logistics",
  "Foods",
  "Outdoor",
  "Electronics",
  "Pharma",
  "Consulting",
  "Motors",
  "Textiles",
  "Energy",
];
const FORMS = ["Inc.", "Ltd.", "GmbH", "LLC", "S.A.", "plc", "& Co.", "B.V."];
const ENTITIES = [
  { id: "usmf", country: "USA", currency: "USD", prefix: "US", cities: ["Seattle", "Chicago", "Atlanta", "Dallas", "Boston", "Denver"] },
  { id: "demf", country: "DEU", currency: "EUR", prefix: "DE", cities: ["Berlin", "München", "Hamburg", "Köln", "Frankfurt"] },
  { id: "gbsi", country: "GBR", currency: "GBP", prefix: "GB", cities: ["London", "Manchester", "Leeds", "Bristol", "Glasgow"] },
  { id: "frrt", country: "FRA", currency: "EUR", prefix: "FR", cities: ["Paris", "Lyon", "Marseille", "Lille"] },
  { id: "jpmf", country: "JPN", currency: "JPY", prefix: "JP", cities: ["Tokyo", "Osaka", "Nagoya"] },
];
const GROUPS = ["10", "20", "30", "40", "80", "90"];
const TERMS = ["Net10", "Net30", "Net45", "Net60", "COD", "Month+15"];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

export interface CustomerTable {
  header: string[];
  rows: (string | number | boolean)[][];
}

export function generateCustomers(count: number, seed = 20240501): CustomerTable {
  const rnd = prng(seed);
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2025, 11, 31) - start;
  const perEntity = new Map<string, number>();
  const rows: (string | number | boolean)[][] = [];
  for (let i = 0; i < count; i++) {
    const entity = pick(rnd, ENTITIES);
    const n = (perEntity.get(entity.id) ?? 0) + 1;
    perEntity.set(entity.id, n);
    const name = `${pick(rnd, PREFIXES)} ${pick(rnd, SUFFIXES)} ${pick(rnd, FORMS)}`;
    const slug = name
      .toLowerCase()
      .replace(/[^a-z]+/g, "")
      .slice(0, 16);
    // Credit limits in round amounts, as finance teams set them; JPY amounts are 100x larger.
    const credit = Math.round(rnd() * 200) * 2500 * (entity.currency === "JPY" ? 100 : 1);
    const created = new Date(start + Math.floor(rnd() * span));
    created.setUTCSeconds(0, 0);
    rows.push([
      `${entity.prefix}-${String(n).padStart(6, "0")}`,
      name,
      entity.id,
      pick(rnd, GROUPS),
      credit,
      entity.currency,
      pick(rnd, TERMS),
      pick(rnd, entity.cities),
      entity.country,
      `ap@${slug || "customer"}${n}.example.com`,
      created.toISOString(),
      rnd() < 0.07,
    ]);
  }
  return { header: [...CUSTOMER_COLUMNS], rows };
}

export function customersCsv(count: number, seed?: number): string {
  const t = generateCustomers(count, seed);
  return toCsv(t.header, t.rows);
}

/** Writes the 5,000-row and 50-row files into `dir` and returns their paths (used by `npm start` and the tests). */
export function writeSampleData(dir: string, counts: readonly number[] = [5000, 50]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return counts.map((count) => {
    const file = path.join(dir, `customers-${count}.csv`);
    fs.writeFileSync(file, customersCsv(count), "utf8");
    return file;
  });
}

if (require.main === module) {
  const [dir, ...counts] = process.argv.slice(2);
  const files = writeSampleData(
    dir ?? path.join(__dirname, "..", "..", "out", "sample-data"),
    counts.length ? counts.map(Number) : undefined,
  );
  for (const f of files) console.log(f);
}
