import { apiRequest, jsonBody } from '../../api/http';

/** The tenant's language model as an admin sees it: the key is never returned, only whether one is stored. */
export interface TenantModel {
  source: 'tenant' | 'global' | 'none' | string;
  baseUrl?: string | null;
  model?: string | null;
  timeoutSeconds?: number | null;
  keySet?: boolean;
  updatedBy?: string | null;
  updatedAt?: string | null;
}

export interface ModelSettings {
  baseUrl: string;
  model: string;
  /** absent: keep the stored key */
  apiKey?: string;
  timeoutSeconds?: number;
}

export interface ConnectionTest {
  ok: boolean;
  source?: string;
  baseUrl?: string;
  model?: string;
  latencyMillis?: number;
  answer?: string | null;
  code?: string | null;
  message?: string | null;
}

export interface UsageLine {
  userId: string;
  model: string;
  source: string;
  calls: number;
  promptTokens: number;
  completionTokens: number;
}

const base = '/ai/models';

export function tenantModel(): Promise<TenantModel> {
  return apiRequest<TenantModel>(`${base}/tenant`);
}

export function saveTenantModel(settings: ModelSettings): Promise<TenantModel> {
  return apiRequest<TenantModel>(`${base}/tenant`, { ...jsonBody(settings), method: 'PUT' });
}

export function removeTenantModel(): Promise<void> {
  return apiRequest<void>(`${base}/tenant`, { method: 'DELETE' });
}

/** One call to the given settings (before saving them), or to the tenant's current model without any. */
export function testConnection(settings?: ModelSettings): Promise<ConnectionTest> {
  return apiRequest<ConnectionTest>(`${base}/test`, settings ? jsonBody(settings) : { method: 'POST' });
}

export function tokenUsage(days: number): Promise<{ since?: string; totals: UsageLine[] }> {
  return apiRequest(`${base}/usage?days=${days}`);
}

/** The settings to send: a blank key keeps the stored one; a timeout only when it is a positive number. */
export function settingsFrom(form: { baseUrl: string; model: string; apiKey: string; timeoutSeconds: string }): ModelSettings {
  const timeout = Number(form.timeoutSeconds);
  return {
    baseUrl: form.baseUrl.trim(),
    model: form.model.trim(),
    ...(form.apiKey.trim() ? { apiKey: form.apiKey.trim() } : {}),
    ...(Number.isInteger(timeout) && timeout > 0 ? { timeoutSeconds: timeout } : {}),
  };
}
