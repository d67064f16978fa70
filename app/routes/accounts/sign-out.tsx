import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/auth/session.server";

// public: signing out needs no permission; a GET only leads home (sign-out is a POST)
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return signOut(request, "/?keluar=1");
}
