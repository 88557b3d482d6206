import { useCallback, useEffect, useState } from 'react';
import type { DocumentSummary } from './api/documents';
import { currentSession, logout, type Session } from './api/session';
import { DocumentsPage } from './features/documents/DocumentsPage';
import { GenerationView } from './features/generation/GenerationView';
import { LoginForm } from './features/login/LoginForm';

type Auth = { kind: 'checking' } | { kind: 'anonymous' } | { kind: 'signed-in'; session: Session };

export function App() {
  const [auth, setAuth] = useState<Auth>({ kind: 'checking' });
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [generateFor, setGenerateFor] = useState<string | null>(null);

  useEffect(() => {
    currentSession()
      .then((session) => setAuth({ kind: 'signed-in', session }))
      .catch(() => setAuth({ kind: 'anonymous' }));
  }, []);

  const signedOut = useCallback(() => setAuth({ kind: 'anonymous' }), []);
  const onGenerate = useCallback((doc: DocumentSummary) => setGenerateFor(doc.documentId), []);

  if (auth.kind === 'checking') {
    return <main className="center muted">Loading…</main>;
  }
  if (auth.kind === 'anonymous') {
    return (
      <main className="center">
        <LoginForm onLoggedIn={(session) => setAuth({ kind: 'signed-in', session })} />
      </main>
    );
  }
  return (
    <>
      <nav className="topbar">
        <strong>AIDE</strong>
        <span className="spacer" />
        <span data-testid="who">
          {auth.session.user} · {auth.session.tenant}
        </span>
        <button type="button" className="secondary" onClick={() => void logout().finally(signedOut)}>
          Log out
        </button>
      </nav>
      <main>
        <DocumentsPage onUnauthenticated={signedOut} onGenerate={onGenerate} onDocuments={setDocuments} />
        <GenerationView
          key={generateFor ?? 'none'}
          documents={documents}
          initialDocumentId={generateFor}
          onUnauthenticated={signedOut}
        />
      </main>
    </>
  );
}
