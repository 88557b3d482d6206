import { useState } from 'react';
import { reparse, type DocumentView, type SheetInfo } from '../../api/documents';
import { mergeOverrides, planOverrides, sheetOverrideKey, type FieldChoice } from '../../mapping/headerChoice';
import { useReportError } from '../../shell/toasts';

/** The canonical fields a header can be mapped to, in the order a mapping document usually lists them. */
const FIELDS: Array<[string, string]> = [
  ['target_table', 'Target table'],
  ['target_column', 'Target column'],
  ['target_type', 'Target type'],
  ['source_system', 'Source system'],
  ['source_table', 'Source table'],
  ['source_column', 'Source column'],
  ['source_type', 'Source type'],
  ['transformation', 'Transformation rule'],
  ['join', 'Join'],
  ['filter', 'Filter'],
  ['key', 'Key'],
  ['nullable', 'Nullable'],
  ['default_value', 'Default value'],
  ['null_handling', 'Null handling'],
  ['description', 'Description'],
  ['group_by', 'Group by'],
  ['comments', 'Comments'],
];

interface Props {
  doc: DocumentView;
  /** the reparse was accepted: the document is parsing again */
  onReparse: () => void;
}

/**
 * The header mapping the parser chose, per mapping sheet, and the user's override: pick the column each field
 * is read from, then parse again (a new spec version; the older ones stay).
 */
export function HeaderMapping({ doc, onReparse }: Props) {
  const sheets = (doc.sheets ?? []).filter((s) => s.role === 'mapping');
  if (sheets.length === 0 || sheets.every((s) => !s.headers || Object.keys(s.headers).length === 0)) {
    // a document parsed before sheets listed their headers: only the chosen mapping is known
    return <ChosenOnly doc={doc} onReparse={onReparse} />;
  }
  return (
    <>
      {sheets.map((s) => (
        <SheetHeaders key={s.name} documentId={doc.documentId} overrides={doc.headerOverrides ?? null} sheet={s} onReparse={onReparse} />
      ))}
    </>
  );
}

interface SheetProps {
  documentId: string;
  /** the overrides of the latest parse (every sheet's), kept by this sheet's reparse */
  overrides: Record<string, string> | null;
  sheet: SheetInfo;
  onReparse: () => void;
}

function SheetHeaders({ documentId, overrides, sheet, onReparse }: SheetProps) {
  const [choice, setChoice] = useState<FieldChoice>({});
  const [sending, setSending] = useState(false);
  const report = useReportError();
  const headers = Object.entries(sheet.headers ?? {});
  const parser = sheet.columns ?? {};
  const plan = planOverrides(sheet, choice);
  const changed = Object.keys(plan.overrides).length;
  const slug = sheet.name.replace(/[^A-Za-z0-9]/g, '_');

  const submit = async () => {
    setSending(true);
    try {
      await reparse(documentId, mergeOverrides(overrides, plan));
      setChoice({});
      onReparse();
    } catch (err) {
      report(err, 'The document could not be parsed again');
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      className="header-mapping"
      data-sheet={sheet.name}
      onSubmit={(e) => {
        e.preventDefault();
        if (changed > 0 && plan.problems.length === 0) void submit();
      }}
    >
      <table className="compact">
        <caption>
          Sheet {sheet.name}, header in row {sheet.headerRow}
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Read from column</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map(([field, label]) => {
            const current = choice[field] ?? '';
            const chosen = parser[field];
            const id = `hm-${slug}-${field}`;
            const overridden = overrides?.[sheetOverrideKey(sheet.name, field)] ?? overrides?.[field];
            return (
              <tr key={field} className={current && current !== chosen ? 'changed' : chosen ? '' : 'muted'}>
                <td>
                  <label htmlFor={id}>{label}</label>
                  {overridden ? (
                    <span className="muted small" data-overridden={field} title={`read from the header '${overridden}' as you chose`}>
                      {' '}
                      (your choice)
                    </span>
                  ) : null}
                </td>
                <td>
                  <select id={id} data-field={field} value={current} onChange={(e) => setChoice((c) => ({ ...c, [field]: e.target.value }))}>
                    <option value="">{chosen ? `as parsed: ${chosen} · ${sheet.headers?.[chosen] ?? ''}` : 'not found (as parsed)'}</option>
                    {headers.map(([letter, text]) => (
                      <option key={letter} value={letter}>
                        {letter} · {text}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {plan.problems.length > 0 && (
        <ul className="errors" role="alert">
          {plan.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="row wrap">
        <button type="submit" disabled={sending || changed === 0 || plan.problems.length > 0}>
          {sending ? 'Sending…' : `Parse again with ${changed} field${changed === 1 ? '' : 's'} re-mapped`}
        </button>
        <span className="muted">a new spec version; the earlier ones stay. The choice holds for sheet {sheet.name} only; the other sheets keep theirs.</span>
      </div>
    </form>
  );
}

function ChosenOnly({ doc, onReparse }: Props) {
  const report = useReportError();
  return (
    <>
      {Object.entries(doc.headerMapping ?? {}).map(([sheet, fields]) => (
        <table key={sheet} className="compact">
          <caption>{sheet}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Header in the sheet</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(fields).map(([field, header]) => (
              <tr key={field}>
                <td className="mono">{field}</td>
                <td>{header}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <p className="muted">
        This version does not list the sheet's other headers.{' '}
        <button type="button" className="secondary small" onClick={() => reparse(doc.documentId, {}).then(onReparse, (err) => report(err, 'The document could not be parsed again'))}>
          Parse again
        </button>{' '}
        to choose the column of each field.
      </p>
    </>
  );
}
