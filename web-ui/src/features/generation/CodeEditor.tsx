import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';

type MonacoModule = typeof Monaco;

let loading: Promise<MonacoModule> | null = null;
function loadMonaco(): Promise<MonacoModule> {
  loading ??= import('./monaco').then((m) => m.monaco);
  return loading;
}

interface Props {
  value: string;
  language: 'sql' | 'python' | 'plaintext';
  readOnly: boolean;
  label: string;
  /** what the editor holds (a block, a dialect, a version): while editable, the value is pushed in only when it changes */
  docKey: string;
  /** 1-based line to reveal and select, e.g. the line a failing check points at; a new nonce reveals it again */
  reveal?: { line: number; nonce: number } | null;
  onChange?: (value: string) => void;
}

/** A Monaco editor; long lines scroll inside it, never the page. */
export function CodeEditor({ value, language, readOnly, label, docKey, reveal, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const syncedKey = useRef(docKey);
  // what the editor must show once Monaco has arrived: the props may change while its chunk is loading (a block
  // chosen, the layer's blocks fetched), and the editor must start from the latest of them, not the first render's
  const latest = useRef({ value, language, readOnly, label, docKey });
  latest.current = { value, language, readOnly, label, docKey };

  useEffect(() => {
    let disposed = false;
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        const now = latest.current;
        syncedKey.current = now.docKey;
        editor.current = monaco.editor.create(host.current, {
          value: now.value,
          language: now.language,
          readOnly: now.readOnly,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          wordWrap: 'off',
          fontSize: 13,
          ariaLabel: now.label,
          tabSize: 2,
        });
        editor.current.onDidChangeModelContent(() => change.current?.(editor.current!.getValue()));
        setReady(true);
      },
      (err: unknown) => setFailed(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      disposed = true;
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
    // the editor is created once, from the latest props; value, language and options follow below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    // while typing, a render may carry an older draft than the editor holds: only a new document replaces it
    if (!readOnly && syncedKey.current === docKey) return;
    syncedKey.current = docKey;
    if (e.getValue() !== value) {
      const top = e.getScrollTop();
      e.setValue(value);
      e.setScrollTop(top);
    }
  }, [value, docKey, readOnly]);

  useEffect(() => {
    const e = editor.current;
    const model = e?.getModel();
    if (!e || !model) return;
    void loadMonaco().then((monaco) => monaco.editor.setModelLanguage(model, language));
    e.updateOptions({ readOnly, ariaLabel: label });
  }, [language, readOnly, label]);

  const [ready, setReady] = useState(false);
  const revealed = useRef<number | null>(null);
  useEffect(() => {
    const e = editor.current;
    // once per request: typing afterwards must not move the selection back
    if (!reveal || !e || revealed.current === reveal.nonce) return;
    revealed.current = reveal.nonce;
    const line = Math.min(reveal.line, e.getModel()?.getLineCount() ?? reveal.line);
    e.revealLineInCenter(line);
    e.setSelection({ startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: (e.getModel()?.getLineMaxColumn(line) ?? 1) });
    e.focus();
  }, [reveal, ready]);

  if (failed) {
    return (
      <pre className="sql" aria-label={label}>
        {value}
      </pre>
    );
  }
  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}
