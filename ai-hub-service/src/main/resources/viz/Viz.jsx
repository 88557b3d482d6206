// A chart of one typed query result, drawn with inline SVG (no external library).
// data: {columns: [{name, type}], rows: [[...]]}; params: {title, chart_type, color_scheme, sort, limit, x, y}
const CHOSEN = /*CHOSEN*/{};

const SCHEMES = {
  default: ['#2563eb', '#16a34a', '#ea580c', '#9333ea', '#0891b2', '#dc2626'],
  blues: ['#1e3a8a', '#1d4ed8', '#3b82f6', '#60a5fa', '#93c5fd', '#bfdbfe'],
  warm: ['#b91c1c', '#ea580c', '#d97706', '#ca8a04', '#be185d', '#9f1239'],
  greyscale: ['#111827', '#374151', '#6b7280', '#9ca3af', '#4b5563', '#1f2937'],
};

function toNumber(v) {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

function toTime(v) {
  if (v === null || v === undefined) return null;
  const t = typeof v === 'number' ? v : Date.parse(String(v));
  return Number.isFinite(t) ? t : null;
}

function label(v) {
  if (v === null || v === undefined) return '(none)';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  return String(v);
}

function ticks(min, max, count) {
  if (min === max) return [min];
  const step = (max - min) / count;
  const out = [];
  for (let i = 0; i <= count; i++) out.push(min + step * i);
  return out;
}

export default function Viz({ data, params }) {
  const p = Object.assign({}, CHOSEN, params || {});
  const columns = (data && data.columns) || [];
  const names = columns.map((c) => c.name);
  const colours = SCHEMES[p.color_scheme] || SCHEMES.default;
  const xIndex = names.indexOf(p.x);
  const yNames = (Array.isArray(p.y) ? p.y : [p.y]).filter((n) => names.indexOf(n) >= 0);
  const yIndexes = yNames.map((n) => names.indexOf(n));
  let rows = ((data && data.rows) || []).slice();
  const chart = p.chart_type || 'table';
  const sortBy = yIndexes.length > 0 ? yIndexes[0] : -1;
  if (p.sort === 'asc' || p.sort === 'desc') {
    const sign = p.sort === 'asc' ? 1 : -1;
    rows.sort((a, b) => sign * ((toNumber(a[sortBy]) ?? -Infinity) - (toNumber(b[sortBy]) ?? -Infinity)));
  } else if ((chart === 'line' || chart === 'area') && xIndex >= 0) {
    rows.sort((a, b) => (toTime(a[xIndex]) ?? 0) - (toTime(b[xIndex]) ?? 0));
  }
  const limit = Number(p.limit);
  if (Number.isFinite(limit) && limit > 0) rows = rows.slice(0, limit);

  const title = p.title ? <h3 style={{ margin: '0 0 8px', font: '600 15px system-ui' }}>{p.title}</h3> : null;
  const frame = (body) => (
    <figure data-chart={chart} style={{ margin: 0, font: '12px system-ui', color: '#111827' }}>
      {title}
      {body}
      <figcaption style={{ color: '#6b7280', marginTop: 4 }}>{rows.length} of {(data && data.rows || []).length} rows</figcaption>
    </figure>
  );

  if (chart === 'kpi') {
    const index = yIndexes.length > 0 ? yIndexes[0] : 0;
    const value = rows.length > 0 ? rows[0][index] : null;
    return frame(
      <div data-kpi style={{ padding: 16, border: '1px solid #e5e7eb', borderRadius: 8, display: 'inline-block' }}>
        <div style={{ font: '700 36px system-ui', color: colours[0] }}>{label(value)}</div>
        <div style={{ color: '#6b7280' }}>{names[index] || ''}</div>
      </div>
    );
  }

  if (chart === 'table' || xIndex < 0 || yIndexes.length === 0) {
    return frame(
      <table style={{ borderCollapse: 'collapse' }}>
        <thead><tr>{names.map((n) => <th key={n} style={{ textAlign: 'left', borderBottom: '1px solid #d1d5db', padding: '2px 8px' }}>{n}</th>)}</tr></thead>
        <tbody>{rows.map((r, i) => <tr key={i}>{r.map((v, j) => <td key={j} style={{ padding: '2px 8px', borderBottom: '1px solid #f3f4f6' }}>{label(v)}</td>)}</tr>)}</tbody>
      </table>
    );
  }

  const width = 640, height = 320, left = 56, right = 16, top = 12, bottom = 56;
  const plotW = width - left - right, plotH = height - top - bottom;
  const values = [];
  rows.forEach((r) => yIndexes.forEach((i) => { const n = toNumber(r[i]); if (n !== null) values.push(n); }));
  const yMin = Math.min(0, ...values), yMax = Math.max(0, ...values, 1e-9);
  const yPos = (v) => top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const axis = (
    <g>
      <line x1={left} y1={top} x2={left} y2={top + plotH} stroke="#9ca3af" />
      <line x1={left} y1={yPos(0)} x2={left + plotW} y2={yPos(0)} stroke="#9ca3af" />
      {ticks(yMin, yMax, 4).map((t, i) => (
        <text key={i} x={left - 6} y={yPos(t) + 4} textAnchor="end" fill="#6b7280">{label(Math.round(t * 100) / 100)}</text>
      ))}
    </g>
  );
  const legend = yNames.length > 1 ? (
    <div style={{ display: 'flex', gap: 12 }}>{yNames.map((n, i) => <span key={n} style={{ color: colours[i % colours.length] }}>■ {n}</span>)}</div>
  ) : null;

  if (chart === 'scatter') {
    const xs = rows.map((r) => toNumber(r[xIndex])).filter((n) => n !== null);
    const xMin = Math.min(...xs, 0), xMax = Math.max(...xs, 1e-9);
    const xPos = (v) => left + ((v - xMin) / (xMax - xMin || 1)) * plotW;
    return frame(
      <svg width={width} height={height} role="img" aria-label={p.title || 'scatter'}>
        {axis}
        {rows.map((r, i) => {
          const x = toNumber(r[xIndex]), y = toNumber(r[yIndexes[0]]);
          return x === null || y === null ? null : <circle key={i} data-point cx={xPos(x)} cy={yPos(y)} r={3} fill={colours[0]} fillOpacity={0.7} />;
        })}
        <text x={left + plotW / 2} y={height - 8} textAnchor="middle" fill="#374151">{names[xIndex]}</text>
      </svg>
    );
  }

  const band = plotW / Math.max(rows.length, 1);
  const labelEvery = Math.max(1, Math.ceil(rows.length / 12));
  const xLabels = rows.map((r, i) => i % labelEvery === 0 ? (
    <text key={i} x={left + band * (i + 0.5)} y={top + plotH + 14} textAnchor="end" transform={`rotate(-30 ${left + band * (i + 0.5)} ${top + plotH + 14})`} fill="#374151">{label(r[xIndex]).slice(0, 18)}</text>
  ) : null);

  if (chart === 'bar') {
    const barW = Math.max(1, (band * 0.8) / yIndexes.length);
    return frame(
      <div>
        {legend}
        <svg width={width} height={height} role="img" aria-label={p.title || 'bar chart'}>
          {axis}
          {rows.map((r, i) => yIndexes.map((yi, k) => {
            const v = toNumber(r[yi]) ?? 0;
            const y0 = yPos(Math.max(v, 0)), y1 = yPos(Math.min(v, 0));
            return <rect key={i + ':' + k} data-bar x={left + band * i + band * 0.1 + barW * k} y={y0} width={barW} height={Math.max(y1 - y0, 0.5)} fill={colours[k % colours.length]}><title>{label(r[xIndex]) + ': ' + label(v)}</title></rect>;
          }))}
          {xLabels}
        </svg>
      </div>
    );
  }

  // line and area
  return frame(
    <div>
      {legend}
      <svg width={width} height={height} role="img" aria-label={p.title || chart + ' chart'}>
        {axis}
        {yIndexes.map((yi, k) => {
          const points = rows.map((r, i) => [left + band * (i + 0.5), yPos(toNumber(r[yi]) ?? 0)]);
          const path = points.map((pt, i) => (i === 0 ? 'M' : 'L') + pt[0].toFixed(1) + ' ' + pt[1].toFixed(1)).join(' ');
          const colour = colours[k % colours.length];
          return (
            <g key={yi}>
              {chart === 'area' && points.length > 0 ? (
                <path data-area d={path + ` L${points[points.length - 1][0].toFixed(1)} ${yPos(0)} L${points[0][0].toFixed(1)} ${yPos(0)} Z`} fill={colour} fillOpacity={0.25} />
              ) : null}
              <path data-line d={path} fill="none" stroke={colour} strokeWidth={2} />
            </g>
          );
        })}
        {xLabels}
      </svg>
    </div>
  );
}
