import { useEffect, useId, useState } from 'react';
import { listDataSources, uploadSampleTables, type DataSourceSummary } from '../../api/datasources';
import { useReportError, useToasts } from '../../shell/toasts';

interface Props {
  value: string;
  onChange: (dataSourceId: string) => void;
}

/**
 * The sample data a generation is validated on: none (rows made up from the mapping, value checks skipped), one of
 * the tenant's data sources, or sample tables uploaded here (one CSV, TSV or Parquet file per source table, named
 * after it, or a .zip of them), which become a new data source and are chosen at once.
 */
export function SampleData({ value, onChange }: Props) {
  const [sources, setSources] = useState<DataSourceSummary[]>([]);
  const [uploading, setUploading] = useState(false);
  const report = useReportError();
  const { push } = useToasts();
  const selectId = useId();
  const fileId = useId();

  useEffect(() => {
    listDataSources().then(setSources, (e) => report(e, 'The data sources could not be listed'));
  }, [report]);

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setUploading(true);
    try {
      const name = files.map((f) => f.name).join(', ');
      const { dataSourceId } = await uploadSampleTables(files, name);
      setSources(await listDataSources());
      onChange(dataSourceId);
      push({ kind: 'info', text: `Sample tables uploaded: ${name}` });
    } catch (e) {
      report(e, 'The sample tables could not be uploaded');
    } finally {
      setUploading(false);
    }
  };

  return (
    <fieldset className="sample-data" data-testid="sample-data">
      <legend>Sample data the checks run on</legend>
      <label htmlFor={selectId}>Data source</label>{' '}
      <select id={selectId} name="dataSourceId" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">None: rows made up from the mapping (value checks skipped)</option>
        {sources.map((s) => (
          <option key={s.dataSourceId} value={s.dataSourceId}>
            {s.name || s.dataSourceId}
          </option>
        ))}
      </select>{' '}
      <label htmlFor={fileId}>or upload sample tables</label>{' '}
      <input
        id={fileId}
        type="file"
        multiple
        accept=".csv,.tsv,.parquet,.zip"
        data-testid="sample-input"
        disabled={uploading}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void upload(files);
        }}
      />
      {uploading && <span className="muted"> uploading…</span>}
    </fieldset>
  );
}
