// @vitest-environment happy-dom
// After a navigation to another page the focus is on the new page's <main> and the page's title
// is read out; the first load, a search on the same page and an address with a fragment leave the
// focus where it is.
import { act, useLayoutEffect } from "react";
import { type Root, createRoot } from "react-dom/client";
import { Outlet, RouterProvider, createMemoryRouter } from "react-router-dom";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { RouteFocus } from "./route-focus";

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

/** A page as a route renders it: its title (as <Meta> sets it) and its <main>. */
function Page({ title }: { title: string }) {
  useLayoutEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <main>
      <h1>{title}</h1>
      <button type="button">{`${title}: simpan`}</button>
    </main>
  );
}

function Layout() {
  return (
    <>
      <nav>
        <a href="/tentang-data">Tentang data</a>
      </nav>
      <div id="konten" tabIndex={-1}>
        <Outlet />
      </div>
      <RouteFocus />
    </>
  );
}

let root: Root | undefined;
let container: HTMLElement | undefined;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      {
        path: "/",
        element: <Layout />,
        children: [
          { index: true, element: <Page title="Beranda · Lintas" /> },
          { path: "katalog", element: <Page title="Katalog · Lintas" /> },
          { path: "wilayah", element: <Page title="Wilayah · Lintas" /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() => root!.render(<RouterProvider router={router} future={{ v7_startTransition: true }} />));
  const navigate = (to: string) =>
    act(async () => {
      await router.navigate(to);
    });
  const announcement = () => container!.querySelector("[aria-live]")?.textContent ?? null;
  return { navigate, announcement, element: container };
}

describe("RouteFocus", () => {
  it("leaves the first load alone, then moves the focus to the new page's <main>", async () => {
    const { navigate, announcement, element } = renderAt("/");
    expect(document.activeElement).toBe(document.body);
    expect(announcement()).toBe("");

    element.querySelector("a")!.focus();
    await navigate("/katalog");
    const main = element.querySelector("main")!;
    expect(main.textContent).toContain("Katalog");
    expect(document.activeElement).toBe(main);
    // focusable by script, not a Tab stop
    expect(main.getAttribute("tabindex")).toBe("-1");
    expect(announcement()).toBe("Katalog · Lintas");

    // and again on the next page
    await navigate("/wilayah");
    expect(document.activeElement).toBe(element.querySelector("main"));
    expect(announcement()).toBe("Wilayah · Lintas");
  });

  it("keeps the focus when the address stays on the same page", async () => {
    const { navigate, announcement, element } = renderAt("/katalog");
    const button = element.querySelector("button")!;
    button.focus();
    await navigate("/katalog?q=lumpur+tinja");
    expect(document.activeElement).toBe(button);
    await navigate("/katalog#praktik");
    expect(document.activeElement).toBe(button);
    expect(announcement()).toBe("");
  });

  it("leaves an address with a fragment to the browser, but reads out the new page", async () => {
    const { navigate, announcement, element } = renderAt("/");
    const link = element.querySelector("a")!;
    link.focus();
    await navigate("/wilayah#peta-tabel");
    expect(document.activeElement).toBe(link);
    expect(announcement()).toBe("Wilayah · Lintas");
  });
});
