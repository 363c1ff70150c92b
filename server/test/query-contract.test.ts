/**
 * Query strings follow the contract: each route's query limits are its operation's parameters in
 * api/openapi.yaml, so a test copy of the contract with other limits makes the collector enforce those;
 * and what the reader does to text before Ajv (integers, repeats, defaults) holds for every route.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Contract, loadOpenApi, type OpenApiDocument } from '../contract.js';
import { queryParameters, queryReader } from '../query-contract.js';
import { auth, contract, suiteApp } from './helpers.js';

/** The schema of `operationId`'s query parameter `name` in `document`, to change in a test copy. */
function parameterSchema(document: OpenApiDocument, operationId: string, name: string): Record<string, unknown> {
  const parameter = queryParameters(document, operationId).find((candidate) => candidate.name === name);
  assert.ok(parameter?.schema, `${operationId} has a query parameter ${name}`);
  return parameter.schema;
}

const GET_ROUTES_WITH_QUERIES: Record<string, string> = {
  tally: '/tally',
  ideas: '/ideas',
  listSubmissions: '/admin/submissions',
  exportSubmissions: '/admin/submissions/export',
  listIdeas: '/admin/ideas',
  listConsultations: '/admin/consultations',
  exportAudit: '/admin/audit',
  dailyPageVotes: '/admin/page-votes/daily',
  pageChanges: '/changes',
  listChangeNotes: '/console/api/changes',
  listPanelMembers: '/console/api/panel',
  listCases: '/console/api/cases',
  consolePages: '/console/api/pages',
  consolePageTrend: '/console/api/pages/trend',
  consolePageChanges: '/console/api/pages/changes',
  consolePageReasons: '/console/api/pages/reasons',
  listConsoleIdeas: '/console/api/ideas',
  listConsoleConsultations: '/console/api/consultations',
  listConsultationViews: '/console/api/consultations/{id}/views',
};

describe('every operation with query parameters is a route that reads them from the contract', () => {
  const document = loadOpenApi();
  const withQuery = Object.values(document.paths)
    .flatMap((item) => Object.values(item) as { operationId?: string }[])
    .map((operation) => operation.operationId)
    .filter((id): id is string => id !== undefined && queryParameters(document, id).length > 0);

  it('names each of them here, so that the test below covers all', () => {
    assert.deepEqual(withQuery.sort(), Object.keys(GET_ROUTES_WITH_QUERIES).sort());
  });
});

