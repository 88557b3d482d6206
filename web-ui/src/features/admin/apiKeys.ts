import { apiRequest, jsonBody } from '../../api/http';

export type KeyRole = 'admin' | 'engineer' | 'viewer';

/** An API key as the gateway lists it: never the secret, only its first characters. */
export interface ApiKey {
  id: string;
  name: string;
  role: KeyRole;
  prefix: string;
  status: 'active' | 'expired' | 'revoked';
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A new key: the one answer that holds the secret. */
export interface CreatedKey {
  id: string;
  name: string;
  role: KeyRole;
  key: string;
  expiresAt: string;
}

export function listApiKeys(): Promise<ApiKey[]> {
  return apiRequest<{ items: ApiKey[] }>('/admin/api-keys').then((page) => page.items);
}

export function createApiKey(name: string, role: KeyRole, expiresInDays: number): Promise<CreatedKey> {
  return apiRequest<CreatedKey>('/admin/api-keys', jsonBody({ name, role, expiresInDays }));
}

export function revokeApiKey(id: string): Promise<ApiKey> {
  return apiRequest<ApiKey>(`/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
