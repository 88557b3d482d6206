import { useEffect, useRef, useState } from 'react';
import { checkedResult, describeIssue, vizParamsSchema, type QueryResult, type RenderMessage, type SandboxReply, type VizParams } from './schema';

interface Props {
  origin: string;
  code: string | null;
  data: QueryResult | null;
  params: VizParams;
  /** called after each render the sandbox reports, with the render's number */
  onRendered?: (renderId: number) => void;
}

/**
 * The chart, rendered in the sandbox page on its own origin: sandbox="allow-scripts" without allow-same-origin,
 * data and parameters validated here (Zod) and posted to that frame's window only. A component that throws shows its error.
 */
export function SandboxFrame({ origin, code, data, params, onRendered }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const renderId = useRef(0);

  useEffect(() => {
    const listen = (event: MessageEvent) => {
      // replies come from the sandboxed frame: its origin is opaque ("null"), so the window identifies it
      if (event.source !== frame.current?.contentWindow) return;
      const reply = event.data as SandboxReply;
      if (reply?.type === 'ready') setReady(true);
      else if (reply?.type === 'rendered' && reply.renderId === renderId.current) {
        setError(null);
        onRendered?.(reply.renderId);
      } else if (reply?.type === 'error' && (reply.renderId === renderId.current || reply.renderId === -1)) setError(reply.message);
    };
    window.addEventListener('message', listen);
    return () => window.removeEventListener('message', listen);
  }, [onRendered]);

  useEffect(() => {
    if (!ready || !code || !data || !frame.current?.contentWindow) return;
    let checkedData: QueryResult;
    try {
      checkedData = checkedResult(data);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    const checkedParams = vizParamsSchema.safeParse(params);
    if (!checkedParams.success) {
      setError('The chart parameters are malformed at ' + describeIssue(checkedParams.error));
      return;
    }
    renderId.current += 1;
    const message: RenderMessage = { type: 'render', code, data: checkedData, params: checkedParams.data, renderId: renderId.current };
    // the frame runs in an opaque origin (no allow-same-origin), which no target origin names: '*' to this frame's
    // window only; what it receives is what the chart shows anyway
    frame.current.contentWindow.postMessage(message, '*');
  }, [ready, code, data, params]);

  return (
    <div className="viz-frame">
      <iframe
        ref={frame}
        title="Chart"
        data-testid="viz-sandbox"
        sandbox="allow-scripts"
        referrerPolicy="no-referrer"
        src={origin + '/sandbox.html'}
        style={{ width: '100%', height: 420, border: '1px solid #e5e7eb', borderRadius: 6, background: '#fff' }}
      />
      {error ? (
        <p role="alert" className="error" data-testid="viz-error">
          The chart failed: {error}
        </p>
      ) : null}
    </div>
  );
}