describe('a test copy of the contract with other query limits is what the collector enforces', () => {
  const document = loadOpenApi();
  parameterSchema(document, 'tally', 'page').maxLength = 10;
  Object.assign(parameterSchema(document, 'ideas', 'limit'), { maximum: 3, default: 2 });
  Object.assign(parameterSchema(document, 'ideas', 'sort'), { enum: ['newest'], default: 'newest' });
  parameterSchema(document, 'listSubmissions', 'limit').maximum = 4;
  parameterSchema(document, 'exportSubmissions', 'format').default = 'json';
  parameterSchema(document, 'listIdeas', 'limit').maximum = 5;
  parameterSchema(document, 'exportAudit', 'format').enum = ['csv'];
  parameterSchema(document, 'dailyPageVotes', 'page').maxLength = 8;
  parameterSchema(document, 'pageChanges', 'page').maxLength = 10;
  parameterSchema(document, 'listChangeNotes', 'limit').maximum = 6;
  parameterSchema(document, 'listPanelMembers', 'city').maxLength = 5;
  parameterSchema(document, 'listConsultations', 'type').enum = ['legal'];
  parameterSchema(document, 'listCases', 'assignee').maxLength = 5;
  // The console's export format is one parameter shared by its lists: the copy leaves JSON out of all.
  parameterSchema(document, 'listConsoleIdeas', 'format').enum = ['csv'];
  parameterSchema(document, 'listConsoleConsultations', 'type').enum = ['non-legal'];
  parameterSchema(document, 'listConsultationViews', 'limit').maximum = 9;
  const t = suiteApp('sqlite', {}, new Contract(document));

  before(async () => {
    // The views' route answers 404 for a consultation it does not have, before it reads the query.
    const now = Date.now();
    const [opensAt, closesAt] = [now - 86_400_000, now + 86_400_000].map((ms) => new Date(ms).toISOString());
    const consultation = { title: 'Shaded walkways', type: 'non-legal', opensAt, closesAt };
    const response = await t.app.inject({
      method: 'PUT',
      url: '/admin/consultations/walkways',
      payload: consultation,
      headers: auth,
    });
    assert.equal(response.statusCode, 200, response.body);
  });

  const fieldsOf = async (url: string): Promise<{ status: number; fields: string[] }> => {
    const response = await t.app.inject({ url, headers: /^\/(admin|console)\//.test(url) ? auth : {} });
    const refused = response.statusCode === 422;
    const body = refused ? (response.json() as { fieldErrors: { field: string }[] }) : { fieldErrors: [] };
    return { status: response.statusCode, fields: body.fieldErrors.map((error) => error.field) };
  };

  const cases: Array<[string, string, number, string[]]> = [
    ["tally: page within the copy's 10 characters", '/tally?page=https%3A%2F%2Fx', 200, []],
    ['tally: page over them', '/tally?page=https%3A%2F%2Fx.sa%2F', 422, ['page']],
    ['ideas: limit 3', '/ideas?limit=3', 200, []],
    ['ideas: limit 4', '/ideas?limit=4', 422, ['limit']],
    ['ideas: a sort the copy left out', '/ideas?sort=supported', 422, ['sort']],
    ['admin list: limit 4', '/admin/submissions?limit=4', 200, []],
    ['admin list: limit 5', '/admin/submissions?limit=5', 422, ['limit']],
    ['admin ideas: limit 5', '/admin/ideas?limit=5', 200, []],
    ['admin ideas: limit 6', '/admin/ideas?limit=6', 422, ['limit']],
    ['audit: csv', '/admin/audit?format=csv', 200, []],
    ['audit: json, which the copy left out', '/admin/audit?format=json', 422, ['format']],
    ['daily votes: page of 8', '/admin/page-votes/daily?page=12345678', 200, []],
    ['daily votes: page of 9', '/admin/page-votes/daily?page=123456789', 422, ['page']],
    ["changes: page within the copy's 10 characters", '/changes?page=https%3A%2F%2Fx', 200, []],
    ['changes: page over them', '/changes?page=https%3A%2F%2Fx.sa%2F', 422, ['page']],
    ['console notes: limit 6', '/console/api/changes?limit=6', 200, []],
    ['console notes: limit 7', '/console/api/changes?limit=7', 422, ['limit']],
    ['admin consultations: legal', '/admin/consultations?type=legal', 200, []],
    ['admin consultations: non-legal, which the copy left out', '/admin/consultations?type=non-legal', 422, ['type']],
    ['cases: an assignee of 5', '/console/api/cases?assignee=noura', 200, []],
    ['cases: an assignee of 6', '/console/api/cases?assignee=khalid', 422, ['assignee']],
    ['lab panel: a city of 5', '/console/api/panel?city=Abha1', 200, []],
    ['lab panel: a city of 6', '/console/api/panel?city=Jeddah', 422, ['city']],
    ['console ideas: a CSV file', '/console/api/ideas?format=csv', 200, []],
    ['console ideas: a JSON file, which the copy left out', '/console/api/ideas?format=json', 422, ['format']],
    ['console pages: a JSON file, which the copy left out', '/console/api/pages?format=json', 422, ['format']],
    ['console consultations: non-legal', '/console/api/consultations?type=non-legal', 200, []],
    ['console consultations: legal, which the copy left out', '/console/api/consultations?type=legal', 422, ['type']],
    ["a consultation's views: limit 9", '/console/api/consultations/walkways/views?limit=9', 200, []],
    ["a consultation's views: limit 10", '/console/api/consultations/walkways/views?limit=10', 422, ['limit']],
  ];
  for (const [name, url, status, fields] of cases) {
    it(name, async () => {
      assert.deepEqual(await fieldsOf(url), { status, fields });
    });
  }

  it("fills the copy's defaults (the export's format)", async () => {
    const response = await t.app.inject({ url: '/admin/submissions/export', headers: auth });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
  });

  it('refuses at start-up a route whose default the contract does not give', () => {
    const bare = loadOpenApi();
    delete parameterSchema(bare, 'ideas', 'limit').default;
    const needed = /ideas's query parameter limit needs a default/;
    assert.throws(() => queryReader(new Contract(bare), 'ideas', ['sort', 'limit']), needed);
  });
});

describe('a query string read as the contract types it', () => {
  const read = queryReader(contract(), 'ideas', ['sort', 'limit']);

  it('fills the defaults and reads integers written as such', () => {
    assert.deepEqual(read({}), { query: { sort: 'supported', limit: 10 }, fieldErrors: [] });
    const read7 = read({ limit: '7', other: 'kept out' });
    assert.deepEqual(read7, { query: { sort: 'supported', limit: 7 }, fieldErrors: [] });
  });

  for (const limit of ['2.5', '1e1', ' 5', '', '0x10', '99999999999999999999']) {
    it(`refuses limit ${JSON.stringify(limit)}`, () => {
      assert.deepEqual(
        read({ limit }).fieldErrors.map((error) => [error.field, error.code]),
        [['limit', 'invalid']],
      );
    });
  }

  it('refuses a parameter given twice, once', () => {
    const twice = read({ sort: ['newest', 'newest'] }).fieldErrors;
    assert.deepEqual(twice, [{ field: 'sort', code: 'invalid', message: 'sort must be given once.' }]);
  });

  it('refuses text no database stores', () => {
    assert.deepEqual(
      read({ topic: 'a\u0000b' }).fieldErrors.map((error) => error.field),
      ['topic'],
    );
  });

  it('answers a missing required parameter as the tally always did', () => {
    const tally = queryReader(contract(), 'tally');
    const required = [{ field: 'page', code: 'required', message: 'page is required.' }];
    assert.deepEqual(tally({}).fieldErrors, required);
    assert.deepEqual(tally({ page: '' }).fieldErrors, required);
  });
});
