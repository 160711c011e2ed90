// The API types (src/openapi/schema.d.ts) from the OpenAPI document the server build stores
// (quarkus.smallrye-openapi.store-schema-directory: ../target/openapi/openapi.json).
//   npm run api:types         writes the file (commit it)
//   npm run api:types:check   fails when the committed file differs from what the document gives
//                             (run by ./mvnw verify after the document is stored)
// One generator for both, so the check compares like with like.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const DOCUMENT = here('../../target/openapi/openapi.json');
const TYPES = here('../src/openapi/schema.d.ts');
const REGENERATE = 'cd frontend && npm run api:types (after ./mvnw -Dquarkus.quinoa=false -DskipTests package)';

if (!existsSync(DOCUMENT)) {
  console.error(`api:types: ${DOCUMENT} is missing; build the server first: ./mvnw -Dquarkus.quinoa=false -DskipTests package`);
  process.exit(2);
}

const { default: openapiTS, COMMENT_HEADER, astToString } = await import('openapi-typescript').catch(() => {
  console.error('api:types: openapi-typescript is not installed; run npm ci in frontend/ (the Maven build does it through Quinoa).');
  process.exit(2);
});

// Every property of a schema without a `required` list is required: the server's views always
// send every field (as null when unset); request schemas list their required fields themselves.
const ast = await openapiTS(new URL(`file://${DOCUMENT}`), { propertiesRequiredByDefault: true, silent: true });
const generated = COMMENT_HEADER + astToString(ast);

if (process.argv.includes('--check')) {
  const committed = existsSync(TYPES) ? readFileSync(TYPES, 'utf8') : '';
  if (committed !== generated) {
    const a = committed.split('\n');
    const b = generated.split('\n');
    let line = 0;
    while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
    console.error(`src/openapi/schema.d.ts is stale: it differs from the OpenAPI document at line ${line + 1}:`);
    console.error(`  committed: ${a[line] ?? '(end of file)'}`);
    console.error(`  document:  ${b[line] ?? '(end of file)'}`);
    console.error(`Regenerate and commit it: ${REGENERATE}`);
    process.exit(1);
  }
  console.log('src/openapi/schema.d.ts matches the OpenAPI document.');
} else {
  writeFileSync(TYPES, generated);
  console.log(`Wrote src/openapi/schema.d.ts from ${DOCUMENT}`);
}
