import { NavLink, Outlet } from 'react-router';
import { useConnection, type ConnectionView } from './connection';
import { useSession } from './session';

const CONNECTION_TEXT: Record<ConnectionView, string> = {
  offline: 'offline',
  idle: 'online',
  connecting: 'connecting…',
  open: 'live',
  reconnecting: 'reconnecting…',
  closed: 'online',
};

export function Shell({ onLogout }: { onLogout: () => void }) {
  const session = useSession();
  const connection = useConnection();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <strong className="brand">AIDE</strong>
        <nav aria-label="Main">
          <NavLink to="/documents">Documents</NavLink>
          {session.roles.includes('admin') && <NavLink to="/admin/api-keys">API keys</NavLink>}
          {session.roles.includes('admin') && <NavLink to="/admin/ai-model">Language model</NavLink>}
          <NavLink to="/viz">Visualize</NavLink>
          <NavLink to="/modeler">Modeler</NavLink>
        </nav>
        <span className="spacer" />
        <span className={`connection ${connection}`} data-testid="connection" role="status" aria-label={`Connection: ${CONNECTION_TEXT[connection]}`}>
          {CONNECTION_TEXT[connection]}
        </span>
        <span data-testid="who" className="who">
          {session.user} · <span className="muted">{session.tenant}</span>
        </span>
        <button type="button" className="secondary" onClick={onLogout}>
          Log out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
