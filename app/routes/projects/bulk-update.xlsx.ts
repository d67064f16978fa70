import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/require-user.server";
import { bulkUpdateXlsx } from "~/modules/projects/bulk-update-sheet.server";

// the milestones and indicators of the projects in the person's scope, to fill and upload again
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requirePermission(request, "project:bulk-update");
  const file = await bulkUpdateXlsx(user);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="pembaruan-massal-${day}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}
