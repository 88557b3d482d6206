import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AiStatus } from '../../api/generations';
import { refine } from '../../api/generations';
import { ApiError } from '../../api/http';
import { ReferenceText } from '../../refs/ReferenceText';
import { applyCompletion, completeAt, parseReferences, type Candidates, type Completion } from '../../refs/references';
import type { ChatEntry, GenerationState } from '../../stream/generationReducer';
import { useReportError } from '../../shell/toasts';

interface Props {
  state: GenerationState;
  generationId: string;
  documentId: string | null;
  candidates: Candidates;
  ai: AiStatus | null;
  onPrompt: (text: string) => void;
  /** the refinement was refused: the server's answer goes into the conversation as it is */
  onRefused: (text: string, code: string | null) => void;
  /** after the refine request is accepted: follow the stream for its answer */
  onSent: () => void;
  /** the rendering the editor shows: a prompt refines the block in it (the server checks it can run it) */
  dialect?: string;
}

const KIND_LABEL: Record<ChatEntry['kind'], string> = {
  user: 'You',
  progress: 'Progress',
  thought: 'Thought',
  code: 'Model code',
  error: 'Error',
  validation: 'Check',
  ai: 'Model',
  summary: 'Summary',
};

/** The conversation: what the generation says as it works, and prompts that refine a block. */
export function ChatPanel({ state, generationId, documentId, candidates, ai, onPrompt, onRefused, onSent, dialect = 'duckdb' }: Props) {
  const [text, setText] = useState('');
  const [completion, setCompletion] = useState<Completion | null>(null);
  const [active, setActive] = useState(0);
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLOListElement>(null);
  const report = useReportError();

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [state.chat.length]);

  const refs = useMemo(() => parseReferences(text), [text]);
  const problems = refs.filter((r) => r.problem).map((r) => r.problem!);
  const code = refs.find((r) => r.kind === 'code' && !r.problem);
  const [target, blockName] = code ? splitBlock(code.value, state.targets[0] ?? '') : [state.targets[0] ?? '', 'select_clause'];

  const update = (value: string, caret: number) => {
    setText(value);
    setCompletion(completeAt(value, caret, candidates));
    setActive(0);
  };

  const choose = (option: string) => {
    if (!completion) return;
    const applied = applyCompletion(text, completion, option);
    setText(applied.text);
    setCompletion(option.endsWith('[') ? completeAt(applied.text, applied.caret - 1, candidates) : null);
    requestAnimationFrame(() => {
      input.current?.focus();
      input.current?.setSelectionRange(applied.caret, applied.caret);
    });
  };

  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (completion && completion.options.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const n = completion.options.length;
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        choose(completion.options[active]);
        return;
      }
      if (e.key === 'Escape') {
        setCompletion(null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  };

  const send = async () => {
    const instruction = text.trim();
    if (!instruction || problems.length > 0 || !target) return;
    setSending(true);
    onPrompt(instruction);
    try {
      // PySpark and dbt show whole files, not blocks: their prompts refine the duckdb blocks
      const rendering = dialect === 'pyspark' || dialect === 'dbt' ? 'duckdb' : dialect;
      await refine(generationId, { target, blockName, instruction, references: refs.map((r) => r.raw), dialect: rendering });
      setText('');
      onSent();
    } catch (err) {
      onRefused(err instanceof ApiError ? err.message : String(err), err instanceof ApiError ? err.code ?? null : null);
      report(err, 'The refinement was refused');
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="chat" aria-labelledby="chat-title">
      <h2 id="chat-title">Conversation</h2>
      {ai && !ai.configured && (
        <p className="notice" data-testid="ai-status">
          No language model configured: the generation is deterministic and works without one; refining a block from a prompt needs one.
        </p>
      )}
      <ol className="chat-log" ref={log} aria-live="polite" data-testid="chat-log">
        {state.chat.map((entry, i) => (
          <li key={i} className={`chat-entry ${entry.kind}`} data-stage={entry.stage ?? undefined}>
            <span className="chat-kind">
              {KIND_LABEL[entry.kind]}
              {entry.stage ? ` · ${entry.stage}` : ''}
              {entry.block ? ` · ${entry.block}` : ''}
            </span>
            {entry.kind === 'code' ? (
              <pre className="sql chat-code" data-block-name={entry.block ?? undefined}>
                {entry.text}
              </pre>
            ) : (
              <span className="chat-text">
                <ReferenceText text={entry.text} documentId={documentId} />
                {entry.code ? <span className="mono muted"> [{entry.code}]</span> : null}
              </span>
            )}
            {entry.sql ? (
              <details>
                <summary>Final SQL</summary>
                <pre className="sql">{entry.sql}</pre>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      <form
        className="chat-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor="prompt">
          Refine <span className="muted">(block {target ? `${target}.${blockName}` : '–'}; @mapping[…], @code[…], @schema[…], @generation[…]; Ctrl+Enter sends)</span>
        </label>
        <div className="combo">
          <textarea
            id="prompt"
            ref={input}
            rows={3}
            value={text}
            role="combobox"
            aria-expanded={completion !== null}
            aria-controls="prompt-options"
            aria-autocomplete="list"
            aria-activedescendant={completion ? `prompt-option-${active}` : undefined}
            onChange={(e) => update(e.target.value, e.target.selectionStart)}
            onKeyDown={onKey}
            onClick={(e) => setCompletion(completeAt(text, e.currentTarget.selectionStart, candidates))}
          />
          {completion && (
            <ul id="prompt-options" role="listbox" className="options" aria-label="References">
              {completion.options.map((o, i) => (
                <li
                  key={o}
                  id={`prompt-option-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? 'active' : ''}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(o);
                  }}
                >
                  {o}
                </li>
              ))}
            </ul>
          )}
        </div>
        {problems.length > 0 && (
          <ul className="errors" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <button type="submit" disabled={sending || !text.trim() || problems.length > 0 || !state.finished}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </form>
    </section>
  );
}

function splitBlock(value: string, fallbackTarget: string): [string, string] {
  const dot = value.lastIndexOf('.');
  return dot < 0 ? [fallbackTarget, value] : [value.slice(0, dot), value.slice(dot + 1)];
}
