import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api/http';

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  text: string;
  code?: string;
}

interface ToastApi {
  push: (toast: Omit<Toast, 'id'>) => void;
}

const ToastContext = createContext<ToastApi>({ push: () => undefined });
const SignOutContext = createContext<() => void>(() => undefined);

const LIFETIME_MS = 8000;

/** Toasts at the bottom of the page; errors show the problem+json `detail` the API sent. */
export function ToastProvider({ children, onUnauthenticated }: { children: ReactNode; onUnauthenticated: () => void }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = next.current++;
      setToasts((all) => [...all.filter((t) => t.text !== toast.text), { ...toast, id }].slice(-4));
      setTimeout(() => dismiss(id), LIFETIME_MS);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ push }), [push]);
  return (
    <ToastContext.Provider value={api}>
      <SignOutContext.Provider value={onUnauthenticated}>
        {children}
        <div className="toasts" role="status" aria-live="polite">
          {toasts.map((t) => (
            <div key={t.id} className={`toast ${t.kind}`} data-code={t.code}>
              <span>{t.text}</span>
              <button type="button" className="link" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
                ×
              </button>
            </div>
          ))}
        </div>
      </SignOutContext.Provider>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  return useContext(ToastContext);
}

/** Reports a failed call: a 401 ends the session, anything else becomes a toast with the problem's detail. */
export function useReportError(): (error: unknown, what?: string) => void {
  const { push } = useToasts();
  const signOut = useContext(SignOutContext);
  return useCallback(
    (error: unknown, what?: string) => {
      if (error instanceof ApiError && error.unauthenticated) {
        signOut();
        return;
      }
      const text = error instanceof ApiError ? error.detail ?? error.message : error instanceof Error ? error.message : String(error);
      push({ kind: 'error', text: what ? `${what}: ${text}` : text, code: error instanceof ApiError ? error.code : undefined });
    },
    [push, signOut],
  );
}
