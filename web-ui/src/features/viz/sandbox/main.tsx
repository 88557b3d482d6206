import React, { Component, useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { compileComponent } from './compile';
import { queryResultSchema, vizParamsSchema, type QueryResult, type SandboxReply, type VizParams } from '../schema';

/*
 * The chart sandbox: framed by the portal from another origin with sandbox="allow-scripts" and a policy without any
 * network access. It takes render messages from its parent only, compiles the component and renders it; a component
 * that throws shows its error here and tells the parent.
 */

const rootElement = document.getElementById('root')!;
const root = createRoot(rootElement);
let compiled: { source: string; component: React.ComponentType<{ data: QueryResult; params: VizParams }> } | null = null;

function reply(message: SandboxReply) {
  // the portal's origin is not known to an opaque-origin page; replies carry no data of the chart
  window.parent.postMessage(message, '*');
}

class Boundary extends Component<{ renderId: number; children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    reply({ type: 'error', renderId: this.props.renderId, message: error.message || String(error) });
  }

  render() {
    return this.state.error ? <ErrorView message={this.state.error.message || String(this.state.error)} /> : this.props.children;
  }
}

function ErrorView({ message }: { message: string }) {
  return (
    <div role="alert" data-sandbox-error style={{ color: '#991b1b', background: '#fef2f2', border: '1px solid #fecaca', padding: 12, borderRadius: 6, font: '13px system-ui' }}>
      <strong>The chart failed: </strong>
      <span>{message}</span>
    </div>
  );
}

function Rendered({ renderId }: { renderId: number }) {
  useEffect(() => reply({ type: 'rendered', renderId }), [renderId]);
  return null;
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const message = event.data as { type?: unknown; code?: unknown; data?: unknown; params?: unknown; renderId?: unknown };
  if (!message || message.type !== 'render' || typeof message.code !== 'string' || typeof message.renderId !== 'number') return;
  const renderId = message.renderId;
  const data = queryResultSchema.safeParse(message.data);
  const params = vizParamsSchema.safeParse(message.params ?? {});
  if (!data.success || !params.success) {
    const text = 'The chart data or parameters are malformed: ' + (data.error ?? params.error)?.issues[0]?.message;
    root.render(<ErrorView message={text} />);
    reply({ type: 'error', renderId, message: text });
    return;
  }
  try {
    if (!compiled || compiled.source !== message.code) {
      compiled = { source: message.code, component: compileComponent(message.code, React) };
    }
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    root.render(<ErrorView message={text} />);
    reply({ type: 'error', renderId, message: text });
    return;
  }
  const Viz = compiled.component;
  root.render(
    <Boundary key={renderId} renderId={renderId}>
      <Viz data={data.data} params={params.data} />
      <Rendered renderId={renderId} />
    </Boundary>,
  );
});

window.addEventListener('error', (event) => reply({ type: 'error', renderId: -1, message: event.message }));
window.addEventListener('unhandledrejection', (event) => reply({ type: 'error', renderId: -1, message: String(event.reason) }));
reply({ type: 'ready' });
