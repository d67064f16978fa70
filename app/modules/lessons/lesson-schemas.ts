// The lessons-learned template: the structured fields stored as Lesson.sections (JSON), the form
// that edits them (lists typed one item a line, so it works without JavaScript), and the forms of
// the review workflow. Shared by the server and the browser; no database here.
import { z } from "zod";

export const SPM_FIELDS = [
  "EDUCATION",
  "HEALTH",
  "PUBLIC_WORKS",
  "HOUSING",
  "PUBLIC_ORDER",
  "SOCIAL",
] as const;

export const LIMITS = {
  title: 200,
  summary: 1000,
  text: 4000,
  need: 2000,
  contacts: 2000,
  item: 500,
  when: 40,
  indicatorName: 200,
  indicatorValue: 100,
  steps: 20,
  factors: 10,
  indicators: 20,
  sector: 120,
  tag: 40,
  tags: 10,
  comment: 2000,
  quote: 500,
  reason: 1000,
  note: 500,
} as const;

const str = (max: number) => z.string().max(max).catch("").default("");

/** What is stored in Lesson.sections. Anything unreadable falls back to empty, never to raw input. */
export const lessonSectionsSchema = z.object({
  /** context and problem, with numbers */
  context: str(LIMITS.text),
  /** what the mentor did, in order: "2016: started", "2018: compulsory for civil servants…" */
  mentorSteps: z
    .array(z.object({ when: str(LIMITS.when), what: z.string().min(1).max(LIMITS.item) }))
    .max(LIMITS.steps)
    .catch([])
    .default([]),
  results: str(LIMITS.text),
  indicators: z
    .array(z.object({ name: z.string().min(1).max(LIMITS.indicatorName), value: str(LIMITS.indicatorValue) }))
    .max(LIMITS.indicators)
    .catch([])
    .default([]),
  successFactors: z.array(z.string().min(1).max(LIMITS.item)).max(LIMITS.factors).catch([]).default([]),
  obstacles: str(LIMITS.text),
  /** what a replicating region needs */
  needs: z
    .object({
      policy: str(LIMITS.need),
      budget: str(LIMITS.need),
      people: str(LIMITS.need),
      time: str(LIMITS.need),
    })
    .catch({ policy: "", budget: "", people: "", time: "" })
    .default({}),
  replicationSteps: z.array(z.string().min(1).max(LIMITS.item)).max(LIMITS.steps).catch([]).default([]),
  contacts: str(LIMITS.contacts),
  spmField: z.enum(SPM_FIELDS).nullable().catch(null).default(null),
});
export type LessonSections = z.infer<typeof lessonSectionsSchema>;

export function parseSections(json: unknown): LessonSections {
  const parsed = lessonSectionsSchema.safeParse(json && typeof json === "object" ? json : {});
  return parsed.success ? parsed.data : lessonSectionsSchema.parse({});
}

export function sectionsAreEmpty(sections: LessonSections) {
  return (
    !sections.context &&
    sections.mentorSteps.length === 0 &&
    !sections.results &&
    sections.indicators.length === 0 &&
    sections.successFactors.length === 0 &&
    !sections.obstacles &&
    !Object.values(sections.needs).some(Boolean) &&
    sections.replicationSteps.length === 0 &&
    !sections.contacts
  );
}

// ── one item a line ──

export function lines(text: string | undefined) {
  return (text ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, "").trim())
    .filter(Boolean);
}

/** "2016: dimulai" → { when: "2016", what: "dimulai" }; a line without a dated prefix has no date. */
export function parseStep(line: string) {
  const match = /^([^:]{1,40}):\s*(.+)$/.exec(line);
  if (match && /\d/.test(match[1])) return { when: match[1].trim(), what: match[2].trim() };
  return { when: "", what: line };
}

/** "Sanitasi aman: 1,22 %" → { name, value }. */
export function parseIndicator(line: string) {
  const at = line.indexOf(": ");
  if (at > 0) return { name: line.slice(0, at).trim(), value: line.slice(at + 2).trim() };
  return { name: line, value: "" };
}

export const stepLine = (step: { when: string; what: string }) =>
  step.when ? `${step.when}: ${step.what}` : step.what;
export const indicatorLine = (indicator: { name: string; value: string }) =>
  indicator.value ? `${indicator.name}: ${indicator.value}` : indicator.name;

/** A textarea of one item a line: at most `count` lines of at most `max` characters. */
const itemLines = (count: number, max: number) =>
  z
    .string()
    .max(count * (max + 20), "errors.tooLong")
    .optional()
    .superRefine((value, ctx) => {
      const items = lines(value);
      if (items.length > count)
        ctx.addIssue({ code: "custom", message: "lessonTemplate.errors.tooManyItems" });
      if (items.some((item) => item.length > max))
        ctx.addIssue({ code: "custom", message: "lessonTemplate.errors.itemTooLong" });
    });

const text = (max: number) => z.string().trim().max(max, "errors.tooLong").optional();

