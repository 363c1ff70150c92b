/**
 * "What visitors are telling us" (issue 17): pages ranked by how useful visitors found them, a page's weekly
 * trend, the biggest changes since the previous period, a page's reasons and comments, and the services the
 * deployment names for the filters (services.ts). Read only: every route needs the viewer role. Registered
 * under `{basePath}/console/api` by the caller, behind its guard.
 */
import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../../contract.js';
import { limitFor, type RouteOptions } from '../../route-options.js';
import { period, refuseQuery } from '../../routes/admin-query.js';
import { queryReader } from '../../query-contract.js';
import { sendExport } from '../../export.js';
import { countsOf, pageHeaders, pageRow, rank, talliesByPage, usefulness, type Tally } from './counts.js';
import { pathOf, urlsOfKey } from './page-key.js';
import { reasonsAndComments } from './reasons.js';
import { inService, serviceOf } from './services.js';
import * as sql from './statements.js';
import { addDays, daysBetween, isoWeek, mondays, weekStart } from './weeks.js';

/** The longest weekly trend answered (about ten years). */
const MOST_WEEKS = 530;
/** The changes' period when none is given. */
const DEFAULT_PERIOD_DAYS = 28;

/** `from` and `to` as whole UTC days (`to` the first day not counted), or the refusal's field errors. */
function dayRange(query: { from?: string; to?: string }, fieldErrors: FieldError[]): sql.DayRange {
  const { from, to } = period(query, fieldErrors);
  return { from: from?.slice(0, 10), to: to?.slice(0, 10) };
}

const today = (): string => new Date().toISOString().slice(0, 10);

