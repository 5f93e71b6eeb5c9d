// Account and administration shapes (issue 14): who the caller is, how sign-up works, and what an admin sees.
// Password reset, verification, change password/email, sessions and deletion are Better Auth's own routes
// under /api/auth; these are the app's additions.
import { z } from "zod";
import { NO_NUL, NO_NUL_MESSAGE } from "./text";

/** SIGNUP: anyone may create an account, only invited addresses, or nobody (the first account is always allowed). */
export const SIGNUP_MODES = ["open", "invite", "closed"] as const;
export const SignupMode = z.enum(SIGNUP_MODES);
export type SignupMode = z.infer<typeof SignupMode>;

/** EMAIL_VERIFICATION: no verification mail, a verification mail on sign-up, or no sign-in until verified. */
export const EMAIL_VERIFICATION_MODES = ["off", "optional", "required"] as const;
export const EmailVerificationMode = z.enum(EMAIL_VERIFICATION_MODES);
export type EmailVerificationMode = z.infer<typeof EmailVerificationMode>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email("Must be an email address"));

export const Account = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    email_verified: z.boolean(),
    admin: z.boolean().meta({ description: "The first user, or an address in ADMIN_EMAILS" }),
    mail_enabled: z.boolean().meta({ description: "False without SMTP_URL: no reset or verification email" }),
    email_verification: EmailVerificationMode,
    signup: SignupMode,
  })
  .meta({ id: "Account" });
export type Account = z.infer<typeof Account>;

export const AdminUser = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    email_verified: z.boolean(),
    admin: z.boolean(),
    disabled: z.boolean(),
    created_at: z.string(),
  })
  .meta({ id: "AdminUser" });
export type AdminUser = z.infer<typeof AdminUser>;

export const UpdateAdminUserInput = z.strictObject({
  disabled: z.boolean().meta({ description: "True disables the user (signs them out everywhere); false enables" }),
});

export const Invite = z.object({ email: z.string(), created_at: z.string() }).meta({ id: "Invite" });
export type Invite = z.infer<typeof Invite>;

export const CreateInviteInput = z.strictObject({ email: Email });

/** What deleting an account asks for besides Better Auth's password: the account's email, typed. */
export const DELETE_ACCOUNT_CONFIRMATION = "confirm_email";

/** A user id or an invited address in a path: bounded, and no NUL (Postgres text cannot hold it). */
export const AccountPathParam = z.string().max(320, "Too long").regex(NO_NUL, `Path parameter ${NO_NUL_MESSAGE}`);
