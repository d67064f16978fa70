// GET /admin/cadangan/unduh: a consistent snapshot of the database as gzipped JSON. Admins with
// their session, or `npm run backup` on the same machine with the local backup token.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { hasBackupToken, snapshotDatabase } from "~/modules/accounts/backup.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actorId = (await hasBackupToken(request))
    ? null
    : (await requirePermission(request, "data:backup")).user.id;
  const { bytes, fileName } = await snapshotDatabase(actorId);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
