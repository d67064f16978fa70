import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/auth/session.server";

// public: signing out needs no permission; a GET only leads home (sign-out is a POST)
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const response = await signOut(request, "/?keluar=1");
  // the pages and the offline writes kept on this device for this person go too (0063-offline.md);
  // /offline.js also asks the service worker to clear them as the form is sent
  response.headers.set("Clear-Site-Data", '"cache", "storage"');
  return response;
}
