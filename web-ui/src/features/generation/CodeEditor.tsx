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
  /** 1-based line to reveal at the top, e.g. the block a failing check points at */
  revealLine?: number | null;
  onChange?: (value: string) => void;
}

/** A Monaco editor; long lines scroll inside it, never the page. */
export function CodeEditor({ value, language, readOnly, label, docKey, revealLine, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const change = useRef(onChange);
  change.current = onChange;
  const syncedKey = useRef(docKey);

  useEffect(() => {
    let disposed = false;
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        editor.current = monaco.editor.create(host.current, {
          value,
          language,
          readOnly,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          wordWrap: 'off',
          fontSize: 13,
          ariaLabel: label,
          tabSize: 2,
        });
        editor.current.onDidChangeModelContent(() => change.current?.(editor.current!.getValue()));
      },
      (err: unknown) => setFailed(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      disposed = true;
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
    // the editor is created once; value, language and options follow below
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

  useEffect(() => {
    if (revealLine && editor.current) {
      editor.current.revealLineNearTop(revealLine);
    }
  }, [revealLine]);

  if (failed) {
    return (
      <pre className="sql" aria-label={label}>
        {value}
      </pre>
    );
  }
  return <div className="code-editor" ref={host} data-testid="code-editor" />;
}
