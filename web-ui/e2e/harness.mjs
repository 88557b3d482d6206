// Shared by the browser suites: the portal's sign-in through Keycloak's real page, and the JUnit report that lets
// ./aide test count each suite's steps beside the Maven ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPORTS = resolve(dirname(fileURLToPath(import.meta.url)), '../target/failsafe-reports');

/**
 * The gateway the suites drive: AIDE_GATEWAY_URL, else the dev stack's portal on this host, shifted by
 * AIDE_PORT_OFFSET as ./aide shifts every port (a second checkout's stack). 127.0.0.1, as ./aide names it, never
 * localhost: the session cookies are the host's, and the test proxy listens on 127.0.0.1, so a sign-in on
 * localhost would leave the proxied pages signed out.
 */
export function gatewayUrl() {
  const offset = Number(process.env.AIDE_PORT_OFFSET ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw new Error(`AIDE_PORT_OFFSET must be a number, got '${process.env.AIDE_PORT_OFFSET}'`);
  return process.env.AIDE_GATEWAY_URL ?? `http://127.0.0.1:${8080 + offset}`;
}

/**
 * A suite's step runner: each step's outcome is logged and kept in {@code results} ({name, ok, ms, error}); a failed
 * step rethrows after {@code onFailure} has said what the page showed.
 */
export function stepRunner(results, onFailure = async () => {}) {
  return async function step(name, fn) {
    const started = Date.now();
    try {
      await fn();
      results.push({ name, ok: true, ms: Date.now() - started });
      console.log(`  ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      results.push({ name, ok: false, ms: Date.now() - started, error: e.message });
      console.log(`  FAIL ${name}: ${e.message.split('\n')[0]}`);
      await onFailure(e);
      throw e;
    }
  };
}

/** The portal's "Sign in": through the gateway to Keycloak's login page (authorization code with PKCE) and back. */
export async function signIn(page, gateway, user) {
  await page.goto(`${gateway}/`);
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(user);
  await page.locator('#kc-login').click();
  await page.getByTestId('who').waitFor();
}

/**
 * Writes target/failsafe-reports/TEST-web-ui-<suite>-e2e.xml: one testcase per step ({name, ok, ms, error}), a
 * failure with its message for each step that failed.
 */
export function writeJUnitReport(suite, results) {
  mkdirSync(REPORTS, { recursive: true });
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const cases = results
    .map((r) => `  <testcase classname="web-ui.${suite}" name="${esc(r.name)}" time="${(r.ms ?? 0) / 1000}">${r.ok ? '' : `<failure message="${esc(r.error)}"/>`}</testcase>`)
    .join('\n');
  const failures = results.filter((r) => !r.ok).length;
  writeFileSync(
    join(REPORTS, `TEST-web-ui-${suite}-e2e.xml`),
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="web-ui.${suite}" tests="${results.length}" failures="${failures}" errors="0" skipped="0">\n${cases}\n</testsuite>\n`,
  );
}
