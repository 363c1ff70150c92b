// Brings ep-widgets/vue's GlobalComponents into the check, as an application's env.d.ts would.
import type {} from 'ep-widgets/vue';
