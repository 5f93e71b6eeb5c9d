"use client";

import { Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useId, useState } from "react";
import { BackendUnreachable } from "@/components/backend-unreachable";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError, isUnreachable } from "@/lib/api-client";
import { nextUrl, oauthQueryFrom } from "@/lib/oauth-flow";
import { safeNextPath } from "@/lib/safe-next";
import { useSession, useSignIn, useSignUp } from "../api/auth";

type Field = "name" | "email" | "password";
type FieldErrors = Partial<Record<Field, string>>;

const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;
// The browser's own idea of an email address (the HTML spec's pattern), so we refuse what type=email would.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** What is wrong with the form before it is sent, in words (issue 18.5). */
export function checkForm(input: { name: string; email: string; password: string }, signUp: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (signUp && !input.name) errors.name = "Enter your name.";
  if (!input.email) errors.email = "Enter your email address.";
  else if (!EMAIL.test(input.email)) errors.email = "Enter an email address like name@example.com.";
  if (!input.password) errors.password = "Enter a password.";
  else if (signUp && input.password.length < MIN_PASSWORD) errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  else if (signUp && input.password.length > MAX_PASSWORD) errors.password = `Use at most ${MAX_PASSWORD} characters.`;
  return errors;
}

// Better Auth's codes, and its "[body.email] Invalid email address" validation wording, as sentences by field.
const SERVER_FIELD_ERRORS: Record<string, [Field, string]> = {
  invalid_email: ["email", "Enter an email address like name@example.com."],
  password_too_short: ["password", `Use at least ${MIN_PASSWORD} characters.`],
  password_too_long: ["password", `Use at most ${MAX_PASSWORD} characters.`],
  password_too_common: ["password", "This password is one of the most common ones; choose another."],
};

function fieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const d of error.details) {
    const field = d.path.replace(/^body\./, "") as Field;
    if (field === "name" || field === "email" || field === "password") errors[field] = d.message;
  }
  const known = SERVER_FIELD_ERRORS[error.code];
  if (known) errors[known[0]] = known[1];
  const raw = /^\[body\.(name|email|password)\]\s*(.*)$/.exec(error.message);
  if (raw) {
    const field = raw[1] as Field;
    errors[field] ??= field === "email" ? "Enter an email address like name@example.com." : `Check the ${field}.`;
  }
  return errors;
}

