// Personal API keys for MCP clients and scripts. The full key is only ever returned by the create call.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ApiKey, CreatedApiKey } from "@todo/contract/api-key";
import { toast } from "sonner";
import { apiRequest, isUnreachable } from "@/lib/api-client";

export type { ApiKey };
/** What POST /api/keys answers today (the route sends these fields of the contract's CreatedApiKey). */
export type NewApiKey = Pick<CreatedApiKey, "id" | "name" | "key">;

export const keysKey = ["keys"] as const;

export function useApiKeys() {
  return useQuery({
    queryKey: keysKey,
    queryFn: async () => (await apiRequest<{ keys: ApiKey[] }>("/api/keys")).keys,
  });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiRequest<NewApiKey>("/api/keys", { method: "POST", body: { name } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keysKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: ApiKey) => apiRequest<void>(`/api/keys/${encodeURIComponent(key.id)}`, { method: "DELETE" }),
    onMutate: async (key) => {
      await queryClient.cancelQueries({ queryKey: keysKey });
      const previous = queryClient.getQueryData<ApiKey[]>(keysKey);
      queryClient.setQueryData<ApiKey[]>(keysKey, (keys) => keys?.filter((k) => k.id !== key.id));
      return { previous };
    },
    onSuccess: (_data, key) => toast.success(`Revoked “${key.name}”. Clients using it can no longer connect.`),
    onError: (error, _key, context) => {
      queryClient.setQueryData(keysKey, context?.previous);
      toast.error(
        isUnreachable(error) ? "The server is unreachable; the key was not revoked." : "The key could not be revoked.",
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keysKey }),
  });
}
