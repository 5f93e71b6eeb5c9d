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
import { safeNextPath } from "@/lib/safe-next";
import { useSession, useSignIn, useSignUp } from "../api/auth";

function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.details.map((d) => [d.path, d.message]));
}

function messageFor(error: unknown, mode: "sign-in" | "sign-up"): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Please try again.";
  if (error.unreachable) return "The server is unreachable right now. Please try again in a moment.";
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  if (mode === "sign-in" && (error.status === 401 || error.code === "invalid_email_or_password")) {
    return "That email and password do not match an account.";
  }
  return error.message;
}

export function AuthForm({ mode }: { mode: "sign-in" | "sign-up" }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
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
    if (session.data?.user) router.replace(next);
  }, [session.data, next, router]);

  const errors = fieldErrors(mutation.error);
  const formError = mutation.error ? messageFor(mutation.error, mode) : null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { name: name.trim(), email: email.trim(), password };
    try {
      if (mode === "sign-in") await signIn.mutateAsync(input);
      else await signUp.mutateAsync(input);
      router.replace(next);
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
                onChange={(e) => setName(e.target.value)}
                aria-invalid={Boolean(errors.name)}
              />
              {errors.name && <p className="text-sm text-destructive">{errors.name}</p>}
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
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={Boolean(errors.email)}
            />
            {errors.email && <p className="text-sm text-destructive">{errors.email}</p>}
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor={ids.password}>Password</Label>
            <Input
              id={ids.password}
              name="password"
              type="password"
              autoComplete={isSignUp ? "new-password" : "current-password"}
              required
              minLength={isSignUp ? 8 : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(errors.password)}
              aria-describedby={isSignUp ? `${ids.password}-hint` : undefined}
            />
            {isSignUp && (
              <p id={`${ids.password}-hint`} className="text-xs text-muted-foreground">
                At least 8 characters, and not one of the most common passwords.
              </p>
            )}
            {errors.password && <p className="text-sm text-destructive">{errors.password}</p>}
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
              href={`${isSignUp ? "/sign-in" : "/sign-up"}${next !== "/tasks" ? `?next=${encodeURIComponent(next)}` : ""}`}
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
