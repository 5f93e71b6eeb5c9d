// Better Auth over the proxy: the session cookie is set by the backend and passed through by /api/*.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export interface Session {
  user: SessionUser;
  session: { id: string; expiresAt: string };
}

export const sessionKey = ["session"] as const;

export function getSession(): Promise<Session | null> {
  return apiRequest<Session | null>("/api/auth/get-session", { allowUnauthorized: true });
}

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: getSession,
    staleTime: 60_000,
    // A backend that is down is retried in the background so the page recovers by itself.
    refetchInterval: (query) => (query.state.status === "error" ? 5_000 : false),
  });
}

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignUpInput extends SignInInput {
  name: string;
}

/** The answer to a sign-in or sign-up; inside an OAuth authorization it also says where the browser goes next. */
export interface SignedIn {
  user: SessionUser;
  redirect?: boolean;
  url?: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    // `oauthQuery`: the signed query of an OAuth authorization that sent the person here (it continues after).
    mutationFn: ({ oauthQuery, ...input }: SignInInput & { oauthQuery?: string }) =>
      apiRequest<SignedIn>("/api/auth/sign-in/email", {
        method: "POST",
        body: { ...input, rememberMe: true, ...(oauthQuery ? { oauth_query: oauthQuery } : {}) },
        allowUnauthorized: true,
      }),
    onSuccess: () => {
      queryClient.clear();
    },
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ oauthQuery, ...input }: SignUpInput & { oauthQuery?: string }) =>
      apiRequest<SignedIn>("/api/auth/sign-up/email", {
        method: "POST",
        body: { ...input, ...(oauthQuery ? { oauth_query: oauthQuery } : {}) },
        allowUnauthorized: true,
      }),
    onSuccess: () => {
      queryClient.clear();
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<unknown>("/api/auth/sign-out", { method: "POST", body: {}, allowUnauthorized: true }),
    onSettled: () => {
      // Nothing of the previous person may stay in memory for the next one.
      queryClient.clear();
    },
  });
}
