// Parses RFC 5322 Date: values into ISO 8601 without trusting Date.parse with the zone, because
// real list mail carries impossible zones (+9900) that must be reported, not silently shifted.
import type { Diagnostic } from './types';

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
const ZONES: Record<string, number> = { ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };
// Day-of-week, day, month, year, time, zone: the RFC 5322 shape with the usual liberties.
const RFC5322 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/;
// Dates outside this window are garbage in mailing-list mail (the archives start in the 1990s).
const YEAR_MIN = 1970;
const YEAR_MAX = 2100;

/** The date as ISO 8601 UTC, or null with a diagnostic when it cannot be trusted. */
export function decodeDate(value: string | null, diagnostics: Diagnostic[]): string | null {
  if (value === null || value.trim() === '') {
    diagnostics.push({ ruleId: 'date-missing', reason: 'no Date: header', line: null });
    return null;
  }
  const v = value.trim().slice(0, 200);
  const m = RFC5322.exec(v);
  if (m === null) return fallback(v, diagnostics);
  const day = Number(m[1]);
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  let year = Number(m[3]);
  if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month === undefined || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return fallback(v, diagnostics);
  let offsetMin = 0;
  const zone = m[7];
  if (zone !== undefined && /^[+-]\d{4}$/.test(zone)) {
    const hh = Number(zone.slice(1, 3));
    const mm = Number(zone.slice(3, 5));
    if (hh > 14 || mm > 59) {
      // +9900 and friends: keep the wall-clock time, read as UTC, and say so.
      diagnostics.push({ ruleId: 'date-invalid-zone', reason: `impossible time zone ${zone} in "${v}"; read as UTC`, line: null });
    } else {
      offsetMin = (zone[0] === '-' ? -1 : 1) * (hh * 60 + mm);
    }
  } else if (zone !== undefined) {
    const z = ZONES[zone.toLowerCase()];
    if (z === undefined) diagnostics.push({ ruleId: 'date-unknown-zone', reason: `unknown time zone ${zone}; read as UTC`, line: null });
    else offsetMin = z;
  }
  const ms = Date.UTC(year, month, day, hour, minute, second) - offsetMin * 60_000;
  return checkRange(ms, v, diagnostics);
}

function fallback(v: string, diagnostics: Diagnostic[]): string | null {
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) {
    diagnostics.push({ ruleId: 'date-unparsable', reason: `cannot parse date "${v.slice(0, 80)}"`, line: null });
    return null;
  }
  return checkRange(ms, v, diagnostics);
}

function checkRange(ms: number, v: string, diagnostics: Diagnostic[]): string | null {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  if (Number.isNaN(ms) || y < YEAR_MIN || y > YEAR_MAX) {
    diagnostics.push({ ruleId: 'date-out-of-range', reason: `date "${v.slice(0, 80)}" is outside ${YEAR_MIN}..${YEAR_MAX}`, line: null });
    return null;
  }
  return d.toISOString();
}
