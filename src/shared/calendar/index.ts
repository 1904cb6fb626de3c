export type {
  BusinessCalendar,
  CalendarOverride,
  HolidayFestival,
  Limit,
  PauseInterval,
  WorkingPeriod,
} from './calendar.types';
export {
  DEFAULT_WEEKEND_DAYS,
  DEFAULT_WORKING_HOURS,
  checkYear,
  createCalendar,
  mergeCalendars,
} from './business-calendar.factory';
export { calendarFromFestivals, festivalsToOverride } from './festival-schedule.factory';
export { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
export { toCstDate, toCstMinute } from './cst-time.util';
export { isWorkingDay, nextWorkingDay } from './working-day.calculator';
export { addWorkingMinutes, workingMinutesBetween } from './working-time.calculator';
export { addWorkingDays, computeDeadline, extendByWorkingDays, isRoundTheClock } from './deadline.calculator';
export { deadlineWithPauses } from './pause.calculator';
export { fractionElapsed, reminderTimes, reminderTimesFor, workingReminderTimes } from './reminder.calculator';
export {
  PROVISIONAL_NOTE,
  computeDeadlineWithStatus,
  cstYearOf,
  isProvisional,
  isProvisionalFor,
  lastYearOfRun,
  publishedThroughYearOf,
  scheduleReminderDue,
  withPublishedThroughYear,
  yearsWithHolidays,
} from './published-schedule';
