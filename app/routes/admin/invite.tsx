import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { ROLES } from "~/auth/roles";
import { inviteSchema } from "~/auth/schemas";
import { AdminNav } from "~/components/admin-nav";
import { RegionPicker } from "~/components/region-picker";
import { FieldErrors, FormErrors, FormField } from "~/components/ui/form-field";
import { listRegionsForPicker, resolveRegionFields } from "~/modules/regions/region.server";
import { inviteUser } from "~/modules/accounts/user.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "people:invite");
  return { regions: await listRegionsForPicker() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requirePermission(request, "people:invite");
  const submission = parseWithZod(await request.formData(), { schema: inviteSchema });
  if (submission.status !== "success")
    return Response.json({ result: submission.reply(), sentTo: null }, { status: 400 });
  const { role } = submission.value;
  // only those who manage people may hand out the admin role
  if (role === "ADMIN" && !can(user.memberships, "people:manage")) {
    return Response.json(
      { result: submission.reply({ fieldErrors: { role: ["errors.roleNotAllowed"] } }), sentTo: null },
      { status: 403 },
    );
  }
  const input = await resolveRegionFields(submission.value, ["regionCode"]);
  if (!input.value)
    return Response.json(
      { result: submission.reply({ fieldErrors: input.fieldErrors }), sentTo: null },
      { status: 400 },
    );
  await inviteUser(user.id, input.value);
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email };
}

export default function InvitePerson() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>();
  const { regions } = useLoaderData<typeof loader>();
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <main className="narrow">
      <h1>{t("admin.invite")}</h1>
      <AdminNav />
      {data?.sentTo ? (
        <p role="status" className="notice">
          {t("admin.invitationSent", { email: data.sentTo })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <FormField field={fields.email} label={t("auth.email")} type="email" />
        <FormField field={fields.name} label={t("auth.fullName")} />
        <div className="field">
          <label htmlFor={fields.role.id}>{t("admin.role")}</label>
          <select {...getSelectProps(fields.role)} key={fields.role.key}>
            <option value="">—</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.role.errorId} errors={fields.role.errors?.map((e) => t(e))} />
        </div>
        <RegionPicker field={fields.regionCode} label={t("admin.regionCode")} regions={regions} />
        <button type="submit" className="button primary">
          {t("admin.sendInvitation")}
        </button>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
