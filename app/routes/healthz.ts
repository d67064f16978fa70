import { databaseAnswers } from "~/db/health.server";

// public: a load balancer asks whether the database answers
export async function loader() {
  const health = await databaseAnswers();
  if (!health.ok) return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  return Response.json({ status: "ok", database: health.kind }, { headers: { "Cache-Control": "no-store" } });
}
