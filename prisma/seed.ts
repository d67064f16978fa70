// npm run seed [-- --scale N]
import { env } from "../app/env.server";
import { prepareDatabase } from "../server/prepare";
import { seedDemo } from "./seed-demo";

const { database } = await prepareDatabase(env, { seed: false });
await seedDemo(database.prisma);
await database.close();
process.exit(0);
