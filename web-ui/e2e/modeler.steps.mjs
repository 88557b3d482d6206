// The modeler drawer's steps of the AI browser suite (ai.e2e.mjs): the deterministic analysis without a model, a
// streamed answer with the scripted one, a reload restoring the session, save (the open session gone, the saved
// conversation holding every message), the saved conversation reopened read-only, and another session cancelled.

/**
 * @param {object} s the suite's helpers: step, check, page (bob's), gateway, api, script, useModel, removeModel,
 *                   requestsFor, run (this run's suffix), the data source the suite uploaded, and shot (a screenshot
 *                   when AIDE_SCREENSHOTS names a directory)
 */
export async function modelerSteps({ step, check, page, gateway, api, script, useModel, removeModel, requestsFor, run, dataSourceId, shot }) {
  const drawer = page.getByTestId('modeler');
  const messages = drawer.getByTestId('modeler-messages').locator('[data-role]');
  const sessionPath = `/api/v1/ai/modeler/sessions/${dataSourceId}`;
  const dataModelId = `dm_e2e_${run}`;
  const ANSWER = ['## 1. Structural analysis\n', 'raw_payments is the fact at payment grain', '; raw_orders and raw_customers are its dimensions.'];
  const QUESTION = 'Which grain should the payments fact have?';

  await step('without a model, the modeler drawer shows the deterministic analysis and says the chat needs a model', async () => {
    await removeModel();
    await api(page, 'DELETE', sessionPath);
    await page.goto(`${gateway}/modeler`);
    await page.getByRole('button', { name: new RegExp(`^Build with AI on jaffle-shop \\(ai e2e ${run}\\)$`) }).click();
    await drawer.getByTestId('modeler-summary').waitFor();
    check(new URL(page.url()).searchParams.get('dataSource') === dataSourceId, `the drawer's data source is not in the URL: ${page.url()}`);
    const summary = await drawer.getByTestId('modeler-summary').innerText();
    check(summary.startsWith('3 tables, 11 columns'), `the summary: ${summary}`);
    check((await drawer.getAttribute('data-source')) === 'new' && (await drawer.getByTestId('modeler-restored').count()) === 0, 'a new session is shown as restored');
    const analysis = await messages.first().innerText();
    // the uploaded files' rows are read, so keys and references are measured on them, as a data engineer would model it
    for (const part of [
      '1. Structural analysis and integrity check',
      'raw_orders declares no primary key; id is unique and never missing on the 99 sample rows',
      'raw_orders.user_id references raw_customers.id (inferred from the sample values)',
      '3. SQL implementation strategy',
      'fact_payment',
      'dim_customer',
      'dim_date',
      'CREATE TABLE',
    ]) {
      check(analysis.includes(part), `the analysis lacks "${part}": ${analysis.slice(0, 400)}`);
    }
    check(analysis.includes('needs a language model'), 'the analysis does not say the narrative needs a model');
    await drawer.getByTestId('modeler-no-model').waitFor();
    check(await drawer.getByLabel('Ask the modeler').isDisabled(), 'the chat input is enabled without a model');
    const ddl = await page.request.get(`${gateway}${await drawer.locator('a[data-ddl="postgres"]').getAttribute('href')}`);
    check(ddl.status() === 200 && (await ddl.text()).includes('CREATE TABLE fact_payment'), `the postgres DDL link answered ${ddl.status()}`);
  });

  await step('with the scripted model, a reload restores the session and a question\'s answer streams into the drawer', async () => {
    const name = `modeler-${run}`;
    script(name, { chunks: ANSWER, pauseMs: 1500 });
    await useModel(name);
    await page.reload();
    await drawer.getByTestId('modeler-restored').waitFor();
    check((await drawer.getAttribute('data-source')) === 'redis', `the reopened session came from ${await drawer.getAttribute('data-source')}`);
    check((await messages.count()) === 1, `the restored session has ${await messages.count()} messages`);
    await drawer.getByLabel('Ask the modeler').fill(QUESTION);
    await drawer.getByRole('button', { name: 'Send' }).click();
    // the first piece shows while the model is still writing the rest
    const writing = drawer.getByTestId('modeler-streaming');
    await writing.filter({ hasText: 'Structural analysis' }).waitFor();
    const partial = await writing.innerText();
    check(!partial.includes('are its dimensions'), `the whole answer arrived at once: ${partial}`);
    // once stored, the turn is part of the session's messages
    await writing.waitFor({ state: 'detached' });
    check((await messages.count()) === 3, `the conversation has ${await messages.count()} messages after the turn`);
    check((await messages.nth(2).innerText()).includes('raw_orders and raw_customers are its dimensions.'), 'the stored answer is not the streamed one');
    check((await messages.nth(1).innerText()).includes(QUESTION), 'the question is not in the conversation');
    const calls = requestsFor(name);
    check(calls.length === 1 && JSON.parse(calls[0].body).stream === true, `the model was called ${calls.length} times, or not streamed`);
    const sent = JSON.parse(calls[0].body).messages.map((m) => m.content).join('\n');
    check(sent.includes('raw_payments') && sent.includes(QUESTION) && /principal/i.test(sent), 'the model was not given the brief, the schema context and the question');
  });

  await step('another reload restores the session with the answered turn, marked restored', async () => {
    await page.reload();
    await drawer.getByTestId('modeler-restored').waitFor();
    await messages.nth(2).waitFor();
    check((await messages.count()) === 3, `the restored conversation has ${await messages.count()} messages`);
    await shot(page, '14-modeler-drawer');
    check((await messages.nth(2).innerText()).includes('raw_payments is the fact at payment grain'), 'the answer is not restored');
  });

  await step('save: the open session is gone, the saved conversation holds it, and it reopens read-only', async () => {
    await drawer.locator('input[name="dataModelId"]').fill(dataModelId);
    await drawer.locator('input[name="title"]').fill(`payments star ${run}`);
    await drawer.getByRole('button', { name: 'Save', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('dataModel') === dataModelId);
    await drawer.getByTestId('modeler-read-only').waitFor();
    const open = await api(page, 'GET', sessionPath);
    check(open.status === 404 && open.body?.code === 'modeler_session_not_found', `after the save the open session answers ${open.status}: ${JSON.stringify(open.body)}`);
    const saved = await api(page, 'GET', `/api/v1/ai/modeler/conversations/${dataModelId}`);
    check(saved.status === 200 && saved.body.readOnly === true && saved.body.source === 'database', `the saved conversation: ${saved.status} ${JSON.stringify(saved.body).slice(0, 200)}`);
    check(saved.body.messages.length === 3 && saved.body.messages[2].content.includes('payment grain'), `PostgreSQL holds ${saved.body.messages.length} messages`);
    await page.reload();
    await drawer.getByTestId('modeler-read-only').waitFor();
    check((await messages.count()) === 3, `the reopened conversation shows ${await messages.count()} messages`);
    check((await drawer.getByLabel('Ask the modeler').count()) === 0 && (await drawer.getByRole('button', { name: 'Save', exact: true }).count()) === 0, 'the saved conversation can still be changed');
  });

  await step('another session on the data source starts fresh and is cancelled: nothing is kept', async () => {
    // the drawer took the focus when it opened: Escape closes it
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    check(new URL(page.url()).search === '', `the closed drawer is still in the URL: ${page.url()}`);
    await page.getByRole('button', { name: new RegExp(`^Build with AI on jaffle-shop \\(ai e2e ${run}\\)$`) }).click();
    await drawer.getByTestId('modeler-summary').waitFor();
    check((await drawer.getAttribute('data-source')) === 'new', `the session after the save came from ${await drawer.getAttribute('data-source')}`);
    check((await messages.count()) === 1, `the fresh session has ${await messages.count()} messages`);
    await drawer.getByRole('button', { name: 'Cancel session' }).click();
    await drawer.getByTestId('modeler-cancelled').waitFor();
    const open = await api(page, 'GET', sessionPath);
    check(open.status === 404, `the cancelled session answers ${open.status}`);
    const saved = await api(page, 'GET', `/api/v1/ai/modeler/conversations/${dataModelId}`);
    check(saved.status === 200 && saved.body.messages.length === 3, 'cancelling touched the saved conversation');
  });
}
