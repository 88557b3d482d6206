import { loginErrorMessage, signInUrl } from '../../api/session';

/**
 * The signed-out page: "Sign in" goes through the gateway to the realm's login page (authorization code with PKCE)
 * and comes back to the page the user asked for. A login that could not be completed comes back with login_error,
 * shown here.
 */
export function LoginForm() {
  const params = new URLSearchParams(window.location.search);
  const error = loginErrorMessage(params.get('login_error'));
  params.delete('login_error');
  const rest = params.toString();
  const here = window.location.pathname + (rest ? `?${rest}` : '');
  return (
    <section className="card login" aria-label="Sign in">
      <h1>AIDE</h1>
      <p className="muted">Mapping documents in, a validated semantic layer out.</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <a className="button" href={signInUrl(here)}>
        Sign in
      </a>
    </section>
  );
}
