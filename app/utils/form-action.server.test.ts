import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ConflictError } from "~/errors";
import { type IntentResult, cannotMove, defineIntent, done, refused, runIntents } from "./form-action.server";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const nameSchema = z.object({
  name: z.string({ required_error: "errors.required" }).max(10, "errors.tooLong"),
});

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as IntentResult & Record<string, unknown> };
}

describe("runIntents", () => {
  it("gives the write the parsed value and resets the form", async () => {
    const written: string[] = [];
    const { status, body } = await answer(
      await runIntents(form({ intent: "rename", name: "Kendari" }), {
        rename: defineIntent(nameSchema, async ({ name }) => {
          written.push(name);
        }),
      }),
    );
    expect(status).toBe(200);
    expect(written).toEqual(["Kendari"]);
    expect(body).toEqual({ intent: "rename", result: { initialValue: null } });
  });

  it("answers bad input 400 next to the field, keeps it, and writes nothing", async () => {
    const written: string[] = [];
    const { status, body } = await answer(
      await runIntents(form({ intent: "rename", name: "a name far too long" }), {
        rename: defineIntent(nameSchema, async ({ name }) => {
          written.push(name);
        }),
      }),
    );
    expect(status).toBe(400);
    expect(written).toEqual([]);
    expect(body.result?.error).toEqual({ name: ["errors.tooLong"] });
    expect(body.result?.initialValue).toMatchObject({ name: "a name far too long" });
  });

  it("runs the default intent for a form that names none, and refuses an intent it does not know", async () => {
    const intents = { rename: defineIntent(nameSchema, async () => {}) };
    expect(
      (await answer(await runIntents(form({ name: "Blitar" }), intents, { defaultIntent: "rename" }))).body,
    ).toMatchObject({ intent: "rename" });
    const unknown = await answer(
      await runIntents(form({ intent: "drop", name: "Blitar" }), intents, { defaultIntent: "rename" }),
    );
    expect(unknown).toEqual({ status: 400, body: { intent: "unknown" } });
    expect((await answer(await runIntents(form({ name: "Blitar" }), intents))).status).toBe(400);
  });

  it("answers a transition that lacks something with status.cannotMove and the missing list", async () => {
    const { status, body } = await answer(
      await runIntents(form({ intent: "move", name: "x" }), {
        move: defineIntent(nameSchema, async () =>
          cannotMove(["status.missing.goal", "status.missing.team"]),
        ),
      }),
    );
    expect(status).toBe(400);
    expect(body.missing).toEqual(["status.missing.goal", "status.missing.team"]);
    expect(body.result?.error).toEqual({ "": ["status.cannotMove"] });
  });

  it("maps known errors, the route's and the intent's own refusals, the intent's first", async () => {
    class OwnerError extends Error {}
    const intents = {
      conflict: defineIntent(nameSchema, async () => {
        throw new ConflictError();
      }),
      owner: defineIntent(
        nameSchema,
        async () => {
          throw new OwnerError();
        },
        { refuse: (e) => (e instanceof OwnerError ? { key: "errors.ownerHere", field: "name" } : undefined) },
      ),
      other: defineIntent(nameSchema, async () => {
        throw new OwnerError();
      }),
    };
    const refuse = (e: unknown) =>
      e instanceof OwnerError
        ? { key: "errors.ownerRoute", field: "absent", status: 403 as const }
        : undefined;
    const conflict = await answer(
      await runIntents(form({ intent: "conflict", name: "x" }), intents, { refuse }),
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.result?.error).toEqual({ "": ["errors.conflict"] });
    const owner = await answer(await runIntents(form({ intent: "owner", name: "x" }), intents, { refuse }));
    expect([owner.status, owner.body.result?.error]).toEqual([400, { name: ["errors.ownerHere"] }]);
    // a field the form does not have: the message goes on the form
    const other = await answer(await runIntents(form({ intent: "other", name: "x" }), intents, { refuse }));
    expect([other.status, other.body.result?.error]).toEqual([403, { "": ["errors.ownerRoute"] }]);
    await expect(runIntents(form({ intent: "other", name: "x" }), intents)).rejects.toThrow(OwnerError);
  });

  it("answers a refusal the write returns next to its field, and more data or headers when done", async () => {
    const intents = {
      invite: defineIntent(nameSchema, async ({ name }) =>
        name === "nobody" ? refused({ name: ["errors.unknown"] }, 403) : done({ added: 2 }),
      ),
      profile: defineIntent(
        nameSchema,
        async () =>
          done({ saved: true }, { resetForm: false, init: { headers: { "Set-Cookie": "lng=en" } } }),
        { answerAs: "settings", hideFields: ["name"] },
      ),
    };
    const nobody = await answer(await runIntents(form({ intent: "invite", name: "nobody" }), intents));
    expect([nobody.status, nobody.body.result?.error]).toEqual([403, { name: ["errors.unknown"] }]);
    expect(nobody.body.result?.initialValue).toMatchObject({ name: "nobody" });
    const added = await answer(await runIntents(form({ intent: "invite", name: "Ani" }), intents));
    expect(added.body).toEqual({ intent: "invite", result: { initialValue: null }, added: 2 });
    const response = await runIntents(form({ intent: "profile", name: "secret" }), intents);
    expect(response.headers.get("Set-Cookie")).toBe("lng=en");
    const profile = (await response.json()) as IntentResult & { saved: boolean };
    expect(profile).toMatchObject({ intent: "settings", saved: true, result: { status: "success" } });
    expect(profile.result?.initialValue).toEqual({ intent: "profile" });
  });

  it("passes a redirect the write returns through untouched", async () => {
    const response = await runIntents(form({ intent: "go", name: "x" }), {
      go: defineIntent(
        nameSchema,
        async () => new Response(null, { status: 302, headers: { Location: "/a" } }),
      ),
    });
    expect([response.status, response.headers.get("Location")]).toEqual([302, "/a"]);
  });
});
