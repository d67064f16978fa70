// The page script (/offline.js, a few KB, no React: the project page has no other script, decision
// 0062): registers the service worker, records the field forms while offline, lists what waits
// ("menunggu dikirim") and what could not be sent with the reason, sends when the connection
// returns, and clears everything kept at sign-out (docs/decisions/0063-offline.md). It also makes
// the comment form's @mention list follow what is typed (./mentions.ts).
import { enhanceMentionPickers } from "./mentions";
import { OFFLINE_INTENTS, type OfflineReply, type OfflineRequest, RECORDED_BY_HEADER } from "./outbox";

enhanceMentionPickers();

type Strings = {
  heading: string;
  pending: string;
  waitingSignIn: string;
  failed: string;
  retry: string;
  openForm: string;
  dismiss: string;
  untitled: string;
  reasons: Record<string, string>;
};

const worker = "serviceWorker" in navigator ? navigator.serviceWorker : undefined;
const host = document.getElementById("offline-outbox");
const strings = host?.dataset.strings ? (JSON.parse(host.dataset.strings) as Strings) : undefined;
/**
 * The person signed in on this page, read when needed: a sign-in or sign-out inside the hydrated
 * app changes the layout's `data-user` without loading the page again. Each write kept offline is
 * tagged with them.
 */
const currentUser = () => host?.dataset.user ?? "";

function ask(message: OfflineRequest): Promise<OfflineReply | undefined> {
  const controller = worker?.controller;
  if (!controller) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data as OfflineReply);
    controller.postMessage(message, [channel.port2]);
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A write someone else recorded on this browser: kept for them, what it says not shown here. */
function someoneElses() {
  const item = element("li", `${strings?.untitled ?? ""} — `);
  item.append(element("span", strings?.reasons.otherAuthor ?? ""));
  return item;
}

/**
 * The list lives in a shadow root under an empty element of the layout: React hydrates the other
 * pages and must find the markup it rendered, and it never looks into a shadow root.
 */
function render(reply: OfflineReply | undefined) {
  if (!host || !strings || !reply) return;
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  root.replaceChildren();
  if (reply.pending.length === 0 && reply.failed.length === 0) return;
  const stylesheet = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]');
  if (stylesheet) root.append(Object.assign(element("link"), { rel: "stylesheet", href: stylesheet.href }));
  const box = element("section", undefined, "offline-outbox card");
  box.setAttribute("aria-labelledby", "offline-outbox-heading");
  const heading = element("h2", strings.heading);
  heading.id = "offline-outbox-heading";
  const items = element("ul");
  for (const write of reply.pending) {
    if (write.otherAuthor) {
      items.append(someoneElses());
      continue;
    }
    const item = element("li", `${write.label || strings.untitled} — `);
    const waiting = write.waiting === "signIn" ? strings.waitingSignIn : strings.pending;
    item.append(element("strong", waiting, "badge"));
    items.append(item);
  }
  for (const write of reply.failed) {
    if (write.otherAuthor) {
      items.append(someoneElses());
      continue;
    }
    const item = element("li", `${write.label || strings.untitled} — `);
    item.append(element("strong", strings.failed, "badge danger"), " ");
    item.append(element("span", strings.reasons[write.reason] ?? strings.reasons.other));
    for (const error of write.errors) item.append(element("span", ` ${error}`, "field-errors"));
    // what the person wrote, so nothing is lost even when it cannot be sent
    const written = write.fields.filter((field) => !field.file).map((field) => field.value);
    if (written.length > 0) item.append(element("blockquote", written.join(" · "), "offline-written"));
    if (write.photo) {
      const photo = Object.assign(element("img"), {
        src: URL.createObjectURL(write.photo),
        alt: write.fields.find((field) => field.file)?.value ?? "",
        height: 64,
      });
      item.append(photo);
    }
    const link = Object.assign(element("a", strings.openForm), { href: write.page });
    const again = Object.assign(element("button", strings.retry, "button small"), { type: "button" });
    again.addEventListener("click", () => void ask({ type: "retry", key: write.key }).then(afterSend));
    const remove = Object.assign(element("button", strings.dismiss, "button small"), { type: "button" });
    remove.addEventListener("click", () => void ask({ type: "dismiss", key: write.key }).then(render));
    item.append(" ", link, " ", again, " ", remove);
    items.append(item);
  }
  box.append(heading, items);
  root.append(box);
}

