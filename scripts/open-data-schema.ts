// npm run open-data:schema — writes public/schema/katalog.schema.json from the zod schema of
// /katalog.json (app/modules/catalogue/open-data-schema.ts); tests/integration/open-data.test.ts checks it is current.
import { writeFile } from "node:fs/promises";
import { catalogJsonSchema } from "../app/modules/catalogue/open-data-schema";

const file = new URL("../public/schema/katalog.schema.json", import.meta.url);
await writeFile(file, `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
