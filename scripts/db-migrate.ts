// npm run db:migrate: apply pending migrations to the configured database (npm start does this too).
import { env } from "../app/env.server";
import { prepareDatabase } from "../server/prepare";

const { database, applied } = await prepareDatabase(env, { seed: false });
console.log(applied.length ? `Applied ${applied.length} migration(s).` : "The database is up to date.");
await database.close();
process.exit(0);