let reloading = false;
/** The page read again, once, to show what was just saved. */
function reloadOnce() {
  if (reloading) return;
  reloading = true;
  location.reload();
}

let retry: ReturnType<typeof setTimeout> | undefined;
/**
 * Sends what waits; when something was sent, the page is read again to show it saved. The network
 * is often not quite back when the browser says "online" (a weak link, a waking radio): while
 * writes still wait, it tries again after 1, 2, 4… up to 30 seconds.
 */
async function replay(wait = 1_000) {
  clearTimeout(retry);
  afterSend(await ask({ type: "replay", user: currentUser() }), wait);
}

/**
 * After a send: read the page again when something was sent, else try again later while writes
 * wait for the network or the server (not those waiting for the person to sign in again: they go
 * on the next page, after the sign-in).
 */
function afterSend(reply: OfflineReply | undefined, wait = 1_000) {
  render(reply);
  if (reply?.sent) return reloadOnce();
  if (reply?.pending.some((write) => write.waiting !== "signIn") && navigator.onLine)
    retry = setTimeout(() => void replay(Math.min(wait * 2, 30_000)), wait);
}

function labelOf(form: HTMLFormElement, submitter: HTMLElement | null) {
  const action = submitter?.textContent?.trim() || form.querySelector("button")?.textContent?.trim();
  const title = document.querySelector("h1")?.textContent?.trim();
  return [action, title].filter(Boolean).join(" · ");
}

if (worker) {
  // aborted when the page goes meanwhile (sign-out's Clear-Site-Data): the next page registers it
  worker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  // a new worker takes over on its first visit (clients.claim): ask again once it does
  worker.addEventListener(
    "controllerchange",
    () => void ask({ type: "list", user: currentUser() }).then(render),
  );
  if (navigator.onLine) void worker.ready.then(() => replay());
  else void worker.ready.then(() => ask({ type: "list", user: currentUser() })).then(render);
  window.addEventListener("online", () => void replay());
  // someone signed in or out without a page load: the worker learns who, and sends what waits
  if (host)
    new MutationObserver(() => void replay()).observe(host, {
      attributes: true,
      attributeFilter: ["data-user"],
    });
  // sent by Background Sync while the page was open
  worker.addEventListener("message", (event) => {
    if ((event.data as { type?: string })?.type === "sent") reloadOnce();
  });

  // before React sees it (capture on window): offline, the field forms go to the service worker
  window.addEventListener(
    "submit",
    (event) => {
      const form = event.target as HTMLFormElement;
      const submitter = (event as SubmitEvent).submitter;
      if (form.getAttribute("action") === "/keluar" || form.action.endsWith("/keluar")) {
        // sign-out: what was kept for this person goes (the answer also says Clear-Site-Data)
        void ask({ type: "clear" });
        return;
      }
      const intent = new FormData(form, submitter).get("intent");
      if (navigator.onLine || !worker.controller || form.method !== "post") return;
      if (!OFFLINE_INTENTS.includes(intent as (typeof OFFLINE_INTENTS)[number])) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      void fetch(form.action, {
        method: "POST",
        body: new FormData(form, submitter),
        headers: {
          "X-Lintas-Offline-Label": encodeURIComponent(labelOf(form, submitter)),
          ...(currentUser() ? { [RECORDED_BY_HEADER]: currentUser() } : {}),
        },
      }).then(async (response) => {
        if (!response.headers.has("X-Lintas-Queued")) return reloadOnce();
        form.reset();
        render(await ask({ type: "list", user: currentUser() }));
      });
    },
    true,
  );
}