function messageFor(error: unknown, mode: "sign-in" | "sign-up"): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  if (error.unreachable) return "The server is unreachable right now. Please try again in a moment.";
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  if (mode === "sign-in" && (error.status === 401 || error.code === "invalid_email_or_password")) {
    return "That email and password do not match an account.";
  }
  // Shown next to its field instead.
  if (Object.keys(fieldErrors(error)).length > 0) return "";
  return error.message;
}

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  // Sent here by an app's OAuth sign-in (Connect from Claude, ChatGPT…): after signing in, the flow continues.
  const oauthQuery = oauthQueryFrom(searchParams.toString());
  const session = useSession();
  const signIn = useSignIn();
  const signUp = useSignUp();
  const mutation = mode === "sign-in" ? signIn : signUp;
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const ids = { name: useId(), email: useId(), password: useId(), error: useId() };

  // Already signed in (e.g. opened /sign-in in a new tab): go straight to the app.
  useEffect(() => {
    if (session.data?.user && !oauthQuery) router.replace(next);
  }, [session.data, next, router, oauthQuery]);

  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...fieldErrors(mutation.error), ...localErrors };
  const formError = mutation.error ? messageFor(mutation.error, mode) || null : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { name: name.trim(), email: email.trim(), password };
    const problems = checkForm(input, mode === "sign-up");
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) {
      mutation.reset();
      const first = (["name", "email", "password"] as const).find((f) => problems[f]);
      if (first) document.getElementById(ids[first])?.focus();
      return;
    }
    try {
      const done =
        mode === "sign-in"
          ? await signIn.mutateAsync({ ...input, oauthQuery })
          : await signUp.mutateAsync({ ...input, oauthQuery });
      const continueAt = oauthQuery ? nextUrl(done) : undefined;
      if (continueAt) window.location.assign(continueAt);
      else router.replace(next);
    } catch {
      // shown from mutation.error
    }
  }

  if (session.isError && isUnreachable(session.error) && !mutation.isPending) {
    return <BackendUnreachable onRetry={() => session.refetch()} retrying={session.isFetching} />;
  }

  const isSignUp = mode === "sign-up";
  const pending = mutation.isPending || mutation.isSuccess;
  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <h1 className="text-2xl font-semibold tracking-tight">{isSignUp ? "Create your account" : "Welcome back"}</h1>
        <CardDescription>
          {isSignUp ? "Sign up to start organising your tasks." : "Sign in to see your tasks."}
        </CardDescription>
        {!isSignUp && searchParams.get("deleted") === "1" && (
          <p role="status" className="rounded-md border px-3 py-2 text-sm">
            Your account and its data are deleted.
          </p>
        )}
      </CardHeader>
      <form onSubmit={onSubmit} noValidate aria-describedby={formError ? ids.error : undefined}>
        <CardContent className="flex flex-col gap-4">
          {isSignUp && (
            <div className="flex flex-col gap-2">
              <Label htmlFor={ids.name}>Name</Label>
              <Input
                id={ids.name}
                name="name"
                autoComplete="name"
                required
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setLocalErrors(({ name: _, ...rest }) => rest);
                }}
                aria-invalid={Boolean(errors.name)}
                aria-describedby={errors.name ? `${ids.name}-error` : undefined}
              />
              {errors.name && (
                <p id={`${ids.name}-error`} className="text-sm text-destructive">
                  {errors.name}
                </p>
              )}
            </div>
          )}
          <div className="flex flex-col gap-2">
            <Label htmlFor={ids.email}>Email</Label>
            <Input
              id={ids.email}
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              required
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
                setLocalErrors(({ email: _, ...rest }) => rest);
              }}
              aria-invalid={Boolean(errors.email)}
              aria-describedby={errors.email ? `${ids.email}-error` : undefined}
            />
            {errors.email && (
              <p id={`${ids.email}-error`} className="text-sm text-destructive">
                {errors.email}
              </p>
            )}
          </div>
          <div className="flex flex-col gap-2">
            <div className="flex items-center justify-between">
              <Label htmlFor={ids.password}>Password</Label>
              {!isSignUp && (
                <Link href="/forgot-password" className="text-sm text-muted-foreground underline underline-offset-4">
                  Forgot password?
                </Link>
              )}
            </div>
            <Input
              id={ids.password}
              name="password"
              type="password"
              autoComplete={isSignUp ? "new-password" : "current-password"}
              required
              minLength={isSignUp ? 8 : undefined}
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setLocalErrors(({ password: _, ...rest }) => rest);
              }}
              aria-invalid={Boolean(errors.password)}
              aria-describedby={
                [isSignUp ? `${ids.password}-hint` : "", errors.password ? `${ids.password}-error` : ""]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            />
            {isSignUp && (
              <p id={`${ids.password}-hint`} className="text-xs text-muted-foreground">
                At least 8 characters, and not one of the most common passwords.
              </p>
            )}
            {errors.password && (
              <p id={`${ids.password}-error`} className="text-sm text-destructive">
                {errors.password}
              </p>
            )}
          </div>
          <div aria-live="assertive">
            {formError && (
              <p
                id={ids.error}
                role="alert"
                className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive"
              >
                {formError}
              </p>
            )}
          </div>
        </CardContent>
        <CardFooter className="mt-2 flex flex-col gap-4">
          <Button type="submit" className="w-full" disabled={pending}>
            {pending && <Loader2Icon aria-hidden className="animate-spin" />}
            {isSignUp ? "Create account" : "Sign in"}
          </Button>
          <p className="text-sm text-muted-foreground">
            {isSignUp ? "Already have an account? " : "New here? "}
            <Link
              href={`${isSignUp ? "/sign-in" : "/sign-up"}${oauthQuery ? `?${oauthQuery}` : next !== "/tasks" ? `?next=${encodeURIComponent(next)}` : ""}`}
              className="font-medium text-foreground underline underline-offset-4"
            >
              {isSignUp ? "Sign in" : "Create an account"}
            </Link>
          </p>
        </CardFooter>
      </form>
    </Card>
  );
}
