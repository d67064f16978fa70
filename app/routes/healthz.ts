import { database } from "~/db.server";

// public: a load balancer asks whether the database answers
export async function loader() {
  try {
    await database.sql.query("SELECT 1");
    return Response.json(
      { status: "ok", database: database.sql.kind },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
