// The modeler drawer's steps of the AI browser suite (ai.e2e.mjs): the deterministic analysis without a model, a
// streamed answer with the scripted one, a reload restoring the session, the model draft changed by the user and by
// the modeler's answer (each a new version, restored after a reload), save (the open session gone, the saved
// conversation holding every message and the draft), the user's saved conversations listed and one reopened
// read-only, and another session cancelled.

/**
 * @param {object} s the suite's helpers: step, check, page (bob's), admin (gwen's page), gateway, api, script, useModel, removeModel,
 *                   requestsFor, run (this run's suffix), the data source the suite uploaded, and shot (a screenshot
 *                   when AIDE_SCREENSHOTS names a directory)
 */
export async function modelerSteps({ step, check, page, admin, gateway, api, script, useModel, removeModel, requestsFor, run, dataSourceId, shot }) {
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

  const draft = drawer.getByTestId('model-draft');
  const draftVersion = async () => (await draft.getAttribute('data-version')) ?? '';
  const storedDraft = async () => (await api(page, 'GET', sessionPath)).body?.modelDraft ?? null;

  await step('the model draft: the proposed star schema changed by hand is saved as version 1 and restored by a reload', async () => {
    // no draft yet: the analysis' star schema is the proposal
    await draft.getByLabel('Name of fact 1').waitFor();
    check((await draftVersion()) === '', `a draft version is shown before any save: ${await draftVersion()}`);
    check((await storedDraft()) === null, 'the session has a draft before any save');
    check((await draft.getByLabel('Name of fact 1').inputValue()) === 'fact_payment', `the proposed fact is ${await draft.getByLabel('Name of fact 1').inputValue()}`);
    await draft.getByLabel('Name of fact 1').fill('fact_payment_e2e');
    await draft.getByRole('button', { name: 'Remove dimension dim_date' }).click();
    await draft.getByLabel('New dimension').fill('dim_channel');
    await draft.getByLabel('from table').fill('raw_orders');
    await draft.getByRole('button', { name: 'Add dimension' }).click();
    check((await draft.getAttribute('data-dirty')) === 'true', 'the changed draft is not marked unsaved');
    await draft.getByRole('button', { name: 'Save draft as version 1' }).click();
    await page.locator('[data-testid="model-draft"][data-version="1"][data-dirty="false"]').waitFor();
    const stored = await storedDraft();
    const names = (list) => (list ?? []).map((t) => t.name);
    check(stored?.version === 1, `the session's draft: ${JSON.stringify(stored)}`);
    check(names(stored.model.facts)[0] === 'fact_payment_e2e', `the stored facts: ${names(stored.model.facts)}`);
    check(!names(stored.model.dimensions).includes('dim_date') && names(stored.model.dimensions).includes('dim_channel'), `the stored dimensions: ${names(stored.model.dimensions)}`);
    check(!stored.model.facts[0].dimensions.includes('dim_date'), `the fact still uses dim_date: ${stored.model.facts[0].dimensions}`);
    await page.reload();
    await drawer.getByTestId('modeler-restored').waitFor();
    await page.locator('[data-testid="model-draft"][data-version="1"]').waitFor();
    check((await draft.getByLabel('Name of fact 1').inputValue()) === 'fact_payment_e2e', 'the reload did not restore the draft');
    check((await draft.getByRole('button', { name: 'Remove dimension dim_date' }).count()) === 0, 'the removed dimension is back after the reload');
    await draft.getByRole('button', { name: 'Remove dimension dim_channel' }).waitFor();
  });

  await step('the modeler\'s answer changes the model: it read draft version 1, and "Use as draft" makes its model version 2', async () => {
    const name = `modeler-draft-${run}`;
    const changed = { facts: [{ name: 'fact_payment_daily', grain: 'one row per order and day', dimensions: ['dim_customer'] }], dimensions: [{ name: 'dim_customer', source: 'raw_customers' }] };
    script(name, ['## 2. Recommended analytical data models\n', 'A daily grain is enough for the payments.\n', '```json\n' + JSON.stringify(changed) + '\n```\n']);
    await useModel(name);
    await drawer.getByLabel('Ask the modeler').fill('Would a daily payments fact do?');
    await drawer.getByRole('button', { name: 'Send' }).click();
    await drawer.getByTestId('modeler-streaming').waitFor({ state: 'detached' });
    check((await messages.count()) === 5, `the conversation has ${await messages.count()} messages`);
    const sent = JSON.parse(requestsFor(name)[0].body).messages.map((m) => m.content).join('\n');
    check(sent.includes('Current model draft (version 1)') && sent.includes('fact_payment_e2e'), 'the model was not given the draft');
    // the edits made meanwhile are not lost by the turn: the draft is still version 1
    check((await draftVersion()) === '1', `after the turn the draft shows version ${await draftVersion()}`);
    await drawer.getByRole('button', { name: 'Use the model of answer 5 as the draft' }).click();
    await page.locator('[data-testid="model-draft"][data-version="2"]').waitFor();
    check((await draft.getByLabel('Name of fact 1').inputValue()) === 'fact_payment_daily', 'the answer\'s model is not the draft');
    const stored = await storedDraft();
    check(stored?.version === 2 && stored.model.facts[0].name === 'fact_payment_daily', `the session's draft: ${JSON.stringify(stored)}`);
    await page.reload();
    await page.locator('[data-testid="model-draft"][data-version="2"]').waitFor();
    check((await draft.getByLabel('Name of fact 1').inputValue()) === 'fact_payment_daily', 'the reload did not restore version 2');
    await shot(page, '15-modeler-draft');
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
    check(saved.body.messages.length === 5 && saved.body.messages[2].content.includes('payment grain'), `PostgreSQL holds ${saved.body.messages.length} messages`);
    check(saved.body.modelDraft?.version === 2 && saved.body.modelDraft.model.facts[0].name === 'fact_payment_daily', `the saved draft: ${JSON.stringify(saved.body.modelDraft)}`);
    await page.reload();
    await drawer.getByTestId('modeler-read-only').waitFor();
    check((await messages.count()) === 5, `the reopened conversation shows ${await messages.count()} messages`);
    check((await drawer.getByLabel('Ask the modeler').count()) === 0 && (await drawer.getByRole('button', { name: 'Save', exact: true }).count()) === 0, 'the saved conversation can still be changed');
    await page.locator('[data-testid="model-draft"][data-version="2"]').waitFor();
    check((await draft.locator('input, button').count()) === 0, 'the saved draft can still be edited');
  });

  await step('the user\'s saved conversations are listed, and one opens read-only from the list', async () => {
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    const listed = await api(page, 'GET', '/api/v1/ai/modeler/conversations');
    const mine = (listed.body?.conversations ?? []).find((c) => c.dataModelId === dataModelId);
    check(listed.status === 200 && mine, `the list has no ${dataModelId}: ${listed.status} ${JSON.stringify(listed.body).slice(0, 300)}`);
    const row = page.locator(`[data-testid="saved-conversations"] tr[data-conversation="${mine.conversationId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    check(text.includes(`payments star ${run}`) && text.includes('5') && text.includes('version 2'), `the listed conversation: ${text}`);
    await row.getByRole('button', { name: `Open the saved conversation payments star ${run}` }).click();
    await page.waitForURL((u) => u.searchParams.get('conversation') === mine.conversationId && u.searchParams.get('dataModel') === dataModelId);
    await drawer.getByTestId('modeler-read-only').waitFor();
    check((await messages.count()) === 5, `the conversation opened from the list shows ${await messages.count()} messages`);
    check((await drawer.getByLabel('Ask the modeler').count()) === 0, 'the conversation opened from the list can be changed');
    await page.locator('[data-testid="model-draft"][data-version="2"]').waitFor();
    // gwen, an admin of the same tenant, governs its saved conversations: bob's is in her list and opens for her
    // (an engineer of the tenant who did not save it gets 404: AiHubModelerThroughGatewayIT, carol)
    const others = await api(admin, 'GET', '/api/v1/ai/modeler/conversations');
    check(others.status === 200 && (others.body.conversations ?? []).some((c) => c.conversationId === mine.conversationId),
      `the tenant's admin does not list bob's conversation: ${others.status}`);
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
    check(saved.status === 200 && saved.body.messages.length === 5, 'cancelling touched the saved conversation');
  });
}
