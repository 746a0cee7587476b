// Attribution lines carry dates in every mail client's own format and language; this reads them
// token by token (no backtracking regex) and keeps exactly what was written: the local wall-clock
// time plus the zone offset when one was given, nothing invented.

/** A date read from an attribution line: ISO 8601 text (or null when incomplete) and how many characters it used. */
export interface LooseDate {
  /** ISO 8601: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` and `±HH:MM` when a zone was written; null without a year. */
  iso: string | null;
  /** Number of characters of the input the date occupies (the name follows). */
  length: number;
}

// Month names in the languages kernel mail clients write attributions in (English, German,
// French, Spanish), keyed by their first letters after lowercasing and removing dots.
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, januar: 1, janv: 1, janvier: 1, ene: 1, enero: 1, 'jän': 1,
  feb: 2, february: 2, februar: 2, 'févr': 2, fevr: 2, 'février': 2, febrero: 2,
  mar: 3, march: 3, 'mär': 3, 'märz': 3, mars: 3, marzo: 3, maerz: 3,
  apr: 4, april: 4, avr: 4, avril: 4, abr: 4, abril: 4,
  may: 5, mai: 5, mayo: 5,
  jun: 6, june: 6, juni: 6, juin: 6, junio: 6,
  jul: 7, july: 7, juli: 7, juil: 7, juillet: 7, julio: 7,
  aug: 8, august: 8, 'août': 8, aout: 8, ago: 8, agosto: 8,
  sep: 9, sept: 9, september: 9, septembre: 9, septiembre: 9,
  oct: 10, october: 10, okt: 10, oktober: 10, octobre: 10, octubre: 10,
  nov: 11, november: 11, novembre: 11, noviembre: 11,
  dec: 12, december: 12, dez: 12, dezember: 12, 'déc': 12, 'décembre': 12, dic: 12, diciembre: 12,
  mrt: 3, mei: 5, fev: 2, out: 10, dezembro: 12, janeiro: 1, fevereiro: 2, 'março': 3,
  maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11,
};

// Weekday names and the filler words mail clients put between date and time; they carry no value.
const FILLERS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday',
  'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag',
  'samstag', 'sonntag', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim', 'lundi', 'mardi', 'mercredi',
  'jeudi', 'vendredi', 'samedi', 'dimanche', 'lu', 'ma', 'ju', 'vi', 'sá', 'lunes', 'martes',
  'miércoles', 'jueves', 'viernes', 'sábado', 'domingo', 'mié', 'jue', 'vie', 'sáb', 'dom',
  'at', 'um', 'uhr', 'à', 'a', 'las', 'de', 'del', 'le', 'el', 'on', 'om', 'às', 'klo', 'op', 'em',
  'ma', 'di', 'wo', 'do', 'vr', 'za', 'zo', 'seg', 'ter', 'qua', 'qui', 'sex', 'ti', 'ke', 'to', 'pe', 'la', 'su',
]);

// Zone abbreviations seen in kernel mail, as offsets in minutes.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, cet: 60, cest: 120, bst: 60, ist: 330, jst: 540, aest: 600, aedt: 660,
};

