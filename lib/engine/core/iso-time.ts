let isoAt = NaN;
let isoText = '';

/**
 * ISO-8601 of an instant (epoch ms), as Date#toISOString writes it. Many states are entered at
 * the same instant within one input, and an execution starts at the instant its StartExecution
 * is applied: the last text is kept.
 */
export function isoTime(ms: number): string {
  if (ms !== isoAt) {
    isoText = formatIso(ms);
    isoAt = ms;
  }
  return isoText;
}

const MS_PER_DAY = 86_400_000;
/** 0001-01-01 and 9999-12-31T23:59:59.999: the years Date#toISOString writes with four digits. */
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_799_999;

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const pad3 = (n: number): string => (n < 10 ? '00' : n < 100 ? '0' : '') + n;

/**
 * Date#toISOString without a Date (which costs more than a microsecond here): the civil date of
 * the day number by H. Hinnant's days-to-civil algorithm, then the time of day. Instants outside
 * years 1–9999 (six-digit years) or not finite go to Date itself.
 */
function formatIso(ms: number): string {
  if (!Number.isInteger(ms) || ms < MIN_MS || ms > MAX_MS) return new Date(ms).toISOString();
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const y = year < 10 ? '000' + year : year < 100 ? '00' + year : year < 1000 ? '0' + year : String(year);
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(millis)}Z`;
}
