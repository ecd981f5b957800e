// Validate an AsyncAPI document (as JSON) against the AsyncAPI 3.0.0 JSON Schema that the
// AsyncAPI initiative publishes on npm (@asyncapi/specs). Prints one JSON line of errors.
//   node validate_asyncapi.mjs asyncapi.json   ->   {"errors": ["/channels/x: must ..."]}
import fs from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import specs from "@asyncapi/specs";

const document = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const schema = specs.schemas[document.asyncapi];
if (!schema) {
  console.log(JSON.stringify({ errors: [`no published schema for asyncapi ${document.asyncapi}`] }));
  process.exit(0);
}
// The published schema is draft-07, embeds the draft-07 meta-schema itself (so Ajv must not
// add its own copy) and uses keywords strict mode would refuse.
const ajv = new Ajv({ allErrors: true, strict: false, meta: false, validateSchema: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const errors = validate(document)
  ? []
  : validate.errors.map((e) => `${e.instancePath || "/"}: ${e.message}`);
console.log(JSON.stringify({ errors }));