interface Parts {
  year: number | null;
  month: number | null;
  day: number | null;
  hour: number | null;
  minute: number | null;
  second: number | null;
  zoneMin: number | null;
  tentativeMonth: boolean;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Render the parts as ISO 8601 text, or null when year, month or day is missing or out of range. */
function toIso(p: Parts): string | null {
  if (p.year === null || p.month === null || p.day === null) return null;
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.day > 31) return null;
  let out = `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}`;
  if (p.hour === null || p.minute === null) return out;
  if (p.hour > 23 || p.minute > 59 || (p.second !== null && p.second > 60)) return out;
  out += `T${pad2(p.hour)}:${pad2(p.minute)}`;
  if (p.second !== null) out += `:${pad2(p.second)}`;
  if (p.zoneMin !== null) {
    const sign = p.zoneMin < 0 ? '-' : '+';
    const abs = Math.abs(p.zoneMin);
    out += `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  }
  return out;
}

// Two-digit years in attributions are this century (kernel mail starts in the 1990s, where
// 9x means 199x).
const fullYear = (y: number, digits: number): number => (digits <= 2 ? (y >= 90 ? 1900 + y : 2000 + y) : y);

/** Place a numeric date `a<sep>b<sep>c` using the conventions of the client families that write each shape. */
function numericDate(a: string, b: string, c: string, sep: string, p: Parts): void {
  const na = Number(a);
  const nb = Number(b);
  const nc = Number(c);
  if (a.length === 4) {
    p.year = na; p.month = nb; p.day = nc; // 2022/5/16, 2023-01-19 (y-m-d)
  } else if (sep === '-' && c.length === 2) {
    // "Mon 11-05-26": Jan Kara's mutt date_format is %d-%m-%y.
    p.day = na; p.month = nb; p.year = fullYear(nc, 2);
  } else if (sep === '.') {
    p.day = na; p.month = nb; p.year = fullYear(nc, c.length); // German/Thunderbird d.m.y
  } else if (na > 12) {
    p.day = na; p.month = nb; p.year = fullYear(nc, c.length);
  } else if (nb > 12 || c.length === 2) {
    // Thunderbird en-US writes M/D/YY; a second field over 12 can only be a day.
    p.month = na; p.day = nb; p.year = fullYear(nc, c.length);
  } else {
    p.day = na; p.month = nb; p.year = fullYear(nc, c.length); // en-GB D/M/YYYY
  }
}

/** One whitespace-separated token of the date, with its end offset. */
interface Tok {
  text: string;
  end: number;
}

/** Split on whitespace and commas, remembering where each token ends in the input. */
function tokenize(s: string, limit: number): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length && out.length < limit) {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === ',' || s[i] === '\n')) i++;
    const start = i;
    while (i < s.length && s[i] !== ' ' && s[i] !== '\t' && s[i] !== ',' && s[i] !== '\n') i++;
    if (i > start) out.push({ text: s.slice(start, i), end: i });
  }
  return out;
}

const isDigits = (s: string): boolean => s.length > 0 && /^\d+$/.test(s);

/** Read one token into the parts; false when the token is not part of a date. */
function readToken(raw: string, p: Parts): boolean {
  const t = raw.toLowerCase().replace(/\.$/, '');
  if (t === '') return true;
  // "mar" is March in English/Spanish and Tuesday in French/Spanish: take it as the month
  // only while no month is known, and let a later month name replace it.
  if (t === 'mar' && p.month === null) {
    p.month = 3;
    p.tentativeMonth = true;
    return true;
  }
  const month = MONTHS[t];
  if (month !== undefined && (p.month === null || p.tentativeMonth)) {
    p.month = month;
    p.tentativeMonth = false;
    return true;
  }
  if (FILLERS.has(t)) return true;
  let m = /^(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?([ap]\.?m\.?)?$/.exec(t);
  if (m && p.hour === null && (t.includes(':') || t.includes('h') || p.day !== null)) {
    p.hour = Number(m[1]);
    p.minute = Number(m[2]);
    p.second = m[3] !== undefined ? Number(m[3]) : null;
    if (m[4] !== undefined) applyMeridiem(m[4], p);
    return true;
  }
  if (/^[ap]\.?m\.?$/.test(t) && p.hour !== null) {
    applyMeridiem(t, p);
    return true;
  }
  m = /^([+-])(\d{2}):?(\d{2})$/.exec(t);
  if (m && p.hour !== null && p.zoneMin === null) {
    const v = Number(m[2]) * 60 + Number(m[3]);
    p.zoneMin = m[1] === '-' ? -v : v;
    return true;
  }
  const zone = ZONES[t.replace(/^\(|\)$/g, '')];
  if (zone !== undefined && p.hour !== null && p.zoneMin === null) {
    p.zoneMin = zone;
    return true;
  }
  m = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/.exec(t);
  if (m && p.year === null && p.day === null) {
    numericDate(m[1] ?? '', m[3] ?? '', m[4] ?? '', m[2] ?? '', p);
    return true;
  }
  if (isDigits(t)) {
    const n = Number(t);
    if (t.length === 4 && p.year === null) {
      p.year = n;
      return true;
    }
    if (t.length <= 2 && p.day === null && n >= 1 && n <= 31) {
      p.day = n;
      return true;
    }
    // "[100604 12:34]": tglx's YYMMDD.
    if (t.length === 6 && p.year === null && p.day === null) {
      p.year = fullYear(Number(t.slice(0, 2)), 2);
      p.month = Number(t.slice(2, 4));
      p.day = Number(t.slice(4, 6));
      return true;
    }
    return false;
  }
  // "1." (German day) or "10:17:26AM" handled above; "28/05" without a year stays unplaced.
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m && p.day === null) {
    p.day = Number(m[1]);
    p.month = Number(m[2]);
    return true;
  }
  return false;
}

/** Apply AM/PM to the hour read before it. */
function applyMeridiem(t: string, p: Parts): void {
  if (p.hour === null) return;
  const pm = t.startsWith('p');
  if (pm && p.hour < 12) p.hour += 12;
  if (!pm && p.hour === 12) p.hour = 0;
}

/** Read the longest date at the start of `s` (stopping at the first token that cannot be part of a date). */
export function parseLooseDate(s: string): LooseDate {
  const p: Parts = { year: null, month: null, day: null, hour: null, minute: null, second: null, zoneMin: null, tentativeMonth: false };
  // Dates are short; 16 tokens bounds the work on hostile input.
  const toks = tokenize(s, 16);
  let length = 0;
  let meaningful = false;
  for (const tok of toks) {
    const before = JSON.stringify(p);
    if (!readToken(tok.text, p)) break;
    if (JSON.stringify(p) !== before) meaningful = true;
    length = tok.end;
  }
  if (!meaningful) return { iso: null, length: 0 };
  return { iso: toIso(p), length };
}
