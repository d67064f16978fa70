// One zod schema per form, shared by the browser and the server. Messages are i18n keys.
import { z } from "zod";
import { whatsAppNumberField } from "~/utils/phone-number";
import { ROLES } from "~/auth/roles";

const email = z
  .string({ required_error: "errors.required" })
  .trim()
  .max(254, "errors.tooLong")
  .email("errors.email");
const newPassword = z
  .string({ required_error: "errors.required" })
  .min(10, "errors.passwordTooShort")
  .max(200, "errors.tooLong");

export const signInSchema = z.object({
  email,
  password: z.string({ required_error: "errors.required" }).max(200, "errors.tooLong"),
  redirectTo: z.string().max(500).optional(),
});

export const forgotPasswordSchema = z.object({ email });

export const setPasswordSchema = z
  .object({ password: newPassword, confirm: z.string({ required_error: "errors.required" }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.passwordsDiffer" });

export const acceptInvitationSchema = z
  .object({
    name: z
      .string({ required_error: "errors.required" })
      .trim()
      .min(2, "errors.tooShort")
      .max(120, "errors.tooLong"),
    password: newPassword,
    confirm: z.string({ required_error: "errors.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.passwordsDiffer" });

export const profileSchema = z.object({
  intent: z.literal("profile"),
  name: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(2, "errors.tooShort")
    .max(120, "errors.tooLong"),
  position: z.string().trim().max(160, "errors.tooLong").optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, "errors.phone")
    .optional(),
  /** 08…, +62…, 62… with spaces or dashes, stored as E.164 (0058) */
  whatsapp: whatsAppNumberField,
  locale: z.enum(["id", "en"], { errorMap: () => ({ message: "errors.choice" }) }),
  timeZone: z
    .enum(["", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"], {
      errorMap: () => ({ message: "errors.choice" }),
    })
    .optional(),
});

export const changePasswordSchema = z
  .object({
    intent: z.literal("password"),
    currentPassword: z.string({ required_error: "errors.required" }).max(200, "errors.tooLong"),
    password: newPassword,
    confirm: z.string({ required_error: "errors.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "errors.passwordsDiffer" });

export const signOutEverywhereSchema = z.object({ intent: z.literal("sign-out-everywhere") });

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email,
  name: z.string().trim().max(120, "errors.tooLong").optional(),
  role: z.enum(ROLES, { errorMap: () => ({ message: "errors.choice" }) }),
  /** a code or a name, resolved on the server (resolveRegionFields) */
  regionCode: z.string().trim().max(200, "errors.tooLong").optional(),
});

export const changeRoleSchema = z.object({
  intent: z.literal("change-role"),
  membershipId: z.string().min(1).max(40),
  role: z.enum(ROLES, { errorMap: () => ({ message: "errors.choice" }) }),
});

export const deactivateSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"]),
  userId: z.string().min(1).max(40),
});
