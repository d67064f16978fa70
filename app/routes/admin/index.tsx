import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requirePermission } from "~/auth/require-user.server";
import { ROLES } from "~/auth/roles";
import { changeRoleSchema, deactivateSchema } from "~/auth/schemas";
import { AdminNav } from "~/components/admin-nav";
import { FormErrors } from "~/components/ui/form-field";
import {
  deactivateUser,
  listPeople,
  reactivateUser,
  setMembershipRole,
} from "~/modules/accounts/user.server";
import { type IntentResult, defineIntent, refused, runIntents } from "~/utils/form-action.server";
import { invariantResponse } from "~/utils/invariant";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "people:manage");
  const query = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  return { people: await listPeople({ query }) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "people:manage");
  const deactivation = (deactivate: boolean) =>
    defineIntent(deactivateSchema, async ({ userId }) => {
      if (userId === user.id) return refused({ "": ["admin.cannotDeactivateSelf"] });
      if (deactivate) await deactivateUser(user.id, userId);
      else await reactivateUser(user.id, userId);
    });
  return runIntents(await request.formData(), {
    "change-role": defineIntent(changeRoleSchema, async ({ membershipId, role }) => {
      invariantResponse(await setMembershipRole(user.id, membershipId, role), "Not found", { status: 404 });
    }),
    deactivate: deactivation(true),
    reactivate: deactivation(false),
  });
}

/** The forms here have no field to show an error beside: their errors show above the table. */
function pageErrors(actionData: IntentResult | undefined) {
  if (!actionData) return undefined;
  if (!actionData.result) return ["errors.choice"];
  const errors = Object.values(actionData.result.error ?? {}).flatMap((keys) => keys ?? []);
  return errors.length > 0 ? [...new Set(errors)] : undefined;
}

export default function AdminPeople() {
  const { t } = useTranslation();
  const { people } = useLoaderData<typeof loader>();
  const actionData = useActionData<IntentResult>();
  const [searchParams] = useSearchParams();
  return (
    <main>
      <h1>{t("admin.title")}</h1>
      <AdminNav />
      <FormErrors errors={pageErrors(actionData)} />
      <Form method="get" role="search" className="inline-form">
        <label htmlFor="people-q">{t("admin.searchPeople")}</label>
        <input id="people-q" type="search" name="q" defaultValue={searchParams.get("q") ?? ""} />
        <button type="submit" className="button">
          {t("common.search")}
        </button>
      </Form>
      <table>
        <caption>{t("admin.peopleCount", { count: people.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("auth.fullName")}</th>
            <th scope="col">{t("auth.email")}</th>
            <th scope="col">{t("admin.region")}</th>
            <th scope="col">{t("admin.roles")}</th>
            <th scope="col">{t("admin.status")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td>
                {person.name}
                {person.position ? <div className="muted">{person.position}</div> : null}
              </td>
              <td>{person.email}</td>
              <td>{person.region?.name ?? "—"}</td>
              <td>
                {person.memberships.map((membership) => (
                  <Form method="post" key={membership.id} className="inline-form">
                    <input type="hidden" name="intent" value="change-role" />
                    <input type="hidden" name="membershipId" value={membership.id} />
                    <label className="visually-hidden" htmlFor={`role-${membership.id}`}>
                      {t("admin.roleOf", { name: person.name })}
                    </label>
                    <select id={`role-${membership.id}`} name="role" defaultValue={membership.role}>
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </select>
                    {membership.regionCode ? <span className="muted"> {membership.regionCode}</span> : null}
                    <button type="submit" className="button small">
                      {t("common.save")}
                    </button>
                  </Form>
                ))}
              </td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={person.id} />
                  {person.deactivatedAt ? (
                    <button type="submit" name="intent" value="reactivate" className="button small">
                      {t("admin.reactivate")}
                    </button>
                  ) : (
                    <button type="submit" name="intent" value="deactivate" className="button small danger">
                      {t("admin.deactivate")}
                    </button>
                  )}
                </Form>
                {person.deactivatedAt ? <span className="badge">{t("admin.deactivated")}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
