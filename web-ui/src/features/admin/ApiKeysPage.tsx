import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKey, type CreatedKey, type KeyRole } from './apiKeys';

const ROLES: KeyRole[] = ['viewer', 'engineer', 'admin'];

function when(value: string | null): string {
  return value ? new Date(value).toLocaleString() : '—';
}

/** The tenant's API keys for integrations (administrators only): list, create (shown once), revoke. */
export default function ApiKeysPage() {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<KeyRole>('viewer');
  const [days, setDays] = useState(90);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    listApiKeys()
      .then((items) => {
        setKeys(items);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);

  useEffect(reload, [reload]);

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      setCreated(await createApiKey(name.trim(), role, days));
      setName('');
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function onRevoke(key: ApiKey) {
    if (!window.confirm(`Revoke "${key.name}" (${key.prefix}…)? Jobs using it are refused at once.`)) {
      return;
    }
    try {
      await revokeApiKey(key.id);
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <section className="card" aria-labelledby="api-keys-title">
      <h1 id="api-keys-title">API keys</h1>
      <p className="muted">
        Keys let CI jobs call the API as <code>Authorization: Bearer aide_…</code> or <code>X-Api-Key</code>, with
        the key&apos;s role, in this tenant only.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {created && (
        <div role="status" className="card" data-testid="created-key">
          <p>
            Key <strong>{created.name}</strong> ({created.role}, expires {when(created.expiresAt)}). Copy it now: it is
            not shown again.
          </p>
          <code data-testid="created-key-secret">{created.key}</code>
          <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(created.key)}>
            Copy
          </button>
          <button type="button" className="secondary" onClick={() => setCreated(null)}>
            Done
          </button>
        </div>
      )}
      <form onSubmit={(e) => void onCreate(e)} aria-label="New API key">
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        </label>
        <label>
          Role{' '}
          <select value={role} onChange={(e) => setRole(e.target.value as KeyRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Expires in (days){' '}
          <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(Number(e.target.value))} />
        </label>
        <button type="submit" disabled={busy || name.trim() === ''}>
          Create key
        </button>
      </form>
      {keys === null ? (
        <p className="muted">Loading…</p>
      ) : keys.length === 0 ? (
        <p className="muted">No API keys yet.</p>
      ) : (
        <table data-testid="api-keys">
          <thead>
            <tr>
              <th>Name</th>
              <th>Key</th>
              <th>Role</th>
              <th>Status</th>
              <th>Created</th>
              <th>Expires</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.role}</td>
                <td>{key.status}</td>
                <td>
                  {when(key.createdAt)} by {key.createdBy}
                </td>
                <td>{when(key.expiresAt)}</td>
                <td>{when(key.lastUsedAt)}</td>
                <td>
                  {key.status === 'active' && (
                    <button type="button" className="secondary" onClick={() => void onRevoke(key)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
