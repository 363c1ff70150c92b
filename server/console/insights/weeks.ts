/** ISO 8601 weeks (Monday to Sunday, UTC) of calendar days, for the weekly trend. */

const DAY = 86_400_000;

const dayOf = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
const dateOf = (time: Date): string => time.toISOString().slice(0, 10);

/** The Monday of the ISO week that holds `date` (`2026-03-01`, a Sunday → `2026-02-23`). */
export function weekStart(date: string): string {
  const day = dayOf(date);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return dateOf(new Date(day.getTime() - sinceMonday * DAY));
}

/** The ISO week's name (`2026-W09`): the year is the one of its Thursday, which may differ from its Monday's. */
export function isoWeek(monday: string): string {
  const thursday = new Date(dayOf(monday).getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every Monday from the week of `first` to the week of `last`, both days included. */
export function mondays(first: string, last: string): string[] {
  const result: string[] = [];
  for (let time = dayOf(weekStart(first)).getTime(); time <= dayOf(last).getTime(); time += 7 * DAY)
    result.push(dateOf(new Date(time)));
  return result;
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return dateOf(new Date(dayOf(date).getTime() + days * DAY));
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayOf(to).getTime() - dayOf(from).getTime()) / DAY);
}
