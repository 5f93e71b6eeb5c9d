// Account and admin calls: Better Auth's own flows under /api/auth (reset, change password/email, sessions,
// delete) and the app's /api/account and /api/admin (issue 14).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Account, AdminUser, Invite } from "@todo/contract/account";
import { DELETE_ACCOUNT_CONFIRMATION } from "@todo/contract/account";
import { apiRequest } from "@/lib/api-client";
import { sessionKey } from "./auth";

export type { Account, AdminUser, Invite };

export const accountKey = ["account"] as const;
export const sessionsKey = ["account", "sessions"] as const;
export const adminUsersKey = ["admin", "users"] as const;
export const invitesKey = ["admin", "invites"] as const;

export function getAccount(): Promise<Account> {
  return apiRequest<Account>("/api/account");
}

export function useAccount() {
  return useQuery({ queryKey: accountKey, queryFn: getAccount });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) =>
      apiRequest<{ status: boolean }>("/api/auth/request-password-reset", {
        method: "POST",
        body: { email, redirectTo: "/reset-password" },
        allowUnauthorized: true,
      }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      apiRequest<{ status: boolean }>("/api/auth/reset-password", {
        method: "POST",
        body: input,
        allowUnauthorized: true,
      }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string; revokeOtherSessions: boolean }) =>
      apiRequest<unknown>("/api/auth/change-password", { method: "POST", body: input, allowUnauthorized: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useChangeEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (newEmail: string) =>
      apiRequest<{ status: boolean }>("/api/auth/change-email", {
        method: "POST",
        body: { newEmail, callbackURL: "/settings/account" },
      }),
    onSettled: () => {
      queryClient.invalidateQueries({ queryKey: accountKey });
      queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export interface SessionRow {
  id: string;
  token: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => apiRequest<SessionRow[]>("/api/auth/list-sessions") });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<unknown>("/api/auth/revoke-other-sessions", { method: "POST", body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string; email: string }) =>
      apiRequest<unknown>("/api/auth/delete-user", {
        method: "POST",
        body: { password: input.password, [DELETE_ACCOUNT_CONFIRMATION]: input.email },
        allowUnauthorized: true,
      }),
    onSuccess: () => queryClient.clear(),
  });
}

export function useAdminUsers(enabled: boolean) {
  return useQuery({
    queryKey: adminUsersKey,
    enabled,
    queryFn: async () => (await apiRequest<{ users: AdminUser[] }>("/api/admin/users")).users,
  });
}

export function useSetUserDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; disabled: boolean }) =>
      apiRequest<AdminUser>(`/api/admin/users/${encodeURIComponent(input.id)}`, {
        method: "PATCH",
        body: { disabled: input.disabled },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminUsersKey }),
  });
}

export function useInvites(enabled: boolean) {
  return useQuery({
    queryKey: invitesKey,
    enabled,
    queryFn: async () => (await apiRequest<{ invites: Invite[] }>("/api/admin/invites")).invites,
  });
}

export function useCreateInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => apiRequest<Invite>("/api/admin/invites", { method: "POST", body: { email } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitesKey }),
  });
}

export function useDeleteInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) =>
      apiRequest<void>(`/api/admin/invites/${encodeURIComponent(email)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitesKey }),
  });
}