export async function insightsRoutes(app: FastifyInstance, { config, store, contract }: RouteOptions): Promise<void> {
  const segments = config.consolePageLanguages;
  /** The stored URLs in `lang`; undefined without one (every URL). */
  const urlsIn = async (lang: string | undefined): Promise<Set<string> | undefined> =>
    lang
      ? new Set((await store.all<{ page_url: string }>(sql.urlsInLanguage(lang))).map((row) => row.page_url))
      : undefined;
  /** Keeps the rows of URLs in `lang` (all of them without one). */
  const inLanguage = async <R extends { page_url: string }>(rows: R[], lang: string | undefined): Promise<R[]> => {
    const urls = await urlsIn(lang);
    return urls ? rows.filter((row) => urls.has(row.page_url)) : rows;
  };
  const services = config.consoleServices;
  /** Whether the deployment names services: then each ranked page says which it is in. */
  const named = services.length > 0;
  /**
   * Whether a page's key passes the path prefix and the service asked for (each when given); a refusal's
   * field error when no service has that code.
   */
  const pathFilter = (query: { path?: string; service?: string }, fieldErrors: FieldError[]) => {
    const service = query.service === undefined ? undefined : services.find(({ code }) => code === query.service);
    if (query.service !== undefined && !service && !fieldErrors.some(({ field }) => field === 'service'))
      fieldErrors.push({ field: 'service', code: 'invalid', message: 'No service has this code.' });
    return (page: string): boolean => {
      const path = pathOf(page);
      return (!query.path || path.startsWith(query.path)) && (!service || inService(path, service));
    };
  };
  const viewer = { config: { role: 'viewer' as const, ...limitFor(config.rateLimit.admin, 'admin') } };

  const pagesQuery = queryReader(contract, 'consolePages', ['order', 'limit', 'offset']);
  app.get('/pages', viewer, async (request, reply) => {
    const { query, fieldErrors } = pagesQuery(request.query);
    const range = dayRange(query, fieldErrors);
    const kept = pathFilter(query, fieldErrors);
    if (fieldErrors.length) return refuseQuery(reply, fieldErrors);
    const rows = await inLanguage(await store.all<sql.PageAnswerRow>(sql.answersByUrl(range)), query.lang);
    const pages = [...talliesByPage(rows, segments)]
      .filter(([page]) => kept(page))
      .map(([page, tally]) => usefulness(page, tally))
      .map((p) => (named ? { ...p, service: serviceOf(pathOf(p.page), services) } : p));
    const { order, limit, offset } = query;
    const ranked = rank(pages, order);
    if (query.format)
      return sendExport(reply, query.format, `pages-${order}`, pageHeaders(named), ranked.map(pageRow(named)));
    return { order, total: pages.length, offset, limit, items: ranked.slice(offset, offset + limit) };
  });

  app.get('/services', viewer, async () => ({ items: services }));

  const trendQuery = queryReader(contract, 'consolePageTrend');
  app.get('/pages/trend', viewer, async (request, reply) => {
    const { query, fieldErrors } = trendQuery(request.query);
    const range = dayRange(query, fieldErrors);
    if (fieldErrors.length) return refuseQuery(reply, fieldErrors);
    const inLang = await urlsIn(query.lang);
    const urls = urlsOfKey(query.page, segments).filter((url) => !inLang || inLang.has(url));
    const rows = urls.length ? await store.all<sql.DayAnswerRow>(sql.answersByDay(urls, range)) : [];
    const first = range.from ?? rows[0]?.day;
    const last = range.to ? addDays(range.to, -1) : rows.at(-1)?.day;
    if (!first || !last || first > last) return { page: query.page, weeks: [] };
    if (daysBetween(first, last) / 7 > MOST_WEEKS) {
      return refuseQuery(reply, [
        { field: 'from', code: 'invalid', message: `The trend covers at most ${MOST_WEEKS} weeks.` },
      ]);
    }
    const byWeek = new Map(mondays(first, last).map((monday) => [monday, { yes: 0, no: 0 }]));
    for (const row of rows) {
      const week = byWeek.get(weekStart(row.day));
      if (week && (row.answer === 'yes' || row.answer === 'no')) week[row.answer] += Number(row.votes);
    }
    const weeks = [...byWeek].map(([start, { yes, no }]) => ({ week: isoWeek(start), start, ...countsOf(yes, no) }));
    return { page: query.page, weeks };
  });

  const changesQuery = queryReader(contract, 'consolePageChanges', ['minAnswers', 'limit', 'offset']);
  app.get('/pages/changes', viewer, async (request, reply) => {
    const { query, fieldErrors } = changesQuery(request.query);
    const range = dayRange(query, fieldErrors);
    const kept = pathFilter(query, fieldErrors);
    if (fieldErrors.length) return refuseQuery(reply, fieldErrors);
    const to = range.to ?? addDays(today(), 1);
    const from = range.from ?? addDays(to, -DEFAULT_PERIOD_DAYS);
    if (from >= to) return refuseQuery(reply, [{ field: 'to', code: 'invalid', message: 'to must be after from.' }]);
    const previousFrom = addDays(from, -daysBetween(from, to));
    const all = await store.all<sql.PeriodAnswerRow>(sql.answersByPeriod(previousFrom, from, to));
    const rows = await inLanguage(all, query.lang);
    const current = talliesByPage(
      rows.filter((row) => row.period === 'current'),
      segments,
    );
    const previous = talliesByPage(
      rows.filter((row) => row.period === 'previous'),
      segments,
    );
    const enough = (tally: Tally | undefined): tally is Tally =>
      tally !== undefined && tally.yes + tally.no >= query.minAnswers;
    const items = [];
    for (const [page, now] of current) {
      const before = previous.get(page);
      if (!enough(now) || !enough(before) || !kept(page)) continue;
      const [nowCounts, beforeCounts] = [countsOf(now.yes, now.no), countsOf(before.yes, before.no)];
      items.push({ page, current: nowCounts, previous: beforeCounts, change: nowCounts.share! - beforeCounts.share! });
    }
    items.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.page < b.page ? -1 : 1));
    const { minAnswers, limit, offset } = query;
    return {
      current: { from, to },
      previous: { from: previousFrom, to: from },
      minAnswers,
      total: items.length,
      offset,
      limit,
      items: items.slice(offset, offset + limit),
    };
  });

  const reasonsQuery = queryReader(contract, 'consolePageReasons', ['reasons', 'limit', 'offset']);
  app.get('/pages/reasons', viewer, async (request, reply) => {
    const { query, fieldErrors } = reasonsQuery(request.query);
    const range = period(query, fieldErrors);
    if (fieldErrors.length) return refuseQuery(reply, fieldErrors);
    const rows = await store.all<sql.DetailRow>(sql.detailsOf(urlsOfKey(query.page, segments), range, query.lang));
    const { yes, no, comments } = reasonsAndComments(rows, query.reasons);
    const { limit, offset } = query;
    return {
      page: query.page,
      yes,
      no,
      comments: { total: comments.length, offset, limit, items: comments.slice(offset, offset + limit) },
    };
  });
}
