"use client";

import { Loader2Icon } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ApiError } from "@/lib/api-client";
import { useRequestPasswordReset, useResetPassword } from "../api/account";

export function errorText(error: unknown): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  if (error.unreachable) return "The server is unreachable right now. Please try again in a moment.";
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  if (error.code === "password_too_common") return "This password is one of the most common ones; choose another.";
  if (error.code === "password_too_short") return "Use at least 8 characters.";
  if (error.code === "invalid_token") return "This reset link is invalid or has expired. Ask for a new one.";
  return error.message;
}

function FormError({ id, message }: { id: string; message: string | null }) {
  return (
    <div aria-live="assertive">
      {message && (
        <p
          id={id}
          role="alert"
          className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive"
        >
          {message}
        </p>
      )}
    </div>
  );
}

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState("");
  const ids = { email: useId(), error: useId() };
  const mailOff = request.error instanceof ApiError && /isn't enabled|not enabled/i.test(request.error.message);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (email.trim()) request.mutate(email.trim());
  }

  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <h1 className="text-2xl font-semibold tracking-tight">Forgot your password?</h1>
        <CardDescription>Enter your email and we will send you a link to choose a new one.</CardDescription>
      </CardHeader>
      {request.isSuccess ? (
        <CardContent className="flex flex-col gap-4">
          <p role="status" className="text-sm">
            If <strong>{email.trim()}</strong> has an account, a reset link is on its way. It works once, for an hour.
          </p>
          <Link href="/sign-in" className="text-sm font-medium underline underline-offset-4">
            Back to sign in
          </Link>
        </CardContent>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <CardContent className="flex flex-col gap-4">
            <div className="flex flex-col gap-2">
              <Label htmlFor={ids.email}>Email</Label>
              <Input
                id={ids.email}
                name="email"
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </div>
            <FormError
              id={ids.error}
              message={
                request.error
                  ? mailOff
                    ? "This server does not send email (no SMTP_URL), so passwords cannot be reset by email. Ask its admin."
                    : errorText(request.error)
                  : null
              }
            />
          </CardContent>
          <CardFooter className="mt-2 flex flex-col gap-4">
            <Button type="submit" className="w-full" disabled={request.isPending}>
              {request.isPending && <Loader2Icon aria-hidden className="animate-spin" />}
              Send reset link
            </Button>
            <Link href="/sign-in" className="text-sm text-muted-foreground underline underline-offset-4">
              Back to sign in
            </Link>
          </CardFooter>
        </form>
      )}
    </Card>
  );
}

/** The page the emailed link opens: /reset-password?token=… */
export function ResetPasswordForm() {
  const token = useSearchParams().get("token") ?? "";
  const reset = useResetPassword();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const ids = { password: useId(), confirm: useId(), error: useId() };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password.length < 8) return setLocal("Use at least 8 characters.");
    if (password !== confirm) return setLocal("The two passwords differ.");
    setLocal(null);
    reset.mutate({ token, newPassword: password });
  }

  if (!token) {
    return (
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-2xl font-semibold tracking-tight">Reset link missing</h1>
          <CardDescription>Open the link from the email again, or ask for a new one.</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/forgot-password" className="text-sm font-medium underline underline-offset-4">
            Ask for a new link
          </Link>
        </CardContent>
      </Card>
    );
  }

  return (
    <Card className="w-full max-w-sm">
      <CardHeader>
        <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
        <CardDescription>You will be signed out everywhere else.</CardDescription>
      </CardHeader>
      {reset.isSuccess ? (
        <CardContent className="flex flex-col gap-4">
          <p role="status" className="text-sm">
            Your password is changed. Sign in with the new one.
          </p>
          <Button asChild>
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </CardContent>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <CardContent className="flex flex-col gap-4">
            <div className="flex flex-col gap-2">
              <Label htmlFor={ids.password}>New password</Label>
              <Input
                id={ids.password}
                type="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              <p className="text-xs text-muted-foreground">
                At least 8 characters, and not one of the most common passwords.
              </p>
            </div>
            <div className="flex flex-col gap-2">
              <Label htmlFor={ids.confirm}>Repeat the new password</Label>
              <Input
                id={ids.confirm}
                type="password"
                autoComplete="new-password"
                required
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            </div>
            <FormError id={ids.error} message={local ?? (reset.error ? errorText(reset.error) : null)} />
          </CardContent>
          <CardFooter className="mt-2">
            <Button type="submit" className="w-full" disabled={reset.isPending}>
              {reset.isPending && <Loader2Icon aria-hidden className="animate-spin" />}
              Set new password
            </Button>
          </CardFooter>
        </form>
      )}
    </Card>
  );
}
