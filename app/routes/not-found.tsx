// Any address no route knows: the translated 404 page (the error boundary), status 404.
import { ErrorPage } from "~/components/ui/error-page";

// public
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

// public: a form posted to an unknown address is not found either
export async function action() {
  throw new Response("Not found", { status: 404 });
}

// never rendered (the loader always throws); present so Remix treats this as a page, not a resource
export default function NotFound() {
  return <ErrorPage status={404} />;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";
