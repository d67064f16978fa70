// A session's notes as blocks the lesson page offers to add to the lesson's template fields.
import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { plainText, renderRichText } from "~/editor/render.server";
import {
  type AppendTarget,
  LIMITS,
  type LessonSections,
  parseIndicator,
  parseStep,
} from "~/modules/lessons/lesson-schemas";
import { LessonError } from "~/modules/lessons/working-copy.server";

export type NoteBlock = { index: number; html: string; text: string; items: string[]; hash: string };

const LIST_TYPES = new Set(["bulletList", "orderedList", "taskList"]);

/** A short fingerprint of a text (a block of the notes, the form's values). */
export function hashText(text: string) {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** The notes' top-level blocks, each rendered on the server, with its text and its list items. */
export function noteBlocks(doc: unknown): NoteBlock[] {
  const content = (doc as JSONContent | null)?.content;
  if (!Array.isArray(content)) return [];
  return content.flatMap((block, index) => {
    const text = plainText({ type: "doc", content: [block] }).trim();
    if (!text) return [];
    const items = LIST_TYPES.has(String(block.type))
      ? (block.content ?? [])
          .map((item) =>
            plainText({ type: "doc", content: [item] })
              .replace(/\s*\n\s*/g, " ")
              .trim(),
          )
          .filter(Boolean)
      : [text.replace(/\s*\n\s*/g, " ")];
    return [
      { index, html: renderRichText({ type: "doc", content: [block] }), text, items, hash: hashText(text) },
    ];
  });
}

const TEXT_LIMITS = {
  context: LIMITS.text,
  results: LIMITS.text,
  obstacles: LIMITS.text,
  contacts: LIMITS.contacts,
} as const;

/** Adds a block's text to one field: text fields get a new paragraph, list fields new items. */
export function appendToSections(
  sections: LessonSections,
  field: AppendTarget,
  block: NoteBlock,
): LessonSections {
  const next: LessonSections = structuredClone(sections);
  const addText = (current: string, max: number) => {
    const value = current ? `${current}\n\n${block.text}` : block.text;
    if (value.length > max) throw new LessonError("lessonTemplate.errors.fieldFull", field);
    return value;
  };
  const addItems = <T>(current: T[], parse: (line: string) => T, max: number, itemMax: number) => {
    if (block.items.some((item) => item.length > itemMax))
      throw new LessonError("lessonTemplate.errors.itemTooLong", field);
    const value = [...current, ...block.items.map(parse)];
    if (value.length > max) throw new LessonError("lessonTemplate.errors.tooManyItems", field);
    return value;
  };
  switch (field) {
    case "context":
    case "results":
    case "obstacles":
    case "contacts": {
      next[field] = addText(sections[field], TEXT_LIMITS[field]);
      break;
    }
    case "needPolicy":
    case "needBudget":
    case "needPeople":
    case "needTime": {
      const key = (
        { needPolicy: "policy", needBudget: "budget", needPeople: "people", needTime: "time" } as const
      )[field];
      next.needs[key] = addText(sections.needs[key], LIMITS.need);
      break;
    }
    case "mentorSteps":
      next.mentorSteps = addItems(sections.mentorSteps, parseStep, LIMITS.steps, LIMITS.item);
      break;
    case "indicators":
      next.indicators = addItems(
        sections.indicators,
        parseIndicator,
        LIMITS.indicators,
        LIMITS.indicatorName + LIMITS.indicatorValue,
      );
      break;
    case "successFactors":
      next.successFactors = addItems(sections.successFactors, (s) => s, LIMITS.factors, LIMITS.item);
      break;
    case "replicationSteps":
      next.replicationSteps = addItems(sections.replicationSteps, (s) => s, LIMITS.steps, LIMITS.item);
      break;
  }
  return next;
}
