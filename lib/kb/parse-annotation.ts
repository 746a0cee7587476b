import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { RootContent, List } from 'mdast';
import type { Claim, KbDiagnostic, ParseResult, ThreadAnnotation } from './types';
import { splitFrontMatter } from './split-front-matter';
import { annotationFrontMatterSchema } from './annotation-front-matter';
import { claimFieldSchemas, REPEATABLE_CLAIM_FIELDS, REQUIRED_CLAIM_FIELDS, type ClaimField } from './claim-fields';
import { checkClaims } from './check-claims';

interface FieldEntry {
  value: string;
  line: number;
}

interface ClaimDraft {
  id: string;
  title: string;
  line: number;
  fields: Map<ClaimField, FieldEntry[]>;
  paragraphs: string[];
}

// A letter and a number: `c7`, or `d4` where the kernel notes number a thread's claims D1, D2...
const CLAIM_HEADING = /^([a-z]\d+) +[—–-] +(.+)$/;
const FIELD_LINE = /^([a-z][a-z-]*): *(.*)$/s;

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Parses one `annotations.md` file into a ThreadAnnotation; every problem becomes a diagnostic
 * naming the file, line, claim and field. A claim with errors is left out; the rest is kept.
 */
export function parseAnnotation(source: string, file: string): ParseResult<ThreadAnnotation> {
  const diagnostics: KbDiagnostic[] = [];
  const report = (line: number, claim: string | null, field: string | null, ruleId: string, reason: string): void => {
    diagnostics.push({ file, line, claim, field, ruleId, reason });
  };
  const split = splitFrontMatter(source);
  if (split.yaml === null) {
    report(1, null, null, 'front-matter-missing', 'the file must start with a `---` YAML front matter block');
    return { value: null, diagnostics };
  }
  let raw: unknown;
  try {
    raw = parseYaml(split.yaml);
  } catch (error) {
    report(2, null, null, 'front-matter-yaml', `the front matter is not YAML: ${(error as Error).message}`);
    return { value: null, diagnostics };
  }
  const front = annotationFrontMatterSchema.safeParse(raw);
  if (!front.success) {
    for (const issue of front.error.issues) {
      report(1, null, issue.path.join('.') || null, 'front-matter-invalid', issue.message);
    }
    return { value: null, diagnostics };
  }
  const { summary, claims } = readBody(split.body, split.bodyLineOffset, report);
  if (summary === '') report(split.bodyLineOffset + 1, null, 'summary', 'summary-missing', 'a `## Summary` section with a paragraph is required');
  const checked = checkClaims(claims, front.data, report);
  return { value: { ...front.data, summary, claims: checked }, diagnostics };
}

type Report = (line: number, claim: string | null, field: string | null, ruleId: string, reason: string) => void;

function readBody(body: string, lineOffset: number, report: Report): { summary: string; claims: Claim[] } {
  const tree = unified().use(remarkParse).parse(body);
  const summary: string[] = [];
  const claims: Claim[] = [];
  let section: 'none' | 'summary' | 'claims' | 'other' = 'none';
  let draft: ClaimDraft | null = null;
  const lineOf = (node: RootContent): number => (node.position?.start.line ?? 1) + lineOffset;
  const finish = (): void => {
    if (draft !== null) {
      const claim = buildClaim(draft, report);
      if (claim !== null) claims.push(claim);
    }
    draft = null;
  };
  // The tree is walked flat (top-level nodes only): claims are headings followed by a list and a paragraph.
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      finish();
      const name = collapse(toString(node)).toLowerCase();
      section = node.depth === 1 ? section : name === 'summary' ? 'summary' : name === 'claims' ? 'claims' : 'other';
      continue;
    }
    if (section === 'summary' && node.type === 'paragraph') summary.push(collapse(toString(node)));
    if (section !== 'claims') continue;
    if (node.type === 'heading' && node.depth === 3) {
      finish();
      const m = CLAIM_HEADING.exec(collapse(toString(node)));
      if (m === null) report(lineOf(node), null, null, 'claim-heading', 'a claim heading reads `### c<N> — <title>` (any lower-case letter, then a number)');
      else draft = { id: m[1] as string, title: m[2] as string, line: lineOf(node), fields: new Map(), paragraphs: [] };
      continue;
    }
    const current = draft as ClaimDraft | null;
    if (current === null) continue;
    if (node.type === 'list') readFields(node, body, lineOffset, current, report);
    else if (node.type === 'paragraph') current.paragraphs.push(collapse(toString(node)));
    else report(lineOf(node), current.id, null, 'unexpected-content', `a claim holds a field list and one paragraph, not a ${node.type}`);
  }
  finish();
  return { summary: summary.join('\n\n'), claims };
}

