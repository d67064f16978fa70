import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { Suspense, lazy, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { can, grantsFor } from "~/auth/permissions";
import { requirePermission } from "~/auth/require-user.server";
import { SessionFallbackPanel } from "~/components/session-fallback";
import { liveKitConfig } from "~/livekit/config.server";
import { ROOM_CHECK_TIMEOUT_MS, ensureRoom } from "~/livekit/rooms.server";
import { type JoinRole, joinToken } from "~/livekit/token.server";
import { getSessionForUser, isInvited } from "~/modules/sessions/queries.server";
import { invariantResponse } from "~/utils/invariant";
import { titleMeta } from "~/i18n/translate";
import { requireParam } from "~/utils/route-params";

const ConferenceRoom = lazy(() => import("~/components/conference-room.client"));

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "room.title");

/** Whether LiveKit answered CreateRoom within the page's budget (it keeps trying on its own after). */
async function roomReady(...args: Parameters<typeof ensureRoom>) {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ROOM_CHECK_TIMEOUT_MS + 100);
  });
  const created = ensureRoom(...args).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([created, budget]);
  } finally {
    clearTimeout(timer);
  }
}

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
    // what the session falls back on when the room cannot be opened (0058)
    fallback: {
      phone: session.fallbackPhone,
      url: session.fallbackUrl,
      agenda: session.agenda.map((item) => ({ id: item.id, title: item.title })),
    },
  };
  if (session.status === "CANCELLED") return { ...base, state: "cancelled" as const };
  const config = liveKitConfig();
  if (!config) return { ...base, state: "not-configured" as const };
  const displayName = `${scope.user.name}${scope.user.region ? ` (${scope.user.region.name})` : ""}`;
  const [reachable, token] = await Promise.all([
    roomReady(config, session.roomName, session.id, { timeoutMs: ROOM_CHECK_TIMEOUT_MS }),
    joinToken(config, { roomName: session.roomName, identity: scope.user.id, name: displayName, role }),
  ]);
  // unreachable: the pre-join still works (devices, audio only) while the browser retries
  return {
    ...base,
    state: reachable ? ("ready" as const) : ("unreachable" as const),
    serverUrl: config.url,
    token,
    displayName,
  };
}

/** Seconds before retry n (0-based): 2, 4, 8, 16, then every 30. */
function retryDelaySeconds(attempt: number) {
  return Math.min(30, 2 ** (attempt + 1));
}

/** While LiveKit is unreachable: the loader again after 2, 4, 8, 16, 30… s, and a "try now". */
function RetryCountdown() {
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const [attempt, setAttempt] = useState(0);
  const [left, setLeft] = useState(() => retryDelaySeconds(0));
  useEffect(() => {
    if (revalidator.state !== "idle") return;
    if (left <= 0) {
      setAttempt((n) => n + 1);
      setLeft(retryDelaySeconds(attempt + 1));
      revalidator.revalidate();
      return;
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, attempt, revalidator]);
  return (
    <p className="room-retry">
      <span className="muted">
        {revalidator.state === "idle"
          ? t("roomFallback.retryIn", { count: left })
          : t("roomFallback.retrying")}
      </span>{" "}
      <button
        type="button"
        className="button"
        disabled={revalidator.state !== "idle"}
        onClick={() => {
          setLeft(retryDelaySeconds(attempt));
          revalidator.revalidate();
        }}
      >
        {t("roomFallback.retryNow")}
      </button>
    </p>
  );
}

export default function SessionRoom() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const live = data.state === "ready" || data.state === "unreachable" ? data : null;
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
        <div className="notice" role="alert">
          <p>{t("roomFallback.unreachable")}</p>
        </div>
      ) : null}
      {data.state === "unreachable" && mounted ? <RetryCountdown /> : null}
      {live ? (
        <>
          {live.role === "observer" ? <p className="muted">{t("room.observer")}</p> : null}
          <noscript>
            <p>{t("room.needsJavaScript")}</p>
          </noscript>
          {mounted ? (
            <Suspense fallback={<p>{t("room.loading")}</p>}>
              <ConferenceRoom
                serverUrl={live.serverUrl}
                token={live.token}
                reachable={live.state === "ready"}
                displayName={live.displayName}
                canPublish={live.role !== "observer"}
                labels={{
                  join: t("room.join"),
                  leave: t("room.leave"),
                  camera: t("room.camera"),
                  microphone: t("room.microphone"),
                  chooseCamera: t("conference.chooseCamera"),
                  chooseMicrophone: t("conference.chooseMicrophone"),
                  audioOnly: t("conference.audioOnly"),
                  audioOnlyHint: t("conference.audioOnlyHint"),
                  waitingToJoin: t("roomFallback.waitingToJoin"),
                  connectionLost: t("roomFallback.connectionLost"),
                }}
              />
            </Suspense>
          ) : (
            <p>{t("room.loading")}</p>
          )}
        </>
      ) : null}
      {data.state !== "cancelled" ? (
        <SessionFallbackPanel
          sessionId={data.session.id}
          phone={data.fallback.phone}
          url={data.fallback.url}
          agenda={data.fallback.agenda}
        />
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
