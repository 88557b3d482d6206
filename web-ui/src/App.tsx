import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { currentSession, logout, type Session } from './api/session';
import { sessionKeeper } from './api/sessionKeeper';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { LoginForm } from './features/login/LoginForm';
import { SessionContext } from './shell/session';
import { Shell } from './shell/Shell';
import { ToastProvider } from './shell/toasts';

const DocumentPage = lazy(() => import('./features/documents/DocumentPage'));
const GenerationPage = lazy(() => import('./features/generation/GenerationPage'));
const ApiKeysPage = lazy(() => import('./features/admin/ApiKeysPage'));
const AiModelPage = lazy(() => import('./features/admin/AiModelPage'));
const VizPage = lazy(() => import('./features/viz/VizPage'));
const ModelerPage = lazy(() => import('./features/modeler/ModelerPage'));

type Auth = { kind: 'checking' } | { kind: 'anonymous' } | { kind: 'signed-in'; session: Session };

export function App() {
  const [auth, setAuth] = useState<Auth>({ kind: 'checking' });

  useEffect(() => {
    currentSession()
      .then((session) => setAuth({ kind: 'signed-in', session }))
      .catch(() => setAuth({ kind: 'anonymous' }));
  }, []);

  const signedOut = useCallback(() => {
    sessionKeeper.stop();
    setAuth({ kind: 'anonymous' });
  }, []);
  const signedIn = auth.kind === 'signed-in';

  // the session is renewed ahead of the access token's expiry while someone uses the portal (api/sessionKeeper)
  useEffect(() => {
    if (!signedIn) return undefined;
    const active = () => sessionKeeper.noteActivity();
    sessionKeeper.onEnded(signedOut);
    window.addEventListener('keydown', active, true);
    window.addEventListener('pointerdown', active, true);
    return () => {
      sessionKeeper.onEnded(null);
      window.removeEventListener('keydown', active, true);
      window.removeEventListener('pointerdown', active, true);
    };
  }, [signedIn, signedOut]);

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
              <Route path="admin/ai-model" element={<AiModelPage />} />
              <Route path="viz" element={<VizPage />} />
              <Route path="viz/:templateId" element={<VizPage />} />
              <Route path="modeler" element={<ModelerPage />} />
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