/** The lesson form: the title and summary and every template field, as typed. */
export const lessonFormSchema = z.object({
  title: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(3, "errors.tooShort")
    .max(LIMITS.title, "errors.tooLong"),
  summary: text(LIMITS.summary),
  context: text(LIMITS.text),
  mentorSteps: itemLines(LIMITS.steps, LIMITS.item + LIMITS.when + 2),
  results: text(LIMITS.text),
  indicators: itemLines(LIMITS.indicators, LIMITS.indicatorName + LIMITS.indicatorValue + 2),
  successFactors: itemLines(LIMITS.factors, LIMITS.item),
  obstacles: text(LIMITS.text),
  needPolicy: text(LIMITS.need),
  needBudget: text(LIMITS.need),
  needPeople: text(LIMITS.need),
  needTime: text(LIMITS.need),
  replicationSteps: itemLines(LIMITS.steps, LIMITS.item),
  contacts: text(LIMITS.contacts),
  sector: text(LIMITS.sector),
  spmField: z.enum(SPM_FIELDS, { errorMap: () => ({ message: "errors.choice" }) }).optional(),
  tags: z
    .string()
    .max(LIMITS.tags * (LIMITS.tag + 2), "errors.tooLong")
    .optional()
    .superRefine((value, ctx) => {
      const tags = splitTags(value);
      if (tags.length > LIMITS.tags || tags.some((tag) => tag.length > LIMITS.tag))
        ctx.addIssue({ code: "custom", message: "lessonTemplate.errors.tags" });
    }),
});
export type LessonFormInput = z.infer<typeof lessonFormSchema>;

export function splitTags(value: string | undefined) {
  return [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** The form's values → what the lesson stores. */
export function formToLesson(input: LessonFormInput) {
  const sections: LessonSections = {
    context: input.context ?? "",
    mentorSteps: lines(input.mentorSteps).map(parseStep),
    results: input.results ?? "",
    indicators: lines(input.indicators).map(parseIndicator),
    successFactors: lines(input.successFactors),
    obstacles: input.obstacles ?? "",
    needs: {
      policy: input.needPolicy ?? "",
      budget: input.needBudget ?? "",
      people: input.needPeople ?? "",
      time: input.needTime ?? "",
    },
    replicationSteps: lines(input.replicationSteps),
    contacts: input.contacts ?? "",
    spmField: input.spmField ?? null,
  };
  return {
    title: input.title,
    summary: input.summary || null,
    sector: input.sector || null,
    tags: splitTags(input.tags),
    sections: lessonSectionsSchema.parse(sections),
  };
}

/** What the lesson stores → the form's initial values. */
export function lessonToForm(lesson: {
  title: string;
  summary: string | null;
  sector: string | null;
  tags: string[];
  sections: LessonSections;
}): Record<keyof LessonFormInput, string> {
  const s = lesson.sections;
  return {
    title: lesson.title,
    summary: lesson.summary ?? "",
    context: s.context,
    mentorSteps: s.mentorSteps.map(stepLine).join("\n"),
    results: s.results,
    indicators: s.indicators.map(indicatorLine).join("\n"),
    successFactors: s.successFactors.join("\n"),
    obstacles: s.obstacles,
    needPolicy: s.needs.policy,
    needBudget: s.needs.budget,
    needPeople: s.needs.people,
    needTime: s.needs.time,
    replicationSteps: s.replicationSteps.join("\n"),
    contacts: s.contacts,
    sector: lesson.sector ?? "",
    spmField: s.spmField ?? "",
    tags: lesson.tags.join(", "),
  };
}

/** The fields a block of the notes can be added to ("tambahkan ke pelajaran sebagai…"). */
export const APPEND_TARGETS = [
  "context",
  "mentorSteps",
  "results",
  "indicators",
  "successFactors",
  "obstacles",
  "needPolicy",
  "needBudget",
  "needPeople",
  "needTime",
  "replicationSteps",
  "contacts",
] as const;
export type AppendTarget = (typeof APPEND_TARGETS)[number];

// The workspace's forms name the record they act on in a hidden field; a missing or malformed one
// is a form that was tampered with or is out of date.
const recordId = z
  .string({ required_error: "errors.choice" })
  .trim()
  .min(1, "errors.choice")
  .max(64, "errors.choice");

export const appendSchema = z.object({
  block: z.coerce
    .number({ invalid_type_error: "errors.choice" })
    .int("errors.choice")
    .min(0, "errors.choice")
    .max(10_000, "errors.choice"),
  /** the block's text as shown, so a block changed by a co-editor since is not added by mistake */
  hash: z.string({ required_error: "errors.choice" }).regex(/^[0-9a-f]{16}$/, "errors.choice"),
  field: z.enum(APPEND_TARGETS, { errorMap: () => ({ message: "errors.choice" }) }),
});

/** Fields a review comment can be anchored to: every template field, and the title and summary. */
export const COMMENT_FIELDS = ["title", "summary", ...APPEND_TARGETS] as const;

export const reviewSchema = z.object({ lessonId: recordId });

export const resolveSchema = z.object({ commentId: recordId });

export const commentSchema = z.object({
  lessonId: recordId,
  field: z.enum(COMMENT_FIELDS, { errorMap: () => ({ message: "errors.choice" }) }),
  quote: text(LIMITS.quote),
  body: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(LIMITS.comment, "errors.tooLong"),
});

export const publishSchema = z.object({
  lessonId: recordId,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "errors.tooLong")
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lessonReview.errors.slugFormat")
    .optional(),
});

export const withdrawSchema = z.object({
  lessonId: recordId,
  reason: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(10, "errors.tooShort")
    .max(LIMITS.reason, "errors.tooLong"),
});

/** Sending a lesson in review back to its authors; the reason is optional (comments may say it). */
export const sendBackSchema = z.object({
  lessonId: recordId,
  reason: z.string().trim().max(LIMITS.reason, "errors.tooLong").optional(),
});

export const citeSchema = z.object({
  /** "pairing:<id>" or "project:<id>" */
  target: z
    .string({ required_error: "errors.required" })
    .regex(/^(pairing|project):[\w-]{1,64}$/, "errors.choice"),
  note: text(LIMITS.note),
});
