import { CHART_TYPES, COLOR_SCHEMES, SORTS, type VizParams } from './schema';

interface Props {
  params: VizParams;
  generating: boolean;
  onChange: (next: VizParams) => void;
}

/** Title, chart type, colour scheme, sort and limit: disabled while a run streams. */
export function ParamControls({ params, generating, onChange }: Props) {
  const set = (patch: Partial<VizParams>) => onChange({ ...params, ...patch });
  return (
    <fieldset className="viz-params" disabled={generating} aria-busy={generating}>
      <legend>Parameters {generating ? <span data-testid="viz-generating">Generating...</span> : null}</legend>
      <label>
        Title <input name="title" value={params.title ?? ''} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label>
        Chart{' '}
        <select name="chart_type" value={params.chart_type ?? 'table'} onChange={(e) => set({ chart_type: e.target.value as VizParams['chart_type'] })}>
          {CHART_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Colours{' '}
        <select name="color_scheme" value={params.color_scheme ?? 'default'} onChange={(e) => set({ color_scheme: e.target.value as VizParams['color_scheme'] })}>
          {COLOR_SCHEMES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Sort{' '}
        <select name="sort" value={params.sort ?? 'none'} onChange={(e) => set({ sort: e.target.value as VizParams['sort'] })}>
          {SORTS.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label>
        Limit{' '}
        <input
          name="limit"
          type="number"
          min={1}
          value={params.limit ?? ''}
          onChange={(e) => set({ limit: e.target.value === '' ? null : Math.max(1, Math.floor(Number(e.target.value))) })}
          style={{ width: '6rem' }}
        />
      </label>
    </fieldset>
  );
}