function readFields(list: List, body: string, lineOffset: number, draft: ClaimDraft, report: Report): void {
  for (const item of list.children) {
    const first = item.children[0];
    const line = (item.position?.start.line ?? 1) + lineOffset;
    if (first?.position === undefined || item.position === undefined) continue;
    // The raw source, not toString: markdown would eat the `*` and `_` of quoted kernel code.
    const raw = collapse(body.slice(first.position.start.offset, item.position.end.offset));
    const m = FIELD_LINE.exec(raw);
    const name = m?.[1];
    if (m === null || name === undefined || !(name in claimFieldSchemas)) {
      report(line, draft.id, name ?? null, 'unknown-field', `not a claim field: "${raw.slice(0, 40)}"`);
      continue;
    }
    const field = name as ClaimField;
    const entries = draft.fields.get(field) ?? [];
    if (entries.length > 0 && !REPEATABLE_CLAIM_FIELDS.includes(field)) {
      report(line, draft.id, field, 'duplicate-field', `"${field}" is given twice`);
      continue;
    }
    entries.push({ value: m[2] as string, line });
    draft.fields.set(field, entries);
  }
}

function parsed<F extends ClaimField>(draft: ClaimDraft, field: F, report: Report): unknown[] {
  const out: unknown[] = [];
  for (const entry of draft.fields.get(field) ?? []) {
    const result = claimFieldSchemas[field].safeParse(entry.value);
    if (result.success) out.push(result.data);
    else report(entry.line, draft.id, field, 'field-invalid', result.error.issues.map((i) => i.message).join('; '));
  }
  return out;
}

function buildClaim(draft: ClaimDraft, report: Report): Claim | null {
  let ok = true;
  for (const field of REQUIRED_CLAIM_FIELDS) {
    if (!draft.fields.has(field)) {
      report(draft.line, draft.id, field, 'field-missing', `the claim has no "${field}"`);
      ok = false;
    }
  }
  if (draft.paragraphs.length !== 1) {
    report(draft.line, draft.id, 'paraphrase', draft.paragraphs.length === 0 ? 'paraphrase-missing' : 'paraphrase-extra',
      'a claim ends with exactly one paraphrase paragraph');
    ok = false;
  }
  const errorsBefore = { count: 0 };
  const counting: Report = (...args) => {
    errorsBefore.count += 1;
    report(...args);
  };
  const one = <F extends ClaimField>(field: F): unknown => parsed(draft, field, counting)[0];
  const speaker = one('speaker') as string | undefined;
  const kind = one('kind') as Claim['kind'] | undefined;
  const message = one('message') as Claim['message'] | undefined;
  const depth = one('depth') as number | undefined;
  const answers = (one('answers') as string[] | undefined) ?? [];
  const status = one('status') as Claim['status'] | undefined;
  const quote = one('quote') as string | undefined;
  const prefix = (one('prefix') as string | undefined) ?? '';
  const suffix = (one('suffix') as string | undefined) ?? '';
  const position = one('position') as [number, number] | undefined;
  const scenarios = parsed(draft, 'scenario', counting) as Claim['scenarios'];
  const scenarioPending = (one('scenario-pending') as string | undefined) ?? null;
  const notReplayable = (one('not-replayable') as string | undefined) ?? null;
  if (!ok || errorsBefore.count > 0) return null;
  if (speaker === undefined || kind === undefined || message === undefined || depth === undefined) return null;
  if (status === undefined || quote === undefined) return null;
  return {
    id: draft.id,
    title: draft.title,
    speaker,
    kind,
    message,
    depth,
    answers,
    status,
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix, suffix },
      position: position === undefined ? null : { type: 'TextPositionSelector', start: position[0], end: position[1] },
    },
    paraphrase: draft.paragraphs[0] as string,
    scenarios,
    scenarioPending,
    notReplayable,
    line: draft.line,
  };
}
