import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http';
import { removeTenantModel, saveTenantModel, settingsFrom, testConnection, tenantModel, tokenUsage, type ConnectionTest, type TenantModel, type UsageLine } from './aiModel';

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/**
 * The tenant's language model (administrators only): any OpenAI-compatible endpoint, its key stored sealed and never
 * shown again; a connection test before or after saving; and the tokens the tenant's users spent, per user and model.
 */
export default function AiModelPage() {
  const [current, setCurrent] = useState<TenantModel | null>(null);
  const [form, setForm] = useState({ baseUrl: '', model: '', apiKey: '', timeoutSeconds: '' });
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [usage, setUsage] = useState<UsageLine[] | null>(null);
  const [days, setDays] = useState(30);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(() => {
    tenantModel().then(
      (m) => {
        setCurrent(m);
        if (m.source === 'tenant') setForm((f) => ({ ...f, baseUrl: m.baseUrl ?? '', model: m.model ?? '', timeoutSeconds: m.timeoutSeconds ? String(m.timeoutSeconds) : '', apiKey: '' }));
      },
      (e) => setError(message(e)),
    );
  }, []);
  useEffect(reload, [reload]);
  useEffect(() => {
    tokenUsage(days).then((u) => setUsage(u.totals ?? []), (e) => setError(message(e)));
  }, [days, current]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      setCurrent(await saveTenantModel(settingsFrom(form)));
      setForm((f) => ({ ...f, apiKey: '' }));
      setTest(null);
    });
  };

  const field = (key: keyof typeof form, label: string, props: Record<string, unknown> = {}) => (
    <label>
      {label} <input name={key} value={form[key]} onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))} {...props} />
    </label>
  );

  return (
    <section className="card" aria-labelledby="ai-model-title" data-testid="ai-model">
      <h1 id="ai-model-title">Language model</h1>
      <p className="muted">
        Every AI feature of your tenant (refinement, rule assist, NL-to-SQL, the modeler's conversation, charts) calls this model: any
        OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, Ollama, a llama.cpp server). Without one the tenant uses the global model,
        if the platform has one; the features that need none keep working.
      </p>
      {current ? (
        <p data-testid="ai-model-current" data-source={current.source}>
          {current.source === 'tenant'
            ? `Your tenant's model: ${current.model} at ${current.baseUrl}${current.keySet ? ', key stored' : ', no key'}${current.updatedBy ? ` (set by ${current.updatedBy}${current.updatedAt ? `, ${new Date(current.updatedAt).toLocaleString()}` : ''})` : ''}.`
            : current.source === 'global'
              ? `No model of your own: the platform's ${current.model} at ${current.baseUrl} answers.`
              : 'No language model: the AI features say so, the rest works without one.'}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="errors">
          {error}
        </p>
      ) : null}
      <form className="row wrap" onSubmit={onSave}>
        {field('baseUrl', 'Base URL', { required: true, placeholder: 'https://api.openai.com/v1', className: 'mono' })}
        {field('model', 'Model', { required: true, className: 'mono' })}
        {field('apiKey', 'API key', { type: 'password', autoComplete: 'off', placeholder: current?.keySet ? 'stored; leave empty to keep it' : '' })}
        {field('timeoutSeconds', 'Timeout (s)', { inputMode: 'numeric', size: 4 })}
        <button type="submit" disabled={busy || !form.baseUrl.trim() || !form.model.trim()}>
          Save
        </button>
        <button type="button" className="secondary" disabled={busy || !form.baseUrl.trim() || !form.model.trim()} onClick={() => void run(async () => setTest(await testConnection(settingsFrom(form))))}>
          Test connection
        </button>
        {current?.source === 'tenant' ? (
          <button type="button" className="secondary" disabled={busy} onClick={() => void run(async () => {
            await removeTenantModel();
            setForm({ baseUrl: '', model: '', apiKey: '', timeoutSeconds: '' });
            reload();
          })}>
            Remove
          </button>
        ) : null}
      </form>
      {test ? (
        <p role="status" data-testid="ai-model-test" data-ok={test.ok ? 'true' : 'false'} className={test.ok ? 'notice' : 'errors'}>
          {test.ok
            ? `Connected: ${test.model} answered in ${test.latencyMillis} ms${test.answer ? ` (“${test.answer.slice(0, 80)}”)` : ''}.`
            : `The model did not answer: ${test.code ?? ''} ${test.message ?? ''}`}
        </p>
      ) : null}
      <h2>Token usage</h2>
      <label>
        Last{' '}
        <select value={days} onChange={(e) => setDays(Number(e.target.value))} aria-label="Usage period in days">
          {[1, 7, 30, 90].map((d) => (
            <option key={d} value={d}>
              {d} day{d === 1 ? '' : 's'}
            </option>
          ))}
        </select>
      </label>
      {usage === null ? (
        <p className="muted">Loading…</p>
      ) : usage.length === 0 ? (
        <p className="muted">No model calls in this period.</p>
      ) : (
        <table className="compact" data-testid="ai-usage">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Model</th>
              <th scope="col">Source</th>
              <th scope="col">Calls</th>
              <th scope="col">Prompt tokens</th>
              <th scope="col">Completion tokens</th>
            </tr>
          </thead>
          <tbody>
            {usage.map((u) => (
              <tr key={`${u.userId}|${u.model}|${u.source}`} data-user={u.userId} data-model={u.model}>
                <td>{u.userId}</td>
                <td className="mono">{u.model}</td>
                <td>{u.source}</td>
                <td>{u.calls}</td>
                <td>{u.promptTokens}</td>
                <td>{u.completionTokens}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
