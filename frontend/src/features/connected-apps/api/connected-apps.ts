// OAuth for MCP clients in the UI: the consent the sign-in flow asks for, and Settings -> Connected apps.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ConnectedApp } from "@todo/contract/oauth";
import { toast } from "sonner";
import { apiRequest, isUnreachable } from "@/lib/api-client";
import { type NextStep, nextUrl, oauthQueryFrom } from "@/lib/oauth-flow";

export type { ConnectedApp };
export { nextUrl, oauthQueryFrom };

export interface OAuthClientInfo {
  client_id: string;
  client_name?: string;
  client_uri?: string;
  logo_uri?: string;
}

export function useOAuthClient(clientId: string | null) {
  return useQuery({
    queryKey: ["oauth-client", clientId],
    enabled: Boolean(clientId),
    queryFn: () =>
      apiRequest<OAuthClientInfo>("/api/auth/oauth2/public-client", { query: { client_id: clientId ?? "" } }),
  });
}

export function useConsent() {
  return useMutation({
    mutationFn: async (input: { accept: boolean; oauthQuery: string }) =>
      nextUrl(
        await apiRequest<NextStep>("/api/auth/oauth2/consent", {
          method: "POST",
          body: { accept: input.accept, oauth_query: input.oauthQuery },
        }),
      ),
  });
}

export const connectedAppsKey = ["connected-apps"] as const;

export function useConnectedApps() {
  return useQuery({
    queryKey: connectedAppsKey,
    queryFn: async () => (await apiRequest<{ apps: ConnectedApp[] }>("/api/connected-apps")).apps,
  });
}

export function useDisconnectApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (app: ConnectedApp) =>
      apiRequest<void>(`/api/connected-apps/${encodeURIComponent(app.client_id)}`, { method: "DELETE" }),
    onMutate: async (app) => {
      await queryClient.cancelQueries({ queryKey: connectedAppsKey });
      const previous = queryClient.getQueryData<ConnectedApp[]>(connectedAppsKey);
      queryClient.setQueryData<ConnectedApp[]>(connectedAppsKey, (apps) =>
        apps?.filter((a) => a.client_id !== app.client_id),
      );
      return { previous };
    },
    onSuccess: (_data, app) => toast.success(`Disconnected “${app.name}”. It can no longer reach your tasks.`),
    onError: (error, _app, context) => {
      queryClient.setQueryData(connectedAppsKey, context?.previous);
      toast.error(
        isUnreachable(error)
          ? "The server is unreachable; the app was not disconnected."
          : "The app could not be disconnected.",
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: connectedAppsKey }),
  });
}
