// The routing patches of #20 (patches/: @remix-run/router, react-router-dom, @remix-run/react):
// a server's routes are flattened, ranked and turned into data routes once, not on every request,
// and matching still finds the right route for each address.
import { matchRoutes } from "@remix-run/router";
import { createStaticHandler, createStaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";

const routes = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "home", index: true },
      { id: "project", path: "proyek/:projectId", children: [{ id: "team", path: "tim" }] },
      { id: "projects", path: "proyek" },
      { id: "pairing", path: "pasangan/:pairingId" },
      { id: "splat", path: "*" },
    ],
  },
];

const ids = (matches: { route: { id?: string } }[] | null) => matches?.map((m) => m.route.id);

describe("route matching, patched for #20", () => {
  it("finds each address's routes, the ranking kept between calls", () => {
    expect(ids(matchRoutes(routes, "/proyek/p1/tim"))).toEqual(["root", "project", "team"]);
    expect(ids(matchRoutes(routes, "/proyek"))).toEqual(["root", "projects"]);
    expect(ids(matchRoutes(routes, "/"))).toEqual(["root", "home"]);
    expect(ids(matchRoutes(routes, "/pasangan/x"))).toEqual(["root", "pairing"]);
    expect(ids(matchRoutes(routes, "/tidak/ada"))).toEqual(["root", "splat"]);
    // a different routes array is ranked on its own
    expect(ids(matchRoutes([{ id: "only", path: "/proyek" }], "/proyek"))).toEqual(["only"]);
  });

  it("makes the data routes of a static render once per routes array", async () => {
    const handler = createStaticHandler(routes);
    const render = async (path: string) => {
      const context = await handler.query(new Request(`http://lintas.test${path}`));
      if (context instanceof Response) throw new Error("unexpected response");
      return createStaticRouter(routes, context);
    };
    const first = await render("/proyek/p1/tim");
    const second = await render("/pasangan/x");
    expect(second.routes).toBe(first.routes);
    expect(ids(first.state.matches)).toEqual(["root", "project", "team"]);
    expect(ids(second.state.matches)).toEqual(["root", "pairing"]);
    // the state's matches are the data routes the render uses
    expect(second.state.matches[1].route).toBe(second.routes[0].children?.[3]);
    expect(
      createStaticRouter([...routes], (await handler.query(new Request("http://lintas.test/"))) as never)
        .routes,
    ).not.toBe(first.routes);
  });
});
