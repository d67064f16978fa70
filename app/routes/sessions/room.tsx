import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Suspense, lazy, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { can, grantsFor } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { liveKitConfig } from "~/livekit/config.server";
import { ensureRoom } from "~/livekit/rooms.server";
import { type JoinRole, joinToken } from "~/livekit/token.server";
import { getSessionForUser, isInvited } from "~/modules/sessions/queries.server";
import { invariantResponse } from "~/utils/invariant";
import { titleMeta } from "~/i18n/translate";
import { requireParam } from "~/utils/route-params";

const ConferenceRoom = lazy(() => import("~/components/conference-room.client"));

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "room.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requirePermission(request, "session:join");
  const session = await getSessionForUser(
    { user: scope.user, grants: grantsFor(scope.user.memberships, "session:read") },
    requireParam(params, "sessionId"),
  );
  invariantResponse(session, "Not found", { status: 404 });
  const invited = await isInvited(scope.user.id, session.id);
  const role: JoinRole | null = can(scope.user.memberships, "session:create")
    ? "moderator"
    : invited
      ? "participant"
      : scope.grants.some((g) => g.scope === "region" || g.scope === "province" || g.scope === "all")
        ? "observer"
        : null;
  // a person neither invited nor covering the session's region may not enter
  invariantResponse(role, "Forbidden", { status: 403 });
  const base = {
    session: { id: session.id, title: session.title, status: session.status },
    role,
    isAdmin: can(scope.user.memberships, "people:manage"),
  };
  if (session.status === "CANCELLED") return { ...base, state: "cancelled" as const };
  const config = liveKitConfig();
  if (!config) return { ...base, state: "not-configured" as const };
  try {
    await ensureRoom(config, session.roomName, session.id);
  } catch {
    return { ...base, state: "unreachable" as const };
  }
  const displayName = `${scope.user.name}${scope.user.region ? ` (${scope.user.region.name})` : ""}`;
  const token = await joinToken(config, {
    roomName: session.roomName,
    identity: scope.user.id,
    name: displayName,
    role,
  });
  return { ...base, state: "ready" as const, serverUrl: config.url, token, displayName };
}

export default function SessionRoom() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <main>
      <p className="muted">
        <Link to={`/sesi/${data.session.id}`}>{data.session.title}</Link>
      </p>
      <h1>{t("room.title")}</h1>
      {data.state === "cancelled" ? <p role="status">{t("room.cancelled")}</p> : null}
      {data.state === "not-configured" ? (
        <div className="notice" role="status">
          <p>{t("room.notConfigured")}</p>
          {data.isAdmin ? <p>{t("room.notConfiguredAdmin")}</p> : null}
        </div>
      ) : null}
      {data.state === "unreachable" ? (
        <p className="notice" role="alert">
          {t("room.unreachable")}
        </p>
      ) : null}
      {data.state === "ready" ? (
        <>
          {data.role === "observer" ? <p className="muted">{t("room.observer")}</p> : null}
          <noscript>
            <p>{t("room.needsJavaScript")}</p>
          </noscript>
          {mounted ? (
            <Suspense fallback={<p>{t("room.loading")}</p>}>
              <ConferenceRoom
                serverUrl={data.serverUrl}
                token={data.token}
                displayName={data.displayName}
                canPublish={data.role !== "observer"}
                labels={{
                  join: t("room.join"),
                  leave: t("room.leave"),
                  camera: t("room.camera"),
                  microphone: t("room.microphone"),
                  chooseCamera: t("conference.chooseCamera"),
                  chooseMicrophone: t("conference.chooseMicrophone"),
                  audioOnly: t("conference.audioOnly"),
                  audioOnlyHint: t("conference.audioOnlyHint"),
                }}
              />
            </Suspense>
          ) : (
            <p>{t("room.loading")}</p>
          )}
        </>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
