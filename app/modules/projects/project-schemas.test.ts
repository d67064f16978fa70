// Every error of the project form comes back at once: the date order and the cohort rule are
// reported together with a missing title, not only once the title is fixed (issue 21).
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { editProjectSchema, newProjectSchema } from "~/modules/projects/project-schemas";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("the project forms report every error at once", () => {
  it("a missing title and an end before the start, together", () => {
    const submission = parseWithZod(
      form({
        title: "",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        startDate: "2024-05-01",
        endDate: "2024-01-01",
      }),
      { schema: newProjectSchema },
    );
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toMatchObject({
      title: ["errors.required"],
      endDate: ["errors.endBeforeStart"],
    });
  });

  it("a cohort on a project that is not a training project, beside a missing title", () => {
    const submission = parseWithZod(
      form({
        title: "",
        kind: "REGIONAL_INNOVATION",
        regionCode: "74.71",
        cohortId: "new",
        cohortYear: "tahun",
      }),
      { schema: newProjectSchema },
    );
    expect(submission.reply().error).toMatchObject({
      title: ["errors.required"],
      cohortId: ["errors.cohortTrainingOnly"],
      cohortProgramme: ["errors.required"],
    });
  });

  it("the edit form too; a bad date is told once, as a bad date", () => {
    const submission = parseWithZod(
      form({
        intent: "edit",
        version: "1",
        title: "",
        kind: "REGIONAL_INNOVATION",
        startDate: "2024-05-01",
        endDate: "2024-01-01",
      }),
      { schema: editProjectSchema },
    );
    expect(submission.reply().error).toMatchObject({
      title: ["errors.required"],
      endDate: ["errors.endBeforeStart"],
    });
    const badDate = parseWithZod(
      form({
        intent: "edit",
        version: "1",
        title: "SIAP",
        kind: "REGIONAL_INNOVATION",
        startDate: "2024-05-01",
        endDate: "kemarin",
      }),
      { schema: editProjectSchema },
    );
    expect(badDate.reply().error).toEqual({ endDate: ["errors.date"] });
  });

  it("a valid form parses to its values", () => {
    const submission = parseWithZod(
      form({
        title: "SIAP",
        kind: "TRAINING_CHANGE_PROJECT",
        regionCode: "74.71",
        startDate: "2024-01-01",
        endDate: "2024-05-01",
      }),
      { schema: newProjectSchema },
    );
    expect(submission.status).toBe("success");
    if (submission.status === "success") {
      expect(submission.value.title).toBe("SIAP");
      expect(submission.value.endDate).toEqual(new Date("2024-05-01"));
    }
  });
});
