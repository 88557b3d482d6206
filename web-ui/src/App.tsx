import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { currentSession, logout, type Session } from './api/session';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { LoginForm } from './features/login/LoginForm';
import { SessionContext } from './shell/session';
import { Shell } from './shell/Shell';
import { ToastProvider } from './shell/toasts';

const DocumentPage = lazy(() => import('./features/documents/DocumentPage'));
const GenerationPage = lazy(() => import('./features/generation/GenerationPage'));
const ApiKeysPage = lazy(() => import('./features/admin/ApiKeysPage'));
const VizPage = lazy(() => import('./features/viz/VizPage'));

type Auth = { kind: 'checking' } | { kind: 'anonymous' } | { kind: 'signed-in'; session: Session };

export function App() {
  const [auth, setAuth] = useState<Auth>({ kind: 'checking' });

  useEffect(() => {
    currentSession()
      .then((session) => setAuth({ kind: 'signed-in', session }))
      .catch(() => setAuth({ kind: 'anonymous' }));
  }, []);

  const signedOut = useCallback(() => setAuth({ kind: 'anonymous' }), []);

  if (auth.kind === 'checking') {
    return <main className="center muted">Loading…</main>;
  }
  if (auth.kind === 'anonymous') {
    return (
      <main className="center">
        <LoginForm />
      </main>
    );
  }
  return (
    <SessionContext.Provider value={auth.session}>
      <ToastProvider onUnauthenticated={signedOut}>
        <Suspense fallback={<p className="muted pad">Loading…</p>}>
          <Routes>
            <Route element={<Shell onLogout={() => void logout().finally(signedOut)} />}>
              <Route index element={<Navigate to="/documents" replace />} />
              <Route path="documents" element={<DocumentsPage />} />
              <Route path="documents/:documentId" element={<DocumentPage />} />
              <Route path="generations/:generationId" element={<GenerationPage />} />
              <Route path="admin/api-keys" element={<ApiKeysPage />} />
              <Route path="viz" element={<VizPage />} />
              <Route path="viz/:templateId" element={<VizPage />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </ToastProvider>
    </SessionContext.Provider>
  );
}

function NotFound() {
  return (
    <section className="card">
      <h1>Not found</h1>
      <p>
        This address is not a page of the portal. <a href="/documents">Go to the documents.</a>
      </p>
    </section>
  );
}
