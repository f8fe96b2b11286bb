// A real OData v4 client against FhirEf's admin OData service. Started by
// tests/FhirEf.Admin.Tests/ODataClient/ODataClientTests.cs, which runs a server on a free port with the
// Synthea bundles loaded and passes, through the environment:
//   ODATA_SERVICE_ROOT    http://127.0.0.1:<port>/odata/
//   ODATA_TOKEN           an admin bearer token for the seeded project
//   ODATA_SET             the entity set to read (Observation)
//   ODATA_FILTER_PROPERTY, ODATA_FILTER_VALUE, ODATA_FILTER_COUNT
//                         a property, the value it must equal, and how many rows match (from the bundle JSON)
// The script reads $metadata (parsed by odata-csdl, the OASIS OData TC's CSDL reader: @odata/client has no
// metadata parser), filters and counts with @odata/client, and follows @odata.nextLink to the end.
// It prints one line per check and exits 1 on the first failure.
import { createRequire } from "node:module";
import { OData } from "@odata/client";

const require = createRequire(import.meta.url);
const { xml2json } = require("odata-csdl");

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    fail(`environment variable ${name} is not set`);
  }
  return value;
};

function fail(message) {
  console.error(`FAIL ${message}`);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) {
    fail(message);
  }
  console.log(`ok ${message}`);
}

const serviceRoot = env("ODATA_SERVICE_ROOT");
const token = env("ODATA_TOKEN");
const set = env("ODATA_SET");
const filterProperty = env("ODATA_FILTER_PROPERTY");
const filterValue = env("ODATA_FILTER_VALUE");
const filterCount = Number(env("ODATA_FILTER_COUNT"));
const headers = { Authorization: `Bearer ${token}` };

// 1. $metadata: CSDL XML, parsed strictly into CSDL JSON.
const metadataResponse = await fetch(new URL("$metadata", serviceRoot), { headers });
check(metadataResponse.ok, `GET $metadata answers ${metadataResponse.status}`);
const csdl = xml2json(await metadataResponse.text(), { strict: true });
const schema = Object.entries(csdl).find(([key, value]) => !key.startsWith("$") && value?.$Kind !== "EntityContainer" && typeof value === "object");
check(schema !== undefined, "$metadata has a schema");
const [namespace, members] = schema;
const container = members[csdl.$EntityContainer.split(".").pop()];
check(container?.[set]?.$Type === `${namespace}.${set}`, `$metadata declares entity set ${set} of type ${namespace}.${set}`);
const entityType = members[set];
check(entityType?.$Key?.includes("id"), `${set} is keyed by id`);
check(entityType?.[filterProperty] !== undefined, `${set} has property ${filterProperty}`);
const navigation = entityType?.subject_Patient;
check(navigation?.$Kind === "NavigationProperty" && navigation.$Collection === true && navigation.$Type === `${namespace}.Patient`,
  `${set}.subject_Patient is a collection navigation to Patient`);

// 2. A filter through the client: the count it reports and the rows it returns.
const client = OData.New4({ serviceEndpoint: serviceRoot, commonHeaders: headers });
const entitySet = client.getEntitySet(set);
const filter = client.newFilter().property(filterProperty).eq(filterValue);
const counted = await entitySet.count(filter);
check(counted === filterCount, `${set} where ${filterProperty} eq '${filterValue}': @odata.count ${counted}, expected ${filterCount}`);
const filtered = await readAll(client.newParam().filter(filter).select(["id", filterProperty]));
check(filtered.rows.length === filterCount && filtered.rows.every((r) => r[filterProperty] === filterValue),
  `${set} where ${filterProperty} eq '${filterValue}': ${filtered.rows.length} rows over ${filtered.pages} page(s), all matching`);

// 3. Server-driven paging: follow @odata.nextLink to the end; the rows add up to $count, each once.
const all = await readAll(client.newParam().select(["id"]).count(true));
const ids = new Set(all.rows.map((r) => r.id));
check(all.pages > 1, `${set} pages: ${all.pages} (the server's page size is smaller than the set)`);
check(all.rows.length === all.count && ids.size === all.count, `${set} paging: ${all.rows.length} rows, ${ids.size} distinct, @odata.count ${all.count}`);
console.log(`PASS metadata, filter ${counted}, paging ${all.rows.length} rows in ${all.pages} pages`);

/** The first page through the client's request API, then each @odata.nextLink through its raw URI API. */
async function readAll(params) {
  let page = await client.newRequest({ collection: set, params });
  const count = page["@odata.count"];
  const rows = [];
  let pages = 0;
  for (;;) {
    if (page.error) {
      fail(`the service answered an error: ${JSON.stringify(page.error)}`);
    }
    pages++;
    rows.push(...page.value);
    const next = page["@odata.nextLink"];
    if (!next) {
      return { rows, pages, count };
    }
    if (pages > 10000) {
      fail("paging does not end");
    }
    page = await client.requestUri(next);
  }
}
